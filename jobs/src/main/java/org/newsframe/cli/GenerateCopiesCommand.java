package org.newsframe.cli;

import java.util.concurrent.Callable;
import org.newsframe.UsageException;
import org.newsframe.jobs.GenerateCopiesJob;
import org.newsframe.jobs.Sessions;
import org.newsframe.stages.Generate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsframe generate-copies}: parses options and calls {@link GenerateCopiesJob#run}. */
@Command(
    name = "generate-copies",
    mixinStandardHelpOptions = true,
    description = {
      "Add labelled syndicated copies (trimmed, cut, reordered, renamed, typo'd, retitled, with",
      "appended boilerplate) and same-topic distractors to an ingested corpus, to measure syndication.",
      "Labels: copy_of (the original's id), copy_edits (what was done), synthetic (copy|distractor)."
    })
public final class GenerateCopiesCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "<parquet>", description = "Ingested corpus.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "<dir>", description = "Corpus to write (originals + copies + distractors).")
  String output;

  @Option(names = "--origin-share", defaultValue = "0.3", paramLabel = "<0..1>", description = "Share of articles that get copies (default ${DEFAULT-VALUE}).")
  double originShare;

  @Option(names = "--copies", defaultValue = "1..3", paramLabel = "<min..max>", description = "Copies per origin (default ${DEFAULT-VALUE}).")
  String copies;

  @Option(names = "--distractor-share", defaultValue = "0.1", paramLabel = "<0..1>", description = "Share of articles that get a distractor (default ${DEFAULT-VALUE}).")
  double distractorShare;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Generate.Params params = new Generate.Params(share("--origin-share", originShare), min(), max(),
        share("--distractor-share", distractorShare), seed);
    GenerateCopiesJob.Result r =
        Sessions.withSession("newsframe generate-copies", spark -> GenerateCopiesJob.run(input, output, params, spark));
    spec.commandLine().getOut().printf(
        "newsframe generate-copies: %d source articles, %d copies, %d distractors -> %s%n",
        r.originals(), r.copies(), r.distractors(), r.output());
    return Newsframe.OK;
  }

  private static double share(String option, double v) {
    if (v < 0 || v > 1) {
      throw new UsageException(option + ": " + v + " is not between 0 and 1");
    }
    return v;
  }

  private int[] range() {
    String[] parts = copies.split("\\.\\.");
    try {
      int lo = Integer.parseInt(parts[0].strip());
      int hi = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : lo;
      if (parts.length > 2 || lo < 1 || hi < lo) {
        throw new NumberFormatException();
      }
      return new int[] {lo, hi};
    } catch (NumberFormatException e) {
      throw new UsageException("--copies: '" + copies + "' is not a range like 1..3 (at least 1)");
    }
  }

  private int min() {
    return range()[0];
  }

  private int max() {
    return range()[1];
  }
}
