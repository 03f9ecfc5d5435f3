package org.newsframe.io;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.newsframe.stages.Ingest;

/** Writes a corpus the way {@code ingest} does: Parquet partitioned by publication year and month. */
public final class CorpusWriter {

  /** Large months are split into files of at most this many articles. */
  private static final int MAX_RECORDS_PER_FILE = 100_000;

  private CorpusWriter() {}

  /**
   * Writes {@code articles} (canonical schema) under {@code path}, one directory per year and month
   * of {@link Columns#PUBLISHED}, rows sorted by id within each file. Overwrites {@code path}.
   */
  public static void write(Dataset<Row> articles, String path) {
    Dataset<Row> partitioned =
        java.util.Arrays.asList(articles.columns()).contains(Columns.PUBLISHED_YEAR)
            ? articles.drop(Columns.PUBLISHED_YEAR, Columns.PUBLISHED_MONTH)
            : articles;
    Ingest.withPublishedPartitions(partitioned)
        .repartition(col(Columns.PUBLISHED_YEAR), col(Columns.PUBLISHED_MONTH))
        .sortWithinPartitions(Columns.ID)
        .write()
        .mode(SaveMode.Overwrite)
        .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
        .partitionBy(Columns.PUBLISHED_YEAR, Columns.PUBLISHED_MONTH)
        .parquet(path);
  }
}
