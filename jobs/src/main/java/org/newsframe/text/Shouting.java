package org.newsframe.text;

/**
 * Lines written in capitals ("BREAKING: THE ARMY IS LEAVING"): three or more words, at least 80 %
 * of the letters upper-case. On such a line "IS" and "US" are words, not names.
 */
public final class Shouting {
  private Shouting() {}

  /** For each character of {@code text}, whether its line shouts. */
  public static boolean[] mask(String text) {
    boolean[] out = new boolean[text.length()];
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (shouts(text, lineStart, i)) {
          java.util.Arrays.fill(out, lineStart, i, true);
        }
        lineStart = i + 1;
      }
    }
    return out;
  }

  /** {@code text} with its shouting lines lower-cased; same length, so offsets still hold. */
  public static String lower(String text) {
    boolean[] mask = mask(text);
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      if (mask[i]) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, Character.toLowerCase(text.charAt(i)));
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean shouts(String text, int from, int to) {
    int letters = 0;
    int upper = 0;
    int words = 0;
    boolean inWord = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (Character.isLetter(c)) {
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
        words += inWord ? 0 : 1;
        inWord = true;
      } else if (c != '.' && c != '\'') {
        inWord = false;
      }
    }
    return words >= 3 && upper * 10 >= letters * 8;
  }
}
