package org.newsframe.text.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every outlet's counts of one term in one scope, gathered from {@link TermTally} forms (partial
 * sums from any number of tasks): per outlet the counts, document counts and most written surface
 * in both modes, and the term's document frequency and weighted corpus count over all outlets.
 * Outlets and surfaces are kept in order, so what is emitted from a group does not depend on the
 * order its parts arrived in.
 */
public final class TermGroup {

  /** One outlet's use of the term; a surface is null in a mode where the outlet's count is 0. */
  public record OutletTerm(String outlet, String surfaceAll, long countAll, long documentsAll,
      String surfaceWeighted, long countWeighted, long documentsWeighted) {}

  private final Map<String, Map<String, long[]>> byOutlet = new TreeMap<>();

  /** Adds a partial sum ({@link TermTally#C_ALL} … {@link TermTally#D_W}) of one outlet's surface. */
  public void add(String outlet, String surface, long cAll, long dAll, long cW, long dW) {
    long[] v = byOutlet.computeIfAbsent(outlet, k -> new TreeMap<>()).computeIfAbsent(surface, k -> new long[4]);
    v[TermTally.C_ALL] += cAll;
    v[TermTally.D_ALL] += dAll;
    v[TermTally.C_W] += cW;
    v[TermTally.D_W] += dW;
  }

  /** Each outlet's totals, outlets in order. */
  public List<OutletTerm> outlets() {
    List<OutletTerm> out = new ArrayList<>(byOutlet.size());
    byOutlet.forEach((outlet, surfaces) -> {
      long cAll = 0;
      long dAll = 0;
      long cW = 0;
      long dW = 0;
      String bestAll = null;
      long bestAllCount = 0;
      String bestW = null;
      long bestWCount = 0;
      // Surfaces in alphabetical order: a strictly larger count takes over, so ties stay with the first.
      for (Map.Entry<String, long[]> e : surfaces.entrySet()) {
        long[] v = e.getValue();
        cAll += v[TermTally.C_ALL];
        dAll += v[TermTally.D_ALL];
        cW += v[TermTally.C_W];
        dW += v[TermTally.D_W];
        if (v[TermTally.C_ALL] > bestAllCount) {
          bestAll = e.getKey();
          bestAllCount = v[TermTally.C_ALL];
        }
        if (v[TermTally.C_W] > bestWCount) {
          bestW = e.getKey();
          bestWCount = v[TermTally.C_W];
        }
      }
      out.add(new OutletTerm(outlet, bestAll, cAll, dAll, bestW, cW, dW));
    });
    return out;
  }

  /** The outlets' documents summed: articles using the term, per mode ({@code [all, weighted]}). */
  public static long[] documentFrequencies(List<OutletTerm> outlets) {
    long[] df = new long[2];
    for (OutletTerm o : outlets) {
      df[0] += o.documentsAll();
      df[1] += o.documentsWeighted();
    }
    return df;
  }

  /** The weighted counts summed: the term's count in the Fightin' Words background. */
  public static long weightedCount(List<OutletTerm> outlets) {
    long f = 0;
    for (OutletTerm o : outlets) {
      f += o.countWeighted();
    }
    return f;
  }
}
