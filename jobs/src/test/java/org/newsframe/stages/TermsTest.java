package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.io.Columns;
import org.newsframe.text.terms.TermAnalyzer;

class TermsTest {

  private static final StructType CLEANED = Fixtures.CLEANED;
  private static final StructType CLUSTERS = Fixtures.CLUSTER_ROLES;

  /** Three outlets with skewed vocabularies; every word is its own term (no stopwords, no stems). */
  private static Dataset<Row> threeOutlets() {
    return Fixtures.table(CLEANED,
        new Object[] {"a1", "Alpha", "rebels rebels rebels seized town town"},
        new Object[] {"a2", "Alpha", "rebels seized village army"},
        new Object[] {"b1", "Beta", "army army army liberated town"},
        new Object[] {"b2", "Beta", "army liberated village village"},
        new Object[] {"c1", "Gamma", "fighters seized town army"},
        new Object[] {"c2", "Gamma", "fighters fighters town village"});
  }

  private static final TermAnalyzer.Options PLAIN = TermAnalyzer.Options.plain();

  /** Every article its own origin: nothing copied. */
  private static Dataset<Row> noCopies(Dataset<Row> articles) {
    return articles.select(col(Columns.ID), col(Columns.ID).as(Columns.ORIGIN_ID), lit(true).as(Columns.IS_ORIGIN));
  }

  /** The job's work rows in the corpus scope ({@link TermTables#WITH_TOTALS}), every bigram kept. */
  private static Dataset<Row> work(Dataset<Row> articles, Dataset<Row> clusters, TermAnalyzer.Options analyzer, Terms.DistinctiveParams d) {
    TermTables.Params p = TermTables.Params.of(analyzer, 1, d);
    return TermTables.withTotals(TermTables.perTerm(TermTables.partials(Syndication.withOriginText(articles, clusters), Terms.SCOPE_CORPUS, p), p));
  }

  /** {@code term_frequencies} rows of one mode, every bigram kept. */
  private static Dataset<Row> frequencies(Dataset<Row> articles, Dataset<Row> clusters, TermAnalyzer.Options analyzer, String mode) {
    return TermTables.frequencies(work(articles, clusters, analyzer, Terms.DistinctiveParams.defaults()), 1)
        .filter(col(Terms.MODE).equalTo(mode));
  }

  /** {@code distinctive_terms} rows, every bigram kept. */
  private static Dataset<Row> distinctive(Dataset<Row> articles, TermAnalyzer.Options analyzer, Terms.DistinctiveParams d) {
    return TermTables.distinctive(work(articles, noCopies(articles), analyzer, d), d, 1);
  }

  @Test
  void frequenciesCountSharesAndDocuments() {
    Map<String, Row> f = byKey(frequencies(threeOutlets(), noCopies(threeOutlets()), PLAIN, Terms.MODE_ALL), Columns.OUTLET, Terms.TERM);
    Row alphaRebels = f.get("Alpha|rebels");
    assertThat(alphaRebels.<Long>getAs(Terms.COUNT)).isEqualTo(4L);
    assertThat(alphaRebels.<Long>getAs(Terms.DOCUMENTS)).isEqualTo(2L);
    assertThat(alphaRebels.<Double>getAs(Terms.SHARE)).isCloseTo(4.0 / 10, within(1e-12));
    // rebels: in 2 of 6 articles → ln(7/3); town: in 4 of 6 → ln(7/5).
    assertThat(alphaRebels.<Double>getAs(Terms.TFIDF)).isCloseTo(0.4 * Math.log(7.0 / 3), within(1e-12));
    assertThat(f.get("Beta|town").<Double>getAs(Terms.TFIDF)).isCloseTo(1.0 / 9 * Math.log(7.0 / 5), within(1e-12));
    assertThat(f.get("Gamma|fighters").<String>getAs(Terms.MODE)).isEqualTo(Terms.MODE_ALL);
  }

  @Test
  void surfaceIsTheMostWrittenForm() {
    Dataset<Row> articles = Fixtures.table(CLEANED,
        new Object[] {"x1", "X", "Forces forces. The forces left."},
        new Object[] {"x2", "X", "forces and force"});
    Map<String, Row> f = byKey(frequencies(articles, noCopies(articles), TermAnalyzer.Options.defaults(), Terms.MODE_ALL), Columns.OUTLET, Terms.TERM);
    assertThat(f.get("X|force").<Long>getAs(Terms.COUNT)).isEqualTo(5L);
    assertThat(f.get("X|force").<String>getAs(Terms.SURFACE)).isEqualTo("forces");
    assertThat(f.get("X|force force").<Long>getAs(Terms.COUNT)).isEqualTo(1L);
    assertThat(f.get("X|force left").<String>getAs(Terms.SURFACE)).isEqualTo("forces left");
  }

