package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusReader;
import org.newsframe.io.OutputPublisher;
import org.newsframe.report.Manifest;
import org.newsframe.stages.Clean;
import org.newsframe.stages.Entities;
import org.newsframe.stages.Faults;
import org.newsframe.stages.Framing;
import org.newsframe.stages.Incremental;
import org.newsframe.stages.Stories;
import org.newsframe.stages.StoryParams;
import org.newsframe.stages.Syndication;
import org.newsframe.text.lexicons.Lexicons;
import org.newsframe.stages.Terms;
import org.newsframe.stages.TermTables;
import org.newsframe.text.entities.AliasDictionary;
import org.newsframe.text.entities.EntityExtractors;
import org.newsframe.stages.Validation;
import org.newsframe.text.Boilerplate;

/**
 * {@code newsframe run}: the whole pipeline over an ingested corpus. Reads and validates the corpus
 * into {@code articles} and {@code rejects}, runs the requested stages, each writing its tables, and
 * publishes the output directory atomically with its {@code manifest.json}.
 */
public final class RunJob {

  public static final String MANIFEST = "manifest.json";
  public static final String ARTICLES = "articles";
  public static final String REJECTS = "rejects";
  public static final String CLUSTERS = "syndication_clusters";
  public static final String EDGES = "syndication_edges";
  public static final String EDITS = "syndication_edits";
  public static final String TERM_FREQUENCIES = "term_frequencies";
  public static final String DISTINCTIVE_TERMS = "distinctive_terms";
  public static final String ENTITY_MENTIONS = "entity_mentions";
  public static final String ENTITY_FREQUENCIES = "entity_frequencies";
  public static final String STORIES = "stories";
  public static final String QUOTES = "quotes";
  public static final String FRAMING = "framing";
  public static final String STORY_TERMS = "story_distinctive_terms";
  public static final String STORY_TERM_FREQUENCIES = "story_term_frequencies";
  public static final String STORY_ENTITY_FREQUENCIES = "story_entity_frequencies";
  public static final String REPORT_DIR = "report";
  /** Intermediate tables (see {@link OutputPublisher#writeWork}): each outlet's use of each term, per scope. */
  static final String TERM_COUNTS = "term_counts";

  static final String STORY_TERM_COUNTS = "story_term_counts";
  /**
   * State a dated run leaves for the next: the syndication signatures of the window's articles
   * (with the window's {@code articles} and {@code syndication_edges}, what the next run carries).
   */
  public static final String STATE_SIGNATURES = "state/syndication_signatures";

  /**
   * Local property naming the pipeline stage a Spark job belongs to (also its description in the
   * Spark UI); {@link StageMetrics} attributes task metrics by it.
   */
  public static final String STAGE_PROPERTY = "newsframe.stage";

  private RunJob() {}

  /** What a run wrote, for the command line's summary. */
  public record Result(String output, long rowsIn, long articles, Map<String, Long> rejected, Map<String, Object> tables) {}

