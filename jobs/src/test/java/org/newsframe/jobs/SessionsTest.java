package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;

/** The settings a job's session gets when the submitter has not set them. */
class SessionsTest {

  @Test
  void smallCacheBatchesUnlessConfigured() {
    TestSpark.session(); // the JVM's shared session: create() reuses it, as a second job in one JVM would
    SparkSession spark = Sessions.create("sessions-test");
    // Article text cached 10,000 rows a batch ran a 4 GB JVM out of heap at 1M articles.
    assertThat(spark.conf().get("spark.sql.inMemoryColumnarStorage.batchSize")).isEqualTo("1000");
    assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
  }
}
