package org.newsframe.jobs;

import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession a command runs in. Under {@code spark-submit} the master and settings come from
 * the submission; run directly (as {@code bin/newsframe} does) the job runs in local mode.
 */
public final class Sessions {

  private Sessions() {}

  /**
   * Runs {@code body} in a session: the active one if there is one (tests share theirs), else a new
   * one that is stopped afterwards.
   */
  public static <T> T withSession(String appName, Function<SparkSession, T> body) {
    SparkSession existing = SparkSession.getActiveSession().getOrElse(() -> null);
    if (existing != null) {
      return body.apply(existing);
    }
    SparkSession spark = create(appName);
    try {
      return body.apply(spark);
    } finally {
      spark.stop();
    }
  }

  /** A new session; local mode with every core unless a master is configured. */
  public static SparkSession create(String appName) {
    SparkConf conf = new SparkConf(); // reads spark.* system properties, as spark-submit sets them
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    String master = conf.get("spark.master", "local[*]");
    builder.master(master);
    if (master.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's 200 is sized for clusters; on one machine most of those tasks would be overhead.
      int cores = Runtime.getRuntime().availableProcessors();
      builder.config("spark.sql.shuffle.partitions", String.valueOf(Math.max(8, 4 * cores)));
    }
    if (!conf.contains("spark.sql.inMemoryColumnarStorage.batchSize")) {
      // A persisted Dataset is cached in column batches of this many rows, each column's batch one
      // growing byte buffer: Spark's 10,000 rows of article text are 50-100 MB buffers per column and
      // task, which ran a 4 GB local JVM out of heap at 1M articles. 1,000 rows keep them at ~5 MB.
      builder.config("spark.sql.inMemoryColumnarStorage.batchSize", "1000");
    }
    if (!conf.contains("spark.sql.session.timeZone")) {
      // Dates are calendar dates; a fixed zone keeps date/timestamp conversion the same everywhere.
      builder.config("spark.sql.session.timeZone", "UTC");
    }
    return builder.getOrCreate();
  }
}
