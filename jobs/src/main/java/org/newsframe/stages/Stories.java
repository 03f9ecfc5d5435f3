package org.newsframe.stages;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.terms.TermAnalyzer;

/**
 * The {@code stories} stage: articles about the same event or claim across outlets — not copies of
 * one another, but separate reports of one story. A syndication cluster moves as one unit, read
 * through its origin.
 *
 * <p>Units → MLlib TF-IDF vectors (HashingTF, IDF smoothed by +1 so a tiny corpus still weighs
 * shared words, L2-normalised) → candidates from shared top terms → cosine, shared canonical
 * entities and a date window → each unit's few nearest neighbours → connected components.
 */
public final class Stories {
  public static final String UNIT = "unit";
  public static final String STORY_ID = "story_id";
  public static final String STORY_LABEL = "story_label";
  public static final String STORY_SIZE = "story_size";
  public static final String STORY_TERMS = "story_terms";
  public static final String TOKENS = "tokens";
  public static final String VECTOR = "vector";
  public static final String ENTITIES = "entities";
  public static final String COSINE = "cosine";
  public static final String SHARED_ENTITIES = "shared_entities";

  private static final int FEATURES = 1 << 18;
  private static final StructType UNIT_TOKENS =
      new StructType()
          .add(UNIT, DataTypes.StringType, false)
          .add(Columns.PUBLISHED, DataTypes.DateType)
          .add(TOKENS, DataTypes.createArrayType(DataTypes.StringType, false), false);

  private Stories() {}

  /**
   * One row per syndication cluster, read through its origin: {@code unit, published, tokens}
   * (unigrams, stopwords out, plural stemming).
   *
   * <p>Requires articles ({@code id, published, clean_text}) and the clusters table.
   */
  public static Dataset<Row> units(Dataset<Row> articles, Dataset<Row> clusters) {
    Dataset<Row> origins =
        clusters.filter(col(Columns.IS_ORIGIN)).select(col(Columns.ID), col(Columns.CLUSTER_ID).as(UNIT))
            .join(articles.select(Columns.ID, Columns.PUBLISHED, Columns.CLEAN_TEXT), Columns.ID)
            .select(UNIT, Columns.PUBLISHED, Columns.CLEAN_TEXT);
    return Spread.overCores(origins).mapPartitions(new TokensFn(), Encoders.row(UNIT_TOKENS));
  }

  /**
   * MLlib TF-IDF: {@code unit, published, tokens, vector} with vector = L2-normalised tf × (idf + 1).
   */
  public static Dataset<Row> vectors(Dataset<Row> units) {
    Dataset<Row> tf = new HashingTF().setInputCol(TOKENS).setOutputCol("tf").setNumFeatures(FEATURES).transform(units);
    // MLlib's IDF cannot be fitted on nothing; an empty corpus has no vectors to weigh anyway.
    double[] scale = tf.isEmpty() ? new double[FEATURES]
        : new IDF().setInputCol("tf").setOutputCol("idf_raw").fit(tf).idf().toArray().clone();
    // MLlib's idf is ln((m+1)/(d+1)): zero for a word every unit has, which on a corpus of two
    // stories is every shared word. +1 (as scikit-learn's smooth idf) keeps shared words weighing.
    for (int i = 0; i < scale.length; i++) {
      scale[i] += 1.0;
    }
    Dataset<Row> weighted =
        new ElementwiseProduct().setScalingVec(Vectors.dense(scale)).setInputCol("tf").setOutputCol("tfidf").transform(tf);
    return new Normalizer().setP(2.0).setInputCol("tfidf").setOutputCol(VECTOR).transform(weighted)
        .select(UNIT, Columns.PUBLISHED, TOKENS, VECTOR);
  }

  /**
   * Each unit's top terms by tf × (ln((N+1)/(df+1)) + 1): {@code unit, term, weight}, leaving out
   * terms in more than {@code maxPosting} units (too common to tell stories apart).
   */
  public static Dataset<Row> topTerms(Dataset<Row> units, StoryParams p) {
    long n = units.count();
    Dataset<Row> tf = units.select(col(UNIT), explode(col(TOKENS)).as(Terms.TERM)).groupBy(UNIT, Terms.TERM).agg(count(lit(1)).as("tf"));
    Dataset<Row> df = tf.groupBy(Terms.TERM).agg(count(lit(1)).as("df")).filter(col("df").leq(p.maxPosting()));
    Column weight = col("tf").multiply(ln(lit(n + 1.0).divide(col("df").plus(1.0))).plus(1.0));
    return tf.join(df, Terms.TERM)
        .withColumn("weight", weight)
        .withColumn("rank", row_number().over(Window.partitionBy(UNIT).orderBy(col("weight").desc(), col(Terms.TERM))))
        .filter(col("rank").leq(p.topTerms()))
        .select(UNIT, Terms.TERM, "weight");
  }

