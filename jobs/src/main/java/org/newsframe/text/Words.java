package org.newsframe.text;

/** Word counts as the tables report them: runs of ASCII whitespace separate words. */
public final class Words {
  private Words() {}

  /** {@code text.strip().split("\\s+").length}, 0 when blank, without making the words. */
  public static int count(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return 0;
    }
    // strip() took every Character.isWhitespace, a superset of \s: the text starts and ends with a word.
    int words = 1;
    for (int i = from + 1; i < to; i++) {
      if (isSpace(text.charAt(i)) && !isSpace(text.charAt(i - 1))) {
        words++;
      }
    }
    return words;
  }

  /** {@code \\s}: ASCII whitespace only. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
