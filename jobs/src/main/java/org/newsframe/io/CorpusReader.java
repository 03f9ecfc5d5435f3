package org.newsframe.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.Failures;
import org.newsframe.NewsframeException;
import org.newsframe.stages.Conform;
import org.newsframe.stages.Validation;

/**
 * Reads a newsframe corpus (Parquet, as {@code ingest} writes it) for every job: checks the schema
 * and marks each row that must be quarantined, so a job splits it into articles and rejects.
 */
public final class CorpusReader {

  private CorpusReader() {}

  /**
   * The corpus at {@code path} in the canonical schema, each row with its {@link Columns#REASON}
   * (null for a valid article; see {@link Validation#markRejects}).
   *
   * @throws NewsframeException when the path does not exist, holds no Parquet data, or lacks a
   *     required column
   */
  public static Dataset<Row> readMarked(SparkSession spark, String path) {
    return Validation.markRejects(Conform.toArticleSchema(readParquet(spark, path), path));
  }

  /**
   * The corpus in the canonical schema, only the rows {@code dated} keeps (by {@code published};
   * undated rows never); all rows when {@code dated} is null. Where the corpus is partitioned by
   * {@code published_year}/{@code published_month} (as {@code ingest} writes it) only the months
   * in range are listed and read.
   */
  public static Dataset<Row> readConformed(SparkSession spark, String path, org.newsframe.jobs.Nightly dated) {
    Dataset<Row> raw = readParquet(spark, path);
    if (dated == null) {
      return Conform.toArticleSchema(raw, path);
    }
    java.util.List<String> cols = java.util.Arrays.asList(raw.columns());
    if (cols.contains(Columns.PUBLISHED_YEAR) && cols.contains(Columns.PUBLISHED_MONTH)) {
      raw = raw.filter(dated.processesMonths(raw.col(Columns.PUBLISHED_YEAR), raw.col(Columns.PUBLISHED_MONTH)));
    }
    return Conform.toArticleSchema(raw, path).filter(dated.processesPublished());
  }

  /** Rows of the corpus without a publication date (a dated run cannot process them). */
  public static long countUndated(SparkSession spark, String path) {
    Dataset<Row> raw = readParquet(spark, path);
    if (java.util.Arrays.asList(raw.columns()).contains(Columns.PUBLISHED_YEAR)) {
      raw = raw.filter(raw.col(Columns.PUBLISHED_YEAR).isNull());
    }
    return Conform.toArticleSchema(raw, path).filter(org.apache.spark.sql.functions.col(Columns.PUBLISHED).isNull()).count();
  }

  /** {@link #readConformed}, each row marked as {@link #readMarked} does. */
  public static Dataset<Row> readMarked(SparkSession spark, String path, org.newsframe.jobs.Nightly dated) {
    return Validation.markRejects(readConformed(spark, path, dated));
  }

  /** The Parquet data at {@code path}, as stored. */
  public static Dataset<Row> readParquet(SparkSession spark, String path) {
    requireExists(spark, path);
    try {
      return spark.read().parquet(path);
    } catch (Exception e) {
      if (e instanceof AnalysisException || e.getCause() instanceof AnalysisException) {
        throw new NewsframeException(
            "cannot read " + path + " as a Parquet corpus: " + Failures.firstLine(e.getMessage()), e);
      }
      throw e;
    }
  }

  /** Fails with a clear message when {@code path} does not exist. */
  public static void requireExists(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      throw new NewsframeException("input not found: " + path);
    }
  }

  /** Whether {@code path} exists, on whatever file system it names. */
  public static boolean exists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up " + path, e);
    }
  }

  /**
   * A failure to read a data file (a corrupt or truncated Parquet file among good ones, say) as a
   * clear error naming the file; null for anything else. Unreadable files are never skipped:
   * Spark's {@code spark.sql.files.ignoreCorruptFiles} would drop their rows silently.
   */
  public static NewsframeException explain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null
          && st.getCondition().startsWith("FAILED_READ_FILE")) {
        String file = st.getMessageParameters().getOrDefault("path", "?");
        return new NewsframeException("file " + file + " cannot be read (" + Failures.firstLine(Failures.root(t).getMessage())
            + "); remove or replace it and run again (unreadable files are not skipped)", e);
      }
    }
    return null;
  }
}
