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
