package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.Failures;
import org.newsframe.io.ArticleSchema;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusReader;
import org.newsframe.io.CorpusWriter;
import org.newsframe.io.SourceFormat;
import org.newsframe.stages.Generate;
import org.newsframe.stages.Remix;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.SyndicationEvaluation;
import org.newsframe.stages.SyndicationParams;
import org.newsframe.stages.Validation;

/**
 * {@code newsframe bench}: the whole pipeline, clean to report, on a labelled corpus of N articles
 * built from a real one: the real articles (a sample of them when N is smaller), remixes of them
 * where N needs more ({@link Remix}), and labelled syndicated copies and distractors ({@link
 * Generate}) for about a quarter of N. Records per stage wall and CPU time, shuffle, spill and
 * heap ({@link StageMetrics}), the syndication stage's precision and recall on the labels, and, at
 * one size, MLlib's {@code MinHashLSH} baseline on the same articles.
 */
public final class BenchJob {

  /** Stage names in pipeline order, as {@code run} tags them. */
  public static final List<String> STAGES =
      List.of("validate", "clean", "syndication", "terms", "entities", "stories", "framing", "report", "reconcile");

  /** Share of a corpus that is generated copies; distractors add about {@link #DISTRACTOR_SHARE} more. */
  static final double COPY_SHARE = 0.25;

  static final double DISTRACTOR_SHARE = 0.05;

  /**
   * @param mllibAt the size at which the MLlib baseline also runs (0: never)
   * @param ner the entity extractor ({@code corenlp} or {@code aliases})
   * @param reuse reuse corpora and ingested input already built in {@code work}
   * @param csv whether the run also writes the CSV copies of its tables
   * @param stages the stages to run (with their prerequisites); all of them for the whole pipeline
   */
  public record Config(String corpus, String work, long mllibAt, int mllibTables, String ner, long seed, boolean reuse, boolean csv,
      java.util.Set<Stage> stages) {
    /** Every stage: the whole pipeline. */
    public Config(String corpus, String work, long mllibAt, int mllibTables, String ner, long seed, boolean reuse, boolean csv) {
      this(corpus, work, mllibAt, mllibTables, ner, seed, reuse, csv, Stage.allAvailable());
    }

    /** Whether this runs fewer stages than the whole pipeline (its cost is then compared stage by stage). */
    public boolean partial() {
      return !stages.containsAll(Stage.allAvailable());
    }
  }

  private BenchJob() {}

  /**
   * A bench run whose pipeline failed: {@link #result} holds what was measured before it, with
   * {@code failed} ({@code stage}, {@code after_seconds}, {@code error} and each stage's figures so
   * far). The cause is the pipeline's exception.
   */
  public static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, Object> result;

    Failed(Map<String, Object> result, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.result = result;
    }

