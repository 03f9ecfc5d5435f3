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
  public record Rule(boolean fromHere, String reason, Pattern pattern, boolean anchored, String literal) implements Serializable {
    public Rule(boolean fromHere, String reason, Pattern pattern) {
      this(fromHere, reason, pattern,
          (pattern.flags() & Pattern.MULTILINE) == 0 && anchoredAtStart(pattern.pattern()),
          (pattern.flags() & Pattern.COMMENTS) == 0 ? fold(requiredLiteral(pattern.pattern())) : null);
    }

    /** {@link #matches(String, String)}, folding the paragraph itself. */
    public boolean matches(String paragraph) {
      return matches(paragraph, literal == null ? null : fold(paragraph));
    }

    /**
     * Whether the rule matches somewhere in {@code paragraph}. A rule anchored at the start ({@code
     * ^...} with no top-level alternative) is tried there only, and one that is not only where the
     * text it cannot match without occurs: {@code find()} would try every rule at every character
     * of every paragraph, all of a corpus's text 43 times.
     *
     * @param folded {@link #fold}{@code (paragraph)}, needed when {@link #literal} is set (callers
     *     fold a paragraph once for all rules)
     */
    public boolean matches(String paragraph, String folded) {
      if (anchored) {
        return pattern.matcher(paragraph).lookingAt();
      }
      return (literal == null || folded.contains(literal)) && pattern.matcher(paragraph).find();
    }
  }

  /**
   * Case folded as a case-insensitive Unicode pattern compares characters ({@code
   * toLowerCase(toUpperCase(c))}), so a paragraph a rule matches contains its folded literal.
   */
  static String fold(String s) {
    if (s == null) {
      return null;
    }
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
    }
    return new String(out);
  }

  /**
   * The longest run of plain characters every match of {@code regex} contains (outside groups and
   * classes, not made optional by a quantifier), when it has no top-level alternative and the run
   * has at least 4 characters; otherwise null.
   */
  static String requiredLiteral(String regex) {
    if (regex.contains("(?")) {
      return null; // inline flags (comments mode, multiline) or look-arounds: not worth reading
    }
    String best = "";
    StringBuilder run = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      boolean plain = depth == 0 && (Character.isLetterOrDigit(c) || c == ' ' || c == ',' || c == ':' || c == '\'' || c == '-' || c == '!');
      if (plain) {
        run.append(c);
        continue;
      }
      if (c == '?' || c == '*' || c == '+' || c == '{') {
        // The character before a quantifier is not required.
        if (run.length() > 0) {
          run.setLength(run.length() - 1);
        }
      }
      if (run.length() > best.length()) {
        best = run.toString();
      }
      run.setLength(0);
      if (c == '\\') {
        i++; // an escape is not plain, nor the character it escapes
      } else if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == '|' && depth == 0) {
        return null;
      }
    }
    if (run.length() > best.length()) {
      best = run.toString();
    }
    return best.length() >= 4 ? best : null;
  }

  /**
   * Whether {@code regex} can only match at the start of the input: it begins with {@code ^} and
   * has no {@code |} outside groups and character classes (so {@code ^a|b} is not anchored).
   */
  static boolean anchoredAtStart(String regex) {
    if (!regex.startsWith("^") || regex.contains("(?")) {
      return false;
    }
    int groups = 0;
    int classes = 0;
    for (int i = 1; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
        } else {
          i++;
        }
      } else if (c == '[') {
        classes++;
      } else if (c == ']' && classes > 0) {
        classes--;
      } else if (classes == 0 && c == '(') {
        groups++;
      } else if (classes == 0 && c == ')') {
        groups--;
      } else if (classes == 0 && groups == 0 && c == '|') {
        return false;
      }
    }
    return true;
  }

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
  private final boolean needsFolding;

  public Boilerplate(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    this.needsFolding = rules.stream().anyMatch(r -> !r.anchored() && r.literal() != null);
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
      String folded = needsFolding ? fold(p) : null;
      for (Rule r : rules) {
        if (r.matches(p, folded)) {
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
