package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

  /** The definition: the hash of the paragraph's letters and digits, lower-cased, as a string. */
  private static long definition(String paragraph) {
    StringBuilder b = new StringBuilder();
    paragraph.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(b::appendCodePoint);
    return Hashing.hash64(b);
  }

  @Test
  void leadIsTheFirstParagraphOfTwelveWords() {
    String eleven = "one two three four five six seven eight nine ten eleven";
    String twelve = eleven + " twelve";
    assertThat(Paragraphs.lead(Paragraphs.join(java.util.List.of("Short line.", eleven, twelve, twelve + " more"))))
        .isEqualTo(twelve);
    assertThat(Paragraphs.lead(eleven)).as("eleven words are not an opening").isNull();
    assertThat(Paragraphs.lead(twelve)).isEqualTo(twelve);
    assertThat(Paragraphs.lead("a\n" + twelve)).as("a single line break does not end a paragraph").isEqualTo("a\n" + twelve);
    assertThat(Paragraphs.lead("")).isNull();
    assertThat(Paragraphs.lead(null)).isNull();
  }

  @Test
  void openingFallsBackToTheFirstCharactersCountedByCodePoint() {
    String eleven = "one two three four five six seven eight nine ten eleven";
    assertThat(Paragraphs.opening(eleven + "\n\n" + eleven + " twelve")).isEqualTo(eleven + " twelve");
    assertThat(Paragraphs.opening(eleven)).isEqualTo(eleven);
    String emoji = "\uD83D\uDE00".repeat(Paragraphs.OPENING_CHARS + 5);
    assertThat(Paragraphs.opening(emoji)).as("200 characters, 400 Java chars").isEqualTo(emoji.substring(0, 2 * Paragraphs.OPENING_CHARS));
    assertThat(Paragraphs.opening("")).isEmpty();
    assertThat(Paragraphs.opening(null)).isNull();
  }

  @Test
  void fingerprintIgnoresCasePunctuationAndSpacing() {
    assertThat(Paragraphs.fingerprint("Read our COVERAGE, here!")).isEqualTo(Paragraphs.fingerprint("read our coverage here"));
    assertThat(Paragraphs.fingerprint("read our coverage")).isNotEqualTo(Paragraphs.fingerprint("read our coverage here"));
  }

  @Test
  void fingerprintEqualsItsDefinition() {
    String alphabet = "aZ09 .,-'\"\u00C9\u00E9\u0130\u03A3\u00DF\u0301\u2163\uFF21\u4E2D\uD801\uDC00\uD835\uDC00";
    Random random = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String p = b.toString();
      assertThat(Paragraphs.fingerprint(p)).as(p).isEqualTo(definition(p));
    }
  }

  @Test
  void splitKeepsEveryNonBlankLine() {
    assertThat(Paragraphs.split("one\n\n  two \n\nthree")).containsExactly("one", "two", "three");
  }
}
