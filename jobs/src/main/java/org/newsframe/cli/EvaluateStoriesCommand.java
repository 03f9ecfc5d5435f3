package org.newsframe.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsframe.jobs.EvaluateStoriesJob;
import org.newsframe.jobs.Sessions;
import org.newsframe.stages.StoryParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsframe evaluate-stories}: parses options and calls {@link EvaluateStoriesJob#run}. */
@Command(
    name = "evaluate-stories",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the stories stage: pair precision and recall against a corpus's human event labels",
      "(e.g. BASIL's triplets, GVA's incidents) for several cosine thresholds; writes the figures as JSON."
    })
public final class EvaluateStoriesCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "<jsonl>", description = "A labelled corpus (JSONL).")
  String corpus;

  @Option(names = "--work", required = true, paramLabel = "<dir>", description = "Scratch directory; the corpus and stages before stories an earlier evaluation left there are reused.")
  String work;

  @Option(names = "--label", defaultValue = "cluster_id", description = "The column holding the human event label (default ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--thresholds", defaultValue = "0.2,0.25,0.3,0.35,0.4,0.5", split = ",", description = "Cosine thresholds to measure.")
  List<Double> thresholds;

  @Option(names = "--story-window-days", defaultValue = "7", description = "Date window (default ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(names = "--story-max-undated-posting", paramLabel = "<n>", defaultValue = "" + StoryParams.DEFAULT_MAX_UNDATED_POSTING,
      description = "An undated report finds candidates only through terms that are among the top terms of at most this many reports (default ${DEFAULT-VALUE}).")
  int maxUndatedPosting;

  @Option(names = "--ner", defaultValue = "corenlp", description = "corenlp (default) or aliases.")
  String ner;

  @Option(names = "--results", paramLabel = "<json>", description = "Write the figures here as JSON.")
  Path results;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    EvaluateStoriesJob.Config config = new EvaluateStoriesJob.Config(corpus, work, label, thresholds, ner, windowDays, maxUndatedPosting);
    Map<String, Object> figures = Sessions.withSession("newsframe evaluate-stories", spark -> EvaluateStoriesJob.run(config, spark));
    Figures.report(spec.commandLine().getOut(), "evaluation", "stories", figures, results);
    return Newsframe.OK;
  }
}
