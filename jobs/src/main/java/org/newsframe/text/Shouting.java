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
    shoutingLines(text, (from, to) -> java.util.Arrays.fill(out, from, to, true));
    return out;
  }

  /** {@code text} with its shouting lines lower-cased; same length, so offsets still hold. */
  public static String lower(String text) {
    StringBuilder[] out = {null};
    shoutingLines(text, (from, to) -> {
      if (out[0] == null) {
        out[0] = new StringBuilder(text);
      }
      for (int i = from; i < to; i++) {
        out[0].setCharAt(i, Character.toLowerCase(text.charAt(i)));
      }
    });
    return out[0] == null ? text : out[0].toString();
  }

  private interface Lines {
    void accept(int from, int to);
  }

  /** Hands {@code lines} the bounds of each shouting line, in one pass over the text. */
  private static void shoutingLines(String text, Lines lines) {
    // Every text the term analyzer reads passes here first: one pass with an ASCII fast path, no
    // per-character mask (it was 8 % of the analysis's profile samples).
    int letters = 0;
    int upper = 0;
    int words = 0;
    boolean inWord = false;
    int lineStart = 0;
    int n = text.length();
    for (int k = 0; k <= n; k++) {
      char c = k == n ? '\n' : text.charAt(k);
      if (c == '\n') {
        if (words >= 3 && upper * 10 >= letters * 8) {
          lines.accept(lineStart, k);
        }
        letters = 0;
        upper = 0;
        words = 0;
        inWord = false;
        lineStart = k + 1;
      } else if (c < 128 ? (char) ((c | 0x20) - 'a') < 26 : Character.isLetter(c)) {
        letters++;
        upper += (c < 128 ? (char) (c - 'A') < 26 : Character.isUpperCase(c)) ? 1 : 0;
        words += inWord ? 0 : 1;
        inWord = true;
      } else if (c != '.' && c != '\'') {
        inWord = false;
      }
    }
  }
}
