package org.newsframe.text.terms;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Terms of a text for counting: a Lucene analysis chain —
 *
 * <pre>
 * HTMLStripCharFilter (where a tag or entity may be) → UAX29URLEmailTokenizer → DropNonWordsFilter → EnglishPossessiveFilter
 *   → AcronymFilter → LowerCaseFilter → KeepAcronymsStopFilter (Snowball English, optional)
 *   → stemmer (optional)
 * </pre>
 *
 * then bigrams of adjacent survivors (none across a removed stopword, number or URL). Each term
 * carries its surface form — the text it came from — so tables can show {@code U.S.-led} words as
 * written while counting the stemmed, lower-cased form. Not thread-safe; one per task.
 */
public final class TermAnalyzer {

  /** How terms are stemmed. */
  public enum Stemming {
    /** Lower-case only. */
    NONE,
    /** Plurals only ({@code forces → force}): keeps terms readable. */
    MINIMAL,
    /** Porter's algorithm ({@code colluding → collud}). */
    PORTER;

    public static Stemming parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new org.newsframe.UsageException("stemming must be none, minimal or porter, not '" + s + "'");
      }
    }
  }

  /** Settings; serialisable so a Spark function can carry them and build the analyzer on an executor. */
  public record Options(boolean stopwords, Stemming stemming, boolean bigrams) implements Serializable {
    public static Options defaults() {
      return new Options(true, Stemming.MINIMAL, true);
    }

    /** Every token counts: no stopwords, no stemming, unigrams only. */
    public static Options plain() {
      return new Options(false, Stemming.NONE, false);
    }
  }

  /** One term occurrence: the counted form, the text it came from, and whether it is a bigram. */
  public record Term(String term, String surface, boolean bigram) {}

  private static final CharArraySet STOPWORDS = loadStopwords();

  private final Options options;
  // The chain is built once and handed each text through its tokenizer, as Lucene's Analyzer
  // reuses its components: built per text, the tokenizer's construction held 9 % of the analysis's
  // profile samples; reused, 6,000 articles took 0-4 % less CPU (old and new alternating in one JVM).
  private Tokenizer tokenizer;
  private TokenStream stream;

  public TermAnalyzer(Options options) {
    this.options = options;
  }

  /** The terms of {@code text}, unigrams and then bigrams in reading order. */
  public List<Term> analyze(String text) {
    return analyze(text, true);
  }

  /** {@link #analyze}; without {@code surfaces}, every term's surface is null (nothing is cut from the text for it). */
  private List<Term> analyze(String text, boolean surfaces) {
    List<Term> unigrams = new ArrayList<>();
    List<Term> bigrams = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return unigrams;
    }
    String lowered = org.newsframe.text.Shouting.lower(text);
    // The markup filter only acts at a '<' or '&'; without one it hands the text on unchanged, a
    // character at a time through its scanner (3 % of the analysis's profile samples), so it is left out.
    Reader reader = mayHoldMarkup(lowered) ? new HTMLStripCharFilter(new StringReader(lowered)) : new StringReader(lowered);
    try (TokenStream ts = chain(reader)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      Term previous = null;
      while (ts.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String counted = term.toString();
        // AcronymFilter gave "U.S" its dot back; the surface gets it too.
        if (counted.endsWith(".") && end < text.length() && text.charAt(end) == '.') {
          end++;
        }
        Term t = new Term(counted, surfaces ? text.substring(start, end) : null, false);
        unigrams.add(t);
        // A gap (a stopword or number removed) or a sentence or line break between two words ends a phrase.
        if (options.bigrams() && previous != null && inc.getPositionIncrement() == 1 && !breakBetween(text, lastEnd, start)) {
          bigrams.add(new Term(previous.term() + " " + t.term(), surfaces ? previous.surface() + " " + t.surface() : null, true));
        }
        previous = t;
        lastEnd = end;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    unigrams.addAll(bigrams);
    return unigrams;
  }

  private int lastEnd;

  /**
   * Whether HTMLStripCharFilter could change {@code text}: a tag or an entity, each starting so, or
   * a text ending in half a surrogate pair (which the filter drops with the word before it; no text
   * decoded from UTF-8 ends so, but the answer is the filter's either way).
   */
  static boolean mayHoldMarkup(String text) {
    return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 || !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1));
  }

  /** A line break, or sentence punctuation followed by a space, between two tokens. */
  static boolean breakBetween(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':') && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)) || text.charAt(i + 1) == '"')) {
        return true;
      }
    }
    return false;
  }

  /** Just the counted forms (the stories stage's bags; tests), their surfaces never cut from the text. */
  public List<String> terms(String text) {
    List<Term> found = analyze(text, false);
    List<String> out = new ArrayList<>(found.size());
    for (Term t : found) {
      out.add(t.term());
    }
    return out;
  }

  private TokenStream chain(Reader reader) {
    lastEnd = 0;
    if (stream == null) {
      tokenizer = new UAX29URLEmailTokenizer();
      stream = filters(tokenizer);
    }
    tokenizer.setReader(reader);
    return stream;
  }

  private TokenStream filters(Tokenizer tokenizer) {
    TokenStream ts = new DropNonWordsFilter(tokenizer);
    ts = new EnglishPossessiveFilter(ts);
    ts = new AcronymFilter(ts);
    ts = new LowerCaseFilter(ts);
    if (options.stopwords()) {
      ts = new KeepAcronymsStopFilter(ts, STOPWORDS);
    }
    ts = switch (options.stemming()) {
      case NONE -> ts;
      case MINIMAL -> new EnglishMinimalStemFilter(ts);
      case PORTER -> new PorterStemFilter(ts);
    };
    return ts;
  }

  /** Snowball's English stop list as Lucene ships it; it leaves out "us", which is usually US. */
  private static CharArraySet loadStopwords() {
    try (Reader r = new InputStreamReader(
        SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
      return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code word} (lower-case) is on the stop list. */
  public static boolean isStopword(String word) {
    return STOPWORDS.contains(word);
  }
}
