package org.newsframe.text.terms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One article's terms counted per form (term, surface, unigram or bigram), with its primary form of
 * each term: the surface it writes most often (ties: the alphabetically first), which is the form a
 * document count is credited to. Plain Java; the per-article unit of the term tables.
 */
public final class ArticleTerms {
  private final TermAnalyzer.Term[] forms;
  private final long[] counts;
  private final boolean[] primary;
  private Map<TermAnalyzer.Term, Long> index;

  private ArticleTerms(TermAnalyzer.Term[] forms, long[] counts, boolean[] primary) {
    this.forms = forms;
    this.counts = counts;
    this.primary = primary;
  }

  /** Counts the occurrences an analyzer found ({@link TermAnalyzer#analyze}). */
  public static ArticleTerms of(List<TermAnalyzer.Term> occurrences) {
    Map<TermAnalyzer.Term, long[]> counted = new HashMap<>();
    for (TermAnalyzer.Term t : occurrences) {
      counted.computeIfAbsent(t, k -> new long[1])[0]++;
    }
    int n = counted.size();
    TermAnalyzer.Term[] forms = new TermAnalyzer.Term[n];
    long[] counts = new long[n];
    int i = 0;
    for (Map.Entry<TermAnalyzer.Term, long[]> e : counted.entrySet()) {
      forms[i] = e.getKey();
      counts[i++] = e.getValue()[0];
    }
    // The primary form of each term: most used, ties to the alphabetically first surface.
    // Keyed by the term's own string, whose hash the counting above computed and the string keeps.
    Map<TermOfKind, Integer> best = new HashMap<>();
    for (int k = 0; k < n; k++) {
      TermOfKind key = new TermOfKind(forms[k].term(), forms[k].bigram());
      Integer b = best.get(key);
      if (b == null || counts[k] > counts[b] || counts[k] == counts[b] && forms[k].surface().compareTo(forms[b].surface()) < 0) {
        best.put(key, k);
      }
    }
    boolean[] primary = new boolean[n];
    for (int k : best.values()) {
      primary[k] = true;
    }
    return new ArticleTerms(forms, counts, primary);
  }

  /** A term whatever its surface: the forms among which one is primary. */
  private record TermOfKind(String term, boolean bigram) {}

  public int size() {
    return forms.length;
  }

  public TermAnalyzer.Term form(int k) {
    return forms[k];
  }

  public long count(int k) {
    return counts[k];
  }

  public boolean primary(int k) {
    return primary[k];
  }

  /** How often this article has {@code form} (0 when never). */
  public long count(TermAnalyzer.Term form) {
    if (index == null) {
      index = new HashMap<>(forms.length * 2);
      for (int k = 0; k < forms.length; k++) {
        index.put(forms[k], counts[k]);
      }
    }
    return index.getOrDefault(form, 0L);
  }

  /**
   * For each of this article's forms, how much of its count its origin has too — {@code min(count,
   * origin's count)}, 0 where the origin lacks the form: what a copy carried of the wire text. All
   * zeros without an origin.
   */
  public long[] carriedFrom(ArticleTerms origin) {
    long[] carried = new long[forms.length];
    if (origin != null) {
      for (int k = 0; k < forms.length; k++) {
        carried[k] = Math.min(counts[k], origin.count(forms[k]));
      }
    }
    return carried;
  }
}
