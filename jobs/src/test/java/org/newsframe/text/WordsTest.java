package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void wordsAreSplitAtAsciiWhitespaceAsStringSplitDoes() {
    String[] parts = {"a", "bb", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u000b", "\r\n", "é", "."};
    SplittableRandom random = new SplittableRandom(5);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String p = b.toString();
      int expected = p.isBlank() ? 0 : p.strip().split("\\s+").length;
      assertThat(Words.count(p)).as("«%s»", p).isEqualTo(expected);
    }
    assertThat(Words.count(" Raqqa  fell,\tthey said. ")).isEqualTo(4);
  }
}
