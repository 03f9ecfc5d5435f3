package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;

class EditDiffTest {

  private static final EditDiff DIFF = new EditDiff(Shingler.bundled(5));

  private static String cleanSeed(String file) throws Exception {
    String raw = Files.readString(TestSpark.repo().resolve("data/seeds").resolve(file));
    return Boilerplate.bundled().clean(TextNormalizer.normalize(raw)).text();
  }

  private static List<String> summary(List<EditDiff.Op> ops) {
    return ops.stream()
        .map(o -> o.op() + " " + (o.originText() != null ? o.originText() : o.copyText()).split(" ")[0]
            + (o.changes().isEmpty() ? "" : " " + o.changes()))
        .toList();
  }

  @Test
  void businessStandardAgainstAp() throws Exception {
    List<EditDiff.Op> ops = DIFF.diff(cleanSeed("000_681a3d21b52c1323.txt"), cleanSeed("001_b39ecc038f75694e.txt"));
    assertThat(summary(ops))
        .containsExactly(
            "cut Russia",                        // the headline
            "cut The",                           // the lede
            "edited Col. [ISIS→IS]",
            "edited Surovikin [U.S.→US, ISIS→IS]",
            "edited \"There [ISIS→IS]",
            "cut Surovikin",                     // "... struck several ISIS convoys ..."
            "edited Russian [ISIS→IS]",
            "edited Surovikin [U.S.→US]",
            "edited He [U.S.→US]",
            "edited The [U.S.→US, U.S.→US]",
            "edited Surovikin [U.S.→US]",
            "cut Col.",                          // Rudskoi's introduction
            "edited \"Having [ISIS→IS, Deir al-Zor→Deir el-Zour]",
            "kept \"It",
            "edited Rudskoi [hailed→hailedg]",
            "kept He",
            "cut Russian",                       // Putin's introduction
            "kept \"There");
    assertThat(ops).extracting(EditDiff.Op::position).containsExactly(
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
    assertThat(ops.get(16).originText()).startsWith("Russian President Vladimir Putin");
  }

  @Test
  void reorderedAddedAndCutSentences() {
    String origin = "Alpha one two three four.\nBravo five six seven eight.\nCharlie nine ten eleven twelve.";
    String copy = "Charlie nine ten eleven twelve.\nA new sentence the copy wrote itself.\nAlpha one two three four.";
    assertThat(summary(DIFF.diff(origin, copy)))
        // In origin order; the added sentence stands where it stands in the copy: just before Alpha.
        .containsExactly("added A", "kept Alpha", "cut Bravo", "kept Charlie");
  }

  @Test
  void addedSentencesAtTheEnd() {
    assertThat(summary(DIFF.diff("Same words here today.", "Same words here today. Plus an extra line.")))
        .containsExactly("kept Same", "added Plus");
  }

  @Test
  void wordChangesInsideEditedSentences() {
    assertThat(EditDiff.WordDiff.changes("the U.S.-led coalition struck ISIS", "the US-led coalition struck IS"))
        .containsExactly("U.S.→US", "ISIS→IS");
    assertThat(EditDiff.WordDiff.changes("near Deir al-Zor, he said", "near Deir el-Zour, he said"))
        .containsExactly("Deir al-Zor→Deir el-Zour");
    assertThat(EditDiff.WordDiff.changes("one two three", "one three four"))
        .containsExactly("-two", "+four");
    assertThat(EditDiff.WordDiff.sameWords("Col. Gen. Sergei", "Col Gen Sergei")).isTrue();
    assertThat(EditDiff.WordDiff.sameWords("the U.S. role", "the US role")).isFalse();
  }

  /** The word core, written without regular expressions for speed, against its regex definition. */
  @Test
  void aWordsCoreIsItsRegexDefinition() {
    for (String w : List.of("U.S.", "U.S.-led", "\"There", "(ISIS)", "said:", "said.\"", "Col.", "Gen.", "a.", "e.g.",
        "\"'([", ")\"", "[1]", "'90s", "it's", "", "...", "Deir al-Zor,", "?!", "(\"Raqqa\"),")) {
      String s = w.replaceAll("^[\"'(\\[]+", "").replaceAll("[\"')\\],;:!?]+$", "");
      if (s.endsWith(".") && !s.matches("(?:\\p{L}\\.){2,}")) {
        s = s.substring(0, s.length() - 1);
      }
      assertThat(EditDiff.WordDiff.core(w)).as(w).isEqualTo(s);
    }
  }
}
