package org.newsframe.text.terms;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Keeps acronyms intact through lower-casing and stemming. A dotted abbreviation, which the
 * tokenizer hands over without its final dot ({@code U.S}), gets the dot back ({@code U.S.}); an
 * all-capital token of two or more letters ({@code ISIS}, {@code SDF}, {@code U.S.}) is marked as a
 * keyword, so the stemmer leaves it alone ({@code isis} must not become {@code isi}). Runs before
 * {@link org.apache.lucene.analysis.LowerCaseFilter}, which is what lets it see the capitals.
 */
public final class AcronymFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  public AcronymFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int letters = 0;
    int upper = 0;
    boolean dotted = false;
    char[] b = term.buffer();
    int n = term.length();
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      } else if (c == '.') {
        dotted = true;
      }
    }
    if (dotted && letters >= 2 && isDottedLetters(b, n)) {
      term.append('.');
      keyword.setKeyword(true);
    } else if (letters >= 2 && upper == letters) {
      keyword.setKeyword(true);
    }
    return true;
  }

  /** {@code U.S}, {@code e.g}: single letters separated by dots. */
  private static boolean isDottedLetters(char[] b, int n) {
    for (int i = 0; i < n; i++) {
      boolean letterSlot = i % 2 == 0;
      if (letterSlot != Character.isLetter(b[i]) || (!letterSlot && b[i] != '.')) {
        return false;
      }
    }
    return true;
  }
}