  @Test
  void aCopyCountsOnlyWhatItAddsOrChanges() {
    Dataset<Row> articles = Fixtures.table(CLEANED,
        new Object[] {"wire", "AP", "Russia accused the coalition of helping ISIS leave Raqqa"},
        new Object[] {"copy", "BS", "Russia accused the coalition of helping IS leave Raqqa. Subscribe today"},
        new Object[] {"own", "BS", "Markets rallied"});
    Dataset<Row> clusters = Fixtures.table(CLUSTERS,
        new Object[] {"wire", "wire", true}, new Object[] {"copy", "wire", false}, new Object[] {"own", "own", true});
    Map<String, Long> bs = new TreeMap<>();
    Map<String, Row> f = byKey(frequencies(articles, clusters, PLAIN, Terms.MODE_WEIGHTED), Columns.OUTLET, Terms.TERM);
    f.forEach((k, r) -> {
      if (k.startsWith("BS|")) {
        bs.put(r.getAs(Terms.TERM), r.getAs(Terms.COUNT));
      }
    });
    assertThat(bs).containsExactlyInAnyOrderEntriesOf(Map.of("is", 1L, "subscribe", 1L, "today", 1L, "markets", 1L, "rallied", 1L));
    assertThat(f.get("AP|isis").<Long>getAs(Terms.COUNT)).isEqualTo(1L);
    assertThat(f.get("AP|raqqa").<Long>getAs(Terms.COUNT)).isEqualTo(1L);
  }