  /**
   * Scored candidate pairs {@code unit_a < unit_b}: those sharing at least {@code minSharedTopTerms}
   * top terms and not further apart than the date window, with their cosine and shared entities.
   *
   * @param entities {@code unit, entities} (distinct canonical entities of the unit's origin)
   */
  public static Dataset<Row> candidates(Dataset<Row> vectors, Dataset<Row> top, Dataset<Row> entities, StoryParams p) {
    Dataset<Row> a = top.select(col(UNIT).as("unit_a"), col(Terms.TERM));
    Dataset<Row> b = top.select(col(UNIT).as("unit_b"), col(Terms.TERM));
    Dataset<Row> pairs =
        a.join(b, Terms.TERM).filter(col("unit_a").lt(col("unit_b")))
            .groupBy("unit_a", "unit_b").agg(count(lit(1)).as("shared_terms"))
            .filter(col("shared_terms").geq(p.minSharedTopTerms()));
    Dataset<Row> va = vectors.select(col(UNIT).as("unit_a"), col(Columns.PUBLISHED).as("date_a"), col(VECTOR).as("vec_a"));
    Dataset<Row> vb = vectors.select(col(UNIT).as("unit_b"), col(Columns.PUBLISHED).as("date_b"), col(VECTOR).as("vec_b"));
    Dataset<Row> ea = entities.select(col(UNIT).as("unit_a"), col(ENTITIES).as("ent_a"));
    Dataset<Row> eb = entities.select(col(UNIT).as("unit_b"), col(ENTITIES).as("ent_b"));
    Column inWindow = col("date_a").isNull().or(col("date_b").isNull())
        .or(abs(datediff(col("date_a"), col("date_b"))).leq(p.dateWindowDays()));
    org.apache.spark.sql.expressions.UserDefinedFunction dot = udf(new DotFn(), DataTypes.DoubleType).withName("newsframe_dot");
    return pairs.join(va, "unit_a").join(vb, "unit_b")
        .filter(inWindow)
        .join(ea, new String[] {"unit_a"}, "left").join(eb, new String[] {"unit_b"}, "left")
        .select(
            col("unit_a"), col("unit_b"), col("shared_terms"),
            dot.apply(col("vec_a"), col("vec_b")).as(COSINE),
            coalesce(size(array_intersect(col("ent_a"), col("ent_b"))), lit(0)).as(SHARED_ENTITIES),
            coalesce(size(col("ent_a")), lit(0)).as("n_ent_a"), coalesce(size(col("ent_b")), lit(0)).as("n_ent_b"));
  }

  /**
   * The edges kept: cosine ≥ {@code minCosine}, enough shared entities (when both units have
   * entities), and among each side's {@code neighbours} best — so one general article does not
   * chain unrelated stories together. Returns {@code id_a, id_b, cosine}.
   */
  public static Dataset<Row> edges(Dataset<Row> candidates, StoryParams p) {
    Column entitiesOk = col("n_ent_a").equalTo(0).or(col("n_ent_b").equalTo(0))
        .or(col(SHARED_ENTITIES).geq(p.minSharedEntities()));
    Dataset<Row> ok = candidates.filter(col(COSINE).geq(p.minCosine()).and(entitiesOk));
    Column rankA = row_number().over(Window.partitionBy("unit_a").orderBy(col(COSINE).desc(), col("unit_b")));
    Column rankB = row_number().over(Window.partitionBy("unit_b").orderBy(col(COSINE).desc(), col("unit_a")));
    return ok.withColumn("rank_a", rankA).withColumn("rank_b", rankB)
        .filter(least(col("rank_a"), col("rank_b")).leq(p.neighbours()))
        .select(col("unit_a").as(Columns.ID_A), col("unit_b").as(Columns.ID_B), col(COSINE));
  }

