package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;
import org.newsframe.io.Columns;

class RemixTest {

  private final SparkSession spark = TestSpark.session();

  private Dataset<Row> sources(int n) {
    TextGen gen = new TextGen(5);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {"s" + i, "Outlet" + (i % 3), "2020-02-0" + (1 + i % 9), "Title " + i, gen.article(6), null, "en"});
    }
    return Fixtures.strings(Fixtures.ARTICLE_COLUMNS, rows.toArray(Object[][]::new))
        .withColumn(Columns.PUBLISHED, org.apache.spark.sql.functions.col(Columns.PUBLISHED).cast("date"));
  }

  @Test
  void remixesAreNewArticlesMadeOfSourceSentencesAndContainLittleOfAnyOne() {
    Dataset<Row> sources = sources(40);
    Remix.Params p = new Remix.Params(4, 0.3, 9);
    List<Row> remixes = Remix.remixes(spark, sources, 40, p).orderBy(Columns.ID).collectAsList();

    assertThat(remixes).hasSize(40);
    assertThat(remixes.stream().map(r -> r.getString(0)).distinct().count()).isEqualTo(40);
    assertThat(remixes).allSatisfy(r -> {
      assertThat(r.getString(r.fieldIndex(Columns.SYNTHETIC))).isEqualTo(Remix.REMIX);
      assertThat(r.isNullAt(r.fieldIndex(Columns.COPY_OF))).isTrue();
      assertThat(r.getString(r.fieldIndex(Columns.OUTLET))).startsWith("Outlet");
    });

    Map<String, String> text = sources.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(r.fieldIndex(Columns.TEXT))));
    Set<String> pool = new HashSet<>();
    text.values().forEach(t -> pool.addAll(Remix.sentences(t)));
    for (Row r : remixes) {
      String remix = r.getString(r.fieldIndex(Columns.TEXT));
      assertThat(Remix.sentences(remix)).as(remix).isNotEmpty().allSatisfy(s -> assertThat(pool).contains(s));
      Set<String> words = shingles(remix);
      for (Map.Entry<String, String> source : text.entrySet()) {
        Set<String> shared = new HashSet<>(words);
        shared.retainAll(shingles(source.getValue()));
        assertThat((double) shared.size() / words.size())
            .as("share of %s that is %s", r.getString(0), source.getKey()).isLessThan(0.6);
      }
    }
    // Every choice is seeded: the same call gives the same remixes.
    assertThat(Remix.remixes(spark, sources, 40, p).orderBy(Columns.ID).collectAsList()).isEqualTo(remixes);
  }

  @Test
  void aBlockKeepsTheSourceOrderAndNeverComesOutEmpty() {
    List<String> sentences = List.of("One.", "Two.", "Three.", "Four.", "Five.");
    Remix.Params none = new Remix.Params(3, 0.0, 1);
    assertThat(Remix.BlockFn.block(sentences, 7, 1, none)).isIn(sentences);
    Remix.Params all = new Remix.Params(3, 1.0, 1);
    assertThat(Remix.BlockFn.block(sentences, 7, 1, all)).isEqualTo("One. Two. Three. Four. Five.");
    assertThat(Remix.BlockFn.block(List.of(), 7, 1, all)).isEmpty();
  }

  private static Set<String> shingles(String text) {
    String[] w = text.toLowerCase(java.util.Locale.ROOT).split("\\W+");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 5 <= w.length; i++) {
      out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + 5)));
    }
    return out;
  }
}
