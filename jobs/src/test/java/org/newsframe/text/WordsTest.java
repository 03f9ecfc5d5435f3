package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void wordsAreSplitAtAsciiWhitespaceAsStringSplitDoes() {
    String[] parts = {"a", "bb", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u000b", "\r\n", "é", "."};
    org.newsframe.TextGen gen = new org.newsframe.TextGen(5);
    for (int t = 0; t < 20_000; t++) {
      String p = gen.pieces(parts, 12);
      int expected = p.isBlank() ? 0 : p.strip().split("\\s+").length;
      assertThat(Words.count(p)).as("«%s»", p).isEqualTo(expected);
    }
    assertThat(Words.count(" Raqqa  fell,\tthey said. ")).isEqualTo(4);
  }
}
