package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.io.Columns;
import org.newsframe.io.SourceFormat;
import org.newsframe.stages.Generate;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.SyndicationEvaluation;
import org.newsframe.stages.SyndicationParams;

/**
 * {@code newsframe bench-syndication}: builds a labelled corpus of at least N articles from a real
 * one (ingest, then {@code generate-copies}), cleans it, and times newsframe's syndication stage
 * against MLlib's {@code MinHashLSH.approxSimilarityJoin} on the same shingle sets, with pairwise
 * precision and recall of each. Prints and returns the figures.
 */
public final class BenchSyndicationJob {

  private BenchSyndicationJob() {}

  /** Settings. {@code mllibTables} 0 skips the baseline. */
  public record Config(String corpus, String work, long minArticles, int mllibTables, long seed, boolean reuse) {}

  public static Map<String, Object> run(Config config, SparkSession spark) {
    Map<String, Object> result = new LinkedHashMap<>();
    int cores = spark.sparkContext().defaultParallelism();
    result.put("corpus", config.corpus());
    result.put("cores", cores);
    result.put("spark_master", spark.sparkContext().master());
    result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);

    String ingested = config.work() + "/ingested";
    String generated = config.work() + "/generated";
    String cleaned = config.work() + "/cleaned";
    long t0 = System.nanoTime();
    boolean reuse = config.reuse() && new java.io.File(generated, GenerateCopiesJob.MANIFEST).exists();
    if (!reuse) {
      IngestJob.Result ingest = IngestJob.run(
          new IngestConfig(config.corpus(), ingested, SourceFormat.JSONL, Map.of(), null, null), spark);
      result.put("ingest_seconds", seconds(t0));
      Generate.Params gen = generateParams(ingest.articles(), config.minArticles(), config.seed());
      t0 = System.nanoTime();
      GenerateCopiesJob.run(ingested, generated, gen, spark);
      result.put("generate_seconds", seconds(t0));
    } else {
      result.put("reused_corpus", generated);
    }
    Map<String, Long> kinds = Counts.byKind(spark.read().parquet(generated));
    result.put("source_articles", kinds.getOrDefault("source", 0L));
    result.put("copies", kinds.getOrDefault("copy", 0L));
    result.put("distractors", kinds.getOrDefault("distractor", 0L));
    result.put("articles", Counts.total(kinds));

    t0 = System.nanoTime();
    RunJob.run(new RunConfig(generated, cleaned, Set.of(Stage.CLEAN), false, null, 5, SyndicationParams.defaults(), org.newsframe.stages.TextParams.defaults()), spark);
    result.put("clean_seconds", seconds(t0));

    Dataset<Row> articles = spark.read().parquet(cleaned + "/" + RunJob.ARTICLES)
        .select(Columns.ID, Columns.OUTLET, Columns.PUBLISHED, Columns.CLEAN_TEXT)
        .repartition(cores * 4)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long n = articles.count();
    Dataset<Row> labels = spark.read().parquet(generated).select(Columns.ID, Columns.COPY_OF, Columns.SYNTHETIC).cache();
    labels.count();
    SyndicationParams params = SyndicationParams.defaults();

    // newsframe: shingles → signatures → bands → candidates → verification → clusters.
    t0 = System.nanoTime();
    Dataset<Row> signatures = Syndication.signatures(articles, params).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pairs = Syndication.candidatePairs(signatures, params).persist(StorageLevel.MEMORY_AND_DISK());
    long candidates = pairs.count();
    Dataset<Row> edges = Syndication.verifiedEdges(pairs, signatures, params).persist(StorageLevel.MEMORY_AND_DISK());
    long edgeCount = edges.count();
    Dataset<Row> clusters = Syndication.clusters(signatures, edges, Syndication.connectedComponents(edges, params))
        .select(Columns.ID, Columns.CLUSTER_ID).persist(StorageLevel.MEMORY_AND_DISK());
    clusters.count();
    double nfSeconds = seconds(t0);
    Map<String, Object> nf = new LinkedHashMap<>();
    nf.put("wall_seconds", nfSeconds);
    nf.put("articles_per_core_hour", n / (nfSeconds * cores / 3600));
    nf.put("bands", params.bands());
    nf.put("rows_per_band", params.rows());
    nf.put("candidate_pairs", candidates);
    nf.put("verified_edges", edgeCount);
    nf.putAll(SyndicationEvaluation.evaluate(clusters, labels, signatures, params.minContainment()).describe());
    result.put("newsframe", nf);
    print("newsframe", nf);

