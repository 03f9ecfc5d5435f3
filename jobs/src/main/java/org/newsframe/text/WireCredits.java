package org.newsframe.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Wire-service credits in an article's text: datelines such as {@code WASHINGTON (AP) —}, bylines
 * such as {@code By The Associated Press} or {@code (Reuters) -}, and tag lines such as {@code
 * Associated Press writer ... contributed}. A credit names the outlet the text came from. Only the
 * head and the tail of the text are searched, where datelines and tag lines stand: in the body,
 * "told The Associated Press" is a mention, not a credit.
 */
public final class WireCredits {
  private static final Map<String, Pattern> CREDITS = new LinkedHashMap<>();

  /** Literal text each credit pattern needs, checked first because it is much cheaper. */
  private static final Map<String, String[]> NEEDLES =
      Map.of(
          "AP", new String[] {"AP", "Associated Press"},
          "Reuters", new String[] {"Reuters", "Editing by"},
          "AFP", new String[] {"AFP", "Agence France"});

  static {
    CREDITS.put("AP", Pattern.compile("\\(AP\\)|\\bAssociated Press\\b|\\bAP (writer|reporter|correspondent)s?\\b"));
    CREDITS.put("Reuters", Pattern.compile("\\(Reuters\\)|\\bReuters (reporter|correspondent|staff)|\\bReporting by\\b.{0,80}\\bEditing by\\b|\\bThomson Reuters\\b"));
    CREDITS.put("AFP", Pattern.compile("\\(AFP\\)|\\bAgence France[- ]Presse\\b|\\bAFP (reporter|correspondent)s?\\b"));
  }

  /** Characters searched at the start and at the end of a text. */
  static final int HEAD = 300;
  static final int TAIL = 500;

  private WireCredits() {}

  /** The wire services credited in {@code text}, in a fixed order; empty when none is. */
  public static List<String> find(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String searched =
        text.length() <= HEAD + TAIL
            ? text
            : text.substring(0, HEAD) + "\n" + text.substring(text.length() - TAIL);
    for (Map.Entry<String, Pattern> e : CREDITS.entrySet()) {
      boolean possible = false;
      for (String needle : NEEDLES.get(e.getKey())) {
        possible |= searched.contains(needle);
      }
      if (possible && e.getValue().matcher(searched).find()) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
