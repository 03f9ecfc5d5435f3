package org.newsframe.text;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The regular expression a {@link PhraseScanner} stands for (see its class comment): the phrases
 * as one alternation in the order given, a space matching any run of whitespace, not inside a word.
 * The definition the scanner and its users (alias dictionary, lexicons) are tested against.
 */
public final class PhraseRegex {
  private PhraseRegex() {}

  public static Pattern of(List<String> phrasesInOrder, boolean foldCase) {
    String alternation = phrasesInOrder.stream()
        .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
        foldCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }
}
