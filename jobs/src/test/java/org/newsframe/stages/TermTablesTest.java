package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.io.Columns;
import org.newsframe.text.terms.TermAnalyzer;

/**
 * The term tables as {@link TermTables} computes them (one analysis an article, partial sums per
 * outlet and form, met per term; a story in one task) against the definition in {@link TermsDefinition} (a
 * row per article and term, each mode and table computed on its own), row by row, over copies that
 * edit, copy whole or lower-case their origins, in the corpus scope and two story scopes.
 */
class TermTablesTest {

  private static final TermAnalyzer.Options ANALYZER = TermAnalyzer.Options.defaults();
  private static final Terms.DistinctiveParams CORPUS = new Terms.DistinctiveParams(0, 2, List.<String[]>of(new String[] {"Out0", "Copy0"}));
  private static final Terms.DistinctiveParams STORY = new Terms.DistinctiveParams(0, 2, List.of());

  private static final String[] FREQUENCY_KEY = {Terms.SCOPE, Terms.MODE, Columns.OUTLET, Terms.TERM};
  private static final String[] DISTINCTIVE_KEY = {Terms.SCOPE, Columns.OUTLET, Terms.VERSUS, Terms.TERM};

  /** The fixture and the definition's tables for it, computed once: the definition's deep plan of joins is slow. */
  private static final class Expected {
    static final TermsTest.CopiesFixture FX = TermsTest.copiesFixture();
    static final Dataset<Row> CORPUS_FREQUENCIES = local(frequencies(TermsDefinition.articleTerms(FX.articles(), ANALYZER)));
    static final Dataset<Row> CORPUS_DISTINCTIVE = local(TermsDefinition.distinctive(weighted(CORPUS_FREQUENCIES), CORPUS));
    static final Dataset<Row> STORY_FREQUENCIES =
        local(frequencies(Terms.withStories(TermsDefinition.articleTerms(FX.articles(), ANALYZER), FX.stories())));
    static final Dataset<Row> STORY_DISTINCTIVE = local(TermsDefinition.distinctive(weighted(STORY_FREQUENCIES), STORY));

    /** Each mode's frequencies from the article rows, the weighted mode's from the rows beyond each copy's origin. */
    private static Dataset<Row> frequencies(Dataset<Row> articleTerms) {
      return TermsDefinition.frequencies(articleTerms, Terms.MODE_ALL)
          .unionByName(TermsDefinition.frequencies(TermsDefinition.syndicationWeighted(articleTerms, FX.clusters()), Terms.MODE_WEIGHTED));
    }

    private static Dataset<Row> local(Dataset<Row> rows) {
      return TestSpark.session().createDataFrame(rows.collectAsList(), rows.schema());
    }
  }

  private static Dataset<Row> weighted(Dataset<Row> frequencies) {
    return frequencies.filter(col(Terms.MODE).equalTo(Terms.MODE_WEIGHTED));
  }

  private static Dataset<Row> corpusWork(TermTables.Params p) {
    Dataset<Row> texts = Syndication.withOriginText(Expected.FX.articles(), Expected.FX.clusters());
    return TermTables.withTotals(TermTables.perTerm(TermTables.partials(texts, Terms.SCOPE_CORPUS, p), p));
  }

  @Test
  void corpusTablesEqualTheDefinitionWithEveryBigramKept() {
    // A cap of 5 forms makes every task hand on many partial sums of the same outlet and term.
    for (int cap : new int[] {5, TermTables.Params.TALLY_CAP}) {
      TermTables.Params p = TermTables.Params.of(ANALYZER, 1, CORPUS).withTallyCap(cap);
      Dataset<Row> work = corpusWork(p);
      assertSameFrequencies(TermTables.frequencies(work, 1), Expected.CORPUS_FREQUENCIES, r -> true);
      assertSameDistinctive(TermTables.distinctive(work, CORPUS, 1), Expected.CORPUS_DISTINCTIVE, r -> true);
    }
  }

