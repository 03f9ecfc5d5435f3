package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusReader;
import org.newsframe.text.Boilerplate;

class SyndicationTest {

  private static final SyndicationParams P = SyndicationParams.defaults();

  private static final StructType CLEANED =
      new StructType()
          .add(Columns.ID, DataTypes.StringType)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(Columns.PUBLISHED, DataTypes.DateType)
          .add(Columns.CLEAN_TEXT, DataTypes.StringType);

  private static Object[] row(String id, String outlet, String date, String text) {
    return new Object[] {id, outlet, date == null ? null : java.sql.Date.valueOf(date), text};
  }

  /** id → cluster row, running every syndication step the way the job does. */
  private static Map<String, Row> cluster(Dataset<Row> cleaned, SyndicationParams p) {
    Dataset<Row> sigs = Syndication.signatures(cleaned, p).cache();
    Dataset<Row> edges = Syndication.verifiedEdges(Syndication.candidatePairs(sigs, p), sigs, p).cache();
    Map<String, Row> out = new TreeMap<>();
    Syndication.clusters(sigs, edges, Syndication.connectedComponents(edges, p)).collectAsList()
        .forEach(r -> out.put(r.getAs(Columns.ID), r));
    edges.unpersist();
    sigs.unpersist();
    return out;
  }

  private static Dataset<Row> sampleCleaned() {
    Dataset<Row> articles = Validation.accepted(CorpusReader.readMarked(TestSpark.session(), TestSpark.repo().resolve("data/sample").toString()));
    return Clean.removeFurniture(Clean.applyRules(articles, Boilerplate.bundled()), Map.of());
  }

  @Test
  void businessStandardIsApsCopyAndVoaIsAlone() {
    Map<String, Row> c = cluster(sampleCleaned(), P);
    Row ap = c.get("000_681a3d21b52c1323");
    Row bs = c.get("001_b39ecc038f75694e");
    Row voa = c.get("003_05dc41cd4e506c63");
    assertThat(bs.<String>getAs(Columns.CLUSTER_ID)).isEqualTo(ap.getAs(Columns.CLUSTER_ID));
    assertThat(bs.<String>getAs(Columns.ORIGIN_ID)).isEqualTo("000_681a3d21b52c1323");
    assertThat(ap.<Boolean>getAs(Columns.IS_ORIGIN)).isTrue();
    assertThat(bs.<Boolean>getAs(Columns.IS_ORIGIN)).isFalse();
    assertThat(ap.<Integer>getAs(Columns.CLUSTER_SIZE)).isEqualTo(2);
    assertThat(bs.<Double>getAs(Columns.CONTAINMENT)).isGreaterThan(0.9);
    assertThat(ap.<String>getAs(Columns.ORIGIN_EVIDENCE)).contains("earliest published (2017-06-09");
    assertThat(voa.<Integer>getAs(Columns.CLUSTER_SIZE)).isEqualTo(1);
    assertThat(voa.<String>getAs(Columns.CLUSTER_ID)).isNotEqualTo(ap.getAs(Columns.CLUSTER_ID));
  }

  @Test
  void clusterIdsDoNotDependOnPartitioning() {
    Dataset<Row> cleaned = sampleCleaned().cache();
    Map<String, Row> one = cluster(cleaned.coalesce(1), P);
    Map<String, Row> many = cluster(cleaned.repartition(5), P);
    for (String id : one.keySet()) {
      assertThat(many.get(id).<String>getAs(Columns.CLUSTER_ID)).as(id).isEqualTo(one.get(id).getAs(Columns.CLUSTER_ID));
    }
    assertThat(one.get("000_681a3d21b52c1323").<String>getAs(Columns.CLUSTER_ID))
        .isEqualTo(ClusterFn.clusterId("000_681a3d21b52c1323"));
    cleaned.unpersist();
  }

  @Test
  void twoUnrelatedStoriesDoNotMergeThroughARoundupOfBoth() {
    TextGen gen = new TextGen(3);
    String a = gen.article(6);
    String b = gen.article(6);
    Dataset<Row> cleaned =
        Fixtures.table(CLEANED, row("a", "X", null, a), row("b", "Y", null, b), row("c", "Z", null, a + "\n\n" + b));
    Map<String, Row> c = cluster(cleaned, P);
    assertThat(c.get("a").<String>getAs(Columns.CLUSTER_ID)).isNotEqualTo(c.get("b").getAs(Columns.CLUSTER_ID));
    assertThat(c.values()).extracting(r -> r.<Integer>getAs(Columns.CLUSTER_SIZE)).containsExactlyInAnyOrder(2, 2, 1);
  }

