package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void quotesDashesAndSpaces() {
    assertThat(TextNormalizer.normalize("“Collude” — it’s ‘absurd’\u00A0now"))
        .isEqualTo("\"Collude\" - it's 'absurd' now");
    assertThat(TextNormalizer.normalize("CJTF\u2013OIR and ISIS\u2011held")).isEqualTo("CJTF-OIR and ISIS-held");
  }

  @Test
  void nfkcAndInvisibleCharacters() {
    assertThat(TextNormalizer.normalize("ﬁnal\u200B ＩＳＩＳ\u00AD")).isEqualTo("final ISIS");
    assertThat(TextNormalizer.normalize("a\u0007b\u0000c")).isEqualTo("abc");
  }

  @Test
  void linesAndBlankLines() {
    assertThat(TextNormalizer.normalize("  one  \r\n\r\n\r\n\r\n two\t\tthree \rfour\n"))
        .isEqualTo("one\n\ntwo three\nfour");
    assertThat(TextNormalizer.normalize(null)).isNull();
  }
}
