package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShoutingTest {

  @Test
  void aLineOfThreeOrMoreCapitalWordsShouts() {
    String text = "BREAKING: THE ARMY IS LEAVING\nIS fighters left Raqqa.\nUS AND UK\nNATO, EU";
    assertThat(Shouting.lower(text)).isEqualTo("breaking: the army is leaving\nIS fighters left Raqqa.\nus and uk\nNATO, EU");
    boolean[] mask = Shouting.mask(text);
    assertThat(mask[0]).isTrue();
    assertThat(mask[text.indexOf("IS fighters")]).isFalse();
    assertThat(mask[text.indexOf("US AND")]).isTrue();
    assertThat(mask[text.indexOf("NATO")]).isFalse();
  }

  @Test
  void eightyPercentOfTheLettersIsEnoughAndAccentsCount() {
    assertThat(Shouting.lower("ÉTAT DE SIÈGE À PARIS")).isEqualTo("état de siège à paris");
    // 16 capitals of 20 letters shouts; 15 of 19 does not.
    assertThat(Shouting.lower("ABCD EFGH IJKL MNOPabcd")).isEqualTo("abcd efgh ijkl mnopabcd");
    assertThat(Shouting.lower("ABCD EFGH IJK MNOPabcd")).isEqualTo("ABCD EFGH IJK MNOPabcd");
    // Dots and apostrophes do not split a word: "U.S. ISN'T" is two words.
    assertThat(Shouting.lower("U.S. ISN'T")).isEqualTo("U.S. ISN'T");
    assertThat(Shouting.lower("")).isEmpty();
  }

  @Test
  void matchesTheLineByLineDefinitionOnRandomText() {
    SplittableRandom random = new SplittableRandom(7);
    // Each end of the ASCII letter ranges and its neighbours, where a fast path would slip.
    String alphabet = "ABCZabcz@[`{ÉéßΣσ1 .'\n-\"";
    for (int t = 0; t < 2_000; t++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      boolean[] expected = definition(text);
      assertThat(Shouting.mask(text)).as("'%s'", text).containsExactly(expected);
      StringBuilder lowered = new StringBuilder(text);
      for (int i = 0; i < text.length(); i++) {
        if (expected[i]) {
          lowered.setCharAt(i, Character.toLowerCase(text.charAt(i)));
        }
      }
      assertThat(Shouting.lower(text)).as("'%s'", text).isEqualTo(lowered.toString());
    }
  }

  /** The rule as first written: split into lines, count each line's words and letters. */
  private static boolean[] definition(String text) {
    boolean[] out = new boolean[text.length()];
    int start = 0;
    for (String line : text.split("\n", -1)) {
      int letters = 0;
      int upper = 0;
      int words = 0;
      boolean inWord = false;
      for (char c : line.toCharArray()) {
        if (Character.isLetter(c)) {
          letters++;
          upper += Character.isUpperCase(c) ? 1 : 0;
          words += inWord ? 0 : 1;
          inWord = true;
        } else if (c != '.' && c != '\'') {
          inWord = false;
        }
      }
      if (words >= 3 && upper * 10 >= letters * 8) {
        java.util.Arrays.fill(out, start, start + line.length(), true);
      }
      start += line.length() + 1;
    }
    return out;
  }
}