  /**
   * With bigrams kept only where an outlet writes them twice, the tables are the definition's rows
   * less the others — and the shares, tf-idf and z of what is kept are unchanged, since they are
   * computed from every term.
   */
  @Test
  void aBigramWrittenOnceIsLeftOutButStillCounted() {
    TermTables.Params p = TermTables.Params.of(ANALYZER, 2, CORPUS);
    Dataset<Row> work = corpusWork(p);
    Map<String, Row> weighted = TermsTest.byKey(weighted(Expected.CORPUS_FREQUENCIES), Columns.OUTLET, Terms.TERM);
    Predicate<Row> keptFrequency = r -> !r.<Boolean>getAs(Terms.BIGRAM) || r.<Long>getAs(Terms.COUNT) >= 2;
    long left = assertSameFrequencies(TermTables.frequencies(work, 2), Expected.CORPUS_FREQUENCIES, keptFrequency);
    assertThat(left).as("bigram rows left out").isGreaterThan(10);
    Predicate<Row> keptDistinctive = r -> {
      String term = r.getAs(Terms.TERM);
      long yj = Terms.REST.equals(r.getAs(Terms.VERSUS)) ? 0
          : java.util.Optional.ofNullable(weighted.get(r.getAs(Terms.VERSUS) + "|" + term)).map(x -> x.<Long>getAs(Terms.COUNT)).orElse(0L);
      return !term.contains(" ") || r.<Long>getAs(Terms.COUNT) >= 2 || yj >= 2;
    };
    assertSameDistinctive(TermTables.distinctive(work, CORPUS, 2), Expected.CORPUS_DISTINCTIVE, keptDistinctive);
  }

  @Test
  void storyTablesEqualTheDefinitionPerStory() {
    TermsTest.CopiesFixture fx = Expected.FX;
    for (int minBigram : new int[] {1, 2}) {
      TermTables.Params p = TermTables.Params.of(ANALYZER, minBigram, STORY);
      Dataset<Row> work = TermTables.storyWork(fx.articles(), fx.stories(), fx.clusters(), p);
      Predicate<Row> kept = r -> !r.<Boolean>getAs(Terms.BIGRAM) || r.<Long>getAs(Terms.COUNT) >= minBigram;
      assertSameFrequencies(TermTables.frequencies(work, minBigram), Expected.STORY_FREQUENCIES, kept);
      assertSameDistinctive(TermTables.distinctive(work, STORY, minBigram), Expected.STORY_DISTINCTIVE,
          r -> !r.<String>getAs(Terms.TERM).contains(" ") || r.<Long>getAs(Terms.COUNT) >= minBigram);
      assertThat(work.select(Terms.SCOPE).distinct().count()).as("both stories").isEqualTo(2);
    }
  }

  /**
   * A task reads its articles an outlet at a time, so (below the cap) every form is handed on once: no partial row repeats an outlet's term and surface, though the
   * articles arrive with their outlets interleaved (as ids hash them).
   */
  @Test
  void aTaskHandsEachOutletsSumsOnOnce() {
    java.util.Random random = new java.util.Random(11);
    String[] words = {"army", "rebels", "town", "seized", "Forces", "forces", "coalition", "strike", "ISIS", "Raqqa", "claims",
        "denied", "officials", "said", "the", "of", "convoy", "border", "talks", "ceasefire"};
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      StringBuilder t = new StringBuilder();
      for (int w = 0; w < 15; w++) {
        t.append(words[random.nextInt(words.length)]).append(' ');
      }
      rows.add(new Object[] {"Out" + (i % 3), t.toString(), null, false});
    }
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add(Columns.OUTLET, "string").add(Columns.CLEAN_TEXT, "string").add(Syndication.ORIGIN_TEXT, "string")
        .add(Syndication.IS_COPY, "boolean", false);
    Dataset<Row> texts = org.newsframe.Fixtures.table(schema, rows.toArray(Object[][]::new)).coalesce(1);
    TermTables.Params p = TermTables.Params.of(ANALYZER, 1, CORPUS);
    Map<String, Long> formsPerOutlet = new TreeMap<>();
    termRows(TermTables.partials(texts, Terms.SCOPE_CORPUS, p)).select(Columns.OUTLET, Terms.TERM, Terms.BIGRAM, Terms.SURFACE).distinct()
        .groupBy(Columns.OUTLET).count().collectAsList()
        .forEach(r -> formsPerOutlet.put(r.getString(0), r.getLong(1)));
    long forms = formsPerOutlet.values().stream().mapToLong(Long::longValue).sum();
    assertThat(formsPerOutlet).as("outlets").hasSize(3);

