package org.newsframe.stages;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.row_number;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.io.Columns;
import org.newsframe.text.terms.TermAnalyzer;

/**
 * The stories stage's units, vectors, top terms and candidate pairs against their definitions:
 * MLlib's HashingTF over each unit's tokens, top terms from every token counted, and candidates
 * from every pair of units that share top terms, dropped afterwards when out of the date window.
 */
class StoryCandidatesTest {

  private static final StructType ORIGINS = new StructType()
      .add(Columns.ID, DataTypes.StringType).add(Columns.PUBLISHED, DataTypes.DateType).add(Columns.CLEAN_TEXT, DataTypes.StringType);
  private static final StructType CLUSTERS = new StructType()
      .add(Columns.ID, DataTypes.StringType).add(Columns.CLUSTER_ID, DataTypes.StringType).add(Columns.IS_ORIGIN, DataTypes.BooleanType);
  private static final StructType TOKENS = new StructType()
      .add(Stories.UNIT, DataTypes.StringType).add(Columns.PUBLISHED, DataTypes.DateType)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType));

  /** Few words, so units share top terms; some heavy ones, so maxPosting cuts; dates over 40 days, some none. */
  private static StoryParams params;
  private static Dataset<Row> articles;
  private static Dataset<Row> clusters;

  @BeforeAll
  static void corpus() {
    SplittableRandom random = new SplittableRandom(7);
    String[] vocabulary = new String[60];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + Integer.toString(i * 7919 + 13, 36) + "ka" + (char) ('a' + i % 26);
    }
    List<Row> origins = new ArrayList<>();
    List<Row> roles = new ArrayList<>();
    for (int u = 0; u < 90; u++) {
      StringBuilder text = new StringBuilder();
      // A Zipf-ish draw: low words in most units (df over maxPosting), high ones rare.
      for (int w = 0; w < 40; w++) {
        int k = (int) Math.min(vocabulary.length - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(vocabulary.length))) - 1);
        text.append(vocabulary[k]).append(w % 9 == 8 ? ". " : " ");
      }
      java.sql.Date day = u % 11 == 0 ? null : java.sql.Date.valueOf(java.time.LocalDate.of(2016, 3, 1).plusDays(random.nextInt(40)));
      String id = "u" + u;
      origins.add(RowFactory.create(id, day, u % 17 == 0 ? null : text.toString()));
      roles.add(RowFactory.create(id, "c-" + id, true));
      if (u % 5 == 0) { // a copy: not a unit of its own
        roles.add(RowFactory.create(id + "~copy", "c-" + id, false));
      }
    }
    articles = TestSpark.session().createDataFrame(origins, ORIGINS);
    clusters = TestSpark.session().createDataFrame(roles, CLUSTERS);
    params = new StoryParams(0.30, 1, 3, 5, 2, 40, 40, 5, 1000);
  }

  @Test
  void vectorsAreMllibsHashingTfOfTheTokens() {
    Dataset<Row> units = Stories.units(articles, clusters);
    Dataset<Row> tf = new HashingTF().setInputCol("tokens").setOutputCol("tf").setNumFeatures(1 << 18).transform(tokens());
    TreeMap<String, Vector> expected = new TreeMap<>();
    tf.collectAsList().forEach(r -> expected.put(r.getString(0), r.getAs("tf")));
    TreeMap<String, Vector> actual = new TreeMap<>();
    units.withColumn("tf", org.apache.spark.sql.functions.udf(new Stories.TfFn(1 << 18), org.apache.spark.ml.linalg.SQLDataTypes.VectorType())
        .apply(col(Stories.TERMS), col(Stories.COUNTS))).collectAsList().forEach(r -> actual.put(r.getString(0), r.getAs("tf")));
    assertThat(actual).hasSize(90).isEqualTo(expected);
    assertThat(actual.get("c-u17").numNonzeros()).as("a unit without text").isZero();
  }

  @Test
  void topTermsAreThoseOfEveryTokenCounted() {
    Dataset<Row> units = Stories.units(articles, clusters);
    List<Row> actual = Stories.topTerms(units, params).select(Stories.UNIT, Columns.PUBLISHED, Terms.TERM, "weight").collectAsList();
    List<Row> expected = definitionTopTerms(tokens(), params).collectAsList();
    assertThat(actual).as("top terms").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected.size()).as("units × top terms, less the common words").isBetween(200, 90 * params.topTerms());
  }

  @Test
  void candidatePairsAreEveryPairSharingTopTermsInTheWindow() {
    Dataset<Row> units = Stories.units(articles, clusters);
    Dataset<Row> top = Stories.topTerms(units, params);
    List<Row> actual = Stories.sharedTopTermPairs(top, params).collectAsList();
    List<Row> expected = definitionPairs(top, params).collectAsList();
    assertThat(actual).as("pairs (unit_a, unit_b, shared_terms)").containsExactlyInAnyOrderElementsOf(expected);
    java.util.Set<String> undated = java.util.Set.of("c-u11", "c-u22", "c-u33", "c-u44", "c-u55", "c-u66", "c-u77", "c-u88");
    assertThat(expected.stream().filter(r -> undated.contains(r.getString(0)) || undated.contains(r.getString(1))).count())
        .as("undated units are paired across the window").isGreaterThan(10);
    assertThat(expected.size()).as("enough pairs to tell").isGreaterThan(100);
    long all = definitionPairs(top, params.withDateWindow(10_000)).count();
    assertThat(all).as("the window drops pairs").isGreaterThan(expected.size());
  }

  @Test
  void undatedUnitsPairOnlyThroughTermsInFewUnits() {
    Dataset<Row> units = Stories.units(articles, clusters);
    Dataset<Row> top = Stories.topTerms(units, params).persist();
    StoryParams capped = params.withMaxUndatedPosting(12);
    List<Row> actual = Stories.sharedTopTermPairs(top, capped).collectAsList();
    List<Row> expected = definitionPairs(top, capped).collectAsList();
    assertThat(actual).as("pairs (unit_a, unit_b, shared_terms), undated through small postings only")
        .containsExactlyInAnyOrderElementsOf(expected);
    java.util.Set<String> undated = java.util.Set.of("c-u11", "c-u22", "c-u33", "c-u44", "c-u55", "c-u66", "c-u77", "c-u88");
    java.util.function.Predicate<Row> withUndated = r -> undated.contains(r.getString(0)) || undated.contains(r.getString(1));
    long uncapped = definitionPairs(top, params).collectAsList().stream().filter(withUndated).count();
    long kept = expected.stream().filter(withUndated).count();
    assertThat(kept).as("undated pairs kept by the cap, of %s", uncapped).isPositive().isLessThan(uncapped);
    assertThat(expected.stream().filter(withUndated.negate()).count()).as("dated pairs are not the cap's business")
        .isEqualTo(definitionPairs(top, params).collectAsList().stream().filter(withUndated.negate()).count());
    top.unpersist();
  }

  @Test
  void theWindowBoundaryIsInclusiveAndUndatedUnitsPairWithAll() throws Exception {
    Row posting = RowFactory.create(Clean.seq(List.of(
        RowFactory.create("a", 100), RowFactory.create("b", 103), RowFactory.create("c", 104),
        RowFactory.create("d", null), RowFactory.create("e", 99), RowFactory.create("f", null))));
    assertThat(pairs(new Stories.PostingPairsFn(3, 6), posting)).containsExactlyInAnyOrder(
        "ae", "ab", "bc",
        "ad", "bd", "cd", "de", "af", "bf", "cf", "ef", "df");
    assertThat(pairs(new Stories.PostingPairsFn(3, 5), posting)).as("a list over the undated cap")
        .containsExactlyInAnyOrder("ae", "ab", "bc");
  }

  private static List<String> pairs(Stories.PostingPairsFn fn, Row posting) throws Exception {
    List<String> pairs = new ArrayList<>();
    fn.call(posting).forEachRemaining(r -> {
      String x = r.getString(0);
      String y = r.getString(1);
      pairs.add(x.compareTo(y) < 0 ? x + y : y + x);
    });
    return pairs;
  }

  @Test
  void candidateCosinesAreThoseOfMllibsNormalisedTfIdf() {
    Dataset<Row> units = Stories.units(articles, clusters);
    Stories.TfIdf tfidf = Stories.vectors(units);
    Dataset<Row> top = Stories.topTerms(units, params);
    Dataset<Row> noEntities = TestSpark.session().createDataFrame(List.of(), new StructType()
        .add(Stories.UNIT, DataTypes.StringType).add(Stories.ENTITIES, DataTypes.createArrayType(DataTypes.StringType)));
    List<Row> actual = Stories.candidates(tfidf, top, noEntities, params).collectAsList();

    // The definition, all MLlib: HashingTF → IDF → × (idf + 1) → L2 normaliser, then a dot product.
    Dataset<Row> tf = new HashingTF().setInputCol("tokens").setOutputCol("tf").setNumFeatures(1 << 18).transform(tokens());
    double[] scale = new org.apache.spark.ml.feature.IDF().setInputCol("tf").fit(tf).idf().toArray().clone();
    for (int i = 0; i < scale.length; i++) {
      scale[i] += 1.0;
    }
    Dataset<Row> weighted = new org.apache.spark.ml.feature.ElementwiseProduct()
        .setScalingVec(org.apache.spark.ml.linalg.Vectors.dense(scale)).setInputCol("tf").setOutputCol("w").transform(tf);
    java.util.Map<String, Vector> vectors = new java.util.HashMap<>();
    new org.apache.spark.ml.feature.Normalizer().setP(2.0).setInputCol("w").setOutputCol("v").transform(weighted)
        .collectAsList().forEach(r -> vectors.put(r.getString(0), r.getAs("v")));

    assertThat(actual).as("candidate pairs").hasSize((int) Stories.sharedTopTermPairs(top, params).count()).hasSizeGreaterThan(100);
    int positive = 0;
    for (Row r : actual) {
      Vector a = vectors.get(r.<String>getAs("unit_a"));
      Vector b = vectors.get(r.<String>getAs("unit_b"));
      double dot = 0;
      for (int i : a.toSparse().indices()) {
        dot += a.apply(i) * b.apply(i);
      }
      assertThat(r.<Double>getAs(Stories.COSINE)).as("cosine of %s", r).isCloseTo(dot, org.assertj.core.data.Offset.offset(1e-12));
      positive += dot > 0.05 ? 1 : 0;
    }
    assertThat(positive).as("pairs with a cosine to tell").isGreaterThan(50);
  }

  /** Every origin's tokens, as the stage made them before it kept bags. */
  private static Dataset<Row> tokens() {
    Dataset<Row> origins = clusters.filter(col(Columns.IS_ORIGIN)).select(col(Columns.ID), col(Columns.CLUSTER_ID).as(Stories.UNIT))
        .join(articles, Columns.ID).select(Stories.UNIT, Columns.PUBLISHED, Columns.CLEAN_TEXT);
    return origins.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      TermAnalyzer analyzer = new TermAnalyzer(new TermAnalyzer.Options(true, TermAnalyzer.Stemming.MINIMAL, false));
      List<Row> out = new ArrayList<>();
      rows.forEachRemaining(r -> out.add(RowFactory.create(r.getString(0), r.get(1),
          Clean.seq(analyzer.terms(r.isNullAt(2) ? "" : r.getString(2))))));
      return out.iterator();
    }, Encoders.row(TOKENS));
  }

  private static Dataset<Row> definitionTopTerms(Dataset<Row> tokens, StoryParams p) {
    long n = tokens.count();
    Dataset<Row> tf = tokens.select(col(Stories.UNIT), col(Columns.PUBLISHED), explode(col("tokens")).as(Terms.TERM))
        .groupBy(Stories.UNIT, Columns.PUBLISHED, Terms.TERM).agg(count(lit(1)).as("tf"));
    Dataset<Row> df = tf.groupBy(Terms.TERM).agg(count(lit(1)).as("df")).filter(col("df").leq(p.maxPosting()));
    Column weight = col("tf").multiply(ln(lit(n + 1.0).divide(col("df").plus(1.0))).plus(1.0));
    return tf.join(df, Terms.TERM).withColumn("weight", weight)
        .withColumn("rank", row_number().over(Window.partitionBy(Stories.UNIT).orderBy(col("weight").desc(), col(Terms.TERM))))
        .filter(col("rank").leq(p.topTerms()))
        .select(Stories.UNIT, Columns.PUBLISHED, Terms.TERM, "weight");
  }

  private static Dataset<Row> definitionPairs(Dataset<Row> top, StoryParams p) {
    Dataset<Row> a = top.select(col(Stories.UNIT).as("unit_a"), col(Columns.PUBLISHED).as("date_a"), col(Terms.TERM));
    Dataset<Row> b = top.select(col(Stories.UNIT).as("unit_b"), col(Columns.PUBLISHED).as("date_b"), col(Terms.TERM));
    Dataset<Row> posting = top.groupBy(Terms.TERM).agg(count(lit(1)).as("posting"));
    Column undated = col("date_a").isNull().or(col("date_b").isNull());
    Column inWindow = undated.and(col("posting").leq(p.maxUndatedPosting()))
        .or(abs(datediff(col("date_a"), col("date_b"))).leq(p.dateWindowDays()));
    return a.join(b, Terms.TERM).join(posting, Terms.TERM).filter(col("unit_a").lt(col("unit_b")).and(inWindow))
        .groupBy("unit_a", "unit_b").agg(count(lit(1)).as("shared_terms"))
        .filter(col("shared_terms").geq(p.minSharedTopTerms()));
  }
}
