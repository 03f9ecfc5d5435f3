package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShinglerTest {

  private static final Shingler ONE = Shingler.bundled(1);

  @Test
  void tokensFoldNameVariantsForMatchingOnly() {
    assertThat(ONE.tokens("ISIS, IS, ISIL, Daesh and the Islamic State").words())
        .containsExactly("isis", "isis", "isis", "isis", "and", "the", "isis");
    assertThat(ONE.tokens("It is what it is").words()).containsExactly("it", "is", "what", "it", "is");
    assertThat(ONE.tokens("The U.S.-led coalition; the US and the United States").words())
        .containsExactly("the", "us", "led", "coalition", "the", "us", "and", "the", "us");
    assertThat(ONE.tokens("Col. Gen. Sergei").words()).containsExactly("col", "gen", "sergei");
  }

  @Test
  void quotationsAreMarkedAndResetEachParagraph() {
    Shingler.Tokens t = ONE.tokens("He said \"we will fight\" today.\n\"Still open\nnot quoted");
    assertThat(t.words()).containsExactly("he", "said", "we", "will", "fight", "today", "still", "open", "not", "quoted");
    assertThat(t.quoted()).containsExactly(false, false, true, true, true, false, true, true, false, false);
  }

  @Test
  void renamedCopiesShareTheirShingles() {
    Shingler five = Shingler.bundled(5);
    long[] a = five.shingles("Surovikin said the U.S.-led coalition along with ISIS fighters left").matchingSet(0);
    long[] b = five.shingles("Surovikin said the US-led coalition along with IS fighters left").matchingSet(0);
    assertThat(a).isEqualTo(b);
    assertThat(a).as("11 matching tokens make 7 five-word shingles").hasSize(7);
  }

  @Test
  void quotedShinglesDoNotCountWhenThereAreEnoughOthers() {
    Shingler two = Shingler.bundled(2);
    Shingler.Shingles s = two.shingles("one two three \"four five six\" seven");
    long[] outside = s.matchingSet(2);
    long[] all = s.matchingSet(100);
    assertThat(all).hasSize(6);
    // Quoted only when both ends are inside: four-five and five-six; three-four and six-seven straddle.
    assertThat(outside).hasSize(4);
    assertThat(Arrays.stream(outside).allMatch(h -> Arrays.stream(all).anyMatch(x -> x == h))).isTrue();
  }

  @Test
  void shortTextsAreOneShingle() {
    assertThat(Shingler.bundled(5).shingles("Two words").hashes()).hasSize(1);
    assertThat(Shingler.bundled(5).shingles("").hashes()).isEmpty();
  }

  @Test
  void foldTablesAreChecked() {
    assertThatThrownBy(() -> Shingler.of(5, new StringReader("ISIS isis\n"))).hasMessageContaining("'ISIS isis'");
    assertThatThrownBy(() -> Shingler.of(0, new StringReader(""))).hasMessageContaining("at least 1");
  }
}
