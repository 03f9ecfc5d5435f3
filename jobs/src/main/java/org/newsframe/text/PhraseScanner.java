package org.newsframe.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases as one regular expression of them all would —
 * {@code (?<![\p{L}\p{N}])(?:phrase|phrase|…)(?![\p{L}\p{N}])}, a space in a
 * phrase matching any run of whitespace, in any case when folding case — without trying every
 * phrase at every word start: only those beginning with the character there. As the alias dictionary's
 * regular expression it ran at 2.5 MB of text a second and was most of the entity stage without
 * CoreNLP.
 */
public final class PhraseScanner {
  /** Phrases by first character (folded), each list in the alternation's order. */
  private final char[][][] ascii = new char[ASCII][][];
  private final Map<Character, char[][]> byFirst = new HashMap<>();
  private final boolean foldCase;

  /**
   * @param phrases in the order the alternation tries them at a place (what it finds first wins)
   * @param foldCase {@code Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE}
   */
  public PhraseScanner(List<String> phrases, boolean foldCase) {
    this.foldCase = foldCase;
    Map<Character, List<char[]>> lists = new HashMap<>();
    for (String phrase : phrases) {
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("an empty phrase");
      }
      char[] chars = phrase.toCharArray();
      if (foldCase) {
        for (int i = 0; i < chars.length; i++) {
          chars[i] = fold(chars[i]);
        }
      }
      lists.computeIfAbsent(chars[0], k -> new ArrayList<>()).add(chars);
    }
    lists.forEach((c, l) -> {
      if (c < ASCII) {
        ascii[c] = l.toArray(new char[0][]);
      } else {
        byFirst.put(c, l.toArray(new char[0][]));
      }
    });
  }

  /** What {@code Pattern.CASE_INSENSITIVE | UNICODE_CASE} compares a character by. */
  static char fold(char c) {
    // Looked up for ASCII: the two case mappings of every text character tried were a tenth of the
    // entity stage's profile samples.
    return c < ASCII ? ASCII_FOLD[c] : Character.toLowerCase(Character.toUpperCase(c));
  }

  /** Called with each phrase found, left to right. */
  public interface Found {
    void at(int start, int end);
  }

  public void scan(String text, Found found) {
    int n = text.length();
    int p = 0;
    while (p < n) {
      int end = -1;
      if (p == 0 || !wordCharBefore(text, p)) {
        // A text character matches a folded phrase character equal to it or to its fold, and
        // folding twice changes nothing: the fold finds every candidate.
        char c = text.charAt(p);
        char key = foldCase ? fold(c) : c;
        end = tryAt(text, p, key < ASCII ? ascii[key] : byFirst.get(key));
      }
      if (end >= 0) {
        found.at(p, end);
        p = end;
      } else {
        p++;
      }
    }
  }

  /** The end of the first phrase (in the alternation's order) that matches at {@code p}, or -1. */
  private int tryAt(String text, int p, char[][] candidates) {
    if (candidates == null) {
      return -1;
    }
    for (char[] phrase : candidates) {
      int end = match(text, p, phrase, 0);
      if (end >= 0) {
        return end;
      }
    }
    return -1;
  }

  /** The end of {@code phrase[k..]} matched at {@code at}, followed by no letter or digit; or -1. */
  private int match(String text, int at, char[] phrase, int k) {
    int n = text.length();
    while (k < phrase.length) {
      char a = phrase[k];
      if (a == ' ') {
        // \s+ is greedy and gives back: try the longest run of whitespace first.
        int run = at;
        while (run < n && Words.isSpace(text.charAt(run))) {
          run++;
        }
        for (int to = run; to > at; to--) {
          int end = match(text, to, phrase, k + 1);
          if (end >= 0) {
            return end;
          }
        }
        return -1;
      }
      if (at >= n) {
        return -1;
      }
      char t = text.charAt(at);
      if (t != a && !(foldCase && fold(t) == a)) {
        return -1;
      }
      at++;
      k++;
    }
    return at < n && wordChar(text.codePointAt(at)) ? -1 : at;
  }

  private static boolean wordCharBefore(String text, int p) {
    char c = text.charAt(p - 1);
    return c < ASCII ? ASCII_WORD[c] : wordChar(Character.codePointBefore(text, p));
  }

  private static final int ASCII = 128;
  private static final boolean[] ASCII_WORD = new boolean[ASCII];
  private static final char[] ASCII_FOLD = new char[ASCII];

  static {
    for (int c = 0; c < ASCII; c++) {
      ASCII_WORD[c] = letterOrNumber(c);
      ASCII_FOLD[c] = Character.toLowerCase(Character.toUpperCase((char) c));
    }
  }

  /** {@code [\p{L}\p{N}]}. */
  private static boolean wordChar(int cp) {
    return cp < ASCII ? ASCII_WORD[cp] : letterOrNumber(cp);
  }

  private static boolean letterOrNumber(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
