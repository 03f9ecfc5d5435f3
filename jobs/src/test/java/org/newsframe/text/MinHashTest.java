package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHashTest {

  @Test
  void bandingIsTunedForTheContainmentTarget() {
    double floor = MinHash.jaccardFloor(0.5, 0.5);
    assertThat(floor).isCloseTo(0.25 / 1.25, within(1e-12));
    int bands = MinHash.bandsFor(floor, 0.99, 2);
    assertThat(MinHash.candidateProbability(floor, bands, 2)).isGreaterThanOrEqualTo(0.99);
    assertThat(MinHash.candidateProbability(floor, bands - 1, 2)).isLessThan(0.99);
    // A full copy of the original (containment 1, same size) is a candidate for sure.
    assertThat(MinHash.candidateProbability(1.0, bands, 2)).isEqualTo(1.0);
  }

  @Test
  void exactContainmentAndJaccard() {
    int[] a = {1, 2, 3, 4};
    int[] b = {3, 4, 5, 6, 7, 8, 9, 10};
    double[] cj = MinHash.containmentAndJaccard(a, b);
    assertThat(cj[0]).isEqualTo(0.5);
    assertThat(cj[1]).isEqualTo(2.0 / 10);
    assertThat(MinHash.containmentAndJaccard(new int[0], b)).containsExactly(0, 0);
    assertThat(MinHash.fingerprints(new long[] {5L << 32, 7, 5L << 32, 3})).containsExactly(3, 5, 7);
  }

  /**
   * Packed fingerprints count the same shared ones as the arrays: fingerprints are signed, so the
   * packed order must be the signed order the arrays are sorted in, negatives first.
   */
  @Test
  void packedFingerprintsShareWhatTheArraysShare() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      long[] common = LongStream.generate(r::nextLong).limit(r.nextInt(0, 60)).toArray();
      int[] a = MinHash.fingerprints(LongStream.concat(LongStream.of(common), LongStream.generate(r::nextLong).limit(r.nextInt(0, 80))).toArray());
      int[] b = MinHash.fingerprints(LongStream.concat(LongStream.of(common), LongStream.generate(r::nextLong).limit(r.nextInt(0, 80))).toArray());
      byte[] pa = MinHash.pack(a);
      assertThat(MinHash.packedSize(pa)).isEqualTo(a.length);
      assertThat(MinHash.commonPacked(pa, MinHash.pack(b))).as("round %d", round).isEqualTo(MinHash.common(a, b))
          .isGreaterThanOrEqualTo(common.length == 0 ? 0 : 1);
    }
    int[] signed = {Integer.MIN_VALUE, -5, -1, 0, 3, Integer.MAX_VALUE};
    assertThat(MinHash.commonPacked(MinHash.pack(signed), MinHash.pack(new int[] {-5, 0, Integer.MAX_VALUE}))).isEqualTo(3);
    assertThat(MinHash.commonPacked(MinHash.pack(new int[0]), MinHash.pack(signed))).isZero();
  }

  @Test
  void signaturesEstimateJaccard() {
    SplittableRandom r = new SplittableRandom(1);
    long[] common = LongStream.generate(r::nextLong).limit(600).toArray();
    long[] onlyA = LongStream.generate(r::nextLong).limit(200).toArray();
    long[] onlyB = LongStream.generate(r::nextLong).limit(200).toArray();
    long[] a = LongStream.concat(LongStream.of(common), LongStream.of(onlyA)).toArray();
    long[] b = LongStream.concat(LongStream.of(common), LongStream.of(onlyB)).toArray();
    MinHash mh = new MinHash(200, 2, 7);
    double est = MinHash.estimateJaccard(mh.signature(a), mh.signature(b));
    assertThat(est).isCloseTo(600.0 / 1000, within(0.06));
    assertThat(mh.signature(a)).isEqualTo(new MinHash(200, 2, 7).signature(a));
    assertThat(mh.bandKeys(mh.signature(a))).hasSize(200);
  }
}
