package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.io.Columns;
import org.newsframe.io.SourceFormat;
import org.newsframe.stages.Stories;
import org.newsframe.stages.StoryParams;

/**
 * {@code newsframe evaluate-stories}: pair precision and recall of the stories stage against a
 * corpus's human event labels (a {@code cluster_id} column: BASIL's triplets, GVA's incidents),
 * for several cosine thresholds in one run (everything before the threshold is computed once).
 */
public final class EvaluateStoriesJob {
  private EvaluateStoriesJob() {}

  public record Config(String corpus, String work, String labelColumn, List<Double> thresholds, String ner, int windowDays,
      int maxUndatedPosting) {}

  public static Map<String, Object> run(Config config, SparkSession spark) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("corpus", config.corpus());
    String ingested = config.work() + "/ingested";
    String out = config.work() + "/run";
    long t0 = System.nanoTime();
    if (!new File(ingested, "_SUCCESS").exists()) {
      IngestJob.run(new IngestConfig(config.corpus(), ingested, SourceFormat.JSONL, Map.of(), null, null), spark);
    }
    RunConfig rc = RunConfig.of(ingested, out, Stage.withPrerequisites(Set.of(Stage.ENTITIES))).withCsv(false)
        .withText(org.newsframe.stages.TextParams.defaults().withNer(config.ner()));
    // The stages before stories do not depend on the stories settings: a second evaluation in the
    // same work directory (another window or cap) starts from the first one's output.
    boolean prepared = new File(out, RunJob.MANIFEST).exists();
    if (!prepared) {
      RunJob.run(rc, spark);
    }
    result.put("prepare_seconds", (System.nanoTime() - t0) / 1e9);
    result.put("prepared_before", prepared);

    Dataset<Row> articles = spark.read().parquet(out + "/" + RunJob.ARTICLES);
    Dataset<Row> clusters = spark.read().parquet(out + "/" + RunJob.CLUSTERS);
    Dataset<Row> mentions = spark.read().parquet(out + "/" + RunJob.ENTITY_MENTIONS);
    StoryParams base = StoryParams.defaults().withDateWindow(config.windowDays()).withMaxUndatedPosting(config.maxUndatedPosting());
    t0 = System.nanoTime();
    Dataset<Row> bags = Stories.units(articles, clusters).persist(StorageLevel.MEMORY_AND_DISK());
    Stories.TfIdf tfidf = Stories.vectors(bags).persist();
    Dataset<Row> vectors = tfidf.units();
    Dataset<Row> top = Stories.topTerms(vectors, base).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> candidates = Stories.candidates(tfidf, top, Stories.unitEntities(clusters, mentions), base)
        .persist(StorageLevel.MEMORY_AND_DISK());
    result.put("units", vectors.count());
    result.put("candidate_pairs", candidates.count());
    result.put("candidates_seconds", (System.nanoTime() - t0) / 1e9);
    Dataset<Row> gold = articles.select(col(Columns.ID), col(config.labelColumn()).cast("string").as("gold"))
        .filter(col("gold").isNotNull()).persist(StorageLevel.MEMORY_AND_DISK());
    result.put("labelled_articles", gold.count());
    result.put("gold_pairs", pairs(gold.groupBy("gold").agg(count(lit(1)).as("n"))));
    List<Map<String, Object>> sweep = new ArrayList<>();
    for (double threshold : config.thresholds()) {
      StoryParams p = base.withMinCosine(threshold);
      Dataset<Row> edges = Stories.edges(candidates, p);
      Stories.Split split = Stories.components(edges, p, rc.syndication());
      Dataset<Row> stories = Stories.assign(clusters, split.components(), mentions, top).select(Columns.ID, Stories.STORY_ID);
      Dataset<Row> joined = gold.join(stories, Columns.ID).persist(StorageLevel.MEMORY_AND_DISK());
      long predicted = pairs(joined.groupBy(Stories.STORY_ID).agg(count(lit(1)).as("n")));
      long truePairs = pairs(joined.groupBy(Stories.STORY_ID, "gold").agg(count(lit(1)).as("n")));
      long goldPairs = (Long) result.get("gold_pairs");
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("min_cosine", threshold);
      r.put("predicted_pairs", predicted);
      r.put("true_pairs", truePairs);
      r.put("precision", predicted == 0 ? 1.0 : round((double) truePairs / predicted));
      r.put("recall", goldPairs == 0 ? 1.0 : round((double) truePairs / goldPairs));
      r.put("stories_with_several_articles", joined.groupBy(Stories.STORY_ID).count().filter(col("count").gt(1)).count());
      r.put("largest_story_articles", stories.groupBy(Stories.STORY_ID).count().agg(max(col("count"))).first().getLong(0));
      r.put("split_rounds", split.rounds());
      sweep.add(r);
      joined.unpersist();
    }
    result.put("settings", base.describe());
    result.put("sweep", sweep);
    candidates.unpersist();
    top.unpersist();
    vectors.unpersist();
    bags.unpersist();
    gold.unpersist();
    return result;
  }

  private static long pairs(Dataset<Row> groups) {
    Column n = col("n").cast("long");
    Row r = groups.agg(sum(n.multiply(n.minus(1)).divide(2))).first();
    return r.isNullAt(0) ? 0 : ((Number) r.get(0)).longValue();
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
