package org.newsframe.text.terms;

import java.util.HashMap;
import java.util.Map;

/**
 * Articles' terms summed per scope, outlet and form, in both counting modes at once: {@code all}
 * (every article in full) and {@code syndication_weighted} (a copy only beyond what it carried of
 * its origin). Plain Java: a Spark task fills one, so the article rows (hundreds an article) never
 * become rows of their own.
 *
 * <p>Per form: {@link #C_ALL}, {@link #D_ALL} (articles whose primary form of the term this is),
 * {@link #C_W}, {@link #D_W} (the same, where the primary form is not wholly carried). Per scope and
 * outlet: the terms of each kind in each mode and the articles counted in each mode.
 */
public final class TermTally {
  public static final int C_ALL = 0;
  public static final int D_ALL = 1;
  public static final int C_W = 2;
  public static final int D_W = 3;

  /** {@link #totals()} entries: terms of each kind and mode, then articles with terms, per mode. */
  public static final int UNIGRAMS_ALL = 0;
  public static final int BIGRAMS_ALL = 1;
  public static final int UNIGRAMS_W = 2;
  public static final int BIGRAMS_W = 3;
  public static final int ARTICLES_ALL = 4;
  public static final int ARTICLES_W = 5;

  /** A scope and outlet. */
  public record Outlet(String scope, String outlet) {}

  /** Receives {@link #forEachForm}'s forms: the sums ({@link #C_ALL} … {@link #D_W}) of one outlet's form. */
  @FunctionalInterface
  public interface FormSums {
    void accept(String scope, String outlet, TermAnalyzer.Term form, long[] sums);
  }

  // Per scope and outlet, then per form: an article's outlet is looked up once, and its forms by the
  // analyzer's own Term records (whose strings keep their hashes). Keyed by a five-field record
  // built for every form of every article (its outlet name compared in every lookup), add took
  // 0.18-0.26 ms an article on one core; so, 0.10-0.14 (bench/TermCost.java, 20,000 1M-bench articles).
  private final Map<Outlet, Map<TermAnalyzer.Term, long[]>> forms = new HashMap<>();
  private final Map<Outlet, long[]> totals = new HashMap<>();
  private int size;

  /**
   * Adds one article. {@code carried} ({@link ArticleTerms#carriedFrom}) is null for an article that
   * is nobody's copy; a copy with nothing carried counts in full in both modes.
   */
  public void add(String scope, String outlet, ArticleTerms a, long[] carried) {
    Outlet o = new Outlet(scope, outlet);
    long[] t = totals.computeIfAbsent(o, k -> new long[6]);
    Map<TermAnalyzer.Term, long[]> mine = forms.computeIfAbsent(o, k -> new HashMap<>());
    boolean anyPrimaryKept = false;
    for (int k = 0; k < a.size(); k++) {
      TermAnalyzer.Term f = a.form(k);
      long c = a.count(k);
      long w = c - (carried == null ? 0 : carried[k]);
      long[] v = mine.get(f);
      if (v == null) {
        v = new long[4];
        mine.put(f, v);
        size++;
      }
      v[C_ALL] += c;
      v[C_W] += w;
      if (a.primary(k)) {
        v[D_ALL]++;
        if (w > 0) {
          v[D_W]++;
          anyPrimaryKept = true;
        }
      }
      t[f.bigram() ? BIGRAMS_ALL : UNIGRAMS_ALL] += c;
      t[f.bigram() ? BIGRAMS_W : UNIGRAMS_W] += w;
    }
    if (a.size() > 0) {
      t[ARTICLES_ALL]++;
      // A copy leaves the weighted mode's articles when every term's primary form was carried whole.
      if (anyPrimaryKept) {
        t[ARTICLES_W]++;
      }
    }
  }

  /** Distinct forms held (what a task watches to bound its memory). */
  public int size() {
    return size;
  }

  /** Every form held, with its scope, outlet and sums. */
  public void forEachForm(FormSums sink) {
    forms.forEach((o, m) -> m.forEach((f, v) -> sink.accept(o.scope(), o.outlet(), f, v)));
  }

  public Map<Outlet, long[]> totals() {
    return totals;
  }
}
