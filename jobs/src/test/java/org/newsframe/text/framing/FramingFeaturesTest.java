package org.newsframe.text.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FramingFeaturesTest {

  @Test
  void aClaimTermIsFoundWhereTheRegularExpressionFindsIt() {
    String[] parts = {"isis", "is", "collude", "us-led", " ", "s", "é", "1", "-", "\n", "isi", "x"};
    String[] terms = {"isis", "is", "us-led", "collude", "s", "1", "us-led coalition"};
    SplittableRandom random = new SplittableRandom(17);
    int found = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(8); k > 0; k--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String text = b.toString();
      String term = terms[random.nextInt(terms.length)];
      boolean expected = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(term) + "(?![\\p{L}])").matcher(text).find();
      assertThat(FramingFeatures.containsWord(text, term)).as("«%s» in «%s»", term, text).isEqualTo(expected);
      found += expected ? 1 : 0;
    }
    assertThat(found).isBetween(500, 19_000);
  }
}
