package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.year;
import static org.assertj.core.api.Assertions.assertThat;
import static org.newsframe.Fixtures.ARTICLE_COLUMNS;
import static org.newsframe.Fixtures.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;
import org.newsframe.io.Columns;

/**
 * Dated runs: a copy published days after its origin joins the origin's cluster under the same id,
 * reruns of a date give the same bytes, and a series of nightly runs ends where one run over the
 * same dates does.
 */
class NightlyRunTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir static Path tmp;
  private static Path corpus;

  private static final LocalDate D1 = LocalDate.parse("2017-06-09");
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  // Across a month boundary, so the month-partition pruning is exercised too.
  private static final LocalDate D4 = LocalDate.parse("2017-07-01");

  @BeforeAll
  static void corpus() {
    TextGen gen = new TextGen(7);
    String wire = gen.article(12);
    String[] paras = wire.split("\n\n");
    String edited = String.join("\n\n", java.util.Arrays.copyOfRange(paras, 0, 10)) + "\n\n" + gen.sentence(12);
    corpus = tmp.resolve("corpus");
    Fixtures.strings(
            ARTICLE_COLUMNS,
            article("ap-1", "AP", D1.toString(), wire),
            article("voa-1", "VOA", D1.toString(), gen.article(8)),
            article("bs-2", "Business Standard", D2.toString(), edited),
            article("reuters-2", "Reuters", D2.toString(), gen.article(8)),
            article("wt-3", "Washington Times", D3.toString(), wire + "\n\n" + gen.sentence(10)),
            article("voa-3", "VOA", D3.toString(), ""), // rejected: empty text
            article("late-4", "Fox News", D4.toString(), String.join("\n\n", java.util.Arrays.copyOfRange(paras, 2, 12))),
            article("undated", "AP", null, gen.article(6)))
        .withColumn(Columns.PUBLISHED_YEAR, year(to_date(col(Columns.PUBLISHED))))
        .withColumn(Columns.PUBLISHED_MONTH, month(to_date(col(Columns.PUBLISHED))))
        .write()
        .partitionBy(Columns.PUBLISHED_YEAR, Columns.PUBLISHED_MONTH)
        .parquet(corpus.toString());
  }

  private RunJob.Result run(Path out, Nightly dates) {
    RunConfig c = RunConfig.of(corpus.toString(), out.toString(), Set.of(Stage.CLEAN, Stage.SYNDICATION)).withNightly(dates);
    return RunJob.run(c, spark);
  }

  private Map<String, String> clusterOf(Path out) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : spark.read().parquet(out.resolve(RunJob.CLUSTERS).toString()).collectAsList()) {
      m.put(r.getAs(Columns.ID), r.getAs(Columns.CLUSTER_ID));
    }
    return m;
  }

  private Map<String, String> originOf(Path out) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : spark.read().parquet(out.resolve(RunJob.CLUSTERS).toString()).collectAsList()) {
      m.put(r.getAs(Columns.ID), r.getAs(Columns.ORIGIN_ID));
    }
    return m;
  }

  @Test
  void aCopyPublishedLaterJoinsItsOriginsClusterUnderTheSameId() throws IOException {
    Path out = tmp.resolve("nightly");
    RunJob.Result r1 = run(out, Nightly.day(D1, 7));
    assertThat(r1.rowsIn()).as("only the first day is read").isEqualTo(2);
    String apCluster = clusterOf(out).get("ap-1");

    RunJob.Result r2 = run(out, Nightly.day(D2, 7));
    assertThat(r2.rowsIn()).isEqualTo(2);
    Map<String, String> day2 = clusterOf(out);
    assertThat(day2).as("the window: yesterday's articles and today's").containsOnlyKeys("ap-1", "voa-1", "bs-2", "reuters-2");
    assertThat(day2.get("bs-2")).as("BS's copy joins AP's cluster, under yesterday's id").isEqualTo(apCluster);
    assertThat(originOf(out).get("bs-2")).isEqualTo("ap-1");

    RunJob.Result r3 = run(out, Nightly.day(D3, 7));
    assertThat(r3.rowsIn()).isEqualTo(2);
    assertThat(r3.rejected()).containsExactlyEntriesOf(Map.of("empty_text", 1L));
    assertThat(clusterOf(out)).containsEntry("wt-3", apCluster).containsEntry("bs-2", apCluster);

    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(m.at("/dates/from").asText()).isEqualTo(D3.toString());
    assertThat(m.at("/dates/carried_articles").asLong()).isEqualTo(4);
    assertThat(m.at("/dates/window_articles").asLong()).isEqualTo(5);
    assertThat(m.at("/dates/undated_in_corpus_not_processed").asLong()).isEqualTo(1);
    assertThat(m.at("/rows/in").asLong()).isEqualTo(m.at("/rows/out").asLong() + m.at("/rows/rejected").asLong());
  }

  @Test
  void rerunningADateGivesTheSameBytesAndASeriesEndsWhereOneRunOverTheDatesDoes() throws IOException {
    Path out = tmp.resolve("series");
    for (LocalDate d : List.of(D1, D2, D3, D4)) {
      run(out, Nightly.day(d, 30));
    }
    Map<String, byte[]> first = OutputFiles.tables(out);
    run(out, Nightly.day(D4, 30));
    Map<String, byte[]> again = OutputFiles.tables(out);
    OutputFiles.assertSameBytes(first, again);

    Path once = tmp.resolve("once");
    run(once, Nightly.since(D1, 30));
    assertThat(clusterOf(once)).as("one run from D1 on").isEqualTo(clusterOf(out));
    assertThat(clusterOf(out).get("late-4")).as("a copy three weeks on, inside a 30-day window").isEqualTo(clusterOf(out).get("ap-1"));
  }

  @Test
  void aDateOutsideTheWindowStartsAfreshAndAnEarlierDateKeepsTheLaterOnes() {
    Path out = tmp.resolve("narrow");
    run(out, Nightly.day(D1, 0));
    run(out, Nightly.day(D2, 0));
    Map<String, String> day2 = clusterOf(out);
    assertThat(day2).as("a window of 0 days carries nothing").containsOnlyKeys("bs-2", "reuters-2");

    run(out, Nightly.day(D1, 0));
    Map<String, String> back = clusterOf(out);
    assertThat(back).as("rerunning D1 keeps D2, published after it").containsOnlyKeys("ap-1", "voa-1", "bs-2", "reuters-2");
    assertThat(back.get("bs-2")).isEqualTo(back.get("ap-1"));
  }

  @Test
  void clustersOfADatedRunMatchARunOverTheWholeCorpusMinusTheUndated() {
    Path all = tmp.resolve("all");
    RunJob.run(RunConfig.of(corpus.toString(), all.toString(), Set.of(Stage.CLEAN, Stage.SYNDICATION)), spark);
    Map<String, String> batch = clusterOf(all);
    batch.remove("undated");
    Path since = tmp.resolve("since");
    run(since, Nightly.since(D1, 7));
    assertThat(clusterOf(since)).isEqualTo(batch);
    assertThat(batch.values().stream().collect(Collectors.toSet())).as("ap, its three copies; voa, reuters").hasSize(3);
  }

  @Test
  void aggregatesAreRecomputedOverTheWindow() {
    Path out = tmp.resolve("terms");
    java.util.function.Consumer<Nightly> run = d -> RunJob.run(
        RunConfig.of(corpus.toString(), out.toString(), Set.of(Stage.CLEAN, Stage.SYNDICATION, Stage.TERMS)).withNightly(d), spark);
    run.accept(Nightly.day(D1, 7));
    run.accept(Nightly.day(D2, 7));
    assertThat(outletsCounted(out)).as("yesterday's outlets and today's").containsExactlyInAnyOrder("AP", "VOA", "Business Standard", "Reuters");
    run.accept(Nightly.day(D3, 0));
    assertThat(outletsCounted(out)).as("a window of 0 days: that day's outlets only").containsExactly("Washington Times");
  }

  private List<String> outletsCounted(Path out) {
    return spark.read().parquet(out.resolve(RunJob.TERM_FREQUENCIES).toString()).select(Columns.OUTLET).distinct()
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
