package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void splitsAtSentenceEndsButNotAbbreviations() {
    assertThat(Sentences.split("Col. Gen. Sergei Rudskoi spoke. Lt. Gen. Steve Townsend, of the U.S. Army, said so. Then \"It raises a question,\" he said."))
        .containsExactly(
            "Col. Gen. Sergei Rudskoi spoke.",
            "Lt. Gen. Steve Townsend, of the U.S. Army, said so.",
            "Then \"It raises a question,\" he said.");
    assertThat(Sentences.split("\"It is absurd.\" He left. George W. Bush agreed!  Why? 80 died."))
        .containsExactly("\"It is absurd.\"", "He left.", "George W. Bush agreed!", "Why?", "80 died.");
    assertThat(Sentences.split("A headline without a full stop")).containsExactly("A headline without a full stop");
  }

  @Test
  void splitsAsTheLastWordSearchedFromTheSentencesStartDid() {
    SplittableRandom random = new SplittableRandom(3);
    String[] words = {"Gen.", "U.S.", "a.m.", "W.", "No.", "Mr.", "said.", "left!", "Why?", "so...", "end?!", "(ok.)", "\"Go.\"",
        "it.'", "[sic.]", "Zürich.", "Łódź.", "x", "80", "The", "he", "Él", "said", "...", ".", "'", "\u00a0", "q.E.d.", "e.g.)"};
    int sentences = 0;
    for (int t = 0; t < 5000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = 2 + random.nextInt(25); k > 0; k--) {
        b.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? "  " : " ");
      }
      String text = b.toString();
      List<String> expected = definition(text);
      assertThat(Sentences.split(text)).as("«%s»", text).isEqualTo(expected);
      sentences += expected.size();
    }
    assertThat(sentences).as("sentences over 5,000 texts").isGreaterThan(12_000);
  }

  private static final Pattern END = Pattern.compile("[.!?]+[\"')\\]]*(?=\\s+[\"'(\\[]?[\\p{Lu}\\p{N}])");
  private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)[.!?]*[\"')\\]]*$");
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "cmdr",
      "gov", "sen", "rep", "pres", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc",
      "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "ft", "mt");

  /** {@link Sentences#split} as it was: the last word found by searching the whole sentence. */
  private static List<String> definition(String paragraph) {
    List<String> out = new ArrayList<>();
    Matcher m = END.matcher(paragraph);
    int start = 0;
    while (m.find()) {
      String candidate = paragraph.substring(start, m.end());
      if (m.group().startsWith(".") && isAbbreviation(candidate)) {
        continue;
      }
      if (!candidate.strip().isEmpty()) {
        out.add(candidate.strip());
      }
      start = m.end();
    }
    if (!paragraph.substring(start).strip().isEmpty()) {
      out.add(paragraph.substring(start).strip());
    }
    return out;
  }

  private static boolean isAbbreviation(String upToPeriod) {
    Matcher w = LAST_WORD.matcher(upToPeriod);
    if (!w.find()) {
      return false;
    }
    String word = w.group(1);
    if (word.endsWith(".")) {
      word = word.substring(0, word.length() - 1);
    }
    if (word.contains(".")) {
      return true;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }
}