  /**
   * Each outlet against the rest on three outlets: the z of every term is recomputed here from raw
   * counts with the formula written out, then signs and the ordering within each outlet compared.
   */
  @Test
  void distinctiveTermsAgainstTheRestMatchAnIndependentComputation() {
    double alpha0 = 10;
    List<Row> rows = distinctive(threeOutlets(), PLAIN, new Terms.DistinctiveParams(alpha0, 1, List.of())).collectAsList();

    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    String[][] docs = {{"Alpha", "rebels rebels rebels seized town town"}, {"Alpha", "rebels seized village army"},
        {"Beta", "army army army liberated town"}, {"Beta", "army liberated village village"},
        {"Gamma", "fighters seized town army"}, {"Gamma", "fighters fighters town village"}};
    Map<String, Integer> background = new HashMap<>();
    for (String[] d : docs) {
      for (String w : d[1].split(" ")) {
        counts.computeIfAbsent(d[0], k -> new HashMap<>()).merge(w, 1, Integer::sum);
        background.merge(w, 1, Integer::sum);
      }
    }
    int total = background.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Double> expected = new TreeMap<>();
    counts.forEach((outlet, c) -> {
      int n = c.values().stream().mapToInt(Integer::intValue).sum();
      c.forEach((w, y) -> {
        double a = alpha0 * background.get(w) / total;
        double yr = background.get(w) - y;
        double nr = total - n;
        double delta = Math.log((y + a) / (n + alpha0 - y - a)) - Math.log((yr + a) / (nr + alpha0 - yr - a));
        expected.put(outlet + "|" + w, delta / Math.sqrt(1 / (y + a) + 1 / (yr + a)));
      });
    });

    Map<String, Double> actual = new TreeMap<>();
    for (Row r : rows) {
      assertThat(r.<String>getAs(Terms.VERSUS)).isEqualTo(Terms.REST);
      actual.put(r.getAs(Columns.OUTLET) + "|" + r.getAs(Terms.TERM), r.getAs(Terms.Z));
      assertThat(r.<Boolean>getAs(Terms.SIGNIFICANT)).as("%s", r).isEqualTo(Math.abs(r.<Double>getAs(Terms.Z)) >= 1.96);
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, z) -> assertThat(actual.get(k)).as(k).isCloseTo(z, within(1e-9)));
    // Signs and order as the vocabularies were built: Alpha's word is "rebels", Beta's "army", Gamma's "fighters".
    assertThat(actual.get("Alpha|rebels")).isPositive().isGreaterThan(actual.get("Alpha|seized"));
    assertThat(actual.get("Beta|army")).isPositive().isGreaterThan(actual.get("Beta|liberated"));
    assertThat(actual.get("Gamma|fighters")).isPositive().isGreaterThan(actual.get("Gamma|seized"));
    assertThat(actual.get("Alpha|army")).isNegative();
    assertThat(actual.get("Gamma|army")).isNegative();
  }

  @Test
  void aRequestedPairIsComparedBothWays() {
    List<Row> rows = distinctive(threeOutlets(), PLAIN, new Terms.DistinctiveParams(10, 1, List.<String[]>of(new String[] {"Alpha", "Beta"})))
        .filter(org.apache.spark.sql.functions.col(Terms.VERSUS).notEqual(Terms.REST)).collectAsList();
    Map<String, Double> z = new TreeMap<>();
    rows.forEach(r -> z.put(r.getAs(Columns.OUTLET) + ">" + r.getAs(Terms.VERSUS) + "|" + r.getAs(Terms.TERM), r.getAs(Terms.Z)));
    // Every term either uses, including the one Beta never writes ("rebels", count 0 on Beta's side).
    assertThat(z).containsKeys("Alpha>Beta|rebels", "Beta>Alpha|rebels", "Alpha>Beta|liberated");
    assertThat(z.get("Alpha>Beta|rebels")).isPositive();
    assertThat(z.get("Beta>Alpha|rebels")).isNegative();
    assertThat(z).doesNotContainKey("Alpha>Beta|fighters");
  }

  @Test
  void oneOutletAloneHasNothingToBeDistinctiveAgainst() {
    Dataset<Row> one = Fixtures.table(CLEANED, new Object[] {"a", "Solo", "words words here"});
    assertThat(distinctive(one, PLAIN, Terms.DistinctiveParams.defaults()).count()).isZero();
  }

  /** Articles (id, outlet, clean_text), their cluster roles and two stories. */
  record CopiesFixture(Dataset<Row> articles, Dataset<Row> clusters, Dataset<Row> stories) {}

  /**
   * Ten originals of random words over three outlets and six copies of four of them: edited (words
   * dropped, one substituted, text added), whole, lower-cased, one in its origin's outlet; two stories.
   */
  static CopiesFixture copiesFixture() {
    java.util.Random random = new java.util.Random(7);
    String[] words = {"force", "forces", "Forces", "forced", "rebel", "rebels", "army", "armies", "town", "towns", "seized", "seize", "the", "IS", "ISIS"};
    List<Object[]> rows = new java.util.ArrayList<>();
    List<Object[]> roles = new java.util.ArrayList<>();
    Map<String, String> texts = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      StringBuilder t = new StringBuilder();
      for (int w = 0; w < 12 + random.nextInt(20); w++) {
        t.append(words[random.nextInt(words.length)]).append(w % 7 == 6 ? ". " : " ");
      }
      texts.put("o" + i, t.toString());
      rows.add(new Object[] {"o" + i, "Out" + (i % 3), t.toString()});
      roles.add(new Object[] {"o" + i, "o" + i, true});
    }
    // Copies of o0..o3: edited (words dropped and one substituted), whole, and one in its origin's outlet.
    String[][] copies = {{"c0", "o0", "Copy0", "edit"}, {"c1", "o0", "Copy1", "whole"}, {"c2", "o1", "Out1", "edit"},
        {"c3", "o2", "Copy0", "edit"}, {"c4", "o3", "Copy1", "whole"}, {"c5", "o3", "Copy2", "lowercase"}};
    for (String[] c : copies) {
      String origin = texts.get(c[1]);
      String text = switch (c[3]) {
        case "whole" -> origin;
        case "lowercase" -> origin.replace("Forces", "forces") + " forces";
        default -> origin.replace("rebels", "IS").replaceFirst("army ", "") + " Subscribe today";
      };
      rows.add(new Object[] {c[0], c[2], text});
      roles.add(new Object[] {c[0], c[1], false});
    }
    Dataset<Row> articles = Fixtures.table(CLEANED, rows.toArray(Object[][]::new));
    Dataset<Row> clusters = Fixtures.table(CLUSTERS, roles.toArray(Object[][]::new));
    StructType storyOf = new StructType().add(Columns.ID, DataTypes.StringType).add(Stories.STORY_ID, DataTypes.StringType);
    List<Object[]> assignment = new java.util.ArrayList<>();
    for (Object[] r : rows) {
      String id = (String) r[0];
      boolean first = id.equals("o0") || id.equals("o1") || id.equals("c0") || id.equals("c1") || id.equals("c2") || id.equals("o4");
      assignment.add(new Object[] {id, first ? "s1" : "s2"});
    }
    Dataset<Row> stories = Fixtures.table(storyOf, assignment.toArray(Object[][]::new));

    return new CopiesFixture(articles, clusters, stories);
  }

  static Map<String, Row> byKey(Dataset<Row> rows, String... keys) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows.collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String c : keys) {
        k.append(k.length() == 0 ? "" : "|").append(r.<Object>getAs(c));
      }
      assertThat(out.put(k.toString(), r)).as("duplicate key %s", k).isNull();
    }
    return out;
  }
}
