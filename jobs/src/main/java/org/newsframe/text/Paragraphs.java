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
    StringBuilder b = new StringBuilder(paragraph.length());
    paragraph.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(b::appendCodePoint);
    return Hashing.hash64(b);
  }
}
