package org.newsframe.text.quotes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsframe.text.Words;

/**
 * Direct quotations and who said them, from normalised article text (straight quotes; {@link
 * org.newsframe.text.TextNormalizer} turns curly ones straight).
 *
 * <p>Quotes: text between double quotes; a quote left open at the end of a paragraph runs on into
 * the next (news style reopens it with a quote mark, captures sometimes break a paragraph inside
 * it). Quoted titles ("Counter Jihad: America's Military Experience ...") are not quotes.
 *
 * <p>Speakers, from the quote's own sentence: after it ({@code "...," X said}, {@code "...," said
 * X}, {@code "..." he told}), else before it ({@code X said: "..."}, {@code X said the ... "..."},
 * {@code according to X}). The speaker phrase is resolved against the article's known names:
 * a person named in it; a pronoun → the person named last before the quote; an organisation with a
 * role ("a CJTF-OIR spokesperson") → "Operation Inherent Resolve spokesperson"; a role alone ("the
 * spokesperson", "the Russian commander") → the last speaker with that role, or the person named
 * last; an organisation. A quote with no attribution of its own takes the previous quote's speaker in
 * its paragraph; a paragraph that is only a quote takes a person named in the short lines (captions,
 * name lines) just before it.
 */
public final class QuoteExtractor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A name known in the article: how it is written, its entity and type. */
  public record Name(String surface, String entity, String type) implements Serializable {}

  /**
   * A quote.
   *
   * @param speaker canonical entity, a role-based name, or the speaker phrase as written; null if
   *     nobody could be found
   * @param speakerKind {@code person}, {@code organization}, {@code role}, {@code phrase} or null
   * @param verb the attribution verb as written ({@code said}, {@code according to}); null if inherited or none
   * @param paragraph the paragraph the quote starts in, from 0
   */
  public record Quote(int index, String speaker, String speakerKind, String verb, String text, int words, int paragraph)
      implements Serializable {}

  static final Set<String> PRONOUNS = Set.of("he", "she");
  static final Pattern ROLE = Pattern.compile(
      "\\b(spokesperson|spokesman|spokeswoman|spokespeople|press office|press secretary|official|officials|commander|minister|ambassador|envoy|representative)\\b",
      Pattern.CASE_INSENSITIVE);
  // Compiled once: written inline (String.matches, split, replaceAll) they were compiled at every call.
  private static final Set<String> TITLE_SMALL_WORDS = Set.of("of", "in", "and", "the", "a", "an", "for", "on", "to", "at");
  private static final Pattern NOUN_PHRASE_END =
      Pattern.compile("[.;]|, (?:who|which|adding|saying)\\b|\\s+(?:on|at|in|during)\\s+(?:a|an|the)\\s");
  private static final Pattern TRAILING_COMMA = Pattern.compile(",$");
  private static final Pattern UP_TO_LAST_WORD = Pattern.compile(".*[\\s,]");
  private static final Pattern STARTS_WITH_PRONOUN = Pattern.compile("^(he|she)\\b.*");
  private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(?i)(still|but|and|however|meanwhile),?\\s+");
  private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?i)(the|a|an)\\s+");
  private static final int MAX_QUOTE_PARAGRAPHS = 4;
  private static final int SHORT_LINE_WORDS = 12;

  private final Set<String> verbs;
  private final Pattern verbPattern;

  /** @param verbs attribution verbs as written, lower case ("said", "told", "according") */
  public QuoteExtractor(Set<String> verbs) {
    this.verbs = Set.copyOf(verbs);
    StringBuilder alt = new StringBuilder();
    verbs.stream().sorted(Comparator.comparingInt(String::length).reversed())
        .forEach(v -> alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(v)));
    this.verbPattern = Pattern.compile("\\b(" + alt + ")\\b", Pattern.CASE_INSENSITIVE);
  }

  private record Span(int startPara, int start, int endPara, int end, String text) {}

  /**
   * The quotes of an article.
   *
   * @param paragraphs the article's paragraphs in order
   * @param contextOnly paragraphs read for names only (captions the clean stage removed)
   * @param names every name known in the article (entity mentions), any order
   */
  public List<Quote> extract(List<String> paragraphs, Set<Integer> contextOnly, List<Name> names) {
    List<Span> spans = spans(paragraphs, contextOnly);
    List<Quote> out = new ArrayList<>();
    String previousSpeaker = null;
    String previousKind = null;
    int previousPara = -1;
    List<String[]> speakersSoFar = new ArrayList<>(); // {speaker, kind}
    for (Span s : spans) {
      if (isTitle(s.text())) {
        continue;
      }
      String para = paragraphs.get(s.startPara());
      String endPara = paragraphs.get(s.endPara());
      String[] found = null;
      // A quote that ends its sentence ('... caliphate." He added:') leaves nothing after it to read.
      boolean endsSentence = endsSentence(s.text().strip());
      String tail = endsSentence ? "" : tail(endPara, s.end() + 1, spans, s);
      String lead = lead(para, s.start() - 1, spans, s);
      found = fromTail(tail);
      if (found == null) {
        found = fromLead(lead);
      }
      String speaker = null;
      String kind = null;
      String verb = null;
      if (found != null) {
        verb = found[1];
        String[] resolved = resolve(found[0], paragraphs, s, names, speakersSoFar);
        speaker = resolved[0];
        kind = resolved[1];
      } else if (previousPara == s.startPara() && previousSpeaker != null) {
        speaker = previousSpeaker;
        kind = previousKind;
      } else if (s.start() == 1 && para.trim().endsWith("\"") || s.start() == 1 && s.endPara() > s.startPara()) {
        String[] caption = fromShortLinesBefore(paragraphs, s.startPara(), names);
        if (caption != null) {
          speaker = caption[0];
          kind = caption[1];
        }
      }
      String text = s.text().strip();
      out.add(new Quote(out.size(), speaker, kind, verb, text, Words.count(text), s.startPara()));
      if (speaker != null) {
        speakersSoFar.add(new String[] {speaker, kind});
      }
      previousSpeaker = speaker;
      previousKind = kind;
      previousPara = s.endPara();
    }
    return out;
  }

  /** Quote spans, pairing quote marks across paragraphs; a mark left unpaired is dropped. */
  private static List<Span> spans(List<String> paragraphs, Set<Integer> contextOnly) {
    List<Span> out = new ArrayList<>();
    int p = 0;
    int i = 0;
    while (p < paragraphs.size()) {
      String t = paragraphs.get(p);
      if (contextOnly.contains(p)) {
        p++;
        i = 0;
        continue;
      }
      int open = t.indexOf('"', i);
      if (open < 0) {
        p++;
        i = 0;
        continue;
      }
      // Find the close, possibly paragraphs later.
      StringBuilder text = new StringBuilder();
      int q = p;
      int from = open + 1;
      int close = -1;
      while (q < paragraphs.size() && q - p < MAX_QUOTE_PARAGRAPHS) {
        String u = paragraphs.get(q);
        int c = u.indexOf('"', from);
        if (q > p && from == 0 && c == 0) {
          c = u.indexOf('"', 1); // the paragraph reopens the running quote
          from = 1;
        }
        if (c >= 0) {
          text.append(u, from, c);
          close = c;
          break;
        }
        text.append(u.substring(from)).append('\n');
        q++;
        from = 0;
      }
      if (close < 0) {
        i = open + 1; // a stray mark: skip it
        continue;
      }
      out.add(new Span(p, open + 1, q, close, text.toString()));
      p = q;
      i = close + 1;
    }
    return out;
  }

  /** A quoted title: mostly capitalised words, no sentence inside. */
  static boolean isTitle(String quote) {
    // A word at a time, stopping at the first that is neither capitalised nor a title's small word:
    // most quotes fail within a few words, and splitting each whole quote into words held a fifth
    // of the quote step's profile samples. The words are those of the stripped quote split on \s+.
    String q = quote.strip();
    int words = 0;
    int i = 0;
    while (i < q.length()) {
      while (i < q.length() && Words.isSpace(q.charAt(i))) {
        i++;
      }
      if (i >= q.length()) {
        break;
      }
      int start = i;
      while (i < q.length() && !Words.isSpace(q.charAt(i))) {
        i++;
      }
      words++;
      if (!titleWord(q.substring(start, i))) {
        return false;
      }
    }
    return words >= 3 && !quote.contains(". ");
  }

  /** A word a title may hold: its first letter a capital, or one of the small words. */
  private static boolean titleWord(String w) {
    String letters = letters(w);
    return !letters.isEmpty() && Character.isUpperCase(letters.charAt(0)) || TITLE_SMALL_WORDS.contains(letters.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code (?s).*[.!?]$} matches all of the stripped text: its last character ends a sentence. */
  static boolean endsSentence(String stripped) {
    return !stripped.isEmpty() && ".!?".indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
  }

  /** The letters of {@code word}, as {@code word.replaceAll("[^\\p{L}]", "")} leaves them. */
  static String letters(String word) {
    StringBuilder b = null;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!Character.isLetter(cp) && b == null) {
        b = new StringBuilder(word.length()).append(word, 0, i);
      } else if (Character.isLetter(cp) && b != null) {
        b.append(word, i, next);
      }
      i = next;
    }
    return b == null ? word : b.toString();
  }

  /** Text after a quote up to the next real quote or the sentence end. */
  private static String tail(String para, int from, List<Span> spans, Span self) {
    if (from >= para.length()) {
      return "";
    }
    int end = para.length();
    for (Span o : spans) {
      if (o.startPara() == self.endPara() && o.start() - 1 >= from && !isTitle(o.text()) && o != self) {
        end = Math.min(end, o.start() - 1);
      }
    }
    String t = para.substring(from, end);
    // Only the rest of the quote's sentence ("U.S." and "Gen." do not end one).
    List<String> sentences = org.newsframe.text.Sentences.split(t);
    return sentences.isEmpty() ? "" : t.startsWith(" ") || t.startsWith(",") ? t.substring(0, t.indexOf(sentences.get(0)) + sentences.get(0).length()) : sentences.get(0);
  }

  /** Text before a quote, from its sentence start or the previous quote's end. */
  private static String lead(String para, int to, List<Span> spans, Span self) {
    int start = 0;
    for (Span o : spans) {
      if (o.endPara() == self.startPara() && o.end() < to && o != self && !isTitle(o.text())) {
        start = Math.max(start, o.end() + 1);
      }
    }
    String t = para.substring(Math.min(start, to), Math.max(start, to));
    List<String> sentences = org.newsframe.text.Sentences.split(t);
    return sentences.isEmpty() ? "" : sentences.get(sentences.size() - 1);
  }

  private static final Pattern LEADING_PUNCT = Pattern.compile("^[\\s,.;:!?\"']*");

  /** {@code ," X said} or {@code ," said X}: {speaker phrase, verb}. */
  private String[] fromTail(String tail) {
    String t = LEADING_PUNCT.matcher(tail).replaceFirst("");
    if (t.isEmpty()) {
      return null;
    }
    Matcher v = verbPattern.matcher(t);
    if (!v.find() || v.group(1).equalsIgnoreCase("according") || v.group(1).equalsIgnoreCase("citing")) {
      return null;
    }
    if (v.start() == 0) {
      String np = NOUN_PHRASE_END.split(t.substring(v.end()), 2)[0];
      return np.isBlank() ? null : new String[] {np.strip(), v.group(1)};
    }
    String np = t.substring(0, v.start()).strip();
    // "... and criticized": a conjunction, not a speaker. A speaker phrase names someone or is a pronoun.
    boolean names = !np.equals(np.toLowerCase(Locale.ROOT)) || PRONOUNS.contains(np.toLowerCase(Locale.ROOT));
    if (!names || Words.count(np) > 25) {
      return null;
    }
    return new String[] {np, v.group(1)};
  }

  private static final Pattern ACCORDING_TO = Pattern.compile("\\baccording to\\s+([^,;\"]+)", Pattern.CASE_INSENSITIVE);

  /** {@code X said: "}, {@code X said the ... "}, {@code according to X, "}. */
  private String[] fromLead(String lead) {
    Matcher a = ACCORDING_TO.matcher(lead);
    if (a.find()) {
      return new String[] {a.group(1).strip(), "according to"};
    }
    Matcher v = verbPattern.matcher(lead);
    while (v.find()) {
      String verb = v.group(1).toLowerCase(Locale.ROOT);
      if (verb.equals("according") || verb.equals("citing") || verb.equals("saying") && v.start() > 0 && lead.charAt(v.start() - 1) != ' ') {
        continue;
      }
      String np = lead.substring(0, v.start()).strip();
      if (np.isEmpty() || np.endsWith(",") && verb.equals("saying")) {
        // "..., saying that it has "..."": the subject is the sentence's, earlier.
        np = TRAILING_COMMA.matcher(np).replaceAll("");
      }
      if (!np.isEmpty()) {
        return new String[] {np, v.group(1)};
      }
    }
    return null;
  }

  /** Speaker phrase → {speaker, kind}. */
  private static String[] resolve(String phrase, List<String> paragraphs, Span at, List<Name> names, List<String[]> speakersSoFar) {
    String p = phrase.strip();
    // A person named in the phrase: the longest name, first.
    Name person = firstName(p, names, "PERSON");
    if (person != null) {
      return new String[] {person.entity(), "person"};
    }
    String lower = p.toLowerCase(Locale.ROOT);
    String lastWord = UP_TO_LAST_WORD.matcher(lower).replaceAll("");
    if (PRONOUNS.contains(lower) || PRONOUNS.contains(lastWord) || STARTS_WITH_PRONOUN.matcher(lower).matches()) {
      Name last = lastPersonBefore(paragraphs, at, names);
      return last == null ? new String[] {null, null} : new String[] {last.entity(), "person"};
    }
    // The role nearest the verb: "Responding to the Russian commander's claim ..., a CJTF-OIR spokesperson".
    Matcher roles = ROLE.matcher(p);
    MatchResult role = null;
    while (roles.find()) {
      role = roles.toMatchResult();
    }
    if (role != null) {
      String roleWord = role.group(1).toLowerCase(Locale.ROOT);
      String normalized = roleWord.startsWith("spokes") || roleWord.startsWith("press") ? "spokesperson" : roleWord;
      Name org = lastNameBefore(p.substring(0, role.start()), names, "ORGANIZATION");
      if (org != null) {
        return new String[] {org.entity() + " " + normalized, "role"};
      }
      // A role without a name: someone already quoted in that role, else the person named last.
      for (int i = speakersSoFar.size() - 1; i >= 0; i--) {
        if ("role".equals(speakersSoFar.get(i)[1]) && speakersSoFar.get(i)[0].endsWith(" " + normalized)) {
          return speakersSoFar.get(i);
        }
      }
      if (!normalized.equals("spokesperson") && !normalized.equals("officials")) {
        Name last = lastPersonBefore(paragraphs, at, names);
        if (last != null) {
          return new String[] {last.entity(), "person"};
        }
      }
    }
    Name org = firstName(p, names, "ORGANIZATION");
    if (org != null) {
      return new String[] {org.entity(), "organization"};
    }
    String tidy = LEADING_ARTICLE.matcher(LEADING_CONJUNCTION.matcher(p).replaceAll("")).replaceAll("").strip();
    return tidy.isEmpty() || Words.count(tidy) > 8 ? new String[] {null, null} : new String[] {tidy, "phrase"};
  }

  /** The name of {@code type} that starts first in {@code text} (longest at a tie). */
  private static Name firstName(String text, List<Name> names, String type) {
    Name best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Name n : names) {
      if (!n.type().equals(type)) {
        continue;
      }
      int at = indexOfWord(text, n.surface(), 0);
      if (at >= 0 && (at < bestAt || at == bestAt && n.surface().length() > best.surface().length())) {
        best = n;
        bestAt = at;
      }
    }
    return best;
  }

  /** The name of {@code type} that ends last in {@code text}. */
  private static Name lastNameBefore(String text, List<Name> names, String type) {
    Name best = null;
    int bestEnd = -1;
    for (Name n : names) {
      if (!n.type().equals(type)) {
        continue;
      }
      int at = -1;
      int from = 0;
      int found;
      while ((found = indexOfWord(text, n.surface(), from)) >= 0) {
        at = found;
        from = found + 1;
      }
      if (at >= 0 && at + n.surface().length() > bestEnd) {
        best = n;
        bestEnd = at + n.surface().length();
      }
    }
    return best;
  }

  /** The person named last before a quote: in its paragraph before it, else in earlier paragraphs. */
  private static Name lastPersonBefore(List<String> paragraphs, Span at, List<Name> names) {
    Name inPara = lastNameBefore(paragraphs.get(at.startPara()).substring(0, Math.max(0, at.start() - 1)), names, "PERSON");
    if (inPara != null) {
      return inPara;
    }
    for (int p = at.startPara() - 1; p >= 0; p--) {
      Name n = lastNameBefore(paragraphs.get(p), names, "PERSON");
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** A person named in the short lines (captions, name lines) right before a paragraph. */
  private static String[] fromShortLinesBefore(List<String> paragraphs, int para, List<Name> names) {
    for (int p = para - 1; p >= 0 && p >= para - 3; p--) {
      String t = paragraphs.get(p);
      if (Words.count(t) > SHORT_LINE_WORDS) {
        break;
      }
      Name n = firstName(t, names, "PERSON");
      if (n != null) {
        return new String[] {n.entity(), "person"};
      }
    }
    return null;
  }

  /** {@code needle} in {@code text} at word boundaries, from {@code from}; -1 if absent. */
  static int indexOfWord(String text, String needle, int from) {
    int at = text.indexOf(needle, from);
    while (at >= 0) {
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      int end = at + needle.length();
      boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return at;
      }
      at = text.indexOf(needle, at + 1);
    }
    return -1;
  }

  /** The attribution verbs this extractor knows. */
  public Set<String> verbs() {
    return verbs;
  }
}
