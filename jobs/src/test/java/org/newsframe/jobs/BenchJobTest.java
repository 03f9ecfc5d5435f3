package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;

/** The benchmark suite end to end on a tiny JSONL corpus: composition, per-stage figures, quality, baseline. */
class BenchJobTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  /** A JSONL corpus of {@code articles} made-up articles of {@code paragraphs} paragraphs over {@code outlets} outlets. */
  private Path corpus(long seed, int articles, int outlets, int paragraphs) throws Exception {
    TextGen gen = new TextGen(seed);
    List<Map<String, Object>> corpus = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      corpus.add(Fixtures.jsonArticle(String.format("d%03d", i), "Outlet " + (i % outlets), "2020-03-" + (10 + i % 15),
          "Title " + gen.sentence(5), gen.article(paragraphs)));
    }
    return Fixtures.jsonl(tmp.resolve("corpus.jsonl"), corpus);
  }

  @Test
  @SuppressWarnings("unchecked")
  void buildsALabelledCorpusWithRemixesAndMeasuresEveryStage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path corpus = corpus(23, 60, 6, 6);

    BenchJob.Config config = new BenchJob.Config(corpus.toString(), tmp.resolve("work").toString(), 120, 3, "aliases", 1, false, false);
    Map<String, Object> f = BenchJob.run(config, 120, spark);

    Map<String, Long> kinds = (Map<String, Long>) f.get("composition");
    assertThat(kinds).as("%s", kinds).containsEntry("source", 60L).containsKeys("remix", "copy");
    assertThat(kinds.get("remix")).isEqualTo(Math.round(120 * (1 - BenchJob.COPY_SHARE - BenchJob.DISTRACTOR_SHARE)) - 60);
    long articles = ((Number) f.get("articles")).longValue();
    assertThat(articles).isEqualTo(kinds.values().stream().mapToLong(Long::longValue).sum());

    Map<String, Object> pipeline = (Map<String, Object>) f.get("pipeline");
    Map<String, Map<String, Object>> stages = (Map<String, Map<String, Object>>) pipeline.get("stages");
    assertThat(stages).containsKeys(BenchJob.STAGES.toArray(String[]::new));
    for (String s : List.of("clean", "syndication", "terms", "entities", "stories", "framing")) {
      assertThat(((Number) stages.get(s).get("wall_seconds")).doubleValue()).as(s).isPositive();
      assertThat(((Number) stages.get(s).get("tasks")).longValue()).as(s).isPositive();
      assertThat(((Number) stages.get(s).get("process_cpu_seconds")).doubleValue()).as(s).isPositive();
      assertThat(((Number) stages.get(s).get("peak_heap_used_mb")).longValue()).as(s).isPositive();
      assertThat(((Number) stages.get(s).get("gc_seconds")).doubleValue()).as(s).isGreaterThanOrEqualTo(0);
    }
    assertThat(((Number) stages.get("terms").get("shuffle_write_mb")).doubleValue()).isPositive();
    double gc = BenchJob.STAGES.stream().mapToDouble(s -> ((Number) stages.get(s).getOrDefault("gc_seconds", 0)).doubleValue()).sum();
    assertThat(((Number) pipeline.get("gc_seconds")).doubleValue()).as("the stages' collector time adds up")
        .isCloseTo(gc, org.assertj.core.data.Offset.offset(0.05 * BenchJob.STAGES.size()));
    double wall = ((Number) pipeline.get("wall_seconds")).doubleValue();
    double sum = stages.values().stream().mapToDouble(m -> ((Number) m.getOrDefault("wall_seconds", 0)).doubleValue()).sum();
    assertThat(sum).as("stage walls add up to the run's").isCloseTo(wall, org.assertj.core.data.Offset.offset(0.5));

    Map<String, Object> q = (Map<String, Object>) f.get("syndication_quality");
    assertThat(((Number) q.get("precision")).doubleValue()).as("%s", q).isGreaterThanOrEqualTo(0.95);
    assertThat(((Number) q.get("recall_at_target")).doubleValue()).as("%s", q).isGreaterThanOrEqualTo(0.95);
    assertThat((Map<String, Object>) f.get("mllib")).containsKeys("wall_seconds", "precision", "recall");

    // The summary reads what the command writes per size.
    Path results = tmp.resolve("results");
    Files.createDirectories(results);
    json.writeValue(results.resolve("bench-120.json").toFile(), f);
    Map<String, Object> summary = org.newsframe.cli.BenchCommandAccess.summary(results);
    List<Map<String, Object>> runs = (List<Map<String, Object>>) summary.get("runs");
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0)).containsEntry("articles", (int) articles).containsEntry("cost_per_article_vs_smallest", 1.0);

    // A partial run (as at 1M, where the whole pipeline does not fit a session) reuses the corpus,
    // runs only the stages asked for, and counts in the summary's per-stage scaling only.
    BenchJob.Config partial = new BenchJob.Config(corpus.toString(), tmp.resolve("work").toString(), 0, 0, "aliases", 1, true, false,
        Stage.parse("syndication"));
    Map<String, Object> p = BenchJob.run(partial, 120, spark);
    assertThat(p).containsEntry("stages", "clean,syndication").containsEntry("articles", articles).containsKey("syndication_quality")
        .doesNotContainKey("build_seconds");
    Map<String, Map<String, Object>> partialStages =
        (Map<String, Map<String, Object>>) ((Map<String, Object>) p.get("pipeline")).get("stages");
    assertThat(((Number) partialStages.get("syndication").get("wall_seconds")).doubleValue()).isPositive();
    assertThat(((Number) partialStages.get("terms").get("wall_seconds")).doubleValue()).isZero();
    assertThat(tmp.resolve("work/out-120/term_frequencies")).doesNotExist();
    json.writeValue(results.resolve("bench-120-clean-syndication.json").toFile(), p);
    summary = org.newsframe.cli.BenchCommandAccess.summary(results);
    assertThat((List<?>) summary.get("runs")).as("whole runs only").hasSize(1);
    Map<String, List<Map<String, Object>>> scaling = (Map<String, List<Map<String, Object>>>) summary.get("stage_scaling");
    assertThat(scaling.get("terms")).hasSize(1);
    List<Map<String, Object>> synd = scaling.get("syndication");
    assertThat(synd).hasSize(2);
    for (Map<String, Object> point : synd) {
      double cost = ((Number) point.get("wall_seconds")).doubleValue() * ((Number) f.get("cores")).doubleValue() * 1000 / articles;
      assertThat(((Number) point.get("core_ms_per_article")).doubleValue()).as("%s", point).isCloseTo(cost, org.assertj.core.data.Offset.offset(0.01));
    }
    double first = ((Number) synd.get(0).get("core_ms_per_article")).doubleValue();
    double second = ((Number) synd.get(1).get("core_ms_per_article")).doubleValue();
    assertThat(((Number) synd.get(1).get("vs_smallest")).doubleValue()).isCloseTo(second / first, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRunThatFailsMidwayKeepsWhereAndWhatItMeasured() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path corpus = corpus(29, 20, 4, 5);
    BenchJob.Config config = new BenchJob.Config(corpus.toString(), tmp.resolve("work").toString(), 0, 0, "aliases", 1, false, false);
    // As the 1M run did: the stages before stories run, then stories' shuffle finds no room on disk.
    BenchJob.Failed failed = catchThrowableOfType(BenchJob.Failed.class, () -> BenchJob.run(config, 30, spark, (run, s) -> {
      RunJob.run(RunConfig.of(run.input(), run.output(), Stage.parse("syndication")).withText(run.text()), s);
      StageMetrics.enter("stories");
      s.sparkContext().setLocalProperty(RunJob.STAGE_PROPERTY, "stories");
      try {
        s.range(0, 8, 1, 2).select(org.apache.spark.sql.functions.raise_error(org.apache.spark.sql.functions.lit(
            "No space left on device"))).collectAsList();
      } finally {
        s.sparkContext().setLocalProperty(RunJob.STAGE_PROPERTY, null);
      }
      return null;
    }));

    assertThat(failed).as("the pipeline's failure comes through").isNotNull();
    assertThat(failed.getCause()).hasMessageContaining("No space left on device");
    Map<String, Object> r = failed.result();
    assertThat(r).as("%s", r).containsKeys("articles", "composition", "text_mb").doesNotContainKey("pipeline");
    Map<String, Object> f = (Map<String, Object>) r.get("failed");
    assertThat(f).as("%s", f).containsEntry("stage", "stories");
    assertThat((String) f.get("error")).contains("No space left on device");
    assertThat(((Number) f.get("after_seconds")).doubleValue()).isPositive();
    Map<String, Map<String, Object>> stages = (Map<String, Map<String, Object>>) f.get("stages");
    for (String s : List.of("clean", "syndication")) {
      assertThat(stages).as("%s", stages.keySet()).containsKey(s);
      assertThat(((Number) stages.get(s).get("tasks")).longValue()).as(s).isPositive();
      assertThat(((Number) stages.get(s).get("jobs_wall_seconds")).doubleValue()).as(s).isPositive();
    }
    assertThat(stages).as("nothing ran after the failure").doesNotContainKeys("framing", "report");

    // The command writes it beside the results, where the summary does not count it.
    Path results = tmp.resolve("results");
    Files.createDirectories(results);
    json.writeValue(results.resolve(org.newsframe.cli.BenchCommandAccess.failedFileName(1_000_000, config)).toFile(), r);
    assertThat(results.resolve("bench-1m.failed.json")).exists();
    assertThat((List<?>) org.newsframe.cli.BenchCommandAccess.summary(results).get("runs")).isEmpty();
  }
}
