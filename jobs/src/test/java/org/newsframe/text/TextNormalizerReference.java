package org.newsframe.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The regular-expression definition TextNormalizer had before its one-pass rewrite, kept as the
 * reference the rewrite is tested against (TextNormalizerTest).
 *
 * <p>Was:
 * Canonical form of article text before anything else reads it: Unicode NFKC, straight quotes,
 * ASCII hyphens for every dash, plain spaces, no control or zero-width characters, {@code \n} line
 * ends, trimmed lines and at most one blank line in a row.
 */
final class TextNormalizerReference {

  private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]");
  private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u201A\u201B\u2032\u2039\u203A]");
  private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]");
  private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\u200B-\u200D\u2060\uFEFF\u00AD]|[\\p{Cc}&&[^\\n\\t\\x0B\\f]]");
  private static final Pattern RUNS_OF_SPACES = Pattern.compile(" {2,}");
  private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  private TextNormalizerReference() {}

  static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String s = HtmlText.toPlain(text).replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    s = INVISIBLE.matcher(s).replaceAll("");
    s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
    s = SINGLE_QUOTES.matcher(s).replaceAll("'");
    s = DASHES.matcher(s).replaceAll("-");
    s = SPACES.matcher(s).replaceAll(" ");
    s = RUNS_OF_SPACES.matcher(s).replaceAll(" ");
    s = LINE_EDGES.matcher(s).replaceAll("");
    s = BLANK_LINES.matcher(s).replaceAll("\n\n");
    return s.strip();
  }
}
