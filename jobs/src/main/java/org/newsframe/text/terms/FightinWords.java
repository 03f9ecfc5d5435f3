package org.newsframe.text.terms;

/**
 * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008, "Fightin'
 * Words", eq. 16 and 18), natural logarithms:
 *
 * <pre>
 * δ = ln[(yᵢ+α)/(nᵢ+α₀−yᵢ−α)] − ln[(yⱼ+α)/(nⱼ+α₀−yⱼ−α)]
 * σ² ≈ 1/(yᵢ+α) + 1/(yⱼ+α)
 * z = δ/σ
 * </pre>
 *
 * where {@code y} is a term's count in a group, {@code n} the group's total, {@code α} the term's
 * prior count and {@code α₀} the prior's total. Positive z: the term is more typical of group i.
 */
public final class FightinWords {
  /** Two-sided 95 %: |z| below this is "not significant". */
  public static final double SIGNIFICANT = 1.96;

  private FightinWords() {}

  public static double delta(double yi, double ni, double yj, double nj, double alpha, double alpha0) {
    return Math.log((yi + alpha) / (ni + alpha0 - yi - alpha)) - Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
  }

  public static double variance(double yi, double yj, double alpha) {
    return 1.0 / (yi + alpha) + 1.0 / (yj + alpha);
  }

  public static double z(double yi, double ni, double yj, double nj, double alpha, double alpha0) {
    return delta(yi, ni, yj, nj, alpha, alpha0) / Math.sqrt(variance(yi, yj, alpha));
  }

  /** The prior count of a term seen {@code f} times in a background of {@code total}: α₀·f/Σf. */
  public static double prior(double f, double total, double alpha0) {
    return alpha0 * f / total;
  }
}
