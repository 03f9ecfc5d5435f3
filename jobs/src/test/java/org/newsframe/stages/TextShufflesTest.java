package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeExec;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.io.Columns;
import org.newsframe.text.lexicons.Lexicons;

/**
 * How often the stages that read whole texts to meet other rows shuffle the text, from their
 * physical plans (at 1M bench articles a shuffle of every text is 4.6 GB). Spark's own broadcast of
 * small tables is turned off here, so only the stages' deliberate broadcasts count. Also whether
 * syndication's verify step sorts its candidate pairs once they carry an article's fingerprints.
 */
class TextShufflesTest {

  private final SparkSession spark = TestSpark.session();
  private String threshold;

  @BeforeEach
  void noAutomaticBroadcast() {
    threshold = spark.conf().get("spark.sql.autoBroadcastJoinThreshold");
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
  }

  @AfterEach
  void restore() {
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", threshold);
  }

  /** One row of each column's type, so no rule folds the plan away as empty. */
  private Dataset<Row> table(String ddl) {
    StructType schema = StructType.fromDDL(ddl);
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (schema.fields()[i].dataType().typeName()) {
        case "boolean" -> Boolean.TRUE;
        case "integer" -> 1;
        case "long" -> 1L;
        case "array" -> List.of();
        case "date" -> java.sql.Date.valueOf("2016-04-01");
        default -> "x";
      };
    }
    return spark.createDataFrame(List.of(RowFactory.create(values)), schema);
  }

  /** The shuffles in {@code rows}' plan whose rows carry {@code column}. */
  private static long shufflesCarrying(Dataset<Row> rows, String column) {
    SparkPlan plan = rows.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      plan = adaptive.initialPlan(); // with the shuffles the joins need
    }
    List<SparkPlan> nodes = new ArrayList<>();
    collect(plan, nodes);
    return nodes.stream()
        .filter(n -> n instanceof ShuffleExchangeExec)
        .filter(n -> scala.jdk.javaapi.CollectionConverters.asJava(n.output()).stream().anyMatch(a -> a.name().equals(column)))
        .count();
  }

  private static List<SparkPlan> nodes(Dataset<Row> rows) {
    SparkPlan plan = rows.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      plan = adaptive.initialPlan();
    }
    List<SparkPlan> nodes = new ArrayList<>();
    collect(plan, nodes);
    return nodes;
  }

  private static void collect(SparkPlan plan, List<SparkPlan> out) {
    out.add(plan);
    for (SparkPlan child : scala.jdk.javaapi.CollectionConverters.asJava(plan.children())) {
      collect(child, out);
    }
  }

  @Test
  void quotesShuffleTheTextOnceToMeetTheNamesAndSpreadTheWork() {
    Dataset<Row> quotes = Framing.quotes(table("id STRING, outlet STRING, text STRING, removed STRING"),
        table("id STRING, surface STRING, entity STRING, type STRING"), Lexicons.bundled());
    assertThat(shufflesCarrying(quotes, Columns.TEXT)).as(quotes.queryExecution().executedPlan().toString()).isEqualTo(1);
  }

  @Test
  void framingFeaturesShuffleOnlyTheirStoriesTextsAndOnce() {
    Dataset<Row> features = Framing.features(table("id STRING, outlet STRING, title STRING, clean_text STRING"),
        table("id STRING, story_id STRING, outlet STRING, story_terms ARRAY<STRING>"),
        table("id STRING, outlet STRING, origin_id STRING, cluster_size INT, is_origin BOOLEAN"),
        table("id STRING, quote_index INT, speaker STRING, affiliation STRING, verb STRING, words INT"),
        table("id STRING, entity STRING, surface STRING"), Lexicons.bundled());
    assertThat(shufflesCarrying(features, Columns.CLEAN_TEXT)).as(features.queryExecution().executedPlan().toString()).isEqualTo(1);
  }

  @Test
  void storyTermsAndStoryUnitsShuffleTheTextOnce() {
    Dataset<Row> articles = table("id STRING, outlet STRING, published DATE, clean_text STRING");
    Dataset<Row> clusters = table("id STRING, cluster_id STRING, origin_id STRING, is_origin BOOLEAN");
    Dataset<Row> storyWork = TermTables.storyWork(articles, table("id STRING, story_id STRING"), clusters,
        TermTables.Params.of(org.newsframe.text.terms.TermAnalyzer.Options.defaults(), 2, new Terms.DistinctiveParams(0, 2, List.of())));
    assertThat(shufflesCarrying(storyWork, Columns.CLEAN_TEXT)).as(storyWork.queryExecution().executedPlan().toString()).isEqualTo(1);
    Dataset<Row> units = Stories.units(articles, clusters);
    assertThat(shufflesCarrying(units, Columns.CLEAN_TEXT)).as(units.queryExecution().executedPlan().toString()).isEqualTo(1);
  }

  /**
   * The pairs meet each side's fingerprints in hash joins built on the articles' side, so the pairs
   * (13.4 M at 1M bench articles, a few KB each once they carry one side's fingerprints) are not sorted.
   */
  @Test
  void verifyDoesNotSortThePairs() {
    Dataset<Row> signatures = table("id STRING, key BIGINT, outlet STRING, published DATE, shingles ARRAY<INT>, "
        + "signature ARRAY<BIGINT>, band_keys ARRAY<BIGINT>, credits ARRAY<STRING>");
    Dataset<Row> edges = Syndication.verifiedEdges(table("id_a STRING, id_b STRING"), signatures, SyndicationParams.defaults());
    List<SparkPlan> nodes = nodes(edges);
    assertThat(nodes).as(edges.queryExecution().executedPlan().toString())
        .noneMatch(n -> n instanceof org.apache.spark.sql.execution.SortExec)
        .filteredOn(n -> n instanceof org.apache.spark.sql.execution.joins.ShuffledHashJoinExec).hasSize(2);
  }
}
