package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.newsframe.TextGen;

class CopyMakerTest {

  private final CopyMaker maker = new CopyMaker();

  @Test
  void copiesAreDeterministicAndLabelled() {
    String text = new TextGen(1).article(10) + "\n\nThe U.S. and ISIS were named.";
    CopyMaker.Made a = maker.copy("A title of several words", text, new SplittableRandom(42));
    CopyMaker.Made b = maker.copy("A title of several words", text, new SplittableRandom(42));
    assertThat(a).isEqualTo(b);
    assertThat(a.edits()).isNotEmpty();
  }

  @Test
  void trimsKeepTheLeadAndAppendedTextIsBoilerplate() {
    String text = new TextGen(2).article(10);
    Boilerplate rules = Boilerplate.bundled();
    int original = Paragraphs.split(TextNormalizer.normalize(text)).size();
    for (int seed = 0; seed < 200; seed++) {
      CopyMaker.Made m = maker.copy("Title", text, new SplittableRandom(seed));
      List<String> kept = rules.clean(TextNormalizer.normalize(m.text())).kept();
      String lead = Paragraphs.split(TextNormalizer.normalize(text)).get(0);
      assertThat(kept.get(0).split(" ")[0]).as("seed %d keeps the lead (typos aside)", seed).isEqualTo(lead.split(" ")[0]);
      assertThat(kept.size()).as("seed %d: %s", seed, m.edits()).isBetween(1, original);
      assertThat(String.join("\n", kept)).as("seed %d: appended text is removed by the clean rules", seed)
          .doesNotContain("Subscribe", "Disclaimer", "newsletter", "Only the headline");
      m.edits().stream().filter(e -> e.startsWith("trim:")).forEach(e ->
          assertThat(Double.parseDouble(e.substring(5))).isBetween(0.4, 0.9));
    }
  }

  @Test
  void renamingsApplyToWholeWords() {
    boolean renamed = false;
    for (int seed = 0; seed < 20 && !renamed; seed++) {
      CopyMaker.Made m = maker.copy(null, "The U.S. said ISIS fled. This is a war.", new SplittableRandom(seed));
      if (m.edits().contains("rename:ISIS→IS")) {
        assertThat(m.text()).contains(" IS fled").contains("a war");
        renamed = true;
      }
    }
    assertThat(renamed).isTrue();
  }

  @Test
  void distractorsTakeLittleFromEachSource() {
    TextGen gen = new TextGen(3);
    List<String> sources = List.of(gen.article(8), gen.article(8), gen.article(3));
    CopyMaker.Made d = maker.distractor("Storm hits", "First sentence here. Second one.", sources, new SplittableRandom(1));
    assertThat(d.title()).isEqualTo("What we know: Storm hits");
    assertThat(d.text()).contains("\"First sentence here.\"");
    List<String> paragraphs = Paragraphs.split(d.text());
    assertThat(paragraphs).hasSize(3 + 1);
    int total = d.text().split("\\s+").length;
    for (String p : paragraphs) {
      assertThat(p.split("\\s+").length).as(p).isLessThan(total / 2);
    }
    assertThat(maker.distractor("t", "x", List.of(gen.article(8), gen.article(8)), new SplittableRandom(1)).text())
        .as("fewer than three sources: no distractor").isEmpty();
  }
}
