package org.newsframe.text.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FightinWordsTest {

  /** The golden pair, uniform α = 0.05, no stopword removal. */
  @Test
  void goldenPair() {
    TermAnalyzer plain = new TermAnalyzer(TermAnalyzer.Options.plain());
    Map<String, Integer> a = counts(plain, "the quick brown fox jumps over the lazy pig");
    Map<String, Integer> b = counts(plain, "the lazy purple pig jumps over the lazier donkey");
    Set<String> vocabulary = new LinkedHashSet<>(a.keySet());
    vocabulary.addAll(b.keySet());
    double alpha = 0.05;
    double alpha0 = alpha * vocabulary.size();
    int na = a.values().stream().mapToInt(Integer::intValue).sum();
    int nb = b.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Double> z = new LinkedHashMap<>();
    for (String w : vocabulary) {
      z.put(w, FightinWords.z(a.getOrDefault(w, 0), na, b.getOrDefault(w, 0), nb, alpha, alpha0));
    }
    for (String w : new String[] {"quick", "brown", "fox"}) {
      assertThat(z.get(w)).as(w).isCloseTo(0.6894227886807968, within(1e-12));
    }
    for (String w : new String[] {"purple", "lazier", "donkey"}) {
      assertThat(z.get(w)).as(w).isCloseTo(-0.6894227886807968, within(1e-12));
    }
    for (String w : new String[] {"the", "jumps", "over", "lazy", "pig"}) {
      assertThat(z.get(w)).as(w).isCloseTo(0.0, within(1e-12));
    }
  }

  @Test
  void priorIsProportionalToTheBackground() {
    assertThat(FightinWords.prior(30, 1000, 100)).isCloseTo(3.0, within(1e-12));
  }

  private static Map<String, Integer> counts(TermAnalyzer analyzer, String text) {
    Map<String, Integer> m = new LinkedHashMap<>();
    analyzer.terms(text).forEach(t -> m.merge(t, 1, Integer::sum));
    return m;
  }
}
