package org.newsframe.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsframe.jobs.BenchTextJob;
import org.newsframe.jobs.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsframe bench-text}: parses options and calls {@link BenchTextJob#run}. */
@Command(
    name = "bench-text",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: times the terms and entities stages on an ingested corpus (with their prerequisites),",
      "the entity stage with and without the paragraph cache, and prints NER tokens per second per core;",
      "writes the figures as JSON."
    })
public final class BenchTextCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "<parquet>", description = "An ingested corpus, or one generate-copies made.")
  String input;

  @Option(names = "--work", required = true, paramLabel = "<dir>", description = "Scratch directory for the runs' outputs.")
  String work;

  @Option(names = "--originals", defaultValue = "0", paramLabel = "<n>",
      description = "Measure on this many source articles and the generated copies of them (0, default: the whole corpus).")
  long originals;

  @Option(names = "--without-cache", description = "Also run the entity stage without the paragraph cache.")
  boolean withoutCache;

  @Option(names = "--ner", defaultValue = "corenlp", description = "corenlp (default) or aliases.")
  String ner;

  @Option(names = "--results", paramLabel = "<json>", description = "Write the figures here as JSON.")
  Path results;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    BenchTextJob.Config config = new BenchTextJob.Config(input, work, originals, withoutCache, ner);
    Map<String, Object> figures = Sessions.withSession("newsframe bench-text", spark -> BenchTextJob.run(config, spark));
    Figures.report(spec.commandLine().getOut(), "benchmark", "terms and entities", figures, results);
    return Newsframe.OK;
  }
}
