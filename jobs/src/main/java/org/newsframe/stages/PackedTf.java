package org.newsframe.stages;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * A unit's hashed term counts as bytes, for the candidate pairs to carry: its TF-IDF norm (8 bytes),
 * then each feature as a varint gap from the last index and a varint count. The weights stay out
 * of it: every unit has the same, so the dot product takes them once from an array.
 *
 * <p>Why not MLlib's vector: the stories' candidate join ships one unit's vector with every pair
 * it is in, and a {@code SparseVector} row is 12 bytes a feature (int index, double value) where
 * this is 2–4. At 1M articles that shuffle ran the disk out.
 */
final class PackedTf {
  private PackedTf() {}

  /**
   * Packs features {@code indices} (ascending) with their {@code counts}, the norm taken over all
   * of them, but only the features {@code shared[index]} says another unit has too: a feature of
   * one unit only adds to its norm, never to a dot product.
   */
  static byte[] pack(int[] indices, int[] counts, double[] weights, boolean[] shared) {
    double sum = 0;
    for (int k = 0; k < indices.length; k++) {
      double v = counts[k] * weights[indices[k]];
      sum += v * v;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 3 * indices.length);
    byte[] norm = ByteBuffer.allocate(8).putDouble(Math.sqrt(sum)).array();
    out.write(norm, 0, 8);
    int last = 0;
    for (int k = 0; k < indices.length; k++) {
      if (shared[indices[k]]) {
        varint(out, indices[k] - last);
        varint(out, counts[k]);
        last = indices[k];
      }
    }
    return out.toByteArray();
  }

  /**
   * The cosine of two packed units: Σ count_a · count_b · weight² over their common features,
   * over the product of their norms (0 when either has no terms).
   */
  static double cosine(byte[] a, byte[] b, double[] squaredWeights) {
    double na = ByteBuffer.wrap(a, 0, 8).getDouble();
    double nb = ByteBuffer.wrap(b, 0, 8).getDouble();
    if (na == 0 || nb == 0) {
      return 0.0;
    }
    Reader x = new Reader(a);
    Reader y = new Reader(b);
    double dot = 0;
    boolean hx = x.next();
    boolean hy = y.next();
    while (hx && hy) {
      if (x.index == y.index) {
        dot += (double) x.count * y.count * squaredWeights[x.index];
        hx = x.next();
        hy = y.next();
      } else if (x.index < y.index) {
        hx = x.next();
      } else {
        hy = y.next();
      }
    }
    return dot / (na * nb);
  }

  private static void varint(ByteArrayOutputStream out, int v) {
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /** Walks a packed unit's features in index order. */
  private static final class Reader {
    private final byte[] bytes;
    private int at = 8;
    int index;
    int count;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean next() {
      if (at >= bytes.length) {
        return false;
      }
      index += varint();
      count = varint();
      return true;
    }

    private int varint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[at++];
        v |= (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }
  }
}
