package org.newsframe.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsframe.jobs.BenchSyndicationJob;
import org.newsframe.jobs.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsframe bench-syndication}: parses options and calls {@link BenchSyndicationJob#run}. */
@Command(
    name = "bench-syndication",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark: newsframe's syndication stage against MLlib's MinHashLSH.approxSimilarityJoin on a",
      "labelled corpus of at least --articles articles built from a real JSONL corpus with generate-copies.",
      "Prints wall time, articles per core-hour, pairwise precision and recall; writes them as JSON."
    })
public final class BenchSyndicationCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "<jsonl>", description = "A real corpus (JSONL, e.g. article-bias-prediction.jsonl.gz).")
  String corpus;

  @Option(names = "--work", required = true, paramLabel = "<dir>", description = "Scratch directory for the built corpora.")
  String work;

  @Option(names = "--articles", defaultValue = "100000", description = "Articles to reach with generated copies (default ${DEFAULT-VALUE}).")
  long articles;

  @Option(names = "--mllib-tables", defaultValue = "5", description = "MinHashLSH hash tables of the baseline; 0 skips it (default ${DEFAULT-VALUE}).")
  int mllibTables;

  @Option(names = "--results", paramLabel = "<json>", description = "Write the figures here as JSON.")
  Path results;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--reuse", description = "Reuse the corpus an earlier run built in --work (skips ingest and generate-copies).")
  boolean reuse;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    BenchSyndicationJob.Config config = new BenchSyndicationJob.Config(corpus, work, articles, mllibTables, seed, reuse);
    Map<String, Object> figures = Sessions.withSession("newsframe bench-syndication", spark -> BenchSyndicationJob.run(config, spark));
    Figures.report(spec.commandLine().getOut(), "benchmark", "syndication", figures, results);
    return Newsframe.OK;
  }
}
