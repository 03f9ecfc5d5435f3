package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.JavaProcess;
import org.newsframe.TestSpark;
import org.newsframe.stages.Faults;
import org.newsframe.stages.TextParams;

/**
 * Failures: a task failing once, a run killed midway. Every table, CSV copy and report file of the
 * output must come out byte for byte as from an undisturbed run of the same input.
 */
class FaultsTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private final String sample = TestSpark.repo().resolve("data/sample").toString();

  private void run(Path out) {
    RunJob.run(RunConfig.of(sample, out.toString(), Stage.allAvailable()).withText(TextParams.defaults().withNer("aliases")), spark);
  }

  @Test
  void aSecondRunWithTasksFailingOnceWritesTheSameBytes() throws IOException {
    // Two runs of the same input: an undisturbed one, and one whose tasks fail and are retried.
    Path first = tmp.resolve("first");
    run(first);
    Map<String, byte[]> expected = OutputFiles.tables(first);
    assertThat(expected.keySet()).as("every table, its CSV copy and the report")
        .contains("articles/part-00000-c000.snappy.parquet", "csv/framing.csv", "report/index.html", "report/report.md");

    AtomicInteger failed = new AtomicInteger();
    SparkListener count = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
          failed.incrementAndGet();
        }
      }
    };
    spark.sparkContext().addSparkListener(count);
    spark.conf().set(Faults.SETTING, "all");
    Path faulty = tmp.resolve("faulty");
    try {
      run(faulty);
    } finally {
      spark.conf().unset(Faults.SETTING);
      spark.sparkContext().removeSparkListener(count);
    }
    assertThat(failed.get()).as("tasks that failed their first attempt (one per Spark stage reading a stage's input)").isGreaterThanOrEqualTo(6);
    OutputFiles.assertSameBytes(expected, OutputFiles.tables(faulty));
  }

  /** Up to terms only: enough for a run to be killed between two stages' writes, at half the cost. */
  private void runToTerms(Path out) {
    RunJob.run(RunConfig.of(sample, out.toString(), Set.of(Stage.CLEAN, Stage.SYNDICATION, Stage.TERMS)), spark);
  }

  @Test
  void aRunKilledMidwayLeavesThePreviousOutputAndARerunGivesItByteForByte() throws Exception {
    Path out = tmp.resolve("out");
    runToTerms(out);
    Map<String, byte[]> before = OutputFiles.tables(out);
    byte[] manifest = Files.readAllBytes(out.resolve(RunJob.MANIFEST));

    // The same run in another JVM, killed (SIGKILL: no shutdown hook, no clean-up) once it has written a table.
    ProcessBuilder pb = new ProcessBuilder(JavaProcess.command("org.newsframe.cli.Newsframe",
        java.util.List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false"),
        "run", "--input", sample, "--output", out.toString(), "--stages", "terms"))
        .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    Path staged = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (staged == null && System.nanoTime() < deadline && p.isAlive()) {
      try (var s = Files.list(tmp)) {
        staged = s.filter(d -> d.getFileName().toString().startsWith("out.staging-"))
            .filter(d -> Files.exists(d.resolve("syndication_edges/_SUCCESS"))).findFirst().orElse(null);
      }
      Thread.sleep(100);
    }
    assertThat(staged).as("the killed run got as far as writing a table (log: %s)", Files.readString(tmp.resolve("killed.log"))).isNotNull();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(staged.resolve(RunJob.MANIFEST))).as("killed before publishing").isFalse();

    OutputFiles.assertSameBytes(before, OutputFiles.tables(out));
    assertThat(Files.readAllBytes(out.resolve(RunJob.MANIFEST))).isEqualTo(manifest);

    runToTerms(out);
    OutputFiles.assertSameBytes(before, OutputFiles.tables(out));
  }
}
