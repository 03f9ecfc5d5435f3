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
