package org.newsframe.jobs;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsframe.UsageException;

/**
 * The stages of {@code newsframe run}, each with the stages it needs. Reading and validating the
 * corpus (tables {@code articles} and {@code rejects}) always runs and is not listed here.
 */
public enum Stage {
  CLEAN(true),
  SYNDICATION(true, CLEAN),
  TERMS(true, SYNDICATION),
  ENTITIES(true, SYNDICATION),
  STORIES(true, TERMS, ENTITIES),
  FRAMING(true, STORIES),
  REPORT(true, FRAMING);

  private final boolean available;
  private final List<Stage> needs;

  Stage(boolean available, Stage... needs) {
    this.available = available;
    this.needs = List.of(needs);
  }

  /** The name users type. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this version of newsframe implements the stage. */
  public boolean available() {
    return available;
  }

  /** The stages this one reads the output of. */
  public List<Stage> needs() {
    return needs;
  }

  /** Every stage this version implements. */
  public static Set<Stage> allAvailable() {
    Set<Stage> all = EnumSet.noneOf(Stage.class);
    for (Stage s : values()) {
      if (s.available) {
        all.add(s);
      }
    }
    return all;
  }

  /** The requested stages plus everything they need, transitively. */
  public static Set<Stage> withPrerequisites(Collection<Stage> requested) {
    Set<Stage> out = EnumSet.noneOf(Stage.class);
    for (Stage s : requested) {
      add(s, out);
    }
    return out;
  }

  private static void add(Stage s, Set<Stage> out) {
    if (out.add(s)) {
      s.needs.forEach(n -> add(n, out));
    }
  }

  /**
   * Parses {@code clean,syndication}: names are case-insensitive; {@code all} means every available
   * stage.
   *
   * @throws UsageException naming an unknown or not yet available stage
   */
  public static Set<Stage> parse(String spec) {
    Set<Stage> out = EnumSet.noneOf(Stage.class);
    for (String raw : spec.split(",")) {
      String name = raw.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("all")) {
        out.addAll(allAvailable());
        continue;
      }
      Stage stage = byLabel(name);
      if (stage == null) {
        throw new UsageException(
            "--stages: unknown stage '" + raw.strip() + "'; stages are " + labels(EnumSet.allOf(Stage.class)));
      }
      out.add(stage);
    }
    Set<Stage> needed = withPrerequisites(out);
    for (Stage s : needed) {
      if (!s.available) {
        throw new UsageException(
            "--stages: stage '" + s.label() + "'" + (out.contains(s) ? "" : " (needed by " + labels(out) + ")")
                + " is not available in this version; available: " + describe(allAvailable()));
      }
    }
    return needed;
  }

  private static Stage byLabel(String name) {
    for (Stage s : values()) {
      if (s.label().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private static String describe(Set<Stage> stages) {
    return stages.isEmpty() ? "none yet (the run reads and validates the corpus)" : labels(stages);
  }

  /** Comma-separated labels in pipeline order. */
  public static String labels(Collection<Stage> stages) {
    return stages.stream().sorted().map(Stage::label).collect(Collectors.joining(","));
  }
}
