package org.newsframe.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs of normalised text. Outlets differ (blank lines between paragraphs, or one paragraph a
 * line), so every non-blank line is a paragraph.
 */
public final class Paragraphs {
  private Paragraphs() {}

  public static List<String> split(String normalizedText) {
    List<String> out = new ArrayList<>();
    if (normalizedText == null) {
      return out;
    }
    for (String line : normalizedText.split("\n")) {
      String p = line.strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Words an article's opening paragraph has at least ({@link #lead}). */
  public static final int LEAD_WORDS = 12;

  /**
   * An article's opening: the first paragraph of {@code joined} (paragraphs between blank lines, as
   * {@link #join} writes them) of at least {@link #LEAD_WORDS} words, a word being what single
   * spaces divide; null if none is. Reads up to that paragraph and builds no string but it.
   */
  public static String lead(String joined) {
    if (joined == null) {
      return null;
    }
    int from = 0;
    while (true) {
      int end = joined.indexOf("\n\n", from);
      int stop = end < 0 ? joined.length() : end;
      int spaces = 0;
      for (int i = from; i < stop && spaces < LEAD_WORDS - 1; i++) {
        if (joined.charAt(i) == ' ') {
          spaces++;
        }
      }
      if (spaces >= LEAD_WORDS - 1) {
        return joined.substring(from, stop);
      }
      if (end < 0) {
        return null;
      }
      from = end + 2;
    }
  }

  /** Characters an opening is cut to when no paragraph is long enough to be a {@link #lead}. */
  public static final int OPENING_CHARS = 200;

  /**
   * An article's opening, to tell articles apart by: its {@link #lead}, else its first {@link
   * #OPENING_CHARS} characters (code points); null for null.
   */
  public static String opening(String joined) {
    String lead = lead(joined);
    if (lead != null || joined == null) {
      return lead;
    }
    int end = 0;
    for (int k = 0; k < OPENING_CHARS && end < joined.length(); k++) {
      end += Character.charCount(joined.codePointAt(end));
    }
    return joined.substring(0, end);
  }

  /** Paragraphs back into text, a blank line between them. */
  public static String join(List<String> paragraphs) {
    return String.join("\n\n", paragraphs);
  }

  /**
   * A 64-bit fingerprint of a paragraph that ignores case, punctuation and spacing, so a paragraph
   * repeated with trivial differences counts as the same.
   */
  public static long fingerprint(String paragraph) {
    // The hash of the lower-cased letters and digits, fed as they are found (no string is built).
    long h = Hashing.start();
    int n = paragraph.length();
    for (int i = 0; i < n; ) {
      char c = paragraph.charAt(i);
      if (c < 0x80) {
        i++;
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
          h = Hashing.step(h, c);
        } else if (c >= 'A' && c <= 'Z') {
          h = Hashing.step(h, (char) (c + ('a' - 'A')));
        }
        continue;
      }
      int cp = paragraph.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        int lower = Character.toLowerCase(cp);
        if (Character.isBmpCodePoint(lower)) {
          h = Hashing.step(h, (char) lower);
        } else {
          h = Hashing.step(Hashing.step(h, Character.highSurrogate(lower)), Character.lowSurrogate(lower));
        }
      }
    }
    return Hashing.fmix64(h);
  }
}
