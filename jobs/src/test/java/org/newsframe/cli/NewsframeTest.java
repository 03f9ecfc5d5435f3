package org.newsframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.TestSpark;

class NewsframeTest {

  @TempDir Path tmp;

  /** Exit code, standard output and standard error of one command line. */
  record Outcome(int code, String out, String err) {}

  private static Outcome exec(String... args) {
    TestSpark.session(); // commands reuse the active session instead of starting their own
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Newsframe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void helpOnEveryCommand() {
    Outcome top = exec("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("run", "ingest");
    Outcome run = exec("run", "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("--input", "--output", "--stages", "--verbose");
    Outcome ingest = exec("ingest", "--help");
    assertThat(ingest.code()).isZero();
    assertThat(ingest.out()).contains("--map", "--format", "--metadata", "--outlets");
    assertThat(exec("help", "ingest").out()).contains("--map");
    assertThat(exec("generate-copies", "--help").out()).contains("--copies", "--distractor-share");
    assertThat(exec("bench-syndication", "--help").out()).contains("--mllib-tables", "--articles");
    assertThat(exec("run", "--help").out()).contains("--min-containment", "--date-window-days", "--boilerplate");
  }

  @Test
  void versionNamesSpark() {
    Outcome v = exec("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).contains("newsframe ").contains("spark 4.1.0");
  }

  @Test
  void usageErrorsExitTwoNamingTheOptionAndValue() {
    Outcome missing = exec("run", "--output", tmp.resolve("o").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option").contains("--input");

    Outcome stages = exec("run", "--input", "x", "--output", "y", "--stages", "clean,bogus");
    assertThat(stages.code()).isEqualTo(2);
    assertThat(stages.err()).contains("--stages").contains("'bogus'");

    Outcome format = exec("ingest", "--input", "x", "--output", "y", "--format", "xml");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).contains("--format").contains("'xml'");

    Outcome map = exec("ingest", "--input", "x", "--output", "y", "--map", "id:doc_id");
    assertThat(map.code()).isEqualTo(2);
    assertThat(map.err()).contains("--map").contains("'id:doc_id'");

    Outcome copies = exec("generate-copies", "--input", "x", "--output", "y", "--copies", "3..1");
    assertThat(copies.code()).isEqualTo(2);
    assertThat(copies.err()).contains("--copies").contains("'3..1'");

    Outcome containment = exec("run", "--input", "x", "--output", "y", "--min-containment", "1.5");
    assertThat(containment.code()).isEqualTo(2);
    assertThat(containment.err()).contains("--min-containment").contains("1.5");

    Outcome cap = exec("run", "--input", "x", "--output", "y", "--story-max-units", "1");
    assertThat(cap.code()).isEqualTo(2);
    assertThat(cap.err()).contains("--story-max-units").contains("1 is less than 2");

    Outcome undated = exec("run", "--input", "x", "--output", "y", "--story-max-undated-posting", "-1");
    assertThat(undated.code()).isEqualTo(2);
    assertThat(undated.err()).contains("--story-max-undated-posting").contains("-1 is negative");

    Outcome unknown = exec("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("frobnicate");

    Outcome none = exec();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("Missing command");
  }

  @Test
  void failuresExitOneWithAMessageAndTheStackTraceOnlyWhenVerbose() {
    String nope = tmp.resolve("nope").toString();
    Outcome quiet = exec("run", "--input", nope, "--output", tmp.resolve("o").toString());
    assertThat(quiet.code()).isEqualTo(1);
    assertThat(quiet.err()).contains("newsframe run failed: input not found: " + nope).doesNotContain("\tat ");

    Outcome verbose = exec("run", "--input", nope, "--output", tmp.resolve("o").toString(), "--verbose");
    assertThat(verbose.code()).isEqualTo(1);
    assertThat(verbose.err()).contains("input not found").contains("\tat org.newsframe.");
  }

  @Test
  void runOnTheSampleExitsZeroWithASummary() {
    Path out = tmp.resolve("out");
    Outcome ok = exec("run", "--input", TestSpark.repo().resolve("data/sample").toString(), "--output", out.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("3 articles in, 3 written, 0 rejected");
    assertThat(out.resolve("manifest.json")).exists();
  }
}
