package org.newsframe.jobs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.newsframe.stages.SyndicationParams;
import org.newsframe.stages.TextParams;

/**
 * Settings of {@code run}.
 *
 * @param stages the stages to run, prerequisites included (see {@link Stage#parse})
 * @param csv whether to write a CSV copy of each table under {@code <out>/csv/}
 * @param boilerplate boilerplate rules file; null for the bundled {@code data/boilerplate/rules.tsv}
 * @param furnitureMinArticles a paragraph one outlet repeats in at least this many unrelated
 *     articles is site furniture
 * @param syndication settings of the syndication stage
 * @param text settings of the terms and entities stages
 * @param nightly the dates a dated run processes; null for the whole corpus
 */
public record RunConfig(
    String input,
    String output,
    Set<Stage> stages,
    boolean csv,
    Path boilerplate,
    int furnitureMinArticles,
    SyndicationParams syndication,
    TextParams text,
    Nightly nightly) {

  public RunConfig {
    stages = Set.copyOf(stages);
  }

  /** A run over the whole corpus. */
  public RunConfig(String input, String output, Set<Stage> stages, boolean csv, Path boilerplate,
      int furnitureMinArticles, SyndicationParams syndication, TextParams text) {
    this(input, output, stages, csv, boilerplate, furnitureMinArticles, syndication, text, null);
  }

  /** Defaults for everything but the paths and stages. */
  public static RunConfig of(String input, String output, Set<Stage> stages) {
    return new RunConfig(input, output, stages, true, null, 5, SyndicationParams.defaults(), TextParams.defaults());
  }

  /** How many stories the report shows (those most outlets cover). */
  public int reportStories() {
    return 25;
  }

  /** The same run with or without CSV copies. */
  public RunConfig withCsv(boolean on) {
    return new RunConfig(input, output, stages, on, boilerplate, furnitureMinArticles, syndication, text, nightly);
  }

  /** The same run with other text settings. */
  public RunConfig withText(TextParams t) {
    return new RunConfig(input, output, stages, csv, boilerplate, furnitureMinArticles, syndication, t, nightly);
  }

  /** The same run restricted to the dates of {@code n} (null: the whole corpus). */
  public RunConfig withNightly(Nightly n) {
    return new RunConfig(input, output, stages, csv, boilerplate, furnitureMinArticles, syndication, text, n);
  }

  public boolean dated() {
    return nightly != null;
  }

  public boolean runs(Stage stage) {
    return stages.contains(stage);
  }

  /** The settings as the manifest records them. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stages", Stage.labels(stages));
    m.put("csv", csv);
    if (nightly != null) {
      m.put("dates", nightly.describe());
    }
    if (runs(Stage.CLEAN)) {
      m.put("boilerplate", boilerplate == null ? "bundled data/boilerplate/rules.tsv" : boilerplate.toString());
      m.put("furniture_min_articles", furnitureMinArticles);
    }
    if (runs(Stage.SYNDICATION)) {
      m.put("syndication", syndication.describe());
    }
    if (runs(Stage.TERMS)) {
      m.put("terms", text.describeTerms());
    }
    if (runs(Stage.ENTITIES)) {
      m.put("entities", text.describeEntities());
    }
    if (runs(Stage.STORIES)) {
      m.put("stories", text.stories().describe());
    }
    if (runs(Stage.FRAMING)) {
      m.put("sources", text.sources() == null ? "bundled data/sources.tsv" : text.sources().toString());
    }
    return m;
  }
}
