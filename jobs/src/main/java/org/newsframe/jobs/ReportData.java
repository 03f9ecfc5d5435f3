package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.io.Columns;
import org.newsframe.io.OutputPublisher;
import org.newsframe.report.ReportModel;
import org.newsframe.stages.Entities;
import org.newsframe.stages.Framing;
import org.newsframe.stages.Stories;
import org.newsframe.stages.Terms;

/**
 * Collects what the report shows from a run's tables: corpus counts, and for the {@code limit}
 * stories most outlets cover, their rows only — the driver holds a few stories, never the corpus.
 */
final class ReportData {
  /** Articles of one story the report shows at most. */
  static final int SHOWN = 30;

  private ReportData() {}

  static ReportModel.Corpus corpus(SparkSession spark, OutputPublisher out) {
    Dataset<Row> articles = spark.read().parquet(out.path(RunJob.ARTICLES));
    Dataset<Row> stories = spark.read().parquet(out.path(RunJob.STORIES));
    Map<String, Long> byOutlet = new LinkedHashMap<>();
    articles.groupBy(Columns.OUTLET).count().orderBy(col("count").desc(), col(Columns.OUTLET)).limit(30).collectAsList()
        .forEach(r -> byOutlet.put(r.getString(0), r.getLong(1)));
    long outlets = articles.select(Columns.OUTLET).distinct().count();
    long copyClusters = spark.read().parquet(out.path(RunJob.CLUSTERS)).filter(col(Columns.CLUSTER_SIZE).gt(1))
        .select(Columns.CLUSTER_ID).distinct().count();
    long multi = stories.groupBy(Stories.STORY_ID).agg(countDistinct(col(Columns.OUTLET)).as("n")).filter(col("n").gt(1)).count();
    return new ReportModel.Corpus(articles.count(), outlets, spark.read().parquet(out.path(RunJob.REJECTS)).count(), copyClusters,
        stories.select(Stories.STORY_ID).distinct().count(), multi, byOutlet);
  }

  static List<ReportModel.Story> stories(SparkSession spark, OutputPublisher out, int limit) {
    Dataset<Row> stories = spark.read().parquet(out.path(RunJob.STORIES));
    List<Row> chosen =
        stories.groupBy(Stories.STORY_ID, Stories.STORY_LABEL)
            .agg(countDistinct(col(Columns.OUTLET)).as("outlets"), count(lit(1)).as("n"))
            .filter(col("outlets").gt(1))
            .orderBy(col("outlets").desc(), col("n").desc(), col(Stories.STORY_ID))
            .limit(limit).collectAsList();
    if (chosen.isEmpty()) {
      return List.of();
    }
    List<String> storyIds = chosen.stream().map(r -> r.getString(0)).toList();
    Map<String, String> storyOf = new TreeMap<>();
    // A story of a big corpus can hold thousands of articles: the report shows up to SHOWN of each,
    // one an outlet first (so every outlet appears), and says how many there are.
    var inOutlet = org.apache.spark.sql.expressions.Window.partitionBy(col(Stories.STORY_ID), col(Columns.OUTLET)).orderBy(col(Columns.ID));
    var inStory = org.apache.spark.sql.expressions.Window.partitionBy(col(Stories.STORY_ID))
        .orderBy(col("_nf_k"), col(Columns.OUTLET), col(Columns.ID));
    stories.filter(col(Stories.STORY_ID).isin(storyIds.toArray()))
        .withColumn("_nf_k", org.apache.spark.sql.functions.row_number().over(inOutlet))
        .withColumn("_nf_r", org.apache.spark.sql.functions.row_number().over(inStory))
        .filter(col("_nf_r").leq(SHOWN))
        .select(Columns.ID, Stories.STORY_ID).collectAsList()
        .forEach(r -> storyOf.put(r.getString(0), r.getString(1)));
    Object[] ids = storyOf.keySet().toArray();

    Map<String, ReportModel.Article> articles = new TreeMap<>();
    spark.read().parquet(out.path(RunJob.ARTICLES)).filter(col(Columns.ID).isin(ids))
        .select(Columns.ID, Columns.OUTLET, Columns.TITLE, Columns.PUBLISHED, Columns.CLEAN_TEXT).collectAsList()
        .forEach(r -> articles.put(r.getString(0), new ReportModel.Article(r.getString(0), r.getString(1), r.getString(2),
            r.isNullAt(3) ? null : r.get(3).toString(), r.getString(4))));
    Map<String, Map<String, String>> features = new TreeMap<>();
    spark.read().parquet(out.path(RunJob.FRAMING)).filter(col(Columns.ID).isin(ids)).collectAsList()
        .forEach(r -> features.computeIfAbsent(r.getAs(Columns.ID), k -> new TreeMap<>()).put(r.getAs(Framing.FEATURE), r.getAs(Framing.VALUE)));
    List<ReportModel.QuoteRow> quotes = new ArrayList<>();
    spark.read().parquet(out.path(RunJob.QUOTES)).filter(col(Columns.ID).isin(ids)).orderBy(Columns.ID, Framing.QUOTE_INDEX).collectAsList()
        .forEach(r -> quotes.add(new ReportModel.QuoteRow(r.getAs(Columns.ID), r.<Integer>getAs(Framing.QUOTE_INDEX), r.getAs(Framing.SPEAKER),
            r.getAs(Framing.AFFILIATION), r.getAs(Framing.VERB), r.getAs(Framing.VERB_CLASS), r.<Integer>getAs(Framing.WORDS), r.getAs(Framing.QUOTE))));
    List<ReportModel.EntityRow> entities = new ArrayList<>();
    spark.read().parquet(out.path(RunJob.ENTITY_MENTIONS)).filter(col(Columns.ID).isin(ids))
        .groupBy(Columns.ID, Entities.ENTITY, Entities.TYPE).agg(count(lit(1)).as("n"))
        .orderBy(col(Columns.ID), col("n").desc(), col(Entities.ENTITY)).collectAsList()
        .forEach(r -> entities.add(new ReportModel.EntityRow(r.getString(0), r.getString(1), r.getString(2), r.getLong(3))));
    Map<String, Set<String>> shownOutlets = new TreeMap<>();
    storyOf.forEach((id, sid) -> shownOutlets.computeIfAbsent(sid, k -> new TreeSet<>()).add(articles.get(id).outlet()));
    Map<String, List<ReportModel.TermZ>> termsByStory =
        topStoryTerms(spark.read().parquet(out.path(RunJob.STORY_TERMS)), shownOutlets, ReportModel.TERMS_PER_OUTLET);
    List<ReportModel.EditRow> edits = new ArrayList<>();
    spark.read().parquet(out.path(RunJob.EDITS)).filter(col("copy_id").isin(ids)).orderBy("copy_id", "position").collectAsList()
        .forEach(r -> edits.add(new ReportModel.EditRow(r.getAs("copy_id"), r.getAs(Columns.ORIGIN_ID), r.<Integer>getAs("position"),
            r.getAs("op"), r.getAs("origin_text"), r.getAs("copy_text"), r.getList(r.fieldIndex("changes")))));

    List<ReportModel.Story> out2 = new ArrayList<>();
    for (Row c : chosen) {
      String sid = c.getString(0);
      Set<String> members = new TreeSet<>();
      storyOf.forEach((id, s) -> {
        if (s.equals(sid)) {
          members.add(id);
        }
      });
      List<ReportModel.Article> arts = new ArrayList<>();
      members.forEach(id -> arts.add(articles.get(id)));
      // Dated first, earliest first; then by outlet.
      arts.sort(Comparator.comparing((ReportModel.Article a) -> a.published() == null ? "9999" : a.published())
          .thenComparing(ReportModel.Article::outlet).thenComparing(ReportModel.Article::id));
      Map<String, Map<String, String>> f = new TreeMap<>();
      members.forEach(id -> f.put(id, features.getOrDefault(id, Map.of())));
      out2.add(new ReportModel.Story(sid, c.getString(1), arts, f,
          quotes.stream().filter(q -> members.contains(q.id())).toList(),
          entities.stream().filter(e -> members.contains(e.id())).toList(),
          termsByStory.getOrDefault(sid, List.of()),
          edits.stream().filter(e -> members.contains(e.copyId())).toList(), c.getLong(3)));
    }
    return out2;
  }

