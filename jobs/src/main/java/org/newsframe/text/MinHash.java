package org.newsframe.text;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures and LSH band keys, by one-permutation hashing with optimal densification
 * (Shrivastava, ICML 2017): each shingle is hashed once ({@code fmix64(x ^ seed)}) into one of
 * {@code bands × rows} bins, each bin keeps its minimum, and an empty bin borrows the value of the
 * first non-empty bin on its own fixed probe sequence. Two bins agree with probability equal to the
 * Jaccard similarity, as with independent hash functions, at the cost of one hash a shingle instead
 * of one a shingle per bin. The seed is fixed, so signatures are the same on every executor and run.
 */
public final class MinHash implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final long probeSeed;
  private final int bins;
  private final int bands;
  private final int rows;

  public MinHash(int bands, int rows, long seed) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive, got " + bands + "x" + rows);
    }
    this.bands = bands;
    this.rows = rows;
    this.bins = bands * rows;
    SplittableRandom random = new SplittableRandom(seed);
    this.seed = random.nextLong();
    this.probeSeed = random.nextLong();
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The signature of a set of shingle hashes (empty set: all {@code Long.MAX_VALUE}). */
  public long[] signature(long[] shingles) {
    long[] sig = new long[bins];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    boolean[] filled = new boolean[bins];
    int nonEmpty = 0;
    for (long x : shingles) {
      long h = Hashing.fmix64(x ^ seed);
      int bin = (int) (((h >>> 32) * bins) >>> 32); // the high bits pick the bin, all bits rank
      if (!filled[bin]) {
        filled[bin] = true;
        nonEmpty++;
      }
      if (h < sig[bin]) {
        sig[bin] = h;
      }
    }
    if (nonEmpty == 0 || nonEmpty == bins) {
      return sig;
    }
    long[] dense = sig.clone();
    for (int i = 0; i < bins; i++) {
      if (filled[i]) {
        continue;
      }
      // Optimal densification: bin i probes bins in an order fixed by (i, attempt) alone.
      for (long attempt = 1; ; attempt++) {
        long p = Hashing.fmix64(probeSeed ^ (((long) i << 32) | attempt));
        int j = (int) (((p >>> 32) * bins) >>> 32);
        if (filled[j]) {
          dense[i] = sig[j];
          break;
        }
      }
    }
    return dense;
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

  /**
   * The 32-bit fingerprints kept for exact verification, sorted and distinct: 64-bit shingle
   * hashes folded to half the size (two articles of a thousand shingles share a false
   * fingerprint about once in four thousand pairs, which moves no containment measurably).
   */
  public static int[] fingerprints(long[] shingles) {
    int[] out = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      out[i] = (int) (shingles[i] ^ (shingles[i] >>> 32));
    }
    java.util.Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return java.util.Arrays.copyOf(out, distinct);
  }

  /** Containment of the smaller set in the larger, and Jaccard, of two sorted distinct fingerprint arrays. */
  public static double[] containmentAndJaccard(int[] a, int[] b) {
    int common = common(a, b);
    int smaller = Math.min(a.length, b.length);
    int union = a.length + b.length - common;
    return new double[] {smaller == 0 ? 0 : (double) common / smaller, union == 0 ? 0 : (double) common / union};
  }

  /** How many values two sorted distinct fingerprint arrays share. */
  public static int common(int[] a, int[] b) {
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
    return common;
  }

  /**
   * Sorted fingerprints packed four bytes each (big-endian), the form the verify step's pairs carry:
   * Spark hands a binary column to a function as a {@code byte[]}, while an array column arrives as
   * a sequence of boxed integers, one per fingerprint per pair (13.4 M candidate pairs of hundreds
   * of fingerprints a side at 1M bench articles; {@code Integer.valueOf} alone was 10.5 % of a
   * profile of signatures, candidates and verify on a quarter of them).
   */
  public static byte[] pack(int[] sorted) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(sorted.length * Integer.BYTES);
    for (int x : sorted) {
      b.putInt(x);
    }
    return b.array();
  }

  private static final java.lang.invoke.VarHandle INTS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

  /** Fingerprints in a {@link #pack}ed array. */
  public static int packedSize(byte[] packed) {
    return packed.length / Integer.BYTES;
  }

  /** {@link #common} of two {@link #pack}ed arrays, without unpacking them. */
  public static int commonPacked(byte[] a, byte[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      int x = (int) INTS.get(a, i);
      int y = (int) INTS.get(b, j);
      if (x == y) {
        common++;
        i += Integer.BYTES;
        j += Integer.BYTES;
      } else if (x < y) {
        i += Integer.BYTES;
      } else {
        j += Integer.BYTES;
      }
    }
    return common;
  }
}
