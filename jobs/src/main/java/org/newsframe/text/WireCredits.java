package org.newsframe.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Wire-service credits in an article's text: datelines such as {@code WASHINGTON (AP) —}, bylines
 * such as {@code By The Associated Press} or {@code (Reuters) -}, and tag lines such as {@code
 * Associated Press writer ... contributed}. A credit names the outlet the text came from.
 */
public final class WireCredits {
  private static final Map<String, Pattern> CREDITS = new LinkedHashMap<>();

  static {
    CREDITS.put("AP", Pattern.compile("\\(AP\\)|\\bAssociated Press\\b|\\bAP (writer|reporter|correspondent)s?\\b"));
    CREDITS.put("Reuters", Pattern.compile("\\(Reuters\\)|\\bReuters (reporter|correspondent|staff)|\\bReporting by\\b.{0,80}\\bEditing by\\b|\\bThomson Reuters\\b"));
    CREDITS.put("AFP", Pattern.compile("\\(AFP\\)|\\bAgence France[- ]Presse\\b|\\bAFP (reporter|correspondent)s?\\b"));
  }

  private WireCredits() {}

  /** The wire services credited in {@code text}, in a fixed order; empty when none is. */
  public static List<String> find(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (Map.Entry<String, Pattern> e : CREDITS.entrySet()) {
      if (e.getValue().matcher(text).find()) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