  /** Story components ({@code id, component}) and what splitting the oversized ones took. */
  public record Split(Dataset<Row> components, int rounds, double lastMinCosine, long unitsStillOver) {}

  /** How much stronger, in cosine, the edges that split an oversized component are a round. */
  static final double SPLIT_STEP = 0.05;

  /**
   * Stories from the edges: their connected components, and each component of more than
   * {@code maxUnits} units found again from its edges with cosine ≥ the last threshold +
   * {@link #SPLIT_STEP}, round by round, until none is over the cap or the threshold passes 1 (what
   * is still over stays as it is, and is counted). Similar-enough pairs chain: without the cap, one
   * component at 100k articles held 37,902 of them. A unit of a split component left with no edge is
   * a story of its own, as a unit that never had one. Components at or under the cap are untouched,
   * so small corpora get what plain components give.
   *
   * <p>Requires {@code id_a, id_b, cosine}; returns {@code id, component} for units with an edge.
   */
  public static Split components(Dataset<Row> edges, StoryParams p, SyndicationParams syndication) {
    Dataset<Row> components = Syndication.connectedComponents(edges.select(Columns.ID_A, Columns.ID_B), syndication);
    int rounds = 0;
    while (true) {
      // From the round count, not summed a round at a time: 0.30 + 0.05 + … drifts off 0.50.
      double threshold = p.minCosine() + rounds * SPLIT_STEP;
      Dataset<Row> over = components.groupBy(Syndication.COMPONENT).count().filter(col("count").gt(p.maxUnits()))
          .select(Syndication.COMPONENT);
      Dataset<Row> overUnits = components.join(over, Syndication.COMPONENT).select(Columns.ID).localCheckpoint();
      long n = overUnits.count();
      if (n == 0 || threshold + SPLIT_STEP > 1.0 + 1e-9) {
        return new Split(components, rounds, threshold, n);
      }
      rounds++;
      // Every edge of cosine ≥ the last threshold lies inside one component, so its first end tells which.
      // The 1e-9 keeps an edge of cosine 0.5 when the threshold computes to 0.5000000000000001.
      Dataset<Row> stronger = edges.filter(col(COSINE).geq(threshold + SPLIT_STEP - 1e-9))
          .join(overUnits.withColumnRenamed(Columns.ID, Columns.ID_A), Columns.ID_A, "left_semi")
          .select(Columns.ID_A, Columns.ID_B);
      Dataset<Row> split = Syndication.connectedComponents(stronger, syndication);
      // localCheckpoint: each round would otherwise carry every earlier round in its plan.
      components = components.join(overUnits, Columns.ID, "left_anti").select(Columns.ID, Syndication.COMPONENT)
          .unionByName(split.select(Columns.ID, Syndication.COMPONENT)).localCheckpoint();
    }
  }

  /**
   * The {@code stories} table: every article with its story. Requires the clusters table, unit →
   * component ({@code id, component} from {@link Syndication#connectedComponents}) and the labels.
   * Returns {@code id, outlet, story_id, story_label, story_size, cluster_id, story_terms} (the
   * story's five top terms).
   */
  public static Dataset<Row> assign(Dataset<Row> clusters, Dataset<Row> components, Dataset<Row> entityMentions, Dataset<Row> top) {
    Dataset<Row> unitStory =
        clusters.select(col(Columns.CLUSTER_ID).as(UNIT)).distinct()
            .join(components.select(col(Columns.ID).as(UNIT), col(Syndication.COMPONENT)), new String[] {UNIT}, "left")
            .select(col(UNIT), concat(lit("story-"), substring(sha2(coalesce(col(Syndication.COMPONENT), col(UNIT)), 256), 1, 12)).as(STORY_ID));
    Dataset<Row> members =
        clusters.select(Columns.ID, Columns.OUTLET, Columns.CLUSTER_ID)
            .join(unitStory, col(Columns.CLUSTER_ID).equalTo(col(UNIT)))
            .drop(UNIT);
    Dataset<Row> labels = labels(members, entityMentions, top);
    return members.join(labels, new String[] {STORY_ID}, "left")
        .select(
            col(Columns.ID), col(Columns.OUTLET), col(STORY_ID), coalesce(col(STORY_LABEL), lit("")).as(STORY_LABEL),
            count(lit(1)).over(Window.partitionBy(STORY_ID)).cast("int").as(STORY_SIZE),
            col(Columns.CLUSTER_ID),
            coalesce(col(STORY_TERMS), org.apache.spark.sql.functions.array().cast("array<string>")).as(STORY_TERMS));
  }

