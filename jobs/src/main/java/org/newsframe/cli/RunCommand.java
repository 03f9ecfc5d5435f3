package org.newsframe.cli;

import java.util.concurrent.Callable;
import org.newsframe.jobs.RunConfig;
import org.newsframe.jobs.RunJob;
import org.newsframe.jobs.Sessions;
import org.newsframe.jobs.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsframe run}: parses options and calls {@link RunJob#run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline over an ingested Parquet corpus and publish its tables atomically.",
      "Writes <output>/<table>/ (Parquet), <output>/csv/<table>.csv and <output>/manifest.json."
    })
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "<parquet>", description = "Ingested corpus (Parquet).")
  String input;

  @Option(names = "--output", required = true, paramLabel = "<dir>", description = "Output directory; replaced only when the run succeeds.")
  String output;

  @Option(
      names = "--stages",
      paramLabel = "<list>",
      defaultValue = "all",
      description = {
        "Stages to run, comma-separated, with what they need pulled in: "
            + "clean, syndication, terms, entities, stories, framing, report, or all (default).",
        "Reading and validating the corpus always runs."
      })
  String stages;

  @Option(names = "--no-csv", negatable = false, description = "Skip the CSV copies (for very large outputs).")
  boolean noCsv;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunConfig config = new RunConfig(input, output, Stage.parse(stages), !noCsv);
    RunJob.Result r = Sessions.withSession("newsframe run", spark -> RunJob.run(config, spark));
    spec.commandLine().getOut().printf(
        "newsframe run: %d articles in, %d written, %d rejected %s -> %s%n",
        r.rowsIn(), r.articles(), r.rejected().values().stream().mapToLong(Long::longValue).sum(),
        r.rejected(), r.output());
    return Newsframe.OK;
  }
}
