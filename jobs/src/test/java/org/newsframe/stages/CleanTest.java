package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusReader;
import org.newsframe.text.Boilerplate;
import org.newsframe.text.Paragraphs;

class CleanTest {

  private static final String FOOTER = "Follow the Gazette for more local news and weather every single day.";

  private static Map<String, Row> byId(Dataset<Row> df) {
    Map<String, Row> m = new TreeMap<>();
    df.collectAsList().forEach(r -> m.put(r.getAs(Columns.ID), r));
    return m;
  }

  @Test
  void theSampleLosesItsPaywallAndFurniture() {
    Dataset<Row> articles = Validation.accepted(CorpusReader.readMarked(TestSpark.session(), TestSpark.repo().resolve("data/sample").toString()));
    Dataset<Row> ruled = Clean.applyRules(articles, Boilerplate.bundled());
    Map<String, Row> clean = byId(Clean.removeFurniture(ruled, Map.of()));
    Row bs = clean.get("001_b39ecc038f75694e");
    assertThat(bs.<String>getAs(Columns.CLEAN_TEXT)).doesNotContain("Subscribe", "free articles", "₹", "Disclaimer")
        .endsWith("he said on a trip to Kazakhstan.");
    List<Row> removed = bs.getList(bs.fieldIndex(Columns.REMOVED));
    // Everything from "You've reached your limit" on is paywall, price lines included.
    assertThat(removed).extracting(r -> r.getString(2)).containsOnly("paywall", "disclaimer");
    assertThat(removed).extracting(r -> r.getString(1)).contains("Subscribe now for unlimited access.");
    Row voa = clean.get("003_05dc41cd4e506c63");
    assertThat(voa.<String>getAs(Columns.CLEAN_TEXT)).doesNotContain("Accessibility links", "Breaking News", "Battle for Raqqah");
    Row ap = clean.get("000_681a3d21b52c1323");
    assertThat(ap.getList(ap.fieldIndex(Columns.REMOVED))).isEmpty();
    assertThat(ap.<String>getAs(Columns.CLEAN_TEXT)).startsWith("Russia says US-led coalition colludes with ISIS in Syria\n\nThe Russian military");
  }

  @Test
  void furnitureIsLearnedFromUnrelatedArticlesOfOneOutletAndRemovedEverywhere() {
    TextGen gen = new TextGen(11);
    String wire = "The wire paragraph that several outlets carry word for word in their copies of the story.";
    String update = "An update paragraph the Gazette repeated across versions of one and the same story today.";
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String body = gen.article(3) + "\n\n" + FOOTER + (i < 3 ? "\n\n" + wire : "");
      rows.add(new Object[] {"g" + i, "Gazette", null, "Gazette story " + i, body, null, null});
    }
    String opening = gen.article(1);
    for (int i = 0; i < 6; i++) { // one story, updated six times: same opening, so not furniture
      rows.add(new Object[] {"u" + i, "Gazette", null, "The same story", opening + "\n\n" + gen.article(2) + "\n\n" + update, null, null});
    }
    rows.add(new Object[] {"tiny", "Gazette", null, "Brief", "Short lines only.\n\nNothing long.", null, null});
    rows.add(new Object[] {"empty-after-rules", "Gazette", null, "Gone", "Accessibility links", null, null});
    // Another outlet's copy of a Gazette article carries the Gazette's furniture along.
    rows.add(new Object[] {"copy", "Elsewhere", null, "Copied", gen.article(2) + "\n\n" + FOOTER, null, null});
    for (int i = 0; i < 3; i++) {
      rows.add(new Object[] {"w" + i, "Wire" + i, null, "Wire " + i, gen.article(2) + "\n\n" + wire, null, null});
    }
    Dataset<Row> ruled = Clean.applyRules(Fixtures.strings(Fixtures.ARTICLE_COLUMNS, rows.toArray(Object[][]::new)), Boilerplate.bundled());
    Map<String, Set<Long>> furniture = Clean.furnitureByOutlet(Clean.learnFurniture(ruled, 5));
    assertThat(furniture).containsOnlyKeys("Gazette");
    assertThat(furniture.get("Gazette")).containsExactly(Paragraphs.fingerprint(FOOTER));