  /**
   * The story-scope distinctive terms the report shows: for each story in {@code shownOutlets}, each
   * of its shown outlets' {@code perOutlet} terms of highest positive z against the rest of the story
   * (ties by term), strongest first. Ranked by Spark, so the driver receives at most stories × shown
   * outlets × {@code perOutlet} rows: one story of a 100k-article run had 478 outlets and 4.4 M
   * story-term rows, 2.75 GB of driver heap when they were all collected.
   *
   * <p>Requires {@link Terms#SCOPE}, {@link Terms#VERSUS}, {@link Columns#OUTLET}, {@link Terms#TERM},
   * {@link Terms#COUNT}, {@link Terms#Z}, {@link Terms#SIGNIFICANT}.
   */
  static Map<String, List<ReportModel.TermZ>> topStoryTerms(Dataset<Row> storyTerms, Map<String, Set<String>> shownOutlets,
      int perOutlet) {
    Map<String, List<ReportModel.TermZ>> byStory = new TreeMap<>();
    if (shownOutlets.isEmpty()) {
      return byStory;
    }
    Set<String> anyOutlet = new TreeSet<>();
    shownOutlets.values().forEach(anyOutlet::addAll);
    var strongest = org.apache.spark.sql.expressions.Window.partitionBy(col(Terms.SCOPE), col(Columns.OUTLET))
        .orderBy(col(Terms.Z).desc(), col(Terms.TERM));
    storyTerms.filter(col(Terms.SCOPE).isin(shownOutlets.keySet().toArray()))
        .filter(col(Terms.VERSUS).equalTo(Terms.REST).and(col(Terms.Z).gt(0)))
        .filter(col(Columns.OUTLET).isin(anyOutlet.toArray()))
        .withColumn("_nf_rank", org.apache.spark.sql.functions.row_number().over(strongest))
        .filter(col("_nf_rank").leq(perOutlet))
        .orderBy(col(Terms.SCOPE), col(Columns.OUTLET), col("_nf_rank"))
        .collectAsList()
        .forEach(r -> {
          String story = r.getAs(Terms.SCOPE);
          // An outlet shown in one story may have terms in another where none of its articles is shown.
          if (shownOutlets.get(story).contains(r.<String>getAs(Columns.OUTLET))) {
            byStory.computeIfAbsent(story, k -> new ArrayList<>()).add(new ReportModel.TermZ(r.getAs(Columns.OUTLET), r.getAs(Terms.TERM),
                r.<Long>getAs(Terms.COUNT), r.<Double>getAs(Terms.Z), r.<Boolean>getAs(Terms.SIGNIFICANT)));
          }
        });
    return byStory;
  }
}
