package org.newsframe.text.terms;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * A stop filter that keeps tokens {@link AcronymFilter} marked: "IS" (Islamic State) and "WHO" are
 * names in running text, not the verb and the pronoun.
 */
public final class KeepAcronymsStopFilter extends StopFilter {
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  public KeepAcronymsStopFilter(TokenStream in, CharArraySet stopwords) {
    super(in, stopwords);
  }

  @Override
  protected boolean accept() {
    return keyword.isKeyword() || super.accept();
  }
}
