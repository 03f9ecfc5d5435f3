package org.newsframe.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article text that arrives as HTML (scraped pages, CMS exports) made plain: block tags become
 * paragraph breaks, scripts, styles and comments go with their content, other tags go, and
 * character references are decoded. Text without markup is returned as it is.
 */
public final class HtmlText {

  /** A tag or comment as HTML writes it; a lone "<" in prose ("a < b") is not one. */
  public static final String MARKUP_REGEX = "<(?:!--|/?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>)";
  private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(MARKUP_REGEX);
  private static final Pattern DROPPED =
      Pattern.compile("(?is)<!--.*?-->|<(script|style|noscript|iframe|template)\\b[^>]*>.*?</\\1\\s*>");
  private static final Pattern BLOCK =
      Pattern.compile("(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|header|footer|table|tr|figure|figcaption)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>|<![^<>]*>");
  private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
      Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
      Map.entry("hellip", "\u2026"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"), Map.entry("eacute", "\u00E9"));

  private HtmlText() {}

  /** True when {@code text} holds markup {@link #toPlain} would remove. */
  public static boolean hasMarkup(String text) {
    return text != null && LOOKS_LIKE_HTML.matcher(text).find();
  }

  /** The text without markup (see the class comment); null stays null. */
  public static String toPlain(String text) {
    if (!hasMarkup(text)) {
      return text;
    }
    String s = DROPPED.matcher(text).replaceAll("");
    s = BLOCK.matcher(s).replaceAll("\n\n");
    s = TAG.matcher(s).replaceAll("");
    return decode(s);
  }

  static String decode(String s) {
    Matcher m = REFERENCE.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String out;
      if (ref.startsWith("#")) {
        int cp;
        try {
          cp = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
              ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
        } catch (NumberFormatException e) {
          cp = -1;
        }
        out = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : m.group();
      } else {
        out = NAMED.getOrDefault(ref.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(b, Matcher.quoteReplacement(out));
    }
    m.appendTail(b);
    return b.toString();
  }
}
