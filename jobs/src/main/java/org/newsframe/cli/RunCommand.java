package org.newsframe.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsframe.UsageException;
import org.newsframe.stages.SyndicationParams;
import org.newsframe.stages.StoryParams;
import org.newsframe.stages.Terms;
import org.newsframe.stages.TextParams;
import org.newsframe.text.terms.TermAnalyzer;
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

  @Option(names = "--date", paramLabel = "<yyyy-mm-dd>",
      description = {"Nightly run: process only the articles published that day, matched against the window of the "
          + "previous output at --output (its articles, syndication signatures and edges); aggregates are recomputed "
          + "over the window. Rerunning a date gives the same output."})
  String date;

  @Option(names = "--since", paramLabel = "<yyyy-mm-dd>",
      description = "Like --date, for that day and every later one (a backfill, or catching up missed nights).")
  String since;

  @Option(names = "--window-days", paramLabel = "<days>", defaultValue = "7",
      description = "With --date/--since: days before the first date whose articles are kept and matched against (default ${DEFAULT-VALUE}).")
  int windowDays;

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

  @Option(names = "--stemming", paramLabel = "<none|minimal|porter>", defaultValue = "minimal",
      description = "terms: none, minimal (plurals; default) or porter. Tables show each term's most written form.")
  String stemming;

  @Option(names = "--keep-stopwords", negatable = false, description = "terms: count English stopwords too.")
  boolean keepStopwords;

  @Option(names = "--no-bigrams", negatable = false, description = "terms: unigrams only.")
  boolean noBigrams;

  @Option(names = "--min-bigram-count", paramLabel = "<n>", defaultValue = "2",
      description = "terms: keep an outlet's bigram in the frequency and distinctive tables when it uses it at least this often "
          + "(default ${DEFAULT-VALUE}; 1 keeps every bigram). Shares and z-scores count every term either way.")
  int minBigramCount;

  @Option(names = "--alpha0", paramLabel = "<x>", defaultValue = "0",
      description = "terms: Fightin' Words prior size; each term's prior is alpha0 x its corpus share. 0 (default): the corpus's own size, so a term's prior count is its corpus count.")
  double alpha0;

  @Option(names = "--min-count", paramLabel = "<n>", defaultValue = "3",
      description = "terms: compare only terms seen at least this often in the two sides together (default ${DEFAULT-VALUE}).")
  long minCount;

  @Option(names = "--compare", paramLabel = "<outlet,outlet>",
      description = "terms: also compare these two outlets with each other (repeatable), e.g. --compare 'AP,VOA'.")
  java.util.List<String> compare = new java.util.ArrayList<>();

  @Option(names = "--ner", paramLabel = "<corenlp|aliases>", defaultValue = "corenlp",
      description = "entities: corenlp (Stanford CoreNLP 3-class CRF + the alias dictionary; default) or aliases (the dictionary alone, no model).")
  String ner;

  @Option(names = "--aliases", paramLabel = "<tsv>", description = "entities: alias dictionary; default: the bundled data/entities/aliases.tsv.")
  Path aliases;

  @Option(names = "--no-paragraph-cache", negatable = false,
      description = "entities: tag every paragraph, even one already tagged in another article (for benchmarks).")
  boolean noParagraphCache;

  @Option(names = "--story-min-cosine", paramLabel = "<0..1>", defaultValue = "0.30",
      description = "stories: TF-IDF cosine for two reports to be one story (default ${DEFAULT-VALUE}).")
  double storyMinCosine;

  @Option(names = "--story-window-days", paramLabel = "<days>", defaultValue = "7",
      description = "stories: dated reports further apart are different stories (default ${DEFAULT-VALUE}).")
  int storyWindowDays;

  @Option(names = "--story-max-undated-posting", paramLabel = "<n>", defaultValue = "" + StoryParams.DEFAULT_MAX_UNDATED_POSTING,
      description = "stories: an undated report finds candidates only through terms that are among the top terms of at most this many reports; it is in every "
          + "report's window, so it is compared with all of them (default ${DEFAULT-VALUE}).")
  int storyMaxUndatedPosting;

  @Option(names = "--story-max-units", paramLabel = "<n>", defaultValue = "1000",
      description = "stories: a story of more reports (syndication clusters) than this is split again on its stronger links "
          + "(default ${DEFAULT-VALUE}).")
  int storyMaxUnits;

  @Option(names = "--sources", paramLabel = "<tsv>", description = "framing: speaker affiliations; default: the bundled data/sources.tsv.")
  Path sources;

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
    if (storyMaxUnits < 2) {
      throw new UsageException("--story-max-units: " + storyMaxUnits + " is less than 2");
    }
    if (storyMaxUndatedPosting < 0) {
      throw new UsageException("--story-max-undated-posting: " + storyMaxUndatedPosting + " is negative");
    }
    if (dateWindowDays != null && dateWindowDays < 0) {
      throw new UsageException("--date-window-days: " + dateWindowDays + " is negative");
    }
    SyndicationParams syndication =
        SyndicationParams.defaults().withMinContainment(minContainment).withDateWindow(dateWindowDays);
    RunConfig config =
        new RunConfig(input, output, Stage.parse(stages), !noCsv, boilerplate, furnitureMinArticles, syndication, textParams(), nightly());
    RunJob.Result r = Sessions.withSession("newsframe run", spark -> RunJob.run(config, spark));
    spec.commandLine().getOut().printf(
        "newsframe run: %d articles in, %d written, %d rejected %s; tables %s -> %s%n",
        r.rowsIn(), r.articles(), r.rejected().values().stream().mapToLong(Long::longValue).sum(),
        r.rejected(), r.tables(), r.output());
    return Newsframe.OK;
  }

  private org.newsframe.jobs.Nightly nightly() {
    if (date != null && since != null) {
      throw new UsageException("--date and --since: give one of them");
    }
    if (windowDays < 0) {
      throw new UsageException("--window-days: " + windowDays + " is negative");
    }
    if (date == null && since == null) {
      return null;
    }
    String option = date != null ? "--date" : "--since";
    String value = date != null ? date : since;
    java.time.LocalDate d;
    try {
      d = java.time.LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException(option + ": '" + value + "' is not a date (yyyy-mm-dd)");
    }
    return date != null ? org.newsframe.jobs.Nightly.day(d, windowDays) : org.newsframe.jobs.Nightly.since(d, windowDays);
  }

  private TextParams textParams() {
    if (alpha0 < 0) {
      throw new UsageException("--alpha0: " + alpha0 + " is negative");
    }
    if (minCount < 1) {
      throw new UsageException("--min-count: " + minCount + " is less than 1");
    }
    if (minBigramCount < 1) {
      throw new UsageException("--min-bigram-count: " + minBigramCount + " is less than 1");
    }
    java.util.List<String[]> pairs = new java.util.ArrayList<>();
    for (String c : compare) {
      String[] p = c.split(",", -1);
      if (p.length != 2 || p[0].isBlank() || p[1].isBlank() || p[0].strip().equals(p[1].strip())) {
        throw new UsageException("--compare: expected two different outlets as 'A,B', got '" + c + "'");
      }
      pairs.add(new String[] {p[0].strip(), p[1].strip()});
    }
    return new TextParams(
        new TermAnalyzer.Options(!keepStopwords, TermAnalyzer.Stemming.parse(stemming), !noBigrams),
        new Terms.DistinctiveParams(alpha0, minCount, pairs),
        minBigramCount,
        ner, aliases, !noParagraphCache,
        StoryParams.defaults().withMinCosine(storyMinCosine).withDateWindow(storyWindowDays).withMaxUnits(storyMaxUnits)
            .withMaxUndatedPosting(storyMaxUndatedPosting), sources);
  }
}
