package org.newsframe.text;

/** Fast 64-bit hashing: FNV-1a over characters, finished with MurmurHash3's fmix64. */
public final class Hashing {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** The start of an FNV-1a hash fed a character at a time ({@link #step}, {@link #fmix64} to finish). */
  public static long start() {
    return FNV_OFFSET;
  }

  /** {@code h} after one more character: {@code fmix64(step(...step(start(), c0)..., cn))} = {@link #hash64}. */
  public static long step(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  public static long hash64(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return fmix64(h);
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