  public static Result run(RunConfig config, SparkSession spark) {
    try {
      return runStages(config, spark);
    } catch (Exception e) { // Spark's own exceptions are checked ones thrown from Scala
      org.newsframe.NewsframeException clear = CorpusReader.explain(e);
      if (clear != null) {
        throw clear;
      }
      throw RunJob.<RuntimeException>rethrow(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }

  private static Result runStages(RunConfig config, SparkSession spark) {
    Manifest manifest = new Manifest("run", config.input(), config.output(), config.describe());
    Map<String, Object> tables = new LinkedHashMap<>();
    if (config.runs(Stage.ENTITIES)) {
      EntityExtractors.check(config.text().ner()); // before any work: CoreNLP missing is a usage error
    }
    if (config.runs(Stage.REPORT)) {
      checkCharts();
    }
    AliasDictionary aliases = config.runs(Stage.ENTITIES) ? AliasDictionary.load(config.text().aliases()) : null;
    try (OutputPublisher out = OutputPublisher.begin(spark, config.output(), MANIFEST)) {
      Carried carried = config.dated() ? Carried.from(spark, config) : null;
      Dataset<Row> marked =
          manifest.time("read", () -> carried == null
                  ? CorpusReader.readMarked(spark, config.input())
                  : Incremental.markKnownIds(CorpusReader.readMarked(spark, config.input(), config.nightly()), carried.ids()))
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> ruled = null;
      try {
        stage(spark, manifest, "validate", () -> {
          out.writeTable(REJECTS, Validation.rejected(marked), config.csv(), Columns.REASON, Columns.ID);
          manifest.put("input", inputSummary(marked));
        });
        Dataset<Row> articles = Faults.inject(Validation.accepted(marked), "clean");
        if (config.runs(Stage.CLEAN)) {
          ruled = Clean.applyRules(articles, Boilerplate.load(config.boilerplate())).persist(StorageLevel.MEMORY_AND_DISK());
          Dataset<Row> ruledArticles = ruled;
          enterStage(spark, "clean");
          articles = manifest.time("clean", () -> removeFurniture(ruledArticles, config, manifest));
        }
        Dataset<Row> finalArticles = carried == null || carried.articles() == null ? articles : articles.unionByName(carried.articles(), true);
        // Rows stay where they were read (no shuffle of the text) when the input is the corpus
        // alone: its files fix the layout. A dated run also reads the previous output, laid out
        // by whichever run wrote it, so its rows are hashed by id to give a rerun the same files.
        stage(spark, manifest, config.runs(Stage.CLEAN) ? "clean" : "validate", () -> {
          if (carried == null) {
            out.writeTableInPlace(ARTICLES, finalArticles, config.csv(), Columns.ID);
          } else {
            out.writeTable(ARTICLES, finalArticles, config.csv(), Columns.ID);
          }
        });
      } finally {
        marked.unpersist();
        if (ruled != null) {
          ruled.unpersist();
        }
      }
      if (config.runs(Stage.SYNDICATION)) {
        stage(spark, manifest, "syndication", () -> syndication(spark, config, carried, out, manifest));
      }
      if (config.runs(Stage.TERMS)) {
        stage(spark, manifest, "terms", () -> terms(spark, config, out, manifest));
      }
      if (config.runs(Stage.ENTITIES)) {
        stage(spark, manifest, "entities", () -> entities(spark, config, aliases, out, manifest));
      }
      if (config.runs(Stage.STORIES)) {
        stage(spark, manifest, "stories", () -> stories(spark, config, out, manifest));
      }
      if (config.runs(Stage.FRAMING)) {
        stage(spark, manifest, "framing", () -> framing(spark, config, out, manifest));
      }
      if (config.runs(Stage.REPORT)) {
        stage(spark, manifest, "report", () -> report(spark, config, out, manifest));
      }

      enterStage(spark, "reconcile");
      Result counts = reconcile(spark, config, carried, out, manifest);
      tables.put(ARTICLES, spark.read().parquet(out.path(ARTICLES)).count());
      tables.put(REJECTS, Counts.total(counts.rejected()));
      if (config.runs(Stage.SYNDICATION)) {
        tables.put(CLUSTERS, tables.get(ARTICLES)); // reconcile checked: one row per article
        for (String t : new String[] {EDGES, EDITS}) {
          tables.put(t, spark.read().parquet(out.path(t)).count());
        }
      }
      if (config.runs(Stage.TERMS)) {
        for (String t : new String[] {TERM_FREQUENCIES, DISTINCTIVE_TERMS}) {
          tables.put(t, spark.read().parquet(out.path(t)).count());
        }
      }
      if (config.runs(Stage.ENTITIES)) {
        for (String t : new String[] {ENTITY_MENTIONS, ENTITY_FREQUENCIES}) {
          tables.put(t, spark.read().parquet(out.path(t)).count());
        }
      }
      if (config.runs(Stage.STORIES)) {
        tables.put(STORIES, tables.get(ARTICLES)); // reconcile checked: one row per article
      }
      if (config.runs(Stage.FRAMING)) {
        for (String t : new String[] {QUOTES, FRAMING, STORY_TERMS, STORY_TERM_FREQUENCIES, STORY_ENTITY_FREQUENCIES}) {
          tables.put(t, spark.read().parquet(out.path(t)).count());
        }
      }
      manifest
          .rows("in", counts.rowsIn())
          .rows("out", counts.articles())
          .rows("rejected", Counts.total(counts.rejected()))
          .rows("rejected_by_reason", counts.rejected())
          .put("tables", tables);
      out.publish(manifest.finish());
      return new Result(out.target(), counts.rowsIn(), counts.articles(), counts.rejected(), tables);
    }
  }

  /** Runs one pipeline stage, timed in the manifest, its Spark jobs tagged with its name. */
  private static void stage(SparkSession spark, Manifest manifest, String name, Runnable body) {
    enterStage(spark, name);
    manifest.time(name, body);
  }

  private static void enterStage(SparkSession spark, String name) {
    spark.sparkContext().setLocalProperty(STAGE_PROPERTY, name);
    spark.sparkContext().setJobDescription("newsframe " + name);
    StageMetrics.enter(name);
  }

  /**
   * What the accepted rows carry that is repaired rather than rejected (markup, control characters,
   * bytes that are not UTF-8, missing or unreadable dates), and the outlets the bundled dictionary
   * does not know (kept as given; most articles first).
   */
  private static Map<String, Object> inputSummary(Dataset<Row> marked) {
    Map<String, Object> m = new LinkedHashMap<>();
    Row f = Validation.findings(marked).first();
    Map<String, Object> repaired = new LinkedHashMap<>();
    for (String name : f.schema().fieldNames()) {
      repaired.put(name, f.isNullAt(f.fieldIndex(name)) ? 0L : f.getLong(f.fieldIndex(name)));
    }
    m.put("accepted_rows_with", repaired);
    m.put("outlets", IngestJob.outletSummary(Validation.accepted(marked), org.newsframe.text.OutletNames.bundled()));
    return m;
  }

  /** Learns each outlet's furniture from rule-cleaned articles and strips it too. */
  private static Dataset<Row> removeFurniture(Dataset<Row> ruled, RunConfig config, Manifest manifest) {
    Map<String, Set<Long>> furniture =
        Clean.furnitureByOutlet(Clean.learnFurniture(ruled, config.furnitureMinArticles()));
    Map<String, Object> learned = new LinkedHashMap<>();
    learned.put("outlets", furniture.size());
    learned.put("paragraphs", furniture.values().stream().mapToInt(Set::size).sum());
    manifest.put("clean", Map.of("learned_furniture", learned));
    return Clean.removeFurniture(ruled, furniture);
  }

  /**
   * Signatures → candidates → verified edges → clusters → edit diffs, each table written. A dated
   * run signs only its new articles, takes the carried ones' signatures and edges from the previous
   * output and verifies only pairs with a new article; clusters are then found over the whole
   * window, so a cluster keeps its id (a hash of its origin's) as copies join it day by day.
   */
  private static void syndication(SparkSession spark, RunConfig config, Carried carried, OutputPublisher out, Manifest manifest) {
    var params = config.syndication();
    Dataset<Row> articles = spark.read().parquet(out.path(ARTICLES));
    Dataset<Row> fresh = Faults.inject(carried == null ? articles : articles.filter(config.nightly().processesPublished()), "syndication");
    Dataset<Row> past = carried == null ? null : carried.signatures(params);
    Dataset<Row> signatures = (past == null ? Syndication.signatures(fresh, params)
        : Syndication.signatures(fresh, params).unionByName(past)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long signed = manifest.time("syndication.signatures", signatures::count);
      // Kept: the pairs and the oversized buckets' count both read it (one shuffle of the band keys).
      Dataset<Row> buckets = Syndication.buckets(signatures, params).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> allPairs = Syndication.candidatePairs(buckets, signatures, params);
      Dataset<Row> pairs = (carried == null ? allPairs : Incremental.touching(allPairs, fresh.select(Columns.ID)))
          .persist(StorageLevel.MEMORY_AND_DISK());
      long candidates;
      Row oversized;
      try {
        candidates = manifest.time("syndication.candidates", pairs::count);
        oversized = manifest.time("syndication.candidates", () -> Syndication.oversizedBuckets(buckets));
      } finally {
        buckets.unpersist();
      }
      Dataset<Row> verified = Syndication.edgeTable(Syndication.verifiedEdges(pairs, signatures, params));
      Dataset<Row> pastEdges = carried == null ? null : carried.edges();
      Dataset<Row> allEdges = pastEdges == null ? verified : verified.unionByName(pastEdges);
      manifest.time("syndication.verify", () -> out.writeTable(EDGES, allEdges, config.csv(), Columns.ID_A, Columns.ID_B));
      if (carried != null) {
        out.writeTable(STATE_SIGNATURES, signatures, false, Columns.ID);
      }
      pairs.unpersist();
      Dataset<Row> edges = spark.read().parquet(out.path(EDGES));
      Dataset<Row> components = manifest.time("syndication.components", () -> Syndication.connectedComponents(edges, params));
      manifest.time("syndication.clusters", () -> out.writeTable(CLUSTERS,
          Syndication.clusters(signatures, edges, components), config.csv(), Columns.CLUSTER_ID, Columns.ID));
      Dataset<Row> clusters = spark.read().parquet(out.path(CLUSTERS));
      manifest.time("syndication.edits", () -> out.writeTableInPlace(EDITS,
          Syndication.edits(clusters, articles, params), config.csv(), Columns.CLUSTER_ID, "copy_id", "position"));
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("articles", signed);
      stats.put("candidate_pairs", candidates);
      stats.put("verified_edges", edges.count());
      stats.put("oversized_buckets", oversized.getLong(0));
      stats.put("oversized_bucket_articles", oversized.getLong(1));
      Dataset<Row> multi = clusters.filter(col(Columns.CLUSTER_SIZE).gt(1));
      stats.put("multi_article_clusters", multi.select(Columns.CLUSTER_ID).distinct().count());
      stats.put("articles_in_multi_article_clusters", multi.count());
      manifest.put("syndication", stats);
    } finally {
      signatures.unpersist();
    }
  }

  /**
   * Term frequencies in both counting modes, and distinctive terms on the syndication-weighted
   * counts (the default for comparing outlets: wire copy counts once, for its origin), from one
   * analysis of every article ({@link TermTables}).
   */
  private static void terms(SparkSession spark, RunConfig config, OutputPublisher out, Manifest manifest) {
    Dataset<Row> articles = Faults.inject(spark.read().parquet(out.path(ARTICLES)), "terms");
    Dataset<Row> clusters = spark.read().parquet(out.path(CLUSTERS));
    TermTables.Params p = config.text().termTables();
    Dataset<Row> texts = Syndication.withOriginText(articles.select(Columns.ID, Columns.OUTLET, Columns.CLEAN_TEXT), clusters);
    String work = manifest.time("terms.analyze",
        () -> out.writeWork(TERM_COUNTS, TermTables.perTerm(TermTables.partials(texts, Terms.SCOPE_CORPUS, p), p)));
    writeTermTables(out, config, manifest, new String[] {TERM_FREQUENCIES, "terms.frequencies"},
        new String[] {DISTINCTIVE_TERMS, "terms.distinctive"}, TermTables.withTotals(spark.read().parquet(work)), p);
  }

  /**
   * The frequency and distinctive tables of one scope's term rows ({@link TermTables#WITH_TOTALS});
   * each of {@code frequencies} and {@code distinctive} is {table, manifest step}.
   */
  private static void writeTermTables(OutputPublisher out, RunConfig config, Manifest manifest, String[] frequencies, String[] distinctive,
      Dataset<Row> withTotals, TermTables.Params p) {
    manifest.time(frequencies[1], () -> out.writeTableAsComputed(frequencies[0],
        TermTables.frequencies(withTotals, p.minBigramCount()), config.csv(), Terms.SCOPE, Terms.MODE, Columns.OUTLET, Terms.TERM));
    manifest.time(distinctive[1], () -> out.writeTableAsComputed(distinctive[0],
        TermTables.distinctive(withTotals, p.distinctive(), p.minBigramCount()), config.csv(),
        Terms.SCOPE, Columns.OUTLET, Terms.VERSUS, Terms.TERM));
  }

  /** Paragraphs → NER (each distinct paragraph once) → mentions → frequencies in both modes. */
  private static void entities(SparkSession spark, RunConfig config, AliasDictionary aliases, OutputPublisher out, Manifest manifest) {
    Dataset<Row> articles = Faults.inject(spark.read().parquet(out.path(ARTICLES)), "entities");
    Dataset<Row> clusters = spark.read().parquet(out.path(CLUSTERS));
    Dataset<Row> paragraphs = Entities.paragraphs(articles).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> tagged = Entities.tag(paragraphs, config.text().ner(), aliases, config.text().paragraphCache())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row totals = manifest.time("entities.tag", () -> tagged.agg(
          count(lit(1)), sum(Entities.TOKENS), countDistinct(col(Entities.PARAGRAPH_HASH))).first());
      double seconds = manifest.stageMillis().get("entities.tag") / 1000.0;
      long paragraphCount = totals.getLong(0);
      long tokens = totals.isNullAt(1) ? 0 : totals.getLong(1);
      long distinct = totals.getLong(2);
      long tokensTagged = config.text().paragraphCache()
          ? Optional.ofNullable(tagged.groupBy(Entities.PARAGRAPH_HASH).agg(first(Entities.TOKENS).as("t")).agg(sum("t")).first())
              .filter(r -> !r.isNullAt(0)).map(r -> r.getLong(0)).orElse(0L)
          : tokens;
      int cores = spark.sparkContext().defaultParallelism();
      manifest.time("entities.mentions", () -> out.writeTableInPlace(ENTITY_MENTIONS, Entities.mentions(tagged), config.csv(),
          Columns.ID, Entities.CHAR_START, Entities.ENTITY));
      Dataset<Row> counts = Entities.articleCounts(spark.read().parquet(out.path(ENTITY_MENTIONS))).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        manifest.time("entities.frequencies", () -> out.writeTable(ENTITY_FREQUENCIES,
            Entities.frequencies(counts, Terms.MODE_ALL)
                .unionByName(Entities.frequencies(Entities.syndicationWeighted(counts, clusters), Terms.MODE_WEIGHTED)),
            config.csv(), Terms.SCOPE, Terms.MODE, Columns.OUTLET, Entities.ENTITY, Entities.TYPE));
      } finally {
        counts.unpersist();
      }
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("ner", config.text().ner());
      stats.put("paragraphs", paragraphCount);
      stats.put("paragraphs_tagged", config.text().paragraphCache() ? distinct : paragraphCount);
      stats.put("paragraph_cache", config.text().paragraphCache());
      stats.put("cache_hit_rate", paragraphCount == 0 || !config.text().paragraphCache() ? 0.0 : 1.0 - (double) distinct / paragraphCount);
      stats.put("tokens", tokens);
      stats.put("tokens_tagged", tokensTagged);
      stats.put("tag_seconds", Math.round(seconds * 10) / 10.0);
      stats.put("cores", cores);
      stats.put("tokens_tagged_per_second_per_core", seconds == 0 ? 0 : Math.round(tokensTagged / seconds / cores));
      stats.put("tokens_per_second_per_core", seconds == 0 ? 0 : Math.round(tokens / seconds / cores));
      manifest.put("entities", stats);
    } finally {
      tagged.unpersist();
      paragraphs.unpersist();
    }
  }

