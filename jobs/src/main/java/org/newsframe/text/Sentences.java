package org.newsframe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a paragraph into sentences at {@code . ! ?} (and a closing quote) followed by a space and
 * a capital, digit or opening quote — except after titles and abbreviations ({@code Gen.}, {@code
 * Col.}, {@code U.S.}) and initials.
 */
public final class Sentences {
  private static final Pattern END = Pattern.compile("[.!?]+[\"')\\]]*(?=\\s+[\"'(\\[]?[\\p{Lu}\\p{N}])");
  private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)[.!?]*[\"')\\]]*$");
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "cmdr",
          "gov", "sen", "rep", "pres", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc",
          "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "ft", "mt");

  private Sentences() {}

  public static List<String> split(String paragraph) {
    List<String> out = new ArrayList<>();
    Matcher m = END.matcher(paragraph);
    int start = 0;
    while (m.find()) {
      String candidate = paragraph.substring(start, m.end());
      if (m.group().startsWith(".") && isAbbreviation(candidate)) {
        continue;
      }
      add(out, candidate);
      start = m.end();
    }
    add(out, paragraph.substring(start));
    return out;
  }

  private static boolean isAbbreviation(String upToPeriod) {
    // The last word lies within the trailing run of the characters LAST_WORD is made of: searched
    // from the whole sentence, the expression tried every word of it before the last.
    int from = upToPeriod.length();
    while (from > 0 && inLastWord(upToPeriod.codePointBefore(from))) {
      from -= Character.charCount(upToPeriod.codePointBefore(from));
    }
    Matcher w = LAST_WORD.matcher(upToPeriod).region(from, upToPeriod.length());
    if (!w.find()) {
      return false;
    }
    String word = w.group(1);
    if (word.endsWith(".")) {
      word = word.substring(0, word.length() - 1);
    }
    if (word.contains(".")) {
      return true; // U.S, a.m: dotted abbreviations
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // an initial: "George W. Bush"
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** A character {@link #LAST_WORD} can match: {@code [\\p{L}.!?"')\\]]}. */
  private static boolean inLastWord(int cp) {
    return Character.isLetter(cp) || cp == '.' || cp == '!' || cp == '?' || cp == '"' || cp == '\'' || cp == ')' || cp == ']';
  }

  private static void add(List<String> out, String s) {
    String t = s.strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
