package org.newsframe.text.terms;

import java.io.IOException;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Drops what is not a word of the prose: numbers ({@code 2017}, {@code 19}, {@code 3.5}), URLs and
 * e-mail addresses, and tokens without a letter (left-over markup such as {@code &amp;nbsp;} pieces
 * or stray symbols), and single letters ({@code F} of {@code F-16}, initials). A token mixing letters
 * and digits ({@code covid19}) is a word.
 * Removed tokens leave a position gap, so no bigram is formed across them.
 */
public final class DropNonWordsFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  public DropNonWordsFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() throws IOException {
    String t = type.type();
    if (t.equals(UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.URL])
        || t.equals(UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.EMAIL])
        || t.equals(UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.NUM])) {
      return false;
    }
    if (term.length() < 2) {
      return false;
    }
    char[] b = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (Character.isLetter(b[i])) {
        return true;
      }
    }
    return false;
  }
}