  /** Units (syndication clusters) → TF-IDF → candidates → edges → components → stories. */
  private static void stories(SparkSession spark, RunConfig config, OutputPublisher out, Manifest manifest) {
    StoryParams p = config.text().stories();
    Dataset<Row> articles = Faults.inject(spark.read().parquet(out.path(ARTICLES)), "stories");
    Dataset<Row> clusters = spark.read().parquet(out.path(CLUSTERS));
    Dataset<Row> mentions = spark.read().parquet(out.path(ENTITY_MENTIONS));
    // The bags are read by the IDF fit and by the vectors: the text is analysed once.
    Dataset<Row> bags = Stories.units(articles, clusters).persist(StorageLevel.MEMORY_AND_DISK());
    Stories.TfIdf tfidf;
    long units;
    try {
      // Each persisted step is counted as it is built, so the manifest says where the time goes.
      manifest.time("stories.units", bags::count);
      tfidf = manifest.time("stories.vectors", () -> Stories.vectors(bags)).persist();
      units = manifest.time("stories.vectors", tfidf.units()::count);
    } finally {
      bags.unpersist(); // the vectors carry the bags' columns on
    }
    Dataset<Row> vectors = tfidf.units();
    Dataset<Row> top = Stories.topTerms(vectors, p).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      manifest.time("stories.top_terms", top::count);
      Dataset<Row> candidates = Stories.candidates(tfidf, top, Stories.unitEntities(clusters, mentions), p)
          .persist(StorageLevel.MEMORY_AND_DISK());
      long candidatePairs = manifest.time("stories.candidates", candidates::count);
      Dataset<Row> edges = Stories.edges(candidates, p).persist(StorageLevel.MEMORY_AND_DISK());
      long edgeCount = manifest.time("stories.edges", edges::count);
      Stories.Split split = manifest.time("stories.components", () -> Stories.components(edges, p, config.syndication()));
      manifest.time("stories.assign", () -> out.writeTable(STORIES, Stories.assign(clusters, split.components(), mentions, top), config.csv(),
          Stories.STORY_ID, Columns.ID));
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("units", units);
      stats.put("candidate_pairs", candidatePairs);
      stats.put("edges", edgeCount);
      stats.put("split_rounds", split.rounds());
      stats.put("split_last_min_cosine", Math.round(split.lastMinCosine() * 100) / 100.0);
      stats.put("units_in_stories_over_cap", split.unitsStillOver());
      Dataset<Row> written = spark.read().parquet(out.path(STORIES));
      stats.put("stories", written.select(Stories.STORY_ID).distinct().count());
      stats.put("stories_with_several_outlets", written.groupBy(Stories.STORY_ID).agg(countDistinct(col(Columns.OUTLET)).as("n"))
          .filter(col("n").gt(1)).count());
      manifest.put("stories", stats);
      candidates.unpersist();
      edges.unpersist();
    } finally {
      top.unpersist();
      vectors.unpersist();
    }
  }

  /**
   * Quotes (every article); then, for stories several outlets cover, framing features and each
   * outlet's distinctive terms within the story (syndication-weighted, against the story's other
   * outlets).
   */
  private static void framing(SparkSession spark, RunConfig config, OutputPublisher out, Manifest manifest) {
    Lexicons lexicons = Lexicons.withSources(config.text().sources());
    Dataset<Row> articles = Faults.inject(spark.read().parquet(out.path(ARTICLES)), "framing");
    Dataset<Row> mentions = spark.read().parquet(out.path(ENTITY_MENTIONS));
    Dataset<Row> stories = spark.read().parquet(out.path(STORIES));
    Dataset<Row> clusters = spark.read().parquet(out.path(CLUSTERS));
    manifest.time("framing.quotes",
        () -> out.writeTable(QUOTES, Framing.quotes(articles, mentions, lexicons), config.csv(), Columns.ID, Framing.QUOTE_INDEX));
    manifest.time("framing.features", () -> out.writeTable(FRAMING,
        Framing.features(articles, stories, clusters, spark.read().parquet(out.path(QUOTES)), mentions, lexicons),
        config.csv(), Stories.STORY_ID, Columns.ID, Framing.FEATURE));
    // Kept: it is counted (to broadcast it), joined to the texts, and twice to the mentions; each use
    // would otherwise scan and de-duplicate the framing table (10.4 M rows at 1M bench articles) again.
    Dataset<Row> shared = spark.read().parquet(out.path(FRAMING)).select(Columns.ID, Stories.STORY_ID).distinct()
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      storyTables(spark, config, out, manifest, articles, mentions, clusters, shared);
    } finally {
      shared.unpersist();
    }
  }

  /** The per-story term and entity tables of the articles in {@code shared} ({@code id, story_id}). */
  private static void storyTables(SparkSession spark, RunConfig config, OutputPublisher out, Manifest manifest, Dataset<Row> articles,
      Dataset<Row> mentions, Dataset<Row> clusters, Dataset<Row> shared) {
    // Per-story counts in both modes, each story counted in one task (a copy is in its origin's
    // story); within a story each outlet is compared with the story's other outlets.
    TermTables.Params p = config.text().termTables()
        .withDistinctive(new Terms.DistinctiveParams(config.text().distinctive().alpha0(), 2, java.util.List.of()));
    String work = manifest.time("framing.story_term_analyze",
        () -> out.writeWork(STORY_TERM_COUNTS, TermTables.storyWork(articles, shared, clusters, p)));
    writeTermTables(out, config, manifest, new String[] {STORY_TERM_FREQUENCIES, "framing.story_term_frequencies"},
        new String[] {STORY_TERMS, "framing.story_distinctive_terms"}, spark.read().parquet(work), p);
    // Kept: both modes read it; each would otherwise scan the mentions, join them to the stories'
    // articles and count them again (as entities() keeps its counts).
    Dataset<Row> counts = Entities.articleCounts(mentions.join(shared.select(Columns.ID), Columns.ID)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      manifest.time("framing.story_entity_frequencies", () -> out.writeTable(STORY_ENTITY_FREQUENCIES,
          Entities.frequencies(Terms.withStories(counts, shared), Terms.MODE_ALL)
              .unionByName(Entities.frequencies(Terms.withStories(Entities.syndicationWeighted(counts, clusters), shared), Terms.MODE_WEIGHTED)),
          config.csv(), Terms.SCOPE, Terms.MODE, Columns.OUTLET, Entities.ENTITY, Entities.TYPE));
    } finally {
      counts.unpersist();
    }
  }

  /** The report's chart libraries are not in the job jar: say so before any work if they are missing. */
  private static void checkCharts() {
    try {
      ClassLoader loader = RunJob.class.getClassLoader();
      Class.forName("org.jfree.chart.JFreeChart", false, loader);
      Class.forName("org.jfree.svg.SVGGraphics2D", false, loader);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new org.newsframe.UsageException(
          "--stages report: JFreeChart and JFreeSVG are not on the class path. Add them at submit time, e.g. "
              + "--packages org.jfree:jfreechart:1.5.6,org.jfree:org.jfree.svg:5.0.7 (see README, 'Cluster submission'), "
              + "or run --stages framing");
    }
  }

  /** {@code <out>/report/index.html} and {@code report.md} for the stories most outlets cover. */
  private static void report(SparkSession spark, RunConfig config, OutputPublisher out, Manifest manifest) {
    org.newsframe.report.ReportModel.Corpus corpus = ReportData.corpus(spark, out);
    java.util.List<org.newsframe.report.ReportModel.Story> stories = ReportData.stories(spark, out, config.reportStories());
    org.newsframe.report.ReportWriter.write(corpus, stories).forEach((name, content) -> out.writeText(REPORT_DIR + "/" + name, content));
    manifest.put("report", Map.of("stories", stories.size(), "files", java.util.List.of(REPORT_DIR + "/index.html", REPORT_DIR + "/report.md")));
  }

  /**
   * Counts rows in, out and rejected from what is on disk (Parquet footers, so it is cheap) and
   * fails the run if they do not add up: a row lost between stages is a bug, never a silent drop.
   */
  private static Result reconcile(SparkSession spark, RunConfig config, Carried carried, OutputPublisher out, Manifest manifest) {
    long in = carried == null
        ? CorpusReader.readParquet(spark, config.input()).count()
        : CorpusReader.readConformed(spark, config.input(), config.nightly()).count();
    Dataset<Row> table = spark.read().parquet(out.path(ARTICLES));
    long all = table.count();
    long articles = carried == null ? all : table.filter(config.nightly().processesPublished()).count();
    Map<String, Long> rejected = Counts.byReason(spark.read().parquet(out.path(REJECTS)));
    long total = Counts.total(rejected);
    if (in != articles + total) {
      throw new IllegalStateException(
          "row counts do not reconcile: " + in + " in, " + articles + " articles + " + total + " rejected");
    }
    if (carried != null) {
      Map<String, Object> dates = new LinkedHashMap<>(config.nightly().describe());
      dates.put("carried_from", carried.source());
      dates.put("carried_articles", all - articles);
      dates.put("window_articles", all);
      dates.put("undated_in_corpus_not_processed", CorpusReader.countUndated(spark, config.input()));
      manifest.put("dates", dates);
    }
    if (config.runs(Stage.STORIES)) {
      long storied = spark.read().parquet(out.path(STORIES)).count();
      if (storied != all) {
        throw new IllegalStateException("stories has " + storied + " rows for " + all + " articles");
      }
    }
    if (config.runs(Stage.SYNDICATION)) {
      long clustered = spark.read().parquet(out.path(CLUSTERS)).count();
      if (clustered != all) {
        throw new IllegalStateException(
            "syndication_clusters has " + clustered + " rows for " + all + " articles");
      }
    }
    return new Result(out.target(), in, articles, rejected, Map.of());
  }

  /**
   * What a dated run takes from the previous output at {@code --output}: its articles in the
   * window (see {@link Nightly#carries}), their syndication signatures and the edges between them.
   * Nothing when there is no previous output (the first run of a series).
   */
  record Carried(String source, Dataset<Row> articles, Dataset<Row> ids, Dataset<Row> storedSignatures, Dataset<Row> storedEdges) {

    static Carried from(SparkSession spark, RunConfig config) {
      String prev = config.output();
      boolean exists = CorpusReader.exists(spark, prev + "/" + MANIFEST) && CorpusReader.exists(spark, prev + "/" + ARTICLES);
      if (!exists) {
        Dataset<Row> noIds = spark.createDataFrame(java.util.List.of(),
            new org.apache.spark.sql.types.StructType().add(Columns.ID, org.apache.spark.sql.types.DataTypes.StringType));
        return new Carried("none (no previous output)", null, noIds, null, null);
      }
      Dataset<Row> articles = spark.read().parquet(prev + "/" + ARTICLES).filter(config.nightly().carries(col(Columns.PUBLISHED)));
      Dataset<Row> signatures = CorpusReader.exists(spark, prev + "/" + STATE_SIGNATURES) ? spark.read().parquet(prev + "/" + STATE_SIGNATURES) : null;
      Dataset<Row> edges = CorpusReader.exists(spark, prev + "/" + EDGES) ? spark.read().parquet(prev + "/" + EDGES) : null;
      return new Carried(prev, articles, articles.select(Columns.ID), signatures, edges);
    }

    /** The carried articles' signatures (stored, or computed when the previous run kept none); null for none. */
    Dataset<Row> signatures(org.newsframe.stages.SyndicationParams params) {
      if (articles == null) {
        return null;
      }
      if (storedSignatures == null) {
        return Syndication.signatures(articles, params);
      }
      return storedSignatures.join(ids(), Columns.ID, "left_semi");
    }

    /** The verified edges between carried articles; null for none. */
    Dataset<Row> edges() {
      return storedEdges == null ? null : Incremental.within(storedEdges, ids());
    }

  }
}