  @Test
  void sharedQuotationsDoNotMakeCopies() {
    TextGen gen = new TextGen(5);
    String quote = "\"" + gen.sentence(30) + " " + gen.sentence(30) + "\"";
    Dataset<Row> cleaned =
        Fixtures.table(CLEANED,
            row("q1", "X", null, gen.article(3) + "\n\nThe minister said: " + quote),
            row("q2", "Y", null, "In a speech, " + quote + " the minister said.\n\n" + gen.article(3)));
    Map<String, Row> c = cluster(cleaned, P);
    assertThat(c.get("q1").<Integer>getAs(Columns.CLUSTER_SIZE)).isEqualTo(1);
    assertThat(c.get("q2").<Integer>getAs(Columns.CLUSTER_SIZE)).isEqualTo(1);
  }

  @Test
  void theDateWindowSkipsFarApartPairsButNotUndatedOnes() {
    TextGen gen = new TextGen(9);
    String story = gen.article(5);
    List<Object[]> rows = new ArrayList<>();
    rows.add(row("o", "AP", "2020-01-01", story));
    rows.add(row("late", "X", "2020-03-01", story));
    rows.add(row("undated", "Y", null, story));
    Dataset<Row> cleaned = Fixtures.table(CLEANED, rows.toArray(Object[][]::new));
    Map<String, Row> windowed = cluster(cleaned, P.withDateWindow(7));
    assertThat(windowed.get("undated").<String>getAs(Columns.ORIGIN_ID)).isEqualTo("o");
    assertThat(windowed.get("late").<String>getAs(Columns.ORIGIN_ID)).isNotEqualTo("o");
    Map<String, Row> open = cluster(cleaned, P);
    assertThat(open.get("late").<String>getAs(Columns.ORIGIN_ID)).isEqualTo("o");
    assertThat(open.get("o").<String>getAs(Columns.ORIGIN_EVIDENCE)).startsWith("earliest published (2020-01-01)");
  }

  @Test
  void undatedClustersTakeTheMemberThatContainsTheOthers() {
    TextGen gen = new TextGen(21);
    List<String> paragraphs = gen.paragraphs(10);
    String full = String.join("\n\n", paragraphs);
    String trimmed = String.join("\n\n", paragraphs.subList(0, 6));
    Dataset<Row> cleaned = Fixtures.table(CLEANED, row("short", "X", null, trimmed), row("full", "AP", null, full));
    Map<String, Row> c = cluster(cleaned, P);
    assertThat(c.get("short").<String>getAs(Columns.ORIGIN_ID)).isEqualTo("full");
    assertThat(c.get("short").<Double>getAs(Columns.CONTAINMENT)).isEqualTo(1.0);
    assertThat(c.get("full").<String>getAs(Columns.ORIGIN_EVIDENCE)).startsWith("undated; contains the most of the others");
  }