    public Map<String, Object> result() {
      return result;
    }
  }

  /** Builds (or reuses) the corpus of {@code size} articles and runs the pipeline on it. */
  public static Map<String, Object> run(Config config, long size, SparkSession spark) {
    return run(config, size, spark, RunJob::run);
  }

  /** As {@link #run(Config, long, SparkSession)}, the pipeline run by {@code pipeline} (tests make it fail). */
  static Map<String, Object> run(Config config, long size, SparkSession spark,
      java.util.function.BiFunction<RunConfig, SparkSession, RunJob.Result> pipeline) {
    Map<String, Object> result = new LinkedHashMap<>();
    int cores = spark.sparkContext().defaultParallelism();
    result.put("size", size);
    result.put("source_corpus", config.corpus());
    result.put("cores", cores);
    result.put("spark_master", spark.sparkContext().master());
    result.put("jvm_max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    result.put("ner", config.ner());
    result.put("csv_copies", config.csv());
    result.put("stages", Stage.labels(config.stages()));

    String corpus = config.work() + "/corpus-" + size;
    long t0 = System.nanoTime();
    if (!(config.reuse() && new File(corpus, "_SUCCESS").exists())) {
      build(config, size, corpus, spark);
      result.put("build_seconds", seconds(t0));
    } else {
      result.put("reused_corpus", corpus);
    }
    Dataset<Row> labels = spark.read().parquet(corpus).select(Columns.ID, Columns.COPY_OF, Columns.SYNTHETIC);
    Map<String, Long> kinds = Counts.byKind(labels);
    long articles = Counts.total(kinds);
    result.put("articles", articles);
    result.put("composition", kinds);
    Row text = spark.read().parquet(corpus).agg(sum(length(col(Columns.TEXT)))).first();
    result.put("text_mb", Math.round((text.isNullAt(0) ? 0 : text.getLong(0)) / 1048576.0));

    String out = config.work() + "/out-" + size;
    RunConfig run = RunConfig.of(corpus, out, config.stages()).withCsv(config.csv())
        .withText(org.newsframe.stages.TextParams.defaults().withNer(config.ner()));
    RunJob.Result written;
    Map<String, Map<String, Object>> metrics;
    long runStart = System.nanoTime();
    try (StageMetrics m = StageMetrics.attach(spark.sparkContext())) {
      try {
        written = pipeline.apply(run, spark);
      } catch (RuntimeException e) {
        // Kept: a run that fails hours in (out of disk at 1M) still says how far it got and what it cost.
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("stage", m.current());
        failed.put("after_seconds", seconds(runStart));
        failed.put("error", String.valueOf(Failures.root(e)));
        failed.put("stages", m.figures(STAGES));
        result.put("failed", failed);
        throw new Failed(result, e);
      }
      metrics = m.figures(STAGES);
    }
    double runSeconds = seconds(runStart);
    Map<String, Object> manifest = readManifest(out);
    result.put("pipeline", pipelineFigures(runSeconds, articles, cores, manifest, metrics));
    result.put("tables", written.tables());
    result.put("rejected", written.rejected());
    result.put("syndication_stage", manifest.get("syndication"));
    result.put("entities_stage", manifest.get("entities"));
    result.put("stories_stage", manifest.get("stories"));

    if (!config.stages().contains(Stage.SYNDICATION)) {
      return result;
    }
    // Quality on the labels (outside the timed run): clusters as written against the labels.
    SyndicationParams params = run.syndication();
    Dataset<Row> cleaned = spark.read().parquet(out + "/" + RunJob.ARTICLES)
        .select(Columns.ID, Columns.OUTLET, Columns.PUBLISHED, Columns.CLEAN_TEXT);
    Dataset<Row> signatures = Syndication.signatures(cleaned, params).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> clusters = spark.read().parquet(out + "/" + RunJob.CLUSTERS).select(Columns.ID, Columns.CLUSTER_ID);
      Map<String, Object> quality = new LinkedHashMap<>(
          SyndicationEvaluation.evaluate(clusters, labels, signatures, params.minContainment()).describe());
      result.put("syndication_quality", quality);
      if (config.mllibAt() == size && config.mllibTables() > 0) {
        Map<String, Object> ml = BenchSyndicationJob.mllib(cleaned.repartition(cores * 4), signatures, labels, params,
            config.mllibTables(), cores, articles);
        result.put("mllib", ml);
        result.put("mllib_over_newsframe_wall", ((Number) ml.get("wall_seconds")).doubleValue() / syndicationCoreSeconds(manifest));
      }
    } finally {
      signatures.unpersist();
    }
    return result;
  }

  /** The labelled corpus of {@code size} articles, written as an ingested corpus with labels. */
  static void build(Config config, long size, String corpus, SparkSession spark) {
    String ingested = config.work() + "/ingested";
    if (!new File(ingested, "_SUCCESS").exists()) {
      IngestJob.run(new IngestConfig(config.corpus(), ingested, SourceFormat.JSONL, Map.of(), null, null), spark);
    }
    Dataset<Row> real = Validation.accepted(CorpusReader.readMarked(spark, ingested))
        .select(ArticleSchema.NAMES.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long available = real.count();
      long originals = Math.round(size * (1 - COPY_SHARE - DISTRACTOR_SHARE));
      Dataset<Row> base;
      if (originals <= available) {
        // A seeded, exact-size sample: the articles whose hash ranks lowest.
        base = real.withColumn("_nf_rank", xxhash64(col(Columns.ID), lit(config.seed())))
            .orderBy(col("_nf_rank"), col(Columns.ID)).limit((int) originals).drop("_nf_rank");
        base = Generate.originals(base);
      } else {
        base = Generate.originals(real).unionByName(
            Remix.remixes(spark, real, originals - available, Remix.Params.defaults(config.seed())));
      }
      String basePath = config.work() + "/base-" + size;
      base.write().mode(SaveMode.Overwrite).parquet(basePath);
      Dataset<Row> originalsWritten = spark.read().parquet(basePath);
      Dataset<Row> canonical = originalsWritten.select(
          ArticleSchema.NAMES.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
      List<String> outlets = new ArrayList<>();
      canonical.select(Columns.OUTLET).distinct().orderBy(Columns.OUTLET).collectAsList().forEach(r -> outlets.add(r.getString(0)));
      // One or two copies of a share of the originals, so copies are COPY_SHARE of the corpus.
      double copiesPerOriginal = COPY_SHARE / (1 - COPY_SHARE - DISTRACTOR_SHARE);
      Generate.Params gen = new Generate.Params(copiesPerOriginal / 1.5, 1, 2,
          DISTRACTOR_SHARE / (1 - COPY_SHARE - DISTRACTOR_SHARE), config.seed());
      Dataset<Row> all = originalsWritten
          .unionByName(Generate.copies(canonical, gen, outlets))
          .unionByName(Generate.distractors(canonical, gen, outlets));
      // Spread the rows so every stage starts from evenly sized input files.
      CorpusWriter.write(all.repartition(Math.max(4, (int) (size / 25_000)), pmod(xxhash64(col(Columns.ID)), lit(1 << 20))), corpus);
    } finally {
      real.unpersist();
    }
  }

  /** Per-stage table and totals. */
  static Map<String, Object> pipelineFigures(double runSeconds, long articles, int cores, Map<String, Object> manifest,
      Map<String, Map<String, Object>> metrics) {
    @SuppressWarnings("unchecked")
    Map<String, Number> millis = (Map<String, Number>) manifest.get("stage_millis");
    // Wall per stage from the manifest ("validate" includes reading); reconcile is what remains.
    Map<String, Double> walls = new LinkedHashMap<>();
    for (String stage : STAGES) {
      walls.put(stage, millis.getOrDefault(stage, 0).doubleValue() / 1000);
    }
    walls.merge("validate", millis.getOrDefault("read", 0).doubleValue() / 1000, Double::sum);
    walls.put("reconcile", 0.0);
    walls.put("reconcile", Math.max(0, runSeconds - walls.values().stream().mapToDouble(Double::doubleValue).sum()));
    Map<String, Object> stages = new LinkedHashMap<>();
    double cpuTotal = 0;
    double gcTotal = 0;
    for (String stage : STAGES) {
      Map<String, Object> f = new LinkedHashMap<>();
      double wall = walls.get(stage);
      f.put("wall_seconds", Math.round(wall * 10) / 10.0);
      if (wall > 0) {
        f.put("articles_per_core_hour", Math.round(articles / (wall * cores / 3600)));
      }
      Map<String, Object> m = metrics.get(stage);
      if (m != null) {
        f.putAll(m);
        cpuTotal += ((Number) m.getOrDefault("process_cpu_seconds", 0)).doubleValue();
        gcTotal += ((Number) m.getOrDefault("gc_seconds", 0)).doubleValue();
      }
      stages.put(stage, f);
    }
    if (metrics.containsKey("other")) {
      stages.put("other", metrics.get("other"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("wall_seconds", Math.round(runSeconds * 10) / 10.0);
    out.put("process_cpu_seconds", Math.round(cpuTotal * 10) / 10.0);
    out.put("gc_seconds", Math.round(gcTotal * 10) / 10.0);
    out.put("articles_per_core_hour", Math.round(articles / (runSeconds * cores / 3600)));
    out.put("core_ms_per_article", Math.round(runSeconds * cores * 1000 / articles * 100) / 100.0);
    out.put("peak_heap_used_mb", metrics.values().stream().mapToLong(m -> ((Number) m.getOrDefault("peak_heap_used_mb", 0L)).longValue()).max().orElse(0));
    out.put("peak_heap_live_mb", metrics.values().stream().mapToLong(m -> ((Number) m.getOrDefault("peak_heap_live_mb", 0L)).longValue()).max().orElse(0));
    out.put("stages", stages);
    // Steps within stages (e.g. framing.story_term_frequencies), as the run's manifest timed them.
    Map<String, Object> steps = new java.util.TreeMap<>();
    millis.forEach((k, v) -> {
      if (k.contains(".")) {
        steps.put(k, Math.round(v.doubleValue() / 100) / 10.0);
      }
    });
    out.put("step_wall_seconds", steps);
    return out;
  }

  /** Wall seconds of the syndication work MLlib's baseline also does (everything but the edit diffs). */
  @SuppressWarnings("unchecked")
  static double syndicationCoreSeconds(Map<String, Object> manifest) {
    Map<String, Number> millis = (Map<String, Number>) manifest.get("stage_millis");
    return (millis.getOrDefault("syndication", 0).doubleValue() - millis.getOrDefault("syndication.edits", 0).doubleValue()) / 1000;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readManifest(String out) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(new File(out, RunJob.MANIFEST), Map.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double seconds(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
  }
}
