package org.newsframe.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsframe.UsageException;
import org.newsframe.stages.SyndicationParams;
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

  @Option(names = "--boilerplate", paramLabel = "<tsv>", description = "Boilerplate rules for clean; default: the bundled data/boilerplate/rules.tsv.")
  Path boilerplate;

  @Option(names = "--furniture-min-articles", paramLabel = "<n>", defaultValue = "5",
      description = "clean: a paragraph one outlet repeats in this many unrelated articles (and no other outlet carries) is site furniture (default ${DEFAULT-VALUE}).")
  int furnitureMinArticles;

  @Option(names = "--min-containment", paramLabel = "<0..1>", defaultValue = "0.5",
      description = "syndication: share of the shorter article's shingles found in the longer for the two to be copies (default ${DEFAULT-VALUE}).")
  double minContainment;

  @Option(names = "--date-window-days", paramLabel = "<days>",
      description = "syndication: do not compare articles published further apart (default: no window; undated articles are always compared).")
  Integer dateWindowDays;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (minContainment <= 0 || minContainment > 1) {
      throw new UsageException("--min-containment: " + minContainment + " is not in (0, 1]");
    }
    if (furnitureMinArticles < 2) {
      throw new UsageException("--furniture-min-articles: " + furnitureMinArticles + " is less than 2");
    }
    if (dateWindowDays != null && dateWindowDays < 0) {
      throw new UsageException("--date-window-days: " + dateWindowDays + " is negative");
    }
    SyndicationParams syndication =
        SyndicationParams.defaults().withMinContainment(minContainment).withDateWindow(dateWindowDays);
    RunConfig config =
        new RunConfig(input, output, Stage.parse(stages), !noCsv, boilerplate, furnitureMinArticles, syndication);
    RunJob.Result r = Sessions.withSession("newsframe run", spark -> RunJob.run(config, spark));
    spec.commandLine().getOut().printf(
        "newsframe run: %d articles in, %d written, %d rejected %s; tables %s -> %s%n",
        r.rowsIn(), r.articles(), r.rejected().values().stream().mapToLong(Long::longValue).sum(),
        r.rejected(), r.tables(), r.output());
    return Newsframe.OK;
  }
}
