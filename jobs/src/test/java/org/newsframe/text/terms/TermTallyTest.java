package org.newsframe.text.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TermTallyTest {
  private static final TermAnalyzer ANALYZER = new TermAnalyzer(TermAnalyzer.Options.defaults());

  private static ArticleTerms terms(String text) {
    return ArticleTerms.of(ANALYZER.analyze(text));
  }

  /** "scope|outlet|term|bigram|surface" -> the four sums, from {@link TermTally#forEachForm}. */
  private static Map<String, List<Long>> sums(TermTally tally) {
    Map<String, List<Long>> out = new TreeMap<>();
    tally.forEachForm((scope, outlet, f, v) -> {
      List<Long> previous = out.put(scope + "|" + outlet + "|" + f.term() + "|" + f.bigram() + "|" + f.surface(),
          List.of(v[TermTally.C_ALL], v[TermTally.D_ALL], v[TermTally.C_W], v[TermTally.D_W]));
      assertThat(previous).as("each form of an outlet once").isNull();
    });
    return out;
  }

  @Test
  void formsAreSummedPerScopeAndOutletAndCountedApartAcrossThem() {
    String a = "Troops moved. Troops left Raqqa.";
    String b = "The troops moved.";
    TermTally tally = new TermTally();
    tally.add("corpus", "AP", terms(a), null);
    tally.add("corpus", "AP", terms(b), null);
    tally.add("corpus", "VOA", terms(b), null);
    tally.add("story-1", "AP", terms(b), null);

    // Expected from each article's own counts, outlet by outlet.
    Map<String, long[]> expected = new TreeMap<>();
    List<Object[]> added = new ArrayList<>();
    added.add(new Object[] {"corpus", "AP", terms(a)});
    added.add(new Object[] {"corpus", "AP", terms(b)});
    added.add(new Object[] {"corpus", "VOA", terms(b)});
    added.add(new Object[] {"story-1", "AP", terms(b)});
    for (Object[] x : added) {
      ArticleTerms t = (ArticleTerms) x[2];
      for (int k = 0; k < t.size(); k++) {
        TermAnalyzer.Term f = t.form(k);
        long[] v = expected.computeIfAbsent(x[0] + "|" + x[1] + "|" + f.term() + "|" + f.bigram() + "|" + f.surface(), s -> new long[4]);
        v[TermTally.C_ALL] += t.count(k);
        v[TermTally.C_W] += t.count(k);
        v[TermTally.D_ALL] += t.primary(k) ? 1 : 0;
        v[TermTally.D_W] += t.primary(k) ? 1 : 0;
      }
    }
    Map<String, List<Long>> want = new TreeMap<>();
    expected.forEach((k, v) -> want.put(k, List.of(v[0], v[1], v[2], v[3])));

    Map<String, List<Long>> actual = sums(tally);
    assertThat(actual).isEqualTo(want);
    assertThat(tally.size()).isEqualTo(want.size());
    assertThat(actual).containsEntry("corpus|AP|troop|false|Troops", List.of(2L, 1L, 2L, 1L))
        .containsEntry("corpus|AP|troop|false|troops", List.of(1L, 1L, 1L, 1L))
        .containsEntry("corpus|VOA|troop|false|troops", List.of(1L, 1L, 1L, 1L))
        .containsEntry("story-1|AP|troop|false|troops", List.of(1L, 1L, 1L, 1L));
    assertThat(tally.totals()).containsOnlyKeys(new TermTally.Outlet("corpus", "AP"), new TermTally.Outlet("corpus", "VOA"),
        new TermTally.Outlet("story-1", "AP"));
    assertThat(tally.totals().get(new TermTally.Outlet("corpus", "AP"))[TermTally.ARTICLES_ALL]).isEqualTo(2);
  }

  @Test
  void aCopyCountsInTheWeightedModeOnlyBeyondWhatItCarried() {
    ArticleTerms origin = terms("Troops moved near Raqqa.");
    ArticleTerms copy = terms("Troops moved near Raqqa. Troops stayed.");
    TermTally tally = new TermTally();
    tally.add("corpus", "BS", copy, copy.carriedFrom(origin));
    Map<String, List<Long>> actual = sums(tally);
    // "Troops" twice in the copy, once carried: all mode 2, weighted 1; "raqqa" wholly carried.
    assertThat(actual).containsEntry("corpus|BS|troop|false|Troops", List.of(2L, 1L, 1L, 1L))
        .containsEntry("corpus|BS|raqqa|false|Raqqa", List.of(1L, 1L, 0L, 0L))
        .containsEntry("corpus|BS|stayed|false|stayed", List.of(1L, 1L, 1L, 1L));
    long[] t = tally.totals().get(new TermTally.Outlet("corpus", "BS"));
    assertThat(t[TermTally.ARTICLES_ALL]).isEqualTo(1);
    assertThat(t[TermTally.ARTICLES_W]).isEqualTo(1);
  }
}
