package org.newsframe.text;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures and LSH band keys. Hash function {@code i} is {@code fmix64(x ^ seed_i)} with
 * seeds from a fixed generator, so signatures are the same on every executor and every run.
 */
public final class MinHash implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] seeds;
  private final int bands;
  private final int rows;

  public MinHash(int bands, int rows, long seed) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive, got " + bands + "x" + rows);
    }
    this.bands = bands;
    this.rows = rows;
    SplittableRandom random = new SplittableRandom(seed);
    this.seeds = new long[bands * rows];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = random.nextLong();
    }
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The signature of a set of shingle hashes (empty set: all {@code Long.MAX_VALUE}). */
  public long[] signature(long[] shingles) {
    long[] sig = new long[seeds.length];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (long x : shingles) {
      for (int i = 0; i < seeds.length; i++) {
        long h = Hashing.fmix64(x ^ seeds[i]);
        if (h < sig[i]) {
          sig[i] = h;
        }
      }
    }
    return sig;
  }

  /** One key per band: a hash of the band's index and its rows of the signature. */
  public long[] bandKeys(long[] signature) {
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = Hashing.fmix64(b + 0x9E3779B97F4A7C15L);
      for (int r = 0; r < rows; r++) {
        h = Hashing.fmix64(h ^ signature[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** Estimated Jaccard similarity: the share of equal signature positions. */
  public static double estimateJaccard(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return a.length == 0 ? 0 : (double) same / a.length;
  }

  /** Probability that a pair with Jaccard {@code j} shares at least one band. */
  public static double candidateProbability(double j, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(j, rows), bands);
  }

  /**
   * The lowest Jaccard similarity of a pair where the smaller text has containment {@code c} in
   * the larger and is at least {@code sizeRatio} of its size: J = c·s / (1 + s − c·s).
   */
  public static double jaccardFloor(double containment, double sizeRatio) {
    double cs = containment * sizeRatio;
    return cs / (1 + sizeRatio - cs);
  }

  /**
   * The banding with the fewest hash functions that makes a pair at Jaccard {@code jFloor} a
   * candidate with probability at least {@code recall}, using {@code rows} rows per band (two
   * rows keep unrelated pairs that share a common phrase or two from becoming candidates).
   */
  public static int bandsFor(double jFloor, double recall, int rows) {
    double perBand = Math.pow(jFloor, rows);
    return (int) Math.ceil(Math.log(1 - recall) / Math.log(1 - perBand));
  }

  /** Containment of the smaller set in the larger, and Jaccard, of two sorted distinct arrays. */
  public static double[] containmentAndJaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int smaller = Math.min(a.length, b.length);
    int union = a.length + b.length - common;
    return new double[] {smaller == 0 ? 0 : (double) common / smaller, union == 0 ? 0 : (double) common / union};
  }
}
