package org.newsframe.stages;

import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
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
  public static final String VECTOR = "vector";
  public static final String ENTITIES = "entities";
  public static final String COSINE = "cosine";
  public static final String SHARED_ENTITIES = "shared_entities";

  private static final int FEATURES = 1 << 18;
  /** A unit's distinct terms, in order, and how often each occurs ({@link #COUNTS}, same positions). */
  public static final String TERMS = "terms";
  public static final String COUNTS = "counts";
  private static final StructType UNIT_BAG =
      new StructType()
          .add(UNIT, DataTypes.StringType, false)
          .add(Columns.PUBLISHED, DataTypes.DateType)
          .add(TERMS, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add(COUNTS, DataTypes.createArrayType(DataTypes.IntegerType, false), false);
  private static final StructType TOP_TERM =
      new StructType()
          .add(UNIT, DataTypes.StringType, false)
          .add(Columns.PUBLISHED, DataTypes.DateType)
          .add(Terms.TERM, DataTypes.StringType, false)
          .add("weight", DataTypes.DoubleType, false);
  private static final StructType PAIR =
      new StructType().add("x", DataTypes.StringType, false).add("y", DataTypes.StringType, false);

  private Stories() {}

  /**
   * One row per syndication cluster, read through its origin, as a bag of words: {@code unit,
   * published, terms, counts} (distinct unigrams sorted, stopwords out, plural stemming, and each
   * one's count). The text is analysed here only: vectors, top terms and candidates read the bag,
   * so a caller that reads it more than once persists it.
   *
   * <p>Requires articles ({@code id, published, clean_text}) and the clusters table.
   */
  public static Dataset<Row> units(Dataset<Row> articles, Dataset<Row> clusters) {
    // The origins' ids broadcast when few enough: the texts are then shuffled once, to spread the
    // analysis, rather than first by id to meet them (at 1M bench articles, 4.6 GB of text).
    Dataset<Row> origins =
        articles.select(Columns.ID, Columns.PUBLISHED, Columns.CLEAN_TEXT)
            .join(Spread.broadcastUpTo(clusters.filter(col(Columns.IS_ORIGIN)).select(col(Columns.ID), col(Columns.CLUSTER_ID).as(UNIT)),
                Spread.BROADCAST_IDS), Columns.ID)
            .select(UNIT, Columns.PUBLISHED, Columns.CLEAN_TEXT);
    return Spread.overCores(origins).mapPartitions(new BagFn(), Encoders.row(UNIT_BAG));
  }

  /**
   * A unit's TF-IDF, packed ({@link PackedTf}), and the weights it is read with: {@code units} has
   * {@code unit, published, terms, counts, vector}, the vector being the unit's MLlib
   * {@code HashingTF} counts, and {@code weights} each feature's idf + 1 from MLlib's {@code IDF}. A
   * cosine of two units is that of their L2-normalised tf × weight vectors.
   */
  public record TfIdf(Dataset<Row> units, double[] weights) {
    /** The units persisted (memory, then disk); unpersist {@link #units()} when done. */
    public TfIdf persist() {
      return new TfIdf(units.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()), weights);
    }

    /** A copy: the packed vectors were made with these, so they are not to change. */
    @Override
    public double[] weights() {
      return weights.clone();
    }
  }

  /**
   * MLlib TF-IDF of each unit ({@link TfIdf}): tf what MLlib's {@code HashingTF} makes of the unit's
   * tokens, weight ln((m+1)/(df+1)) + 1 with df from MLlib's {@code IDF} fit.
   *
   * <p>Requires {@code unit, published, terms, counts} ({@link #units}).
   */
  public static TfIdf vectors(Dataset<Row> units) {
    Dataset<Row> tf = units.withColumn("tf", udf(new TfFn(FEATURES), SQLDataTypes.VectorType()).apply(col(TERMS), col(COUNTS)));
    double[] weights = new double[FEATURES];
    boolean[] shared = new boolean[FEATURES];
    // MLlib's IDF cannot be fitted on nothing; an empty corpus has no vectors to weigh anyway.
    if (!tf.isEmpty()) {
      IDFModel model = new IDF().setInputCol("tf").setOutputCol("idf_raw").fit(tf);
      double[] idf = model.idf().toArray();
      long[] docFreq = model.docFreq();
      for (int i = 0; i < FEATURES; i++) {
        // MLlib's idf is ln((m+1)/(d+1)): zero for a word every unit has, which on a corpus of two
        // stories is every shared word. +1 (as scikit-learn's smooth idf) keeps shared words weighing.
        weights[i] = idf[i] + 1.0;
        shared[i] = docFreq[i] > 1;
      }
    }
    Dataset<Row> packed = units.withColumn(VECTOR,
        udf(new PackFn(FEATURES, weights, shared), DataTypes.BinaryType).apply(col(TERMS), col(COUNTS)));
    return new TfIdf(packed.select(UNIT, Columns.PUBLISHED, TERMS, COUNTS, VECTOR), weights);
  }

  /**
   * Each unit's top terms by tf × (ln((N+1)/(df+1)) + 1): {@code unit, published, term, weight},
   * leaving out terms in more than {@code maxPosting} units (too common to tell stories apart).
   *
   * <p>The df of every term in two units or more goes to the driver and out again as a broadcast
   * map, so each unit's terms are weighed and ranked where the unit is: a join on the term and a
   * window on the unit shuffled every (unit, term) twice, the largest thing this stage moved after
   * the candidate vectors. The map holds the vocabulary, not the corpus (terms of one unit are left
   * out: df 1 is what a term not in it has).
   *
   * <p>Requires {@code unit, published, terms, counts} ({@link #units}).
   */
  public static Dataset<Row> topTerms(Dataset<Row> units, StoryParams p) {
    long n = units.count();
    java.util.HashMap<String, Integer> df = new java.util.HashMap<>();
    units.select(explode(col(TERMS)).as(Terms.TERM)).groupBy(Terms.TERM).agg(count(lit(1)).cast("int").as("df"))
        .filter(col("df").gt(1)).toLocalIterator().forEachRemaining(r -> df.put(r.getString(0), r.getInt(1)));
    org.apache.spark.broadcast.Broadcast<java.util.HashMap<String, Integer>> shared =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(units.sparkSession().sparkContext()).broadcast(df);
    return units.select(UNIT, Columns.PUBLISHED, TERMS, COUNTS)
        .flatMap(new TopTermsFn(shared, n, p.topTerms(), p.maxPosting()), Encoders.row(TOP_TERM));
  }

  /**
   * Pairs {@code unit_a < unit_b} that share at least {@code minSharedTopTerms} top terms and are
   * not further apart than the date window, with the count {@code shared_terms}. Pairs are made
   * term by term from its posting list (at most {@code maxPosting} units), sorted by date, so pairs
   * outside the window are never made: on a corpus of years, most units sharing a term are not in
   * one week. An undated unit is in every window, so it pairs through a term only when the term is
   * a top term of at most {@code maxUndatedPosting} units: else it would pair with the whole list,
   * which grows with the corpus, where a dated one pairs with its week's share.
   *
   * <p>Requires {@code unit, published, term} ({@link #topTerms}).
   */
  public static Dataset<Row> sharedTopTermPairs(Dataset<Row> top, StoryParams p) {
    Dataset<Row> postings = top.groupBy(Terms.TERM)
        .agg(collect_list(struct(col(UNIT), unix_date(col(Columns.PUBLISHED)).as("day"))).as("postings"))
        .select("postings");
    return postings.flatMap(new PostingPairsFn(p.dateWindowDays(), p.maxUndatedPosting()), Encoders.row(PAIR))
        // Spark's string order (UTF-8 bytes), not Java's, says which is unit_a.
        .select(least(col("x"), col("y")).as("unit_a"), greatest(col("x"), col("y")).as("unit_b"))
        .groupBy("unit_a", "unit_b").agg(count(lit(1)).as("shared_terms"))
        .filter(col("shared_terms").geq(p.minSharedTopTerms()));
  }

  /**
   * Scored candidate pairs {@code unit_a < unit_b}: those of {@link #sharedTopTermPairs}, with
   * their cosine and shared entities.
   *
   * @param entities {@code unit, entities} (distinct canonical entities of the unit's origin)
   */
  public static Dataset<Row> candidates(TfIdf tfidf, Dataset<Row> top, Dataset<Row> entities, StoryParams p) {
    Dataset<Row> pairs = sharedTopTermPairs(top, p);
    Dataset<Row> vectors = tfidf.units();
    Dataset<Row> va = vectors.select(col(UNIT).as("unit_a"), col(VECTOR).as("vec_a"));
    Dataset<Row> vb = vectors.select(col(UNIT).as("unit_b"), col(VECTOR).as("vec_b"));
    Dataset<Row> ea = entities.select(col(UNIT).as("unit_a"), col(ENTITIES).as("ent_a"));
    Dataset<Row> eb = entities.select(col(UNIT).as("unit_b"), col(ENTITIES).as("ent_b"));
    org.apache.spark.sql.expressions.UserDefinedFunction dot = udf(new CosineFn(tfidf.weights()), DataTypes.DoubleType).withName("newsframe_cosine");
    // Each side's joins together, the cosine taken as soon as both vectors are there: a pair row
    // carrying two vectors through two more shuffles was 13 GB of the 17 GB this stage shuffled at
    // 100k. The one it still carries is packed (PackedTf) for the same reason.
    return pairs.join(ea, new String[] {"unit_a"}, "left").join(va, "unit_a")
        .join(eb, new String[] {"unit_b"}, "left").join(vb, "unit_b")
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

  /** The cosine of two packed units ({@link PackedTf}); 0 when either is missing. */
  static final class CosineFn implements UDF2<byte[], byte[], Double> {
    private static final long serialVersionUID = 1L;
    private final double[] squaredWeights;

    CosineFn(double[] weights) {
      this.squaredWeights = new double[weights.length];
      for (int i = 0; i < weights.length; i++) {
        squaredWeights[i] = weights[i] * weights[i];
      }
    }

    @Override
    public Double call(byte[] a, byte[] b) {
      return a == null || b == null ? 0.0 : PackedTf.cosine(a, b, squaredWeights);
    }
  }

  /** Analyses each origin's text into its bag of unigrams (one analyzer per task). */
  static final class BagFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public java.util.Iterator<Row> call(java.util.Iterator<Row> rows) {
      TermAnalyzer analyzer = new TermAnalyzer(new TermAnalyzer.Options(true, TermAnalyzer.Stemming.MINIMAL, false));
      return Clean.mapped(rows, r -> {
        // Counted in a hash map and sorted once: a tree map compared strings at every token (a
        // tenth of the stories stage's profile samples).
        java.util.HashMap<String, int[]> bag = new java.util.HashMap<>();
        for (String t : analyzer.terms(r.isNullAt(2) ? "" : r.getString(2))) {
          bag.computeIfAbsent(t, k -> new int[1])[0]++;
        }
        List<String> terms = new ArrayList<>(bag.keySet());
        java.util.Collections.sort(terms);
        List<Integer> counts = new ArrayList<>(terms.size());
        for (String t : terms) {
          counts.add(bag.get(t)[0]);
        }
        return RowFactory.create(r.getString(0), r.get(1), Clean.seq(terms), Clean.seq(counts));
      });
    }
  }

  /**
   * A bag of words as MLlib's {@code HashingTF} vector of the same tokens: each term's count at
   * {@code HashingTF.indexOf(term)}, summed where terms collide.
   */
  static final class TfFn implements UDF2<scala.collection.Seq<String>, scala.collection.Seq<Integer>, Vector> {
    private static final long serialVersionUID = 1L;
    private final int features;
    private transient HashingTF hashing;

    TfFn(int features) {
      this.features = features;
    }

    @Override
    public Vector call(scala.collection.Seq<String> terms, scala.collection.Seq<Integer> counts) {
      int[][] tf = hashed(terms, counts);
      double[] values = new double[tf[1].length];
      for (int k = 0; k < values.length; k++) {
        values[k] = tf[1][k];
      }
      return Vectors.sparse(features, tf[0], values);
    }

    /** The hashed features in index order and their summed counts: {@code {indices, counts}}. */
    int[][] hashed(scala.collection.Seq<String> terms, scala.collection.Seq<Integer> counts) {
      if (hashing == null) {
        hashing = new HashingTF().setNumFeatures(features);
      }
      java.util.TreeMap<Integer, int[]> tf = new java.util.TreeMap<>();
      for (int i = 0; i < terms.size(); i++) {
        tf.computeIfAbsent(hashing.indexOf(terms.apply(i)), k -> new int[1])[0] += counts.apply(i);
      }
      int[] indices = new int[tf.size()];
      int[] sums = new int[tf.size()];
      int k = 0;
      for (var e : tf.entrySet()) {
        indices[k] = e.getKey();
        sums[k++] = e.getValue()[0];
      }
      return new int[][] {indices, sums};
    }
  }

  /** A bag of words packed ({@link PackedTf}): the same hashed features {@link TfFn} makes. */
  static final class PackFn implements UDF2<scala.collection.Seq<String>, scala.collection.Seq<Integer>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final TfFn tf;
    private final double[] weights;
    private final boolean[] shared;

    PackFn(int features, double[] weights, boolean[] shared) {
      this.tf = new TfFn(features);
      this.weights = weights;
      this.shared = shared;
    }

    @Override
    public byte[] call(scala.collection.Seq<String> terms, scala.collection.Seq<Integer> counts) {
      int[][] hashed = tf.hashed(terms, counts);
      return PackedTf.pack(hashed[0], hashed[1], weights, shared);
    }
  }

  /**
   * A unit's {@code topTerms} heaviest terms, weight tf × (ln((n+1)/(df+1)) + 1), ties by term in
   * Spark's string order; terms in more than {@code maxPosting} units left out.
   */
  static final class TopTermsFn implements org.apache.spark.api.java.function.FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final org.apache.spark.broadcast.Broadcast<java.util.HashMap<String, Integer>> df;
    private final long units;
    private final int topTerms;
    private final int maxPosting;

    TopTermsFn(org.apache.spark.broadcast.Broadcast<java.util.HashMap<String, Integer>> df, long units, int topTerms, int maxPosting) {
      this.df = df;
      this.units = units;
      this.topTerms = topTerms;
      this.maxPosting = maxPosting;
    }

    @Override
    public java.util.Iterator<Row> call(Row r) {
      java.util.Map<String, Integer> docs = df.value();
      List<String> terms = r.getList(2);
      List<Integer> counts = r.getList(3);
      List<String> kept = new ArrayList<>(terms.size());
      List<Double> weights = new ArrayList<>(terms.size());
      for (int i = 0; i < terms.size(); i++) {
        int d = docs.getOrDefault(terms.get(i), 1);
        if (d <= maxPosting) {
          // StrictMath, as Spark's ln: the weights are the doubles the SQL expression gave.
          weights.add(counts.get(i) * (StrictMath.log((units + 1.0) / (d + 1.0)) + 1.0));
          kept.add(terms.get(i));
        }
      }
      Integer[] order = new Integer[kept.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> {
        int c = Double.compare(weights.get(b), weights.get(a));
        return c != 0 ? c : org.apache.spark.unsafe.types.UTF8String.fromString(kept.get(a))
            .compareTo(org.apache.spark.unsafe.types.UTF8String.fromString(kept.get(b)));
      });
      List<Row> out = new ArrayList<>(Math.min(topTerms, order.length));
      for (int i = 0; i < Math.min(topTerms, order.length); i++) {
        out.add(RowFactory.create(r.getString(0), r.get(1), kept.get(order[i]), weights.get(order[i])));
      }
      return out.iterator();
    }
  }

  /**
   * A term's posting list ({@code unit, day} structs, day = days since 1970 or null) to every pair
   * of its units at most {@code windowDays} apart, each pair once as {@code x, y} (unordered). The
   * undated units pair with every other unit, and only in a list of at most {@code maxUndated}.
   */
  static final class PostingPairsFn implements org.apache.spark.api.java.function.FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int windowDays;
    private final int maxUndated;

    PostingPairsFn(int windowDays, int maxUndated) {
      this.windowDays = windowDays;
      this.maxUndated = maxUndated;
    }

    @Override
    public java.util.Iterator<Row> call(Row row) {
      List<Row> postings = row.getList(0);
      List<Row> dated = new ArrayList<>(postings.size());
      List<String> undated = new ArrayList<>();
      boolean undatedPair = postings.size() <= maxUndated;
      for (Row u : postings) {
        if (u.isNullAt(1)) {
          if (undatedPair) {
            undated.add(u.getString(0));
          }
        } else {
          dated.add(u);
        }
      }
      dated.sort(java.util.Comparator.comparingInt(u -> u.getInt(1)));
      String[] units = new String[dated.size() + undated.size()];
      int[] days = new int[dated.size()];
      for (int i = 0; i < dated.size(); i++) {
        units[i] = dated.get(i).getString(0);
        days[i] = dated.get(i).getInt(1);
      }
      for (int i = 0; i < undated.size(); i++) {
        units[dated.size() + i] = undated.get(i);
      }
      return new Pairs(units, days, windowDays);
    }

    /**
     * The pairs, made as they are read (a week's posting list of 2,000 units has 2 M of them):
     * units {@code 0..days.length-1} are dated, in date order; the rest are undated, which are in
     * every window, so they pair with every unit after them and every dated one.
     */
    private static final class Pairs implements java.util.Iterator<Row> {
      private final String[] units;
      private final int[] days;
      private final int windowDays;
      private int i;
      private int j;
      private Row next;

      Pairs(String[] units, int[] days, int windowDays) {
        this.units = units;
        this.days = days;
        this.windowDays = windowDays;
        this.j = 0;
        advance();
      }

      private void advance() {
        next = null;
        while (next == null && i < units.length) {
          j++;
          boolean iDated = i < days.length;
          boolean ok = j < units.length && (!iDated || j >= days.length || days[j] - days[i] <= windowDays);
          if (ok) {
            next = RowFactory.create(units[i], units[j]);
          } else if (iDated && j < days.length) {
            // The rest of the dated units are further still: on to the undated ones.
            j = days.length - 1;
          } else {
            i++;
            j = i;
          }
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        advance();
        return r;
      }
    }
  }
}
