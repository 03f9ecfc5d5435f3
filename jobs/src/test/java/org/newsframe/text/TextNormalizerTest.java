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

  /**
   * The one-pass normaliser against its regular-expression definition, on random text drawn from
   * the characters each rule treats (line ends of every kind, spaces, controls, zero-width, quotes,
   * dashes, compatibility forms, markup) among letters.
   */
  @Test
  void onePassEqualsTheRegularExpressionDefinition() {
    String alphabet = "ab IS.\"'<>&;\n\n\r\t\u000B\f\u0000\u0007\u001F\u007F\u0085\u009F\u00A0\u00AD\u00AB\u00BB"
        + "\u1680\u180E\u2000\u2007\u200A\u200B\u200D\u2010\u2014\u2015\u2018\u2019\u201C\u201D\u2028\u2029"
        + "\u202F\u2032\u2033\u2039\u205F\u2060\u2212\u3000\u301D\uFE58\uFE63\uFEFF\uFF0D\uFB01\uFF29\u00E9\u0301\u2026";
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(24);
      for (int i = 0; i < len; i++) {
        b.append(random.nextInt(8) == 0 ? "<p>" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String text = b.toString();
      assertThat(TextNormalizer.normalize(text)).as("normalize(%s)", escaped(text)).isEqualTo(TextNormalizerReference.normalize(text));
    }
  }

  @Test
  void onePassEqualsTheDefinitionOnTheSeedArticles() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(org.newsframe.TestSpark.repo().resolve("data/seeds"))) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        String text = java.nio.file.Files.readString(f);
        assertThat(TextNormalizer.normalize(text)).as(f.toString()).isEqualTo(TextNormalizerReference.normalize(text));
      }
    }
  }

  private static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
