package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.io.Columns;
import org.newsframe.text.entities.AliasDictionary;
import org.newsframe.text.entities.EntityExtractors;

class EntitiesTest {

  private static final StructType CLEANED = Fixtures.CLEANED;
  private static final StructType CLUSTERS = Fixtures.CLUSTER_ROLES;

  private static final String WIRE_1 = "ISIS fighters left Raqqa for Palmyra. The U.S. denied it.";
  private static final String WIRE_2 = "Rudskoi said ISIS was helped.";

  private static Dataset<Row> corpus() {
    return Fixtures.table(CLEANED,
        new Object[] {"ap", "AP", WIRE_1 + "\n\n" + WIRE_2},
        new Object[] {"bs", "BS", WIRE_1 + "\n\n" + WIRE_2.replace("ISIS", "IS") + "\n\nThe SDF disagreed."},
        new Object[] {"voa", "VOA", "Islamic State still holds Raqqa.\n\n" + WIRE_1},
        new Object[] {"empty", "VOA", null});
  }

  private static List<String> mentions(boolean cache) {
    Dataset<Row> tagged = Entities.tag(Entities.paragraphs(corpus()), EntityExtractors.ALIASES, AliasDictionary.bundled(), cache);
    List<String> out = new ArrayList<>();
    for (Row r : Entities.mentions(tagged).collectAsList()) {
      out.add(r.getAs(Columns.ID) + "@" + r.getAs(Entities.CHAR_START) + " s" + r.getAs(Entities.SENTENCE_INDEX) + " "
          + r.getAs(Entities.ENTITY) + "/" + r.getAs(Entities.TYPE) + "/" + r.getAs(Entities.SURFACE));
    }
    return out;
  }

  @Test
  void theParagraphCacheChangesNothingButTheWork() {
    List<String> cached = mentions(true);
    assertThat(cached).containsExactlyInAnyOrderElementsOf(mentions(false));
    // Positions are article-level: BS's second paragraph starts after the first and a blank line;
    // sentence indexes run on across paragraphs (WIRE_1 has two sentences).
    int second = WIRE_1.length() + 2;
    assertThat(cached).contains(
        "ap@0 s0 Islamic State/ORGANIZATION/ISIS",
        "ap@" + (second + "Rudskoi said ".length()) + " s2 Islamic State/ORGANIZATION/ISIS",
        "bs@" + (second + "Rudskoi said ".length()) + " s2 Islamic State/ORGANIZATION/IS",
        "voa@0 s0 Islamic State/ORGANIZATION/Islamic State",
        "bs@" + (second + WIRE_2.length() - 2 + 2 + "The ".length()) + " s3 Syrian Democratic Forces/ORGANIZATION/SDF");
    assertThat(cached).noneMatch(m -> m.startsWith("empty@"));
  }

  @Test
  void firstOfKeyHandsOnEachKeyOnceInTheOrderMet() throws Exception {
    List<Long> handed = new ArrayList<>();
    org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row> record = rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEachRemaining(r -> {
        handed.add(r.getLong(0));
        out.add(r);
      });
      return out.iterator();
    };
    List<Row> in = new ArrayList<>();
    for (long k : new long[] {7, 3, 7, 7, -1, 3, 0, -1}) {
      in.add(org.apache.spark.sql.RowFactory.create(k, "paragraph " + k));
    }
    List<String> texts = new ArrayList<>();
    new Entities.FirstOfKeyFn(record).call(in.iterator()).forEachRemaining(r -> texts.add(r.getString(1)));
    assertThat(handed).containsExactly(7L, 3L, -1L, 0L);
    assertThat(texts).containsExactly("paragraph 7", "paragraph 3", "paragraph -1", "paragraph 0");
  }

  @Test
  void aCopyCountsTheNamesItChanged() {
    Dataset<Row> tagged = Entities.tag(Entities.paragraphs(corpus()), EntityExtractors.ALIASES, AliasDictionary.bundled(), true);
    Dataset<Row> counts = Entities.articleCounts(Entities.mentions(tagged));
    Dataset<Row> clusters = Fixtures.table(CLUSTERS,
        new Object[] {"ap", "ap", true}, new Object[] {"bs", "ap", false}, new Object[] {"voa", "voa", true});
    Map<String, String> weighted = new TreeMap<>();
    for (Row r : Entities.frequencies(Entities.syndicationWeighted(counts, clusters), Terms.MODE_WEIGHTED).collectAsList()) {
      if (r.getAs(Columns.OUTLET).equals("BS")) {
        weighted.put(r.getAs(Entities.ENTITY), r.getAs(Entities.MENTIONS) + " " + r.getList(r.fieldIndex(Entities.SURFACES)));
      }
    }
    assertThat(weighted).containsOnlyKeys("Islamic State", "Syrian Democratic Forces");
    assertThat(weighted.get("Islamic State")).isEqualTo("1 [[IS,1]]");
    Map<String, Long> all = new TreeMap<>();
    Entities.frequencies(counts, Terms.MODE_ALL).filter("outlet = 'VOA'").collectAsList()
        .forEach(r -> all.put(r.getAs(Entities.ENTITY), r.getAs(Entities.MENTIONS)));
    assertThat(all).containsEntry("Islamic State", 2L).containsEntry("Raqqa", 2L).containsEntry("Palmyra", 1L);
  }

  @Test
  void aSurnameJoinsTheFullNameInItsArticleOnly() {
    StructType m = new StructType()
        .add(Columns.ID, DataTypes.StringType).add(Columns.OUTLET, DataTypes.StringType)
        .add(Entities.ENTITY, DataTypes.StringType).add(Entities.TYPE, DataTypes.StringType)
        .add(Entities.SURFACE, DataTypes.StringType).add(Entities.SENTENCE_INDEX, DataTypes.IntegerType)
        .add(Entities.CHAR_START, DataTypes.IntegerType).add(Entities.SOURCE, DataTypes.StringType);
    Dataset<Row> mentions = Fixtures.table(m,
        new Object[] {"a", "X", "Nuri Mehmud", "PERSON", "Nuri Mehmud", 0, 0, "model"},
        new Object[] {"a", "X", "Mehmud", "PERSON", "Mehmud", 1, 40, "model"},
        new Object[] {"b", "X", "Mehmud", "PERSON", "Mehmud", 0, 0, "model"},
        new Object[] {"a", "X", "Mehmud", "LOCATION", "Mehmud", 2, 60, "model"});
    List<String> linked = new ArrayList<>();
    Entities.linkSurnames(mentions).collectAsList()
        .forEach(r -> linked.add(r.getAs(Columns.ID) + ":" + r.getAs(Entities.ENTITY) + "/" + r.getAs(Entities.TYPE)));
    assertThat(linked).containsExactlyInAnyOrder("a:Nuri Mehmud/PERSON", "a:Nuri Mehmud/PERSON", "b:Mehmud/PERSON", "a:Mehmud/LOCATION");
  }
}