    Map<String, Row> clean = byId(Clean.removeFurniture(ruled, furniture));
    Row g0 = clean.get("g0");
    assertThat(g0.<String>getAs(Columns.CLEAN_TEXT)).doesNotContain(FOOTER).contains(wire);
    List<Row> removed = g0.getList(g0.fieldIndex(Columns.REMOVED));
    assertThat(removed).extracting(r -> r.getInt(0) + ":" + r.getString(2)).containsExactly("3:" + Clean.LEARNED_FURNITURE);
    assertThat(clean.get("u0").<String>getAs(Columns.CLEAN_TEXT)).contains(update);
    assertThat(clean.get("w0").<String>getAs(Columns.CLEAN_TEXT)).contains(wire);
    assertThat(clean.get("copy").<String>getAs(Columns.CLEAN_TEXT)).doesNotContain(FOOTER);
    assertThat(clean.get("w0").<String>getAs(Columns.CLEAN_TEXT)).doesNotContain("_nf_");
    assertThat(clean.get("w0").schema().fieldNames()).doesNotContain("_nf_paragraphs", "_nf_prints");
  }

  @Test
  void furnitureSharedAcrossANetworkOfSitesIsLearnedToo() {
    TextGen gen = new TextGen(12);
    String wall = "Already have an account? We have sent a confirmation email, please check your inbox now.";
    String wire = "A wire paragraph that ten outlets carry as part of the same story, with the same opening.";
    String opening = gen.article(1);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) { // ten stations of one network, two unrelated articles each
      rows.add(new Object[] {"s" + i + "a", "station" + i, null, null, gen.article(2) + "\n\n" + wall, null, null});
      rows.add(new Object[] {"s" + i + "b", "station" + i, null, null, gen.article(2) + "\n\n" + wall, null, null});
      rows.add(new Object[] {"w" + i, "outlet" + i, null, null, opening + "\n\n" + gen.article(1) + "\n\n" + wire, null, null});
    }
    Dataset<Row> ruled = Clean.applyRules(Fixtures.strings(Fixtures.ARTICLE_COLUMNS, rows.toArray(Object[][]::new)), Boilerplate.bundled());
    Map<String, Set<Long>> furniture = Clean.furnitureByOutlet(Clean.learnFurniture(ruled, 5));
    assertThat(furniture).containsOnlyKeys(Clean.ANY_OUTLET);
    assertThat(furniture.get(Clean.ANY_OUTLET)).containsExactly(Paragraphs.fingerprint(wall));
  }

  @Test
  void openingIsWhatSparksSplitGaveRowForRow() {
    // The expression the opening was before it moved to Java: the oracle, on texts at its edges.
    org.apache.spark.sql.Column before = org.apache.spark.sql.functions.coalesce(
        org.apache.spark.sql.functions.expr("try_element_at(filter(split(clean_text, '\\n\\n'), p -> size(split(p, ' ')) >= 12), 1)"),
        org.apache.spark.sql.functions.substring(org.apache.spark.sql.functions.col(Columns.CLEAN_TEXT), 1, 200));
    String eleven = "one two three four five six seven eight nine ten eleven";
    String twelve = eleven + " twelve";
    List<String> texts = new ArrayList<>(List.of("", "short", eleven, twelve, "x\n\n" + twelve, "\n\n\n" + twelve + "\n\n" + eleven,
        eleven + "\n\n" + eleven + "\n\n" + twelve + "\n\nlast one here", "a  b  c  d  e  f", // double spaces: empty words count
        "tab\tseparated " + eleven, "\u00e9t\u00e9 " + twelve.replace(' ', '\u00A0'), // no-break spaces are not spaces
        "caf\u00e9 ".repeat(60), "\uD83D\uDE00 ".repeat(11) + "x", "\uD83D\uDE00".repeat(150) + "\u00e9".repeat(100),
        "word ".repeat(50).strip() + "\n\n" + twelve));
    texts.add("z".repeat(250));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(new Object[] {String.valueOf(i), texts.get(i)});
    }
    rows.add(new Object[] {"null", null});
    Dataset<Row> in = Fixtures.strings(List.of(Columns.ID, Columns.CLEAN_TEXT), rows.toArray(new Object[0][]));
    Map<String, String> spark = new TreeMap<>();
    Map<String, String> java = new TreeMap<>();
    Map<String, Long> expectedPrints = new TreeMap<>();
    Map<String, Long> prints = new TreeMap<>();
    in.select(org.apache.spark.sql.functions.col(Columns.ID), before.as("b"), org.apache.spark.sql.functions.col(Columns.CLEAN_TEXT),
            Clean.openingPrint(org.apache.spark.sql.functions.col(Columns.CLEAN_TEXT)).as("p"))
        .collectAsList().forEach(r -> {
          spark.put(r.getString(0), r.getString(1));
          java.put(r.getString(0), Paragraphs.opening(r.getString(2)));
          expectedPrints.put(r.getString(0), r.isNullAt(1) ? null : org.newsframe.text.Hashing.hash64(r.getString(1)));
          prints.put(r.getString(0), r.isNullAt(3) ? null : r.getLong(3));
        });
    assertThat(java).as("opening per text (keys index %s)", texts).isEqualTo(spark);
    assertThat(prints).isEqualTo(expectedPrints);
    assertThat(spark).as("the fixture reaches both branches").containsEntry("3", twelve).containsEntry("1", "short")
        .containsEntry("14", "z".repeat(200));
    assertThat(new java.util.HashSet<>(prints.values())).as("distinct openings, distinct prints").hasSize(
        (int) spark.values().stream().distinct().count());
  }
}
