package org.newsframe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsframe.jobs.BenchJob;
import org.newsframe.jobs.Sessions;
import org.newsframe.jobs.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsframe bench}: parses options and calls {@link BenchJob#run} once a size. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark suite: the whole pipeline, clean to report, on labelled corpora of each --sizes articles built",
      "from a real JSONL corpus (its articles, remixes of them where more are needed, generated copies).",
      "Writes <results>/bench-<size>.json per size (per-stage wall and CPU time, shuffle, spill, heap,",
      "syndication precision/recall; the MLlib baseline at --mllib-at) and bench-summary.json over all sizes there."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "<jsonl>", description = "A real corpus (JSONL, e.g. article-bias-prediction.jsonl.gz).")
  String corpus;

  @Option(names = "--work", required = true, paramLabel = "<dir>", description = "Scratch directory for the built corpora and outputs.")
  String work;

  @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000", description = "Corpus sizes, in articles (default ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(names = "--mllib-at", defaultValue = "100000", description = "Run MLlib's MinHashLSH baseline at this size (0: never; default ${DEFAULT-VALUE}).")
  long mllibAt;

  @Option(names = "--mllib-tables", defaultValue = "5", description = "MinHashLSH hash tables of the baseline (default ${DEFAULT-VALUE}).")
  int mllibTables;

  @Option(names = "--ner", defaultValue = "corenlp", description = "Entity extractor: corenlp or aliases (default ${DEFAULT-VALUE}).")
  String ner;

  @Option(names = "--results", defaultValue = "bench/results", paramLabel = "<dir>", description = "Directory for the JSON results (default ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--csv", description = "Also write the CSV copies of every table (off: as a large nightly run, --no-csv).")
  boolean csv;

  @Option(names = "--reuse", description = "Reuse corpora an earlier run built in --work.")
  boolean reuse;

  @Option(names = "--stages", defaultValue = "all", paramLabel = "<list>",
      description = "Stages to run, with their prerequisites (default ${DEFAULT-VALUE}). A partial run writes "
          + "bench-<size>-<stages>.json and counts in the summary's per-stage scaling only.")
  String stages;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    BenchJob.Config config = new BenchJob.Config(corpus, work, mllibAt, mllibTables, ner, seed, reuse, csv, Stage.parse(stages));
    PrintWriter out = spec.commandLine().getOut();
    Sessions.withSession("newsframe bench", spark -> {
      for (long size : sizes) {
        Map<String, Object> figures;
        try {
          figures = BenchJob.run(config, size, spark);
        } catch (BenchJob.Failed f) {
          // What the run measured before it failed, beside the results but out of the summary.
          Figures.report(out, "benchmark", "pipeline-failed", f.result(), results.resolve(failedFileName(size, config)));
          throw (RuntimeException) f.getCause();
        }
        Figures.report(out, "benchmark", "pipeline", figures, results.resolve(fileName(size, config)));
      }
      return null;
    });
    Map<String, Object> summary = summary(results);
    Figures.report(out, "benchmark", "pipeline-summary", summary, results.resolve("bench-summary.json"));
    out.println(table(summary));
    return Newsframe.OK;
  }

  static String fileName(long size, BenchJob.Config config) {
    return "bench-" + label(size) + (config.partial() ? "-" + Stage.labels(config.stages()).replace(',', '-') : "") + ".json";
  }

  /** Where a failed run's figures go: {@code bench-<size>[-<stages>].failed.json}, which the summary does not read. */
  static String failedFileName(long size, BenchJob.Config config) {
    return fileName(size, config).replaceFirst("\\.json$", ".failed.json");
  }

  static String label(long size) {
    if (size % 1_000_000 == 0) {
      return size / 1_000_000 + "m";
    }
    return size % 1000 == 0 ? size / 1000 + "k" : Long.toString(size);
  }

  /**
   * Every whole-pipeline bench-<size>.json in {@code dir}, smallest first, with cost per article
   * relative to the smallest run with the same entity extractor; and each stage's cost per article at
   * every size it ran at, partial runs (bench-<size>-<stages>.json) included.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> summary(Path dir) {
    List<Map<String, Object>> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("bench-\\d+[km]?(-[a-z-]+)?\\.json")).sorted().toList()) {
        all.add(new ObjectMapper().readValue(f.toFile(), Map.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort((a, b) -> Long.compare(((Number) a.get("articles")).longValue(), ((Number) b.get("articles")).longValue()));
    List<Map<String, Object>> runs = all.stream()
        .filter(r -> !r.containsKey("stages") || Stage.parse((String) r.get("stages")).containsAll(Stage.allAvailable())).toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    // Like with like: a CoreNLP run's cost is not the baseline of an aliases run.
    Map<Object, Double> bases = new HashMap<>();
    for (Map<String, Object> r : runs) {
      Map<String, Object> p = (Map<String, Object>) r.get("pipeline");
      Map<String, Object> stages = (Map<String, Object>) p.get("stages");
      Map<String, Object> q = (Map<String, Object>) r.get("syndication_quality");
      double cost = ((Number) p.get("core_ms_per_article")).doubleValue();
      double base = bases.computeIfAbsent(r.get("ner"), k -> cost);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("articles", r.get("articles"));
      row.put("text_mb", r.get("text_mb"));
      row.put("ner", r.get("ner"));
      row.put("wall_seconds", p.get("wall_seconds"));
      row.put("core_ms_per_article", cost);
      row.put("cost_per_article_vs_smallest", Math.round(cost / base * 100) / 100.0);
      row.put("syndication_articles_per_core_hour", ((Map<String, Object>) stages.get("syndication")).get("articles_per_core_hour"));
      row.put("syndication_precision", q.get("precision"));
      row.put("syndication_recall", q.get("recall"));
      row.put("peak_heap_used_mb", p.get("peak_heap_used_mb"));
      row.put("peak_heap_live_mb", p.get("peak_heap_live_mb"));
      row.put("jvm_max_heap_mb", r.get("jvm_max_heap_mb"));
      Map<String, Object> perStage = new LinkedHashMap<>();
      stages.forEach((k, v) -> perStage.put(k, ((Map<String, Object>) v).get("wall_seconds")));
      row.put("stage_wall_seconds", perStage);
      if (r.containsKey("mllib")) {
        row.put("mllib_over_newsframe_wall", r.get("mllib_over_newsframe_wall"));
        row.put("mllib_recall", ((Map<String, Object>) r.get("mllib")).get("recall"));
      }
      rows.add(row);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("runs", rows);
    summary.put("stage_scaling", stageScaling(all));
    return summary;
  }

  /**
   * Per stage, core-milliseconds of wall time per article ({@code wall × cores / articles}) at each
   * size, with the ratio to the smallest size the stage ran at with the same entity extractor: the
   * "cost within 1.3×" check, stage by stage, so partial runs at the largest sizes count too.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> stageScaling(List<Map<String, Object>> runs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String stage : BenchJob.STAGES) {
      List<Map<String, Object>> points = new ArrayList<>();
      Map<Object, Double> bases = new HashMap<>();
      for (Map<String, Object> r : runs) {
        Map<String, Object> p = (Map<String, Object>) r.get("pipeline");
        Map<String, Object> f = (Map<String, Object>) ((Map<String, Object>) p.get("stages")).get(stage);
        double wall = f == null ? 0 : ((Number) f.getOrDefault("wall_seconds", 0)).doubleValue();
        long articles = ((Number) r.get("articles")).longValue();
        if (wall <= 0 || articles == 0) {
          continue;
        }
        double cost = wall * ((Number) r.get("cores")).doubleValue() * 1000 / articles;
        double base = bases.computeIfAbsent(r.get("ner"), k -> cost);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("articles", articles);
        point.put("run_stages", r.getOrDefault("stages", "all"));
        point.put("ner", r.get("ner"));
        point.put("wall_seconds", wall);
        point.put("core_ms_per_article", Math.round(cost * 100) / 100.0);
        point.put("vs_smallest", Math.round(cost / base * 100) / 100.0);
        points.add(point);
      }
      out.put(stage, points);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static String table(Map<String, Object> summary) {
    StringBuilder sb = new StringBuilder();
    List<Map<String, Object>> rows = (List<Map<String, Object>>) summary.get("runs");
    sb.append(String.format(Locale.ROOT, "%10s %8s %10s %8s %14s %9s %9s%n", "articles", "wall s", "core ms/a", "vs 1st",
        "synd art/c-h", "heap MB", "live MB"));
    for (Map<String, Object> r : rows) {
      sb.append(String.format(Locale.ROOT, "%10s %8s %10s %8s %14s %9s %9s%n", r.get("articles"), r.get("wall_seconds"),
          r.get("core_ms_per_article"), r.get("cost_per_article_vs_smallest"), r.get("syndication_articles_per_core_hour"),
          r.get("peak_heap_used_mb"), r.get("peak_heap_live_mb")));
    }
    return sb.toString();
  }
}
