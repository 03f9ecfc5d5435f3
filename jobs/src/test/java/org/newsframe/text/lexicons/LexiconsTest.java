package org.newsframe.text.lexicons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rebuttal and hedge phrases found as the regular expression of them all finds them. */
class LexiconsTest {
  private static final Lexicons LEXICONS = Lexicons.bundled();

  @Test
  void rebuttalsAreWhatTheRegularExpressionFinds() {
    assertMatchesDefinition(LEXICONS.rebuttalPhrases(), LEXICONS::findRebuttals);
  }

  @Test
  void hedgesAreWhatTheRegularExpressionFinds() {
    assertMatchesDefinition(LEXICONS.hedgePhrases(), LEXICONS::findHedges);
  }

  @Test
  void aPhraseIsFoundInAnyCaseAndSpacingButNotInsideAWord() {
    assertThat(LEXICONS.findHedges("It was ALLEGEDLY done, reportedly.")).contains("allegedly", "reportedly");
    assertThat(LEXICONS.findHedges("unallegedly2")).isEmpty();
  }

  private static void assertMatchesDefinition(Collection<String> phrases, Function<String, List<String>> find) {
    List<String> list = new ArrayList<>(phrases);
    Pattern definition = alternation(list);
    org.newsframe.TextGen gen = new org.newsframe.TextGen(13);
    String[] glue = {" ", "\n  ", ", ", "-", "x", "7", "é", ".", "\"", ""};
    int found = 0;
    for (int t = 0; t < 3000; t++) {
      String text = gen.phrases(list, glue, 5, (p, random) -> switch (random.nextInt(4)) {
        case 0 -> p.toUpperCase(Locale.ROOT);
        case 1 -> p.replace(" ", " \t");
        case 2 -> p.substring(0, Math.max(1, p.length() - 2));
        default -> p;
      });
      List<String> expected = new ArrayList<>();
      Matcher m = definition.matcher(text);
      while (m.find()) {
        expected.add(m.group().toLowerCase(Locale.ROOT));
      }
      assertThat(find.apply(text)).as("«%s»", text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).isGreaterThan(3000);
  }

  /** The lexicon's phrases as one expression, longest first, as {@link Lexicons} compiled them. */
  private static Pattern alternation(Collection<String> phrases) {
    return org.newsframe.text.PhraseRegex.of(phrases.stream().sorted((a, c) -> c.length() - a.length()).toList(), true);
  }
}
