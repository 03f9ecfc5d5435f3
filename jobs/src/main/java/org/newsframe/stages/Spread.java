package org.newsframe.stages;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spreads CPU-heavy row work (text analysis, NER, quote extraction) over every core. Parquet splits
 * and adaptive execution size partitions by bytes; a few hundred megabytes of text then make two or
 * three partitions, and most cores wait while one tags paragraphs. A round-robin repartition to a
 * fixed number of partitions is not coalesced by adaptive execution.
 */
final class Spread {
  /** Partitions per core: enough that one slow partition does not leave the others idle at the end. */
  static final int PER_CORE = 4;

  private Spread() {}

  static Dataset<Row> overCores(Dataset<Row> rows) {
    return rows.repartition(rows.sparkSession().sparkContext().defaultParallelism() * PER_CORE);
  }
}
