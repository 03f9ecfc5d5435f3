package org.newsframe.text;

import java.text.Normalizer;

/**
 * Canonical form of article text before anything else reads it: Unicode NFKC, straight quotes,
 * ASCII hyphens for every dash, plain spaces, no control or zero-width characters, {@code \n} line
 * ends, trimmed lines and at most one blank line in a row.
 *
 * <p>One pass over the characters after NFKC (which is skipped for text already in NFKC, as most
 * English text is). It was a chain of eight regular-expression replacements, 2 MB/s a core — the
 * clean stage's largest cost; the test suite checks the pass against that definition.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  public static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String s = HtmlText.toPlain(text);
    s = nfkc(s);
    StringBuilder out = new StringBuilder(s.length());
    // A space is written only when a character follows on the same line; newlines are counted and
    // written (at most two) before the next character: trimmed lines, no run of blank lines.
    boolean pendingSpace = false;
    int pendingNewlines = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        c = '\n';
      } else if (c == '\u2028' || c == '\u2029') {
        c = '\n';
      }
      if (c == '\n') {
        pendingSpace = false;
        pendingNewlines++;
        continue;
      }
      if (invisible(c)) {
        continue;
      }
      if (c == ' ' || space(c)) {
        pendingSpace = true;
        continue;
      }
      if (out.length() > 0) {
        if (pendingNewlines > 0) {
          out.append(pendingNewlines == 1 ? "\n" : "\n\n");
        } else if (pendingSpace) {
          out.append(' ');
        }
      }
      pendingNewlines = 0;
      pendingSpace = false;
      out.append(straight(c));
    }
    return out.toString().strip();
  }

  /** NFKC, without the normaliser's copy when the text is ASCII or already in NFKC. */
  private static String nfkc(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
      }
    }
    return s;
  }

  /** Zero-width characters, the soft hyphen and control characters other than line ends and tabs. */
  private static boolean invisible(char c) {
    if (c < 0x20) {
      return c != '\t' && c != 0x0B && c != '\f'; // \n and \r are handled before
    }
    if (c < 0x7F) {
      return false;
    }
    return c <= 0x9F || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
  }

  /** Tabs, form feeds and the Unicode spaces that become a plain space. */
  private static boolean space(char c) {
    if (c < 0x80) {
      return c == '\t' || c == 0x0B || c == '\f';
    }
    return c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
  }

  /** Curly quotes to straight ones, every dash to a hyphen. */
  private static char straight(char c) {
    if (c < 0xAB) {
      return c;
    }
    switch (c) {
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\u301D', '\u301E':
        return '"';
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2039', '\u203A':
        return '\'';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
        return '-';
      default:
        return c;
    }
  }
}