  @Test
  void bothComponentAlgorithmsAgree() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(4);
    List<Object[]> edges = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      edges.add(new Object[] {"n" + r.nextInt(80), "n" + r.nextInt(80)});
    }
    edges.add(new Object[] {"chain1", "chain2"});
    edges.add(new Object[] {"chain2", "chain3"});
    edges.add(new Object[] {"chain3", "chain4"});
    Dataset<Row> e = Fixtures.strings(List.of(Columns.ID_A, Columns.ID_B), edges.toArray(Object[][]::new));
    Map<String, String> driver = new TreeMap<>();
    Syndication.connectedComponents(e, P).collectAsList().forEach(x -> driver.put(x.getString(0), x.getString(1)));
    Map<String, String> distributed = new TreeMap<>();
    Syndication.connectedComponents(e, P.withMaxDriverEdges(0)).collectAsList()
        .forEach(x -> distributed.put(x.getString(0), x.getString(1)));
    assertThat(distributed).isEqualTo(driver);
    assertThat(driver).containsEntry("chain4", "chain1").containsEntry("chain1", "chain1");
  }

  @Test
  void bucketsGiveThePairsOfSmallBucketsAndCountTheOversizedOnes() {
    // 40 articles, each in 3 of 25 band buckets: bucket sizes spread around maxBucket (4).
    SyndicationParams p = new SyndicationParams(P.shingleSize(), P.minContainment(), P.minSizeRatio(), P.recall(), P.rows(),
        null, 4, P.minUnquoted(), P.minShared(), P.seed(), P.maxDriverEdges());
    java.util.SplittableRandom r = new java.util.SplittableRandom(17);
    Map<Long, List<Long>> members = new TreeMap<>();
    List<Object[]> rows = new ArrayList<>();
    for (long key = 1; key <= 40; key++) {
      java.util.Set<Long> bands = new java.util.TreeSet<>();
      while (bands.size() < 3) {
        bands.add(1000L + r.nextInt(25));
      }
      for (long b : bands) {
        members.computeIfAbsent(b, x -> new ArrayList<>()).add(key);
      }
      rows.add(new Object[] {"id" + key, key, "X", null, List.of(), List.of(), new ArrayList<>(bands), List.of()});
    }
    java.util.Set<List<Long>> expectedPairs = new java.util.TreeSet<>(java.util.Comparator.comparing((List<Long> x) -> x.get(0))
        .thenComparing(x -> x.get(1)));
    long expectedOversized = 0;
    long expectedOversizedArticles = 0;
    for (List<Long> m : members.values()) {
      if (m.size() > p.maxBucket()) {
        expectedOversized++;
        expectedOversizedArticles += m.size();
        continue;
      }
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          expectedPairs.add(List.of(Math.min(m.get(i), m.get(j)), Math.max(m.get(i), m.get(j))));
        }
      }
    }
    assertThat(expectedOversized).as("the fixture has oversized buckets").isBetween(1L, 20L);
    assertThat(expectedPairs).as("and pairs").isNotEmpty();

    Dataset<Row> signatures = Fixtures.table(Syndication.SIGNATURES, rows.toArray(Object[][]::new)).repartition(3);
    Dataset<Row> buckets = Syndication.buckets(signatures, p).cache();
    List<List<Long>> pairs = buckets.filter(Syndication.OVERSIZED + " = 0").collectAsList().stream()
        .map(x -> List.of(x.getLong(0), x.getLong(1))).toList();
    assertThat(pairs).containsExactlyInAnyOrderElementsOf(expectedPairs);
    Row oversized = Syndication.oversizedBuckets(buckets);
    assertThat(new long[] {oversized.getLong(0), oversized.getLong(1)}).containsExactly(expectedOversized, expectedOversizedArticles);
    List<List<String>> idPairs = Syndication.candidatePairs(buckets, signatures, p).collectAsList().stream()
        .map(x -> List.of(x.getString(0), x.getString(1))).toList();
    assertThat(idPairs).containsExactlyInAnyOrderElementsOf(expectedPairs.stream()
        .map(x -> List.of("id" + x.get(0), "id" + x.get(1)).stream().sorted().toList()).toList());
    buckets.unpersist();
  }
  /** Sorted fingerprints {@code from .. to-1}, as the signatures hold them. */
  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }

  /**
   * Verify turns each pair so the side with fewer shingles travels; what it reports is still about
   * {@code id_a} and {@code id_b} as given, whichever side was smaller.
   */
  @Test
  void verifiedEdgesKeepTheirDirectionWhicheverSideIsSmaller() {
    Map<String, List<Integer>> shingles = new TreeMap<>(Map.of(
        "a1", range(0, 40), "b1", range(0, 20), // id_b the smaller: turned
        "a2", range(100, 120), "b2", range(100, 125), // id_a the smaller: as given
        "a3", range(200, 230), "b3", range(210, 240))); // a tie: as given
    List<Object[]> rows = new ArrayList<>();
    long key = 1;
    for (Map.Entry<String, List<Integer>> e : shingles.entrySet()) {
      rows.add(new Object[] {e.getKey(), key++, "X", null, e.getValue(), List.of(), List.of(), List.of()});
    }
    Dataset<Row> signatures = Fixtures.table(Syndication.SIGNATURES, rows.toArray(Object[][]::new));
    Dataset<Row> pairs = Fixtures.table(new StructType().add(Columns.ID_A, DataTypes.StringType).add(Columns.ID_B, DataTypes.StringType),
        new Object[] {"a1", "b1"}, new Object[] {"a2", "b2"}, new Object[] {"a3", "b3"}, new Object[] {"a1", "missing"});

    assertThat(Syndication.oriented(pairs, signatures).collectAsList().stream()
            .map(r -> r.getString(0) + ">" + r.getString(1) + ":" + r.getBoolean(2)).toList())
        .as("the pair with an article without signatures has nothing to verify")
        .containsExactlyInAnyOrder("b1>a1:true", "a2>b2:false", "a3>b3:false");

    SyndicationParams loose = new SyndicationParams(5, 0.1, 0.5, 0.99, 2, null, 500, 20, 1, 20170609L, 2_000_000L);
    Map<String, List<Double>> got = new TreeMap<>();
    for (Row r : Syndication.verifiedEdges(pairs, signatures, loose).collectAsList()) {
      got.put(r.<String>getAs(Columns.ID_A) + "-" + r.<String>getAs(Columns.ID_B), List.of(r.<Double>getAs(Columns.CONTAINMENT),
          r.<Double>getAs(Columns.JACCARD), r.<Double>getAs(Syndication.A_IN_B), r.<Double>getAs(Syndication.B_IN_A),
          (double) r.<Integer>getAs(Syndication.SHARED)));
    }
    Map<String, List<Double>> expected = new TreeMap<>();
    for (String n : List.of("1", "2", "3")) {
      java.util.Set<Integer> a = new java.util.HashSet<>(shingles.get("a" + n));
      java.util.Set<Integer> b = new java.util.HashSet<>(shingles.get("b" + n));
      java.util.Set<Integer> common = new java.util.HashSet<>(a);
      common.retainAll(b);
      double c = common.size();
      expected.put("a" + n + "-b" + n, List.of(c / Math.min(a.size(), b.size()), c / (a.size() + b.size() - c), c / a.size(), c / b.size(), c));
    }
    assertThat(got).isEqualTo(expected);
  }
}
