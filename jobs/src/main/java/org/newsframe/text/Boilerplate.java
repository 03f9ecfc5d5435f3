package org.newsframe.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Removes boilerplate paragraphs by rule ({@code data/boilerplate/rules.tsv}) and short paragraphs
 * repeated within the article (image captions), keeping each removed paragraph with its reason.
 */
public final class Boilerplate implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String BUNDLED = "/newsframe/data/boilerplate/rules.tsv";

  /** Reason for short paragraphs that occur more than once in one article. */
  public static final String REPEATED_CAPTION = "repeated_caption";

  /**
   * Repeated paragraphs up to this many words are captions (CNN repeats 20-word photo captions);
   * longer ones are content.
   */
  static final int CAPTION_MAX_WORDS = 40;

  /** One rule. */
  public record Rule(boolean fromHere, String reason, Pattern pattern) implements Serializable {}

  /** A removed paragraph: its index among the article's paragraphs, its text and why. */
  public record Removed(int paragraph, String text, String reason) implements Serializable {}

  /**
   * The result of cleaning one article: the kept paragraphs, their {@link Paragraphs#fingerprint}s
   * (in the same order) and what was removed.
   */
  public record Result(List<String> kept, List<Long> keptPrints, List<Removed> removed) {
    public String text() {
      return Paragraphs.join(kept);
    }
  }

  private final List<Rule> rules;

  public Boilerplate(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Boilerplate bundled() {
    InputStream in = Boilerplate.class.getResourceAsStream(BUNDLED);
    if (in == null) {
      throw new IllegalStateException("boilerplate rules " + BUNDLED + " are missing from the jar");
    }
    return new Boilerplate(read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED));
  }

  public static Boilerplate load(Path path) {
    if (path == null) {
      return bundled();
    }
    try {
      return new Boilerplate(read(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read boilerplate rules " + path, e);
    }
  }

  static List<Rule> read(Reader source, String name) {
    List<Rule> rules = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(source)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("action\t")) {
          continue;
        }
        String[] f = line.split("\t", 3);
        if (f.length != 3 || !(f[0].equals("line") || f[0].equals("from_here"))) {
          throw new IllegalArgumentException(
              name + " line " + n + ": expected 'line|from_here<TAB>reason<TAB>regex', got '" + line + "'");
        }
        try {
          rules.add(new Rule(f[0].equals("from_here"), f[1], Pattern.compile(f[2], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(name + " line " + n + ": bad regex: " + e.getDescription(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rules;
  }

  /** Cleans normalised text (see {@link TextNormalizer}). */
  public Result clean(String normalizedText) {
    return clean(Paragraphs.split(normalizedText), Set.of(), null);
  }

  /**
   * Cleans an article's paragraphs; {@code furniture} holds fingerprints ({@link
   * Paragraphs#fingerprint}) of paragraphs learned to be site furniture, removed with {@code
   * furnitureReason}.
   */
  public Result clean(List<String> paragraphs, Set<Long> furniture, String furnitureReason) {
    String[] reasons = new String[paragraphs.size()];
    long[] prints = new long[paragraphs.size()];
    Map<Long, Integer> seen = new HashMap<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      prints[i] = Paragraphs.fingerprint(paragraphs.get(i));
      seen.merge(prints[i], 1, Integer::sum);
    }
    outer:
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      for (Rule r : rules) {
        if (r.pattern().matcher(p).find()) {
          if (r.fromHere()) {
            for (int j = i; j < paragraphs.size(); j++) {
              if (reasons[j] == null) {
                reasons[j] = r.reason();
              }
            }
            break outer;
          }
          reasons[i] = r.reason();
          continue outer;
        }
      }
      if (furniture.contains(prints[i])) {
        reasons[i] = furnitureReason;
      } else if (seen.get(prints[i]) > 1 && words(p) <= CAPTION_MAX_WORDS) {
        reasons[i] = REPEATED_CAPTION;
      }
    }
    List<String> kept = new ArrayList<>();
    List<Long> keptPrints = new ArrayList<>();
    List<Removed> removed = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      if (reasons[i] == null) {
        kept.add(paragraphs.get(i));
        keptPrints.add(prints[i]);
      } else {
        removed.add(new Removed(i, paragraphs.get(i), reasons[i]));
      }
    }
    return new Result(kept, keptPrints, removed);
  }

  private static int words(String p) {
    return p.isBlank() ? 0 : p.strip().split("\\s+").length;
  }
}
