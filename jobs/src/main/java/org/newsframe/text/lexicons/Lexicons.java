package org.newsframe.text.lexicons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsframe.UsageException;

/**
 * The framing lexicons of {@code data/lexicons/} and the source affiliations of {@code
 * data/sources.tsv}. Each file says where its words come from.
 */
public final class Lexicons implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String VERB_NEUTRAL = "neutral";
  public static final String VERB_ASSERTIVE = "assertive";
  public static final String VERB_DISTANCING = "distancing";
  public static final String VERB_DENIAL = "denial";
  public static final String UNKNOWN = "unknown";
  /** Kind of a rebuttal marker that reports a party's denial rather than a judgement of the claim. */
  public static final String DENIAL = "denial";

  private final Map<String, String> attributionVerbs;
  private final Map<String, String> rebuttals;
  private final List<String> hedges;
  private final Map<String, String> affiliations;
  private transient org.newsframe.text.PhraseScanner rebuttalScanner;
  private transient org.newsframe.text.PhraseScanner hedgeScanner;

  private Lexicons(Map<String, String> verbs, Map<String, String> rebuttals, List<String> hedges, Map<String, String> affiliations) {
    this.attributionVerbs = Collections.unmodifiableMap(verbs);
    this.rebuttals = Collections.unmodifiableMap(rebuttals);
    this.hedges = List.copyOf(hedges);
    this.affiliations = Collections.unmodifiableMap(affiliations);
  }

  /** The bundled files (inside the job jar). */
  public static Lexicons bundled() {
    return new Lexicons(
        twoColumns(resource("/newsframe/data/lexicons/attribution_verbs.tsv"), "attribution_verbs.tsv", true),
        twoColumns(resource("/newsframe/data/lexicons/rebuttal_markers.tsv"), "rebuttal_markers.tsv", true),
        new ArrayList<>(oneColumn(resource("/newsframe/data/lexicons/hedges.tsv"))),
        twoColumns(resource("/newsframe/data/sources.tsv"), "sources.tsv", false));
  }

  /** The bundled lexicons with another sources file (null keeps the bundled one). */
  public static Lexicons withSources(Path sources) {
    Lexicons b = bundled();
    if (sources == null) {
      return b;
    }
    try {
      return new Lexicons(b.attributionVerbs, b.rebuttals, b.hedges, twoColumns(Files.readAllLines(sources, StandardCharsets.UTF_8), sources.toString(), false));
    } catch (IOException e) {
      throw new UsageException("cannot read the sources file " + sources + ": " + e.getMessage());
    }
  }

  /** Verb as written (lower case) → class. */
  public Map<String, String> attributionVerbs() {
    return attributionVerbs;
  }

  /** The class of an attribution verb ({@code according to} counts as {@code according}); null if unknown. */
  public String verbClass(String verb) {
    if (verb == null) {
      return null;
    }
    String v = verb.toLowerCase(Locale.ROOT).split("\\s+")[0];
    return attributionVerbs.get(v);
  }

  /** Rebuttal phrase → kind. */
  public Map<String, String> rebuttals() {
    return rebuttals;
  }

  /** The kind of a rebuttal phrase as found (any case, any spacing). */
  public String rebuttalKind(String phrase) {
    return rebuttals.get(phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }

  public List<String> hedges() {
    return hedges;
  }

  /** A speaker's affiliation, {@code unknown} if not listed. */
  public String affiliation(String speaker) {
    return speaker == null ? UNKNOWN : affiliations.getOrDefault(speaker, UNKNOWN);
  }

  /** Rebuttal phrases found in {@code text}, in order (longest phrase at each place). */
  public List<String> findRebuttals(String text) {
    if (rebuttalScanner == null) {
      rebuttalScanner = scanner(rebuttals.keySet());
    }
    return find(rebuttalScanner, text);
  }

  /** The rebuttal markers and hedges, in file order (for tests). */
  java.util.Collection<String> rebuttalPhrases() {
    return rebuttals.keySet();
  }

  List<String> hedgePhrases() {
    return hedges;
  }

  public List<String> findHedges(String text) {
    if (hedgeScanner == null) {
      hedgeScanner = scanner(hedges);
    }
    return find(hedgeScanner, text);
  }

  private static List<String> find(org.newsframe.text.PhraseScanner scanner, String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    scanner.scan(text, (start, end) -> out.add(text.substring(start, end).toLowerCase(Locale.ROOT)));
    return out;
  }

  /**
   * The phrases as {@code (?<![\\p{L}\\p{N}])(?:longest|…|shortest)(?![\\p{L}\\p{N}])} in any case
   * would find them, a space matching any whitespace ({@link org.newsframe.text.PhraseScanner}).
   */
  private static org.newsframe.text.PhraseScanner scanner(java.util.Collection<String> phrases) {
    return new org.newsframe.text.PhraseScanner(phrases.stream().sorted((a, c) -> c.length() - a.length()).toList(), true);
  }

  private static List<String> resource(String path) {
    try (InputStream in = Lexicons.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + path + " missing from the class path");
      }
      List<String> lines = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> oneColumn(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean header = false;
    for (String l : lines) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (!header) {
        header = true;
        continue;
      }
      out.add(l.strip());
    }
    return out;
  }

  private static Map<String, String> twoColumns(List<String> lines, String source, boolean lowerKeys) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean header = false;
    int n = 0;
    for (String l : lines) {
      n++;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (!header) {
        header = true;
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
        throw new UsageException(source + ":" + n + ": expected two tab-separated columns, got '" + l + "'");
      }
      out.put(lowerKeys ? f[0].strip().toLowerCase(Locale.ROOT) : f[0].strip(), f[1].strip());
    }
    return out;
  }
}
