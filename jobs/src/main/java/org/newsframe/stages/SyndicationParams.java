package org.newsframe.stages;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsframe.text.MinHash;

/**
 * Settings of the syndication stage.
 *
 * @param shingleSize words per shingle
 * @param minContainment an edge needs this share of the smaller article's shingles in the larger
 * @param minSizeRatio the smallest copy (relative to its origin) that LSH is tuned to catch at
 *     {@code minContainment}
 * @param recall the probability with which such a pair must become a candidate
 * @param rows signature rows per LSH band
 * @param dateWindowDays candidate pairs further apart in date are not compared (null: no window;
 *     pairs with an unknown date are always compared)
 * @param maxBucket LSH buckets with more articles than this are skipped and counted, since they come
 *     from text every article carries (left-over boilerplate) rather than from copying
 * @param minUnquoted articles with fewer shingles outside quotations (or fewer than half of them
 *     outside) match on all their shingles
 * @param minShared an edge also needs this many shared shingles: below it, "containment" of a very
 *     short text says little
 * @param seed seed of the MinHash functions
 * @param maxDriverEdges up to this many verified edges, connected components are found on the
 *     driver (one pass, ~200 bytes an edge); above it, by distributed label propagation
 */
public record SyndicationParams(
    int shingleSize,
    double minContainment,
    double minSizeRatio,
    double recall,
    int rows,
    Integer dateWindowDays,
    int maxBucket,
    int minUnquoted,
    int minShared,
    long seed,
    long maxDriverEdges)
    implements Serializable {

  public static SyndicationParams defaults() {
    return new SyndicationParams(5, 0.5, 0.5, 0.99, 2, null, 500, 20, 15, 20170609L, 2_000_000L);
  }

  /** The lowest Jaccard similarity LSH must catch, from {@code minContainment} and {@code minSizeRatio}. */
  public double jaccardFloor() {
    return MinHash.jaccardFloor(minContainment, minSizeRatio);
  }

  public int bands() {
    return MinHash.bandsFor(jaccardFloor(), recall, rows);
  }

  public MinHash minHash() {
    return new MinHash(bands(), rows, seed);
  }

  public SyndicationParams withDateWindow(Integer days) {
    return new SyndicationParams(shingleSize, minContainment, minSizeRatio, recall, rows, days, maxBucket, minUnquoted, minShared, seed, maxDriverEdges);
  }

  public SyndicationParams withMinContainment(double c) {
    return new SyndicationParams(shingleSize, c, minSizeRatio, recall, rows, dateWindowDays, maxBucket, minUnquoted, minShared, seed, maxDriverEdges);
  }

  public SyndicationParams withMaxDriverEdges(long n) {
    return new SyndicationParams(shingleSize, minContainment, minSizeRatio, recall, rows, dateWindowDays, maxBucket, minUnquoted, minShared, seed, n);
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shingle_words", shingleSize);
    m.put("min_containment", minContainment);
    m.put("min_size_ratio", minSizeRatio);
    m.put("jaccard_floor", jaccardFloor());
    m.put("candidate_recall_at_floor", MinHash.candidateProbability(jaccardFloor(), bands(), rows));
    m.put("bands", bands());
    m.put("rows", rows);
    m.put("date_window_days", dateWindowDays);
    m.put("min_shared_shingles", minShared);
    m.put("max_bucket", maxBucket);
    m.put("max_driver_edges", maxDriverEdges);
    return m;
  }
}