    if (config.mllibTables() > 0) {
      Map<String, Object> ml = mllib(articles, signatures, labels, params, config.mllibTables(), cores, n);
      result.put("mllib", ml);
      print("mllib", ml);
      result.put("speedup", ((Number) ml.get("wall_seconds")).doubleValue() / nfSeconds);
    }
    pairs.unpersist();
    edges.unpersist();
    clusters.unpersist();
    signatures.unpersist();
    articles.unpersist();
    labels.unpersist();
    return result;
  }

  /**
   * MLlib's MinHashLSH over the same shingles (hashed into 2^20 dimensions), joined with
   * approxSimilarityJoin at the Jaccard distance that matches newsframe's Jaccard floor, then the
   * same connected components and evaluation.
   */
  static Map<String, Object> mllib(
      Dataset<Row> articles, Dataset<Row> ourSignatures, Dataset<Row> labels, SyndicationParams params,
      int tables, int cores, long n) {
    long t0 = System.nanoTime();
    // Shingling is part of either method's cost: redo it here rather than reuse newsframe's.
    Dataset<Row> shingles = Syndication.signatures(articles, params).select(Columns.ID, Syndication.SHINGLES);
    UserDefinedFunction toVector = udf((UDF1<scala.collection.immutable.Seq<Object>, org.apache.spark.ml.linalg.Vector>) s -> {
      java.util.TreeSet<Integer> idx = new java.util.TreeSet<>();
      scala.collection.Iterator<Object> it = s.iterator();
      while (it.hasNext()) {
        idx.add((Integer) it.next() & ((1 << 20) - 1));
      }
      int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
      double[] values = new double[indices.length];
      java.util.Arrays.fill(values, 1.0);
      return Vectors.sparse(1 << 20, indices, values);
    }, SQLDataTypes.VectorType());
    Dataset<Row> vectors = shingles
        .filter(org.apache.spark.sql.functions.size(col(Syndication.SHINGLES)).gt(0))
        .select(col(Columns.ID), toVector.apply(col(Syndication.SHINGLES)).as("features"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setInputCol("features").setOutputCol("hashes")
        .setSeed(params.seed()).fit(vectors);
    double threshold = 1 - params.jaccardFloor();
    Dataset<Row> joined = model.approxSimilarityJoin(vectors, vectors, threshold, "distance")
        .select(col("datasetA.id").as(Columns.ID_A), col("datasetB.id").as(Columns.ID_B), col("distance"))
        .filter(col(Columns.ID_A).lt(col(Columns.ID_B)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long edgeCount = joined.count();
    Dataset<Row> components = Syndication.connectedComponents(joined, params);
    Dataset<Row> clusters = ourSignatures.select(Columns.ID)
        .join(components, Columns.ID, "left")
        .select(col(Columns.ID), org.apache.spark.sql.functions.coalesce(col(Syndication.COMPONENT), col(Columns.ID)).as(Columns.CLUSTER_ID))
        .persist(StorageLevel.MEMORY_AND_DISK());
    clusters.count();
    double secs = seconds(t0);
    Map<String, Object> ml = new LinkedHashMap<>();
    ml.put("wall_seconds", secs);
    ml.put("articles_per_core_hour", n / (secs * cores / 3600));
    ml.put("hash_tables", tables);
    ml.put("jaccard_distance_threshold", threshold);
    ml.put("edges", edgeCount);
    ml.putAll(SyndicationEvaluation.evaluate(clusters, labels, ourSignatures, params.minContainment()).describe());
    vectors.unpersist();
    joined.unpersist();
    clusters.unpersist();
    return ml;
  }

  /** Copies enough to reach {@code target} articles: about {@code target/n - 1.25} copies per article. */
  static Generate.Params generateParams(long sourceArticles, long target, long seed) {
    double distractors = 0.25;
    double copiesPerArticle = Math.max(0, (double) target / sourceArticles - 1 - distractors);
    if (copiesPerArticle <= 0) {
      return new Generate.Params(0.2, 1, 2, 0.05, seed);
    }
    int lo = Math.max(1, (int) Math.floor(copiesPerArticle));
    int hi = Math.max(lo + 1, (int) Math.ceil(2 * copiesPerArticle + 0.05) - lo);
    double share = Math.min(1.0, copiesPerArticle / ((lo + hi) / 2.0) + 0.02);
    return new Generate.Params(share, lo, hi, distractors, seed);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void print(String name, Map<String, Object> figures) {
    List<String> parts = new ArrayList<>();
    figures.forEach((k, v) -> parts.add(k + "=" + (v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.4g", d) : v)));
    System.out.println(name + ": " + String.join(", ", parts));
  }
}
