package org.newsframe.text.framing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.WordScanner;
import org.newsframe.text.lexicons.Lexicons;

/**
 * How one article frames its story, as named features (see the {@code framing} table in README).
 * Plain Java: the stage hands it an article's text, its quotes and names, its story's key terms and
 * its syndication role.
 */
public final class FramingFeatures {

  /** A quote as the features need it. */
  public record QuoteInfo(int index, String speaker, String affiliation, String verb, int words) {}

  /** A name used in the article: canonical entity and the surface written. */
  public record NameUse(String entity, String surface) {}

  private static final Pattern ENDS_SENTENCE = Pattern.compile("(?s).*[.!?][\"']?$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Lexicons lexicons;
  private final WordScanner verbScanner;

  public FramingFeatures(Lexicons lexicons) {
    this.lexicons = lexicons;
    this.verbScanner = new WordScanner(lexicons.attributionVerbs().keySet().stream().sorted((a, b) -> b.length() - a.length()).toList());
  }

  /**
   * @param title the article's title, or null
   * @param cleanText its clean text
   * @param claimTerms the story's key terms and entity names (lower case), to place the claim
   * @param role {@code origin}, {@code copy of <outlet>} or {@code independent}
   */
  public Map<String, String> compute(String title, String cleanText, List<QuoteInfo> quotes, List<NameUse> names,
      List<String> claimTerms, String role) {
    Map<String, String> f = new LinkedHashMap<>();
    String text = cleanText == null ? "" : cleanText;
    List<String> paragraphs = Paragraphs.split(text);
    f.put("syndication_role", role);
    f.put("length_words", String.valueOf(org.newsframe.text.Words.count(text)));

    Map<String, Integer> verbClasses = new TreeMap<>();
    for (String c : List.of(Lexicons.VERB_NEUTRAL, Lexicons.VERB_ASSERTIVE, Lexicons.VERB_DISTANCING, Lexicons.VERB_DENIAL)) {
      verbClasses.put(c, 0);
    }
    Map<String, Integer> verbs = new TreeMap<>();
    for (String v : verbScanner.find(text)) {
      verbClasses.merge(lexicons.verbClass(v), 1, Integer::sum);
      verbs.merge(v, 1, Integer::sum);
    }
    verbClasses.forEach((c, n) -> f.put("verbs." + c, String.valueOf(n)));
    f.put("verbs.list", join(verbs));

    // Rebuttals judge the claim (verdicts, absent evidence); denials are what a party says of it.
    List<String> rebuttals = new ArrayList<>();
    List<String> denials = new ArrayList<>();
    int firstRebuttal = -1;
    for (int i = 0; i < paragraphs.size(); i++) {
      for (String found : lexicons.findRebuttals(paragraphs.get(i))) {
        if (Lexicons.DENIAL.equals(lexicons.rebuttalKind(found))) {
          denials.add(found);
        } else {
          rebuttals.add(found);
          firstRebuttal = firstRebuttal < 0 ? i : firstRebuttal;
        }
      }
    }
    f.put("rebuttals", String.valueOf(rebuttals.size()));
    f.put("rebuttals.list", join(counts(rebuttals)));
    f.put("rebuttals.first_paragraph", firstRebuttal < 0 ? "none" : String.valueOf(firstRebuttal));
    f.put("denials", String.valueOf(denials.size()));
    f.put("denials.list", join(counts(denials)));
    List<String> hedges = lexicons.findHedges(text);
    f.put("hedges", String.valueOf(hedges.size()));
    f.put("hedges.list", join(counts(hedges)));

    Map<String, Map<String, Integer>> naming = new TreeMap<>();
    for (NameUse n : names) {
      naming.computeIfAbsent(n.entity(), k -> new TreeMap<>()).merge(n.surface(), 1, Integer::sum);
    }
    naming.forEach((entity, surfaces) -> f.put("naming." + entity, join(surfaces)));

    f.put("claim_position", claimPosition(title, paragraphs, claimTerms));

    int totalWords = quotes.stream().mapToInt(QuoteInfo::words).sum();
    f.put("quotes", String.valueOf(quotes.size()));
    f.put("quoted_words", String.valueOf(totalWords));
    Map<String, Integer> byAffiliation = new TreeMap<>();
    quotes.forEach(q -> byAffiliation.merge(q.affiliation() == null ? Lexicons.UNKNOWN : q.affiliation(), q.words(), Integer::sum));
    byAffiliation.forEach((a, w) -> f.put("quoted_share." + a, String.format(Locale.ROOT, "%.3f", totalWords == 0 ? 0.0 : (double) w / totalWords)));
    quotes.stream().filter(q -> q.speaker() != null).findFirst()
        .ifPresent(q -> f.put("first_quoted", q.speaker() + " (" + q.affiliation() + ")"));
    return f;
  }

  /**
   * Where the story's claim first appears: {@code headline} (the title, or a first line without a
   * full stop), {@code lede} (the first body paragraph), or {@code paragraph N} (from 0) — the first
   * place holding at least two of the claim terms; {@code absent} if none does.
   */
  static String claimPosition(String title, List<String> paragraphs, List<String> claimTerms) {
    if (claimTerms.isEmpty()) {
      return "absent";
    }
    if (title != null && hits(title, claimTerms) >= 2) {
      return "headline";
    }
    boolean firstIsHeadline = !paragraphs.isEmpty() && !ENDS_SENTENCE.matcher(paragraphs.get(0)).matches()
        && WHITESPACE.split(paragraphs.get(0)).length <= 20;
    for (int i = 0; i < paragraphs.size(); i++) {
      if (hits(paragraphs.get(i), claimTerms) >= 2) {
        if (i == 0 && firstIsHeadline) {
          return "headline";
        }
        int body = firstIsHeadline ? i - 1 : i;
        return body == 0 ? "lede" : "paragraph " + i;
      }
    }
    return "absent";
  }

  private static int hits(String text, List<String> terms) {
    String lower = text.toLowerCase(Locale.ROOT);
    int n = 0;
    for (String t : terms) {
      if (containsWord(lower, t)) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code (?<![\\p{L}])term(?![\\p{L}])} is found in {@code text}: {@code term} not inside a word. */
  static boolean containsWord(String text, String term) {
    for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      int end = at + term.length();
      if ((at == 0 || !Character.isLetter(text.codePointBefore(at))) && (end == text.length() || !Character.isLetter(text.codePointAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Integer> counts(List<String> xs) {
    Map<String, Integer> m = new TreeMap<>();
    xs.forEach(x -> m.merge(x, 1, Integer::sum));
    return m;
  }

  /** {@code a 3; b 1}: most frequent first. */
  private static String join(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> e = new ArrayList<>(counts.entrySet());
    e.sort((x, y) -> y.getValue() != x.getValue().intValue() ? y.getValue() - x.getValue() : x.getKey().compareTo(y.getKey()));
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Integer> x : e) {
      b.append(b.length() == 0 ? "" : "; ").append(x.getKey()).append(' ').append(x.getValue());
    }
    return b.toString();
  }
}
