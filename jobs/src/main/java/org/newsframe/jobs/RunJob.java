package org.newsframe.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusReader;
import org.newsframe.io.OutputPublisher;
import org.newsframe.report.Manifest;
import org.newsframe.stages.Validation;

/**
 * {@code newsframe run}: the whole pipeline over an ingested corpus. Reads and validates the corpus
 * into {@code articles} and {@code rejects}, then runs the requested stages, and publishes the
 * output directory atomically with its {@code manifest.json}.
 */
public final class RunJob {

  public static final String MANIFEST = "manifest.json";
  public static final String ARTICLES = "articles";
  public static final String REJECTS = "rejects";

  private RunJob() {}

  /** What a run wrote, for the command line's summary. */
  public record Result(String output, long rowsIn, long articles, Map<String, Long> rejected) {}

  public static Result run(RunConfig config, SparkSession spark) {
    Manifest manifest = new Manifest("run", config.input(), config.output(), config.describe());
    try (OutputPublisher out = OutputPublisher.begin(spark, config.output(), MANIFEST)) {
      Dataset<Row> marked =
          manifest.time("read", () -> CorpusReader.readMarked(spark, config.input()))
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        manifest.time("validate", () -> {
          out.writeTable(ARTICLES, Validation.accepted(marked), config.csv(), Columns.ID);
          out.writeTable(REJECTS, Validation.rejected(marked), config.csv(), Columns.REASON, Columns.ID);
        });
      } finally {
        marked.unpersist();
      }
      // Later stages (clean, syndication, ...) read out.path(ARTICLES) and add their tables here.

      Result result = reconcile(spark, config, out);
      Map<String, Object> tables = new LinkedHashMap<>();
      tables.put(ARTICLES, result.articles());
      tables.put(REJECTS, Counts.total(result.rejected()));
      manifest
          .rows("in", result.rowsIn())
          .rows("out", result.articles())
          .rows("rejected", Counts.total(result.rejected()))
          .rows("rejected_by_reason", result.rejected())
          .put("tables", tables);
      out.publish(manifest.finish());
      return result;
    }
  }

  /**
   * Counts rows in, out and rejected from what is on disk (Parquet footers, so it is cheap) and
   * fails the run if they do not add up: a row lost between stages is a bug, never a silent drop.
   */
  private static Result reconcile(SparkSession spark, RunConfig config, OutputPublisher out) {
    long in = CorpusReader.readParquet(spark, config.input()).count();
    long articles = spark.read().parquet(out.path(ARTICLES)).count();
    Map<String, Long> rejected = Counts.byReason(spark.read().parquet(out.path(REJECTS)));
    long total = Counts.total(rejected);
    if (in != articles + total) {
      throw new IllegalStateException(
          "row counts do not reconcile: " + in + " in, " + articles + " articles + " + total + " rejected");
    }
    return new Result(out.target(), in, articles, rejected);
  }
}
