package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Packed units against the cosine of their dense, L2-normalised tf × weight vectors. */
class PackedTfTest {

  private static final int FEATURES = 1 << 18;

  @Test
  void theCosineOfTwoPackedUnitsIsThatOfTheirWeightedVectors() {
    SplittableRandom random = new SplittableRandom(11);
    double[] weights = new double[FEATURES];
    boolean[] shared = new boolean[FEATURES];
    double[] squared = new double[FEATURES];
    for (int i = 0; i < FEATURES; i++) {
      weights[i] = 1 + random.nextDouble() * 9;
      squared[i] = weights[i] * weights[i];
      shared[i] = random.nextInt(4) != 0;
    }
    int checked = 0;
    for (int round = 0; round < 500; round++) {
      // Few features in a narrow range so the two share some; gaps past 127 and 16,383 (2- and 3-byte varints).
      int base = random.nextInt(FEATURES - 40_000);
      TreeMap<Integer, Integer> a = unit(random, base);
      TreeMap<Integer, Integer> b = unit(random, base);
      // As docFreq > 1 says: a feature both have is shared; one only a has may not be.
      a.keySet().stream().filter(b::containsKey).forEach(i -> shared[i] = true);
      byte[] pa = PackedTf.pack(indices(a), counts(a), weights, shared);
      byte[] pb = PackedTf.pack(indices(b), counts(b), weights, shared);
      double expected = dense(a, b, weights);
      assertThat(PackedTf.cosine(pa, pb, squared)).as("round %d: %s · %s", round, a, b).isCloseTo(expected, within(1e-12));
      assertThat(PackedTf.cosine(pa, pa, squared)).as("a unit with itself, less its unshared features")
          .isLessThanOrEqualTo(1.0 + 1e-12);
      checked += expected > 0 ? 1 : 0;
    }
    assertThat(checked).as("rounds with features in common").isGreaterThan(200);
  }

  @Test
  void aUnitWithoutTermsHasCosineZero() {
    double[] weights = new double[FEATURES];
    java.util.Arrays.fill(weights, 2.0);
    boolean[] shared = new boolean[FEATURES];
    java.util.Arrays.fill(shared, true);
    byte[] empty = PackedTf.pack(new int[0], new int[0], weights, shared);
    byte[] some = PackedTf.pack(new int[] {3, 200_000}, new int[] {2, 1}, weights, shared);
    assertThat(empty).hasSize(8);
    assertThat(PackedTf.cosine(empty, some, weights)).isZero();
    assertThat(PackedTf.cosine(some, some, new double[FEATURES])).as("all weights zero").isZero();
  }

  @Test
  void featuresNoOtherUnitHasAreLeftOutButCountInTheNorm() {
    double[] weights = new double[FEATURES];
    java.util.Arrays.fill(weights, 1.0);
    boolean[] shared = new boolean[FEATURES];
    shared[5] = true;
    byte[] a = PackedTf.pack(new int[] {5, 9}, new int[] {3, 4}, weights, shared);
    byte[] b = PackedTf.pack(new int[] {5}, new int[] {1}, weights, shared);
    assertThat(a).as("norm, then one feature").hasSize(8 + 2);
    assertThat(PackedTf.cosine(a, b, weights)).isCloseTo(3.0 / 5.0, within(1e-15));
  }

  private static TreeMap<Integer, Integer> unit(SplittableRandom random, int base) {
    TreeMap<Integer, Integer> u = new TreeMap<>();
    int n = random.nextInt(60);
    for (int k = 0; k < n; k++) {
      int spread = random.nextInt(3) == 0 ? 40_000 : 300;
      u.merge(base + random.nextInt(spread), 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 4), Integer::sum);
    }
    return u;
  }

  private static int[] indices(TreeMap<Integer, Integer> u) {
    return u.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] counts(TreeMap<Integer, Integer> u) {
    return u.values().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Dense vectors, each normalised over all its features, then the dot product. */
  private static double dense(TreeMap<Integer, Integer> a, TreeMap<Integer, Integer> b, double[] weights) {
    double na = 0;
    double nb = 0;
    for (var e : a.entrySet()) {
      na += Math.pow(e.getValue() * weights[e.getKey()], 2);
    }
    for (var e : b.entrySet()) {
      nb += Math.pow(e.getValue() * weights[e.getKey()], 2);
    }
    if (na == 0 || nb == 0) {
      return 0;
    }
    double dot = 0;
    for (var e : a.entrySet()) {
      Integer c = b.get(e.getKey());
      if (c != null) {
        dot += (e.getValue() * weights[e.getKey()] / Math.sqrt(na)) * (c * weights[e.getKey()] / Math.sqrt(nb));
      }
    }
    return dot;
  }
}