  /** "Islamic State, Raqqa, Sergei Surovikin — collude, coalition, corridor": top 3 entities, then top 3 terms. */
  static Dataset<Row> labels(Dataset<Row> members, Dataset<Row> entityMentions, Dataset<Row> top) {
    Dataset<Row> entities =
        entityMentions.join(members.select(Columns.ID, STORY_ID), Columns.ID)
            .groupBy(STORY_ID, Entities.ENTITY).agg(count(lit(1)).as("n"))
            .groupBy(STORY_ID)
            .agg(slice(sort_array(collect_list(struct(col("n").multiply(-1).as("o"), col(Entities.ENTITY)))), 1, 3).as("e"))
            .select(col(STORY_ID), org.apache.spark.sql.functions.transform(col("e"), x -> x.getField(Entities.ENTITY)).as("e"));
    Dataset<Row> terms =
        top.join(members.select(col(Columns.CLUSTER_ID).as(UNIT), col(STORY_ID)).distinct(), UNIT)
            // The story's own words are those most of its units share, then the heaviest.
            .groupBy(STORY_ID, Terms.TERM).agg(sum("weight").as("w"), count(lit(1)).as("u"))
            .groupBy(STORY_ID)
            .agg(slice(sort_array(collect_list(struct(col("u").multiply(-1).as("o"), col("w").multiply(-1).as("o2"), col(Terms.TERM)))), 1, 5).as("t"))
            .select(col(STORY_ID), org.apache.spark.sql.functions.transform(col("t"), x -> x.getField(Terms.TERM)).as(STORY_TERMS),
                slice(org.apache.spark.sql.functions.transform(col("t"), x -> x.getField(Terms.TERM)), 1, 3).as("t"));
    return entities.join(terms, new String[] {STORY_ID}, "full_outer")
        .select(col(STORY_ID), col(STORY_TERMS),
            when(col("e").isNull(), concat_ws(", ", col("t")))
                .otherwise(concat(concat_ws(", ", col("e")), when(col("t").isNull(), lit("")).otherwise(concat(lit(" — "), concat_ws(", ", col("t"))))))
                .as(STORY_LABEL));
  }

  /** {@code unit, entities}: the distinct canonical entities of each unit's origin. */
  public static Dataset<Row> unitEntities(Dataset<Row> clusters, Dataset<Row> entityMentions) {
    return entityMentions.join(clusters.filter(col(Columns.IS_ORIGIN)).select(Columns.ID, Columns.CLUSTER_ID), Columns.ID)
        .groupBy(col(Columns.CLUSTER_ID).as(UNIT)).agg(sort_array(collect_set(col(Entities.ENTITY))).as(ENTITIES));
  }

  /** Dot product of two L2-normalised vectors: their cosine. */
  static final class DotFn implements UDF2<Vector, Vector, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public Double call(Vector a, Vector b) {
      if (a == null || b == null) {
        return 0.0;
      }
      if (a instanceof SparseVector sa && b instanceof SparseVector sb) {
        int[] ia = sa.indices();
        int[] ib = sb.indices();
        double[] va = sa.values();
        double[] vb = sb.values();
        double d = 0;
        for (int i = 0, j = 0; i < ia.length && j < ib.length; ) {
          if (ia[i] == ib[j]) {
            d += va[i++] * vb[j++];
          } else if (ia[i] < ib[j]) {
            i++;
          } else {
            j++;
          }
        }
        return d;
      }
      double d = 0;
      for (int i = 0; i < a.size(); i++) {
        d += a.apply(i) * b.apply(i);
      }
      return d;
    }
  }

  /** Analyses each origin's text into unigram tokens (one analyzer per task). */
  static final class TokensFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public java.util.Iterator<Row> call(java.util.Iterator<Row> rows) {
      TermAnalyzer analyzer = new TermAnalyzer(new TermAnalyzer.Options(true, TermAnalyzer.Stemming.MINIMAL, false));
      return Clean.mapped(rows, r -> {
        String text = r.isNullAt(2) ? "" : r.getString(2);
        return RowFactory.create(r.getString(0), r.get(1), Clean.seq(analyzer.terms(text)));
      });
    }
  }
}