    Dataset<Row> partial = termRows(TermTables.partials(texts, Terms.SCOPE_CORPUS, p));
    assertThat(partial.groupBy(Columns.OUTLET, Terms.TERM, Terms.BIGRAM, Terms.SURFACE).count().filter(col("count").gt(1)).collectAsList())
        .as("forms handed on more than once").isEmpty();
    assertThat(partial.count()).isEqualTo(forms);
    int cap = 100;
    assertThat(TermTables.PartialsFn.handOn(cap, "Out0", "Out0", cap)).as("within an outlet at the cap").isTrue();
    assertThat(TermTables.PartialsFn.handOn(cap - 1, "Out0", "Out0", cap)).isFalse();
    assertThat(TermTables.PartialsFn.handOn(1, "Out0", "Out1", cap)).as("where an outlet ends").isTrue();
    assertThat(TermTables.PartialsFn.handOn(0, null, "Out1", cap)).as("before a batch's first article").isFalse();
  }

  /**
   * The key is made from the strings' 32-bit hashes, so two terms of a scope can share it ("Aa" and
   * "BB" do); the per-term step tells them apart: the corpus's partial sums all given one key make the
   * same work rows as under their own keys.
   */
  @Test
  void termsSharingAKeyAreCountedApart() {
    assertThat(TermTables.groupKey(Terms.SCOPE_CORPUS, "Aa", false)).isEqualTo(TermTables.groupKey(Terms.SCOPE_CORPUS, "BB", false));
    assertThat(TermTables.groupKey(Terms.SCOPE_CORPUS, "Aa", false)).isNotEqualTo(TermTables.groupKey(Terms.SCOPE_CORPUS, "Aa", true));
    assertThat(TermTables.groupKey(Terms.SCOPE_CORPUS, "Aa", false)).isNotEqualTo(TermTables.groupKey("story-1", "Aa", false));
    TermTables.Params p = TermTables.Params.of(ANALYZER, 1, CORPUS).withTallyCap(5);
    Dataset<Row> partials = TermTables.partials(Syndication.withOriginText(Expected.FX.articles(), Expected.FX.clusters()),
        Terms.SCOPE_CORPUS, p).cache();
    try {
      Dataset<Row> oneKey = partials.withColumn(TermTables.KEY, org.apache.spark.sql.functions.lit(42L));
      List<String> own = workRows(TermTables.perTerm(partials, p));
      List<String> shared = workRows(TermTables.perTerm(oneKey, p));
      assertThat(own).as("work rows").hasSizeGreaterThan(100);
      assertThat(shared).isEqualTo(own);
    } finally {
      partials.unpersist();
    }
  }

  private static List<String> workRows(Dataset<Row> work) {
    return work.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Dataset<Row> termRows(Dataset<Row> partials) {
    return partials.filter(col(TermTables.KIND).equalTo(TermTables.TERM_ROW));
  }

  /** Every expected row {@code kept} has its twin, column for column; returns how many were not kept. */
  private static long assertSameFrequencies(Dataset<Row> actual, Dataset<Row> expected, Predicate<Row> kept) {
    Map<String, Row> a = TermsTest.byKey(actual, FREQUENCY_KEY);
    Map<String, Row> e = new TreeMap<>(TermsTest.byKey(expected, FREQUENCY_KEY));
    long all = e.size();
    e.values().removeIf(kept.negate());
    assertThat(a.keySet()).isEqualTo(e.keySet());
    e.forEach((k, x) -> {
      Row y = a.get(k);
      for (String c : List.of(Terms.SURFACE, Terms.BIGRAM, Terms.COUNT, Terms.DOCUMENTS)) {
        assertThat(y.<Object>getAs(c)).as("%s %s", k, c).isEqualTo(x.getAs(c));
      }
      for (String c : List.of(Terms.SHARE, Terms.TFIDF)) {
        assertThat(y.<Double>getAs(c)).as("%s %s", k, c).isCloseTo(x.getAs(c), within(1e-12));
      }
    });
    assertThat(e).as("rows compared").hasSizeGreaterThan(50);
    return all - e.size();
  }

  private static void assertSameDistinctive(Dataset<Row> actual, Dataset<Row> expected, Predicate<Row> kept) {
    Map<String, Row> a = TermsTest.byKey(actual, DISTINCTIVE_KEY);
    Map<String, Row> e = new TreeMap<>(TermsTest.byKey(expected, DISTINCTIVE_KEY));
    e.values().removeIf(kept.negate());
    assertThat(a.keySet()).isEqualTo(e.keySet());
    e.forEach((k, x) -> {
      Row y = a.get(k);
      assertThat(y.<Long>getAs(Terms.COUNT)).as("%s count", k).isEqualTo(x.<Long>getAs(Terms.COUNT));
      assertThat(y.<Double>getAs(Terms.Z)).as("%s z", k).isCloseTo(x.getAs(Terms.Z), within(1e-9));
      assertThat(y.<Boolean>getAs(Terms.SIGNIFICANT)).as("%s significant", k).isEqualTo(x.<Boolean>getAs(Terms.SIGNIFICANT));
    });
    assertThat(e).as("rows compared").hasSizeGreaterThan(10);
    assertThat(e.keySet()).as("pairs or story scopes compared").anyMatch(k -> !k.contains("|" + Terms.REST + "|") || k.startsWith("s"));
  }
}
