package org.newsframe.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

  /** The Parquet data at {@code path}, as stored. */
  public static Dataset<Row> readParquet(SparkSession spark, String path) {
    requireExists(spark, path);
    try {
      return spark.read().parquet(path);
    } catch (Exception e) {
      if (e instanceof AnalysisException || e.getCause() instanceof AnalysisException) {
        throw new NewsframeException(
            "cannot read " + path + " as a Parquet corpus: " + firstLine(e.getMessage()), e);
      }
      throw e;
    }
  }

  /** Fails with a clear message when {@code path} does not exist. */
  public static void requireExists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new NewsframeException("input not found: " + path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up " + path, e);
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
