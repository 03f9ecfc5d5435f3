package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spreads CPU-heavy row work (text analysis, NER, quote extraction) over every core. Parquet splits
 * and adaptive execution size partitions by bytes; a few hundred megabytes of text then make two or
 * three partitions, and most cores wait while one tags paragraphs. A repartition to a fixed number
 * of partitions is not coalesced by adaptive execution.
 */
final class Spread {
  /** Partitions per core: enough that one slow partition does not leave the others idle at the end. */
  static final int PER_CORE = 4;

  private Spread() {}

  /** Round-robin over {@link #PER_CORE} partitions a core: for rows that need no key to meet anything. */
  static Dataset<Row> overCores(Dataset<Row> rows) {
    return rows.repartition(rows.sparkSession().sparkContext().defaultParallelism() * PER_CORE);
  }

  /**
   * Rows hashed by {@code key} into {@link #partitions}. Datasets so spread join on the key without
   * another shuffle (each side is already where the join needs it), so text that must meet other
   * rows by id is shuffled once, not once to meet them and again to spread the work.
   */
  static Dataset<Row> byKey(Dataset<Row> rows, String key) {
    return rows.repartition(partitions(rows), col(key));
  }

  /** Every core's {@link #PER_CORE} partitions, or the session's shuffle partitions if more. */
  static int partitions(Dataset<Row> rows) {
    int cores = rows.sparkSession().sparkContext().defaultParallelism() * PER_CORE;
    return Math.max(cores, Integer.parseInt(rows.sparkSession().conf().get("spark.sql.shuffle.partitions")));
  }

  /** Most rows of article ids (and a short key beside each, ~100 bytes a row) {@link #broadcastUpTo} is given. */
  static final long BROADCAST_IDS = 2_000_000L;

  /**
   * {@code rows} marked for broadcast when there are at most {@code maxRows} of them (counting them
   * is a job of its own), so a join with them leaves the other side where it is read; otherwise as
   * they are.
   */
  static Dataset<Row> broadcastUpTo(Dataset<Row> rows, long maxRows) {
    return rows.count() <= maxRows ? org.apache.spark.sql.functions.broadcast(rows) : rows;
  }
}
