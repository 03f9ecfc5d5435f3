package org.newsframe.stages;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.MinHash;
import org.newsframe.text.Shingler;
import org.newsframe.text.WireCredits;

/**
 * The {@code syndication} stage: finds articles that are copies of one another (wire copy carried
 * by several outlets, with cuts and edits) and groups them into clusters with an origin.
 *
 * <p>Shingles → MinHash signatures → LSH band buckets → candidate pairs → exact verification →
 * connected components → clusters around an origin (see {@link ClusterFn}).
 */
public final class Syndication {

  public static final String KEY = "key";
  public static final String SHINGLES = "shingles";
  public static final String SIGNATURE = "signature";
  public static final String BAND_KEYS = "band_keys";
  public static final String CREDITS = "credits";
  public static final String A_IN_B = "a_in_b";
  public static final String B_IN_A = "b_in_a";
  public static final String SHARED = "shared";
  public static final String COMPONENT = "component";

  /** Schema of {@link #signatures}. */
  public static final StructType SIGNATURES =
      new StructType()
          .add(Columns.ID, DataTypes.StringType, false)
          .add(KEY, DataTypes.LongType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(Columns.PUBLISHED, DataTypes.DateType)
          .add(SHINGLES, DataTypes.createArrayType(DataTypes.IntegerType, false))
          .add(SIGNATURE, DataTypes.createArrayType(DataTypes.LongType, false))
          .add(BAND_KEYS, DataTypes.createArrayType(DataTypes.LongType, false))
          .add(CREDITS, DataTypes.createArrayType(DataTypes.StringType, false));

  private Syndication() {}

  /**
   * Shingles, MinHash signature, LSH band keys and wire credits of each article.
   *
   * <p>Requires {@link Columns#ID}, {@link Columns#OUTLET}, {@link Columns#PUBLISHED}, {@link
   * Columns#CLEAN_TEXT}. Returns {@link #SIGNATURES}; {@code shingles} is the set matched on
   * (outside quotations, see {@link Shingler}) as sorted 32-bit fingerprints ({@link
   * MinHash#fingerprints}); {@code key} is a 64-bit hash of the id
   * that LSH buckets carry instead of the id, to keep the shuffle small.
   */
  public static Dataset<Row> signatures(Dataset<Row> articles, SyndicationParams params) {
    return articles
        .select(Columns.ID, Columns.OUTLET, Columns.PUBLISHED, Columns.CLEAN_TEXT)
        .mapPartitions(new SignatureFn(params), Encoders.row(SIGNATURES));
  }

  /** {@link #buckets}: the smaller article key of a pair, or an oversized bucket's band key. */
  public static final String KEY_A = "key_a";

  /** {@link #buckets}: the larger article key of a pair; 0 on an oversized bucket's row. */
  public static final String KEY_B = "key_b";

  /** {@link #buckets}: an oversized bucket's article count; 0 on a pair's row. */
  public static final String OVERSIZED = "oversized";

  /** Schema of {@link #buckets}. */
  public static final StructType BUCKETS =
      new StructType()
          .add(KEY_A, DataTypes.LongType, false)
          .add(KEY_B, DataTypes.LongType, false)
          .add(OVERSIZED, DataTypes.IntegerType, false);

  /**
   * What the LSH buckets hold, from one pass over the (band key, article key) rows sorted by band
   * key within partitions ({@link BucketPairsFn}): no per-bucket lists are built for the many keys
   * that only one article has.
   *
   * <p>Requires {@link #SIGNATURES}. Returns {@link #BUCKETS}, distinct: a row per pair of article
   * keys sharing a bucket of at most {@code maxBucket} articles ({@code key_a < key_b}, {@code
   * oversized} 0), and a row per larger bucket ({@code key_a} its band key, {@code key_b} 0,
   * {@code oversized} its article count), so the oversized buckets are counted without a second
   * shuffle of every article's band keys.
   */
  public static Dataset<Row> buckets(Dataset<Row> signatures, SyndicationParams params) {
    return bandRows(signatures)
        .repartition(col("band_key"))
        .sortWithinPartitions("band_key", KEY)
        .mapPartitions(new BucketPairsFn(params.maxBucket()), Encoders.row(BUCKETS))
        .distinct();
  }

  /** {@link #candidatePairs(Dataset, Dataset, SyndicationParams)} of the signatures' {@link #buckets}. */
  public static Dataset<Row> candidatePairs(Dataset<Row> signatures, SyndicationParams params) {
    return candidatePairs(buckets(signatures, params), signatures, params);
  }

  /**
   * Pairs of articles that share at least one LSH band, within the date window if one is set.
   *
   * <p>Requires the signatures' {@link #BUCKETS} and {@link #SIGNATURES}. Returns {@code id_a <
   * id_b}, distinct.
   */
  public static Dataset<Row> candidatePairs(Dataset<Row> buckets, Dataset<Row> signatures, SyndicationParams params) {
    Dataset<Row> keyPairs = buckets.filter(col(OVERSIZED).equalTo(0)).select(KEY_A, KEY_B);
    // The articles' ids broadcast when few enough (a 64-bit key and an id, ~60 bytes an article), so
    // the key pairs (13.4 M at 1M bench articles) are named where they lie, not shuffled and sorted
    // twice to meet them: 104.6 s instead of 157.6 s at 1M (bench/VerifyCost.java ... pairs).
    Dataset<Row> ids = Spread.broadcastUpTo(signatures.select(Columns.ID, KEY), Spread.BROADCAST_IDS);
    Dataset<Row> pairs =
        keyPairs
            .join(ids.withColumnRenamed(KEY, KEY_A).withColumnRenamed(Columns.ID, "x"), KEY_A)
            .join(ids.withColumnRenamed(KEY, KEY_B).withColumnRenamed(Columns.ID, "y"), KEY_B)
            .filter(col("x").notEqual(col("y")))
            .select(least(col("x"), col("y")).as(Columns.ID_A), greatest(col("x"), col("y")).as(Columns.ID_B))
            .distinct();
    if (params.dateWindowDays() == null) {
      return pairs;
    }
    Dataset<Row> dates = signatures.select(col(Columns.ID), col(Columns.PUBLISHED));
    return pairs
        .join(dates.withColumnRenamed(Columns.ID, Columns.ID_A).withColumnRenamed(Columns.PUBLISHED, "da"), Columns.ID_A)
        .join(dates.withColumnRenamed(Columns.ID, Columns.ID_B).withColumnRenamed(Columns.PUBLISHED, "db"), Columns.ID_B)
        .filter(col("da").isNull().or(col("db").isNull())
            .or(abs(datediff(col("da"), col("db"))).leq(params.dateWindowDays())))
        .select(Columns.ID_A, Columns.ID_B);
  }

  /** One row per article and band: {@code band_key, key}. */
  public static Dataset<Row> bandRows(Dataset<Row> signatures) {
    return signatures.select(explode(col(BAND_KEYS)).as("band_key"), col(KEY));
  }

  /** How many buckets were too large to pair, and how many articles they held, from {@link #buckets}. */
  public static Row oversizedBuckets(Dataset<Row> buckets) {
    return buckets
        .filter(col(OVERSIZED).gt(0))
        .agg(count(lit(1)), org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.sum(col(OVERSIZED)), lit(0L)))
        .first();
  }

  /**
   * Candidate pairs whose exact containment reaches {@code minContainment}.
   *
   * <p>Requires candidate pairs and {@link #SIGNATURES}. Keeps pairs with containment of at least
   * {@code minContainment} and at least {@code minShared} shared shingles. Returns {@code id_a,
   * id_b, containment} (of the smaller in the larger), {@code jaccard}, {@code a_in_b}, {@code
   * b_in_a} (directional containments) and {@code shared}.
   */
  public static Dataset<Row> verifiedEdges(Dataset<Row> pairs, Dataset<Row> signatures, SyndicationParams params) {
    UserDefinedFunction pack =
        udf((UDF1<scala.collection.immutable.Seq<Object>, byte[]>) s -> MinHash.pack(toInts(s)), DataTypes.BinaryType)
            .withName("newsframe_pack_fingerprints");
    UserDefinedFunction overlap =
        udf((UDF2<byte[], byte[], Row>) Syndication::overlap,
                new StructType()
                    .add(Columns.CONTAINMENT, DataTypes.DoubleType)
                    .add(Columns.JACCARD, DataTypes.DoubleType)
                    .add(A_IN_B, DataTypes.DoubleType)
                    .add(B_IN_A, DataTypes.DoubleType)
                    .add(SHARED, DataTypes.IntegerType))
            .withName("newsframe_overlap");
    // Each article's fingerprints packed once, so the pairs' function reads them as bytes rather than
    // as boxed integers; and hash joins with the articles' side built per partition, so the pairs
    // (13.4 M at 1M bench articles, a few KB each once they carry one side's fingerprints) are not sorted.
    Dataset<Row> packed = signatures.select(col(Columns.ID), pack.apply(col(SHINGLES)).as("fp"));
    return oriented(pairs, signatures)
        .join(packed.withColumnRenamed(Columns.ID, FIRST).withColumnRenamed("fp", "sf").hint("shuffle_hash"), FIRST)
        .join(packed.withColumnRenamed(Columns.ID, SECOND).withColumnRenamed("fp", "ss").hint("shuffle_hash"), SECOND)
        .select(
            when(col(FLIPPED), col(SECOND)).otherwise(col(FIRST)).as(Columns.ID_A),
            when(col(FLIPPED), col(FIRST)).otherwise(col(SECOND)).as(Columns.ID_B),
            overlap.apply(when(col(FLIPPED), col("ss")).otherwise(col("sf")), when(col(FLIPPED), col("sf")).otherwise(col("ss"))).as("o"))
        .select(col(Columns.ID_A), col(Columns.ID_B), col("o.*"))
        .filter(col(Columns.CONTAINMENT).geq(params.minContainment()).and(col(SHARED).geq(params.minShared())));
  }

  /** {@link #oriented}: the pair's side with fewer shingles (ties: {@code id_a}). */
  static final String FIRST = "first";

  /** {@link #oriented}: the pair's other side. */
  static final String SECOND = "second";

  /** {@link #oriented}: whether {@code first} is {@code id_b}. */
  static final String FLIPPED = "flipped";

  /**
   * Each pair turned so that the side with fewer shingles comes first: {@link #verifiedEdges}'s
   * second join shuffles the pairs carrying the first side's fingerprints (38.4 GB at 1M bench
   * articles when that is always {@code id_a}), and the smaller side is 0.79 of that volume.
   *
   * <p>Requires {@code id_a, id_b} and {@link #SIGNATURES}. Returns {@link #FIRST}, {@link #SECOND}
   * and {@link #FLIPPED}, one row per pair whose two articles both have signatures. The shingle
   * counts are broadcast when few enough ({@link Spread#BROADCAST_IDS}), so the pairs are not
   * shuffled to meet them.
   */
  static Dataset<Row> oriented(Dataset<Row> pairs, Dataset<Row> signatures) {
    Dataset<Row> sizes = Spread.broadcastUpTo(signatures.select(col(Columns.ID), size(col(SHINGLES)).as("n")), Spread.BROADCAST_IDS);
    Column flipped = col("nb").lt(col("na"));
    return pairs
        .join(sizes.withColumnRenamed(Columns.ID, Columns.ID_A).withColumnRenamed("n", "na"), Columns.ID_A)
        .join(sizes.withColumnRenamed(Columns.ID, Columns.ID_B).withColumnRenamed("n", "nb"), Columns.ID_B)
        .select(
            when(flipped, col(Columns.ID_B)).otherwise(col(Columns.ID_A)).as(FIRST),
            when(flipped, col(Columns.ID_A)).otherwise(col(Columns.ID_B)).as(SECOND),
            flipped.as(FLIPPED));
  }

  private static Row overlap(byte[] a, byte[] b) {
    int common = MinHash.commonPacked(a, b);
    int x = MinHash.packedSize(a);
    int y = MinHash.packedSize(b);
    int smaller = Math.min(x, y);
    int union = x + y - common;
    return RowFactory.create(
        smaller == 0 ? 0.0 : (double) common / smaller, union == 0 ? 0.0 : (double) common / union,
        x == 0 ? 0.0 : (double) common / x, y == 0 ? 0.0 : (double) common / y,
        common);
  }

  static int[] toInts(scala.collection.immutable.Seq<Object> s) {
    int[] out = new int[s.size()];
    scala.collection.Iterator<Object> it = s.iterator();
    for (int i = 0; it.hasNext(); i++) {
      out[i] = (Integer) it.next();
    }
    return out;
  }

  static long[] toLongs(scala.collection.immutable.Seq<Object> s) {
    long[] out = new long[s.size()];
    scala.collection.Iterator<Object> it = s.iterator();
    for (int i = 0; it.hasNext(); i++) {
      out[i] = (Long) it.next();
    }
    return out;
  }

  /**
   * Connected components of the edge graph: each article's component is the smallest id within
   * reach. Requires {@code id_a, id_b}; returns {@code id, component} for the articles that have an
   * edge. Up to {@code params.maxDriverEdges()} edges (two ids each, a few hundred bytes) the graph
   * is solved with union-find on the driver in one pass; larger graphs by distributed min-label
   * propagation ({@link #propagateComponents}), whose every round is a Spark job.
   */
  public static Dataset<Row> connectedComponents(Dataset<Row> edges, SyndicationParams params) {
    long n = edges.count();
    if (n > params.maxDriverEdges()) {
      return propagateComponents(edges);
    }
    UnionFind uf = new UnionFind();
    for (Row r : edges.select(Columns.ID_A, Columns.ID_B).collectAsList()) {
      uf.union(r.getString(0), r.getString(1));
    }
    List<Row> rows = new ArrayList<>();
    uf.components().forEach((id, component) -> rows.add(RowFactory.create(id, component)));
    StructType schema =
        new StructType().add(Columns.ID, DataTypes.StringType, false).add(COMPONENT, DataTypes.StringType, false);
    return edges.sparkSession().createDataFrame(rows, schema);
  }

  /** Union-find over string ids whose representative is the smallest id of each set. */
  static final class UnionFind {
    private final java.util.Map<String, String> parent = new java.util.HashMap<>();

    String find(String x) {
      String p = parent.computeIfAbsent(x, k -> k);
      if (p.equals(x)) {
        return x;
      }
      String root = find(p);
      parent.put(x, root);
      return root;
    }

    void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        // The smaller id becomes the root, so the representative is the component's minimum.
        if (ra.compareTo(rb) < 0) {
          parent.put(rb, ra);
        } else {
          parent.put(ra, rb);
        }
      }
    }

    java.util.Map<String, String> components() {
      java.util.Map<String, String> out = new java.util.TreeMap<>();
      for (String x : new ArrayList<>(parent.keySet())) {
        out.put(x, find(x));
      }
      return out;
    }
  }

  /**
   * Connected components by min-label propagation: each round every article takes the smallest
   * label among its neighbours'; rounds stop when nothing changes. Lineage is cut every round
   * ({@code localCheckpoint}).
   */
  public static Dataset<Row> propagateComponents(Dataset<Row> edges) {
    Dataset<Row> both =
        edges.select(col(Columns.ID_A).as("src"), col(Columns.ID_B).as("dst"))
            .union(edges.select(col(Columns.ID_B).as("src"), col(Columns.ID_A).as("dst")))
            .localCheckpoint();
    Dataset<Row> labels =
        both.select(col("src").as(Columns.ID)).distinct().withColumn(COMPONENT, col(Columns.ID)).localCheckpoint();
    for (int round = 0; ; round++) {
      Dataset<Row> offers =
          both.join(labels, both.col("src").equalTo(labels.col(Columns.ID)))
              .select(col("dst").as(Columns.ID), col(COMPONENT));
      Dataset<Row> next =
          labels.union(offers).groupBy(Columns.ID).agg(min(col(COMPONENT)).as(COMPONENT)).localCheckpoint();
      long changed =
          next.join(labels.withColumnRenamed(COMPONENT, "old"), Columns.ID)
              .filter(col(COMPONENT).notEqual(col("old")))
              .count();
      labels = next;
      if (changed == 0) {
        return labels;
      }
      if (round > 1000) {
        throw new IllegalStateException("connected components did not converge in 1000 rounds");
      }
    }
  }

  /**
   * Clusters of copies: every article, with its cluster, the cluster's origin, and its containment
   * and Jaccard similarity against the origin. Articles without edges are clusters of one.
   *
   * <p>Requires {@link #SIGNATURES}, verified edges and their components. Returns {@code id,
   * outlet, cluster_id, cluster_size, origin_id, is_origin, containment, jaccard, origin_evidence}.
   */
  public static Dataset<Row> clusters(Dataset<Row> signatures, Dataset<Row> edges, Dataset<Row> components) {
    Dataset<Row> members =
        signatures.join(components, Columns.ID)
            .groupBy(COMPONENT)
            .agg(collect_list(struct(
                col(Columns.ID), col(Columns.OUTLET), col(Columns.PUBLISHED),
                // The chaining guard only estimates Jaccard; 128 bins are plenty and keep groups small.
                org.apache.spark.sql.functions.slice(col(SIGNATURE), 1, ClusterFn.GUARD_BINS).as(SIGNATURE), col(CREDITS),
                size(col(SHINGLES)).as("n"))).as("members"));
    Dataset<Row> componentEdges =
        edges.join(components.withColumnRenamed(Columns.ID, Columns.ID_A), Columns.ID_A)
            .groupBy(COMPONENT)
            .agg(collect_list(struct(
                col(Columns.ID_A), col(Columns.ID_B), col(Columns.CONTAINMENT), col(Columns.JACCARD),
                col(A_IN_B), col(B_IN_A))).as("edges"));
    UserDefinedFunction cluster =
        udf(new ClusterFn(), DataTypes.createArrayType(ClusterFn.RESULT)).withName("newsframe_cluster");
    Dataset<Row> clustered =
        members.join(componentEdges, COMPONENT)
            .select(explode(cluster.apply(col("members"), col("edges"))).as("c"))
            .select("c.*");
    Dataset<Row> singles =
        signatures.join(components, signatures.col(Columns.ID).equalTo(components.col(Columns.ID)), "left_anti")
            .select(
                col(Columns.ID),
                col(Columns.OUTLET),
                ClusterFn.clusterIdOf(col(Columns.ID)).as(Columns.CLUSTER_ID),
                col(Columns.ID).as(Columns.ORIGIN_ID),
                lit(1.0).as(Columns.CONTAINMENT),
                lit(1.0).as(Columns.JACCARD),
                lit("no copy found").as(Columns.ORIGIN_EVIDENCE));
    // One pass: the size comes from a window over the cluster, not a second aggregation and join.
    return clustered.unionByName(singles)
        .select(
            col(Columns.ID),
            col(Columns.OUTLET),
            col(Columns.CLUSTER_ID),
            count(lit(1)).over(org.apache.spark.sql.expressions.Window.partitionBy(col(Columns.CLUSTER_ID)))
                .cast("int").as(Columns.CLUSTER_SIZE),
            col(Columns.ORIGIN_ID),
            col(Columns.ID).equalTo(col(Columns.ORIGIN_ID)).as(Columns.IS_ORIGIN),
            col(Columns.CONTAINMENT),
            col(Columns.JACCARD),
            when(col(Columns.ID).equalTo(col(Columns.ORIGIN_ID)), col(Columns.ORIGIN_EVIDENCE)).as(Columns.ORIGIN_EVIDENCE));
  }

  /**
   * The {@code syndication_edges} table: {@code id_a < id_b, containment, jaccard}, and the
   * directional containments and shared-shingle count the clustering reads back.
   */
  public static Dataset<Row> edgeTable(Dataset<Row> edges) {
    return edges.select(
        col(Columns.ID_A), col(Columns.ID_B), col(Columns.CONTAINMENT), col(Columns.JACCARD),
        col(A_IN_B), col(B_IN_A), col(SHARED));
  }

  /** Up to this many copies, {@link #beyondOrigin} broadcasts the copy list (~100 bytes each). */
  static final long BROADCAST_COPIES = 2_000_000L;

  /** {@link #carried}'s column: how much of a copy row's count its origin has too. */
  public static final String CARRIED = "carried";

  /**
   * What each article has of its own beyond its origin's text: an origin (or an article nobody
   * copied) keeps every row; a copy keeps, per {@code keys} value, {@code max(0, count − origin's
   * count)} — the words or names it added or substituted, not the wire text it carried unchanged.
   *
   * <p>Requires per-article counts ({@code id, count} and the {@code keys} columns) and the clusters
   * table ({@code id, origin_id, is_origin}); returns rows with the counts' own columns.
   */
  public static Dataset<Row> beyondOrigin(Dataset<Row> counts, Dataset<Row> clusters, String... keys) {
    Copies copies = copies(clusters);
    String[] columns = counts.columns();
    Dataset<Row> ofCopies = carried(counts, copies, keys)
        .withColumn(Terms.COUNT, col(Terms.COUNT).minus(col(CARRIED)))
        .filter(col(Terms.COUNT).gt(0))
        .select(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length));
    Dataset<Row> ofOthers = counts.join(copies.rows(), counts.col(Columns.ID).equalTo(copies.rows().col(Columns.ID)), "left_anti");
    return ofOthers.unionByName(ofCopies);
  }

  /**
   * The rows of copies, each with {@link #CARRIED} = {@code min(count, origin's count)} for its
   * {@code keys} value (0 where the origin has none): the part of the count that is wire text.
   * {@link #beyondOrigin} keeps {@code count − carried}; callers that need only what copies lose
   * read these rows alone rather than every article's.
   *
   * <p>Requires per-article counts ({@code id, count} and the {@code keys} columns) and the clusters
   * table ({@code id, origin_id, is_origin}); returns the copies' rows with the counts' own columns,
   * {@code origin_id} and {@link #CARRIED}.
   */
  private static Dataset<Row> carried(Dataset<Row> counts, Copies copies, String... keys) {
    List<org.apache.spark.sql.Column> originCols = new ArrayList<>();
    originCols.add(col(Columns.ID).as(Columns.ORIGIN_ID));
    for (String k : keys) {
      originCols.add(col(k));
    }
    originCols.add(col(Terms.COUNT).as("origin_count"));
    // Only the rows of articles that some copy was taken from are joined (a small share of them).
    Dataset<Row> origin = counts
        .join(copies.originIds(), counts.col(Columns.ID).equalTo(col(ORIGIN)), "left_semi")
        .select(originCols.toArray(org.apache.spark.sql.Column[]::new));
    String[] joinKeys = new String[keys.length + 1];
    joinKeys[0] = Columns.ORIGIN_ID;
    System.arraycopy(keys, 0, joinKeys, 1, keys.length);
    return counts.join(copies.rows(), Columns.ID)
        .join(origin, joinKeys, "left")
        .withColumn(CARRIED, least(col(Terms.COUNT),
            org.apache.spark.sql.functions.coalesce(col("origin_count"), lit(0L))))
        .drop("origin_count");
  }

  /** {@code id, origin_id} of every copy, broadcast when there are few enough (see {@link #beyondOrigin}). */
  public static Dataset<Row> copyList(Dataset<Row> clusters) {
    return copies(clusters).rows();
  }

  /** {@link #withOriginText}'s columns: the origin's clean text (null but for copies), and whether the row is a copy. */
  public static final String ORIGIN_TEXT = "origin_text";

  public static final String IS_COPY = "is_copy";

  /**
   * Each article with its origin's text beside a copy's own, so a task can tell what the copy
   * carried without a join of its own: only the copies' and their origins' texts are shuffled to
   * meet (the copy list broadcast when small, as {@link #beyondOrigin} does); other articles stay
   * where they are read.
   *
   * <p>Requires {@code id} and {@code clean_text} (and any other columns, kept) and the clusters
   * table ({@code id, origin_id, is_origin}). Adds {@link #ORIGIN_TEXT} (null for a copy whose
   * origin is not among {@code texts}) and {@link #IS_COPY}.
   */
  public static Dataset<Row> withOriginText(Dataset<Row> texts, Dataset<Row> clusters) {
    Copies copies = copies(clusters);
    Dataset<Row> others = texts.join(copies.rows(), texts.col(Columns.ID).equalTo(copies.rows().col(Columns.ID)), "left_anti")
        .withColumn(ORIGIN_TEXT, lit(null).cast(DataTypes.StringType))
        .withColumn(IS_COPY, lit(false));
    Dataset<Row> originTexts = texts.join(copies.originIds(), texts.col(Columns.ID).equalTo(col(ORIGIN)), "left_semi")
        .select(col(Columns.ID).as(Columns.ORIGIN_ID), col(Columns.CLEAN_TEXT).as(ORIGIN_TEXT));
    Dataset<Row> ofCopies = texts.join(copies.rows(), Columns.ID)
        .join(originTexts, new String[] {Columns.ORIGIN_ID}, "left")
        .drop(Columns.ORIGIN_ID)
        .withColumn(IS_COPY, lit(true));
    return others.unionByName(ofCopies);
  }

  /**
   * {@code id, origin_id} (and the {@code also} columns) of every copy, and the distinct origin ids
   * ({@link #ORIGIN}); both broadcast when there are at most {@link #BROADCAST_COPIES} copies (a few
   * bytes each), so the per-article rows or texts are not shuffled to find out which are copies' or
   * origins'.
   */
  private static Copies copies(Dataset<Row> clusters, String... also) {
    String[] columns = new String[also.length + 1];
    columns[0] = Columns.ORIGIN_ID;
    System.arraycopy(also, 0, columns, 1, also.length);
    Dataset<Row> copies = clusters.filter(col(Columns.IS_ORIGIN).equalTo(false)).select(Columns.ID, columns);
    Dataset<Row> originIds = copies.select(col(Columns.ORIGIN_ID).as(ORIGIN)).distinct();
    if (copies.count() <= BROADCAST_COPIES) {
      return new Copies(org.apache.spark.sql.functions.broadcast(copies), org.apache.spark.sql.functions.broadcast(originIds));
    }
    return new Copies(copies, originIds);
  }

  /** {@link Copies#originIds}' column, named apart from the counts' and texts' own columns. */
  private static final String ORIGIN = "_nf_origin";

  private record Copies(Dataset<Row> rows, Dataset<Row> originIds) {}

  /** Schema of one entry of an edit diff. */
  public static final StructType EDIT =
      new StructType()
          .add("position", DataTypes.IntegerType)
          .add("op", DataTypes.StringType)
          .add("origin_sentence", DataTypes.IntegerType)
          .add("copy_sentence", DataTypes.IntegerType)
          .add("origin_text", DataTypes.StringType)
          .add("copy_text", DataTypes.StringType)
          .add("changes", DataTypes.createArrayType(DataTypes.StringType));

  /**
   * The edit diff of every copy against its cluster's origin, sentence by sentence (see {@link
   * org.newsframe.text.EditDiff}).
   *
   * <p>Requires the clusters table and articles with {@link Columns#CLEAN_TEXT}. Returns {@code
   * cluster_id, copy_id, origin_id, position, op, origin_sentence, copy_sentence, origin_text,
   * copy_text, changes}.
   */
  public static Dataset<Row> edits(Dataset<Row> clusters, Dataset<Row> articles, SyndicationParams params) {
    Dataset<Row> texts = articles.select(Columns.ID, Columns.CLEAN_TEXT);
    UserDefinedFunction diff =
        udf(new EditsFn(params.shingleSize()), DataTypes.createArrayType(EDIT)).withName("newsframe_edit_diff");
    // Only copies' and origins' texts are shuffled to meet — not every article's text (4 GB at 1M
    // articles), twice.
    Copies copies = copies(clusters, Columns.CLUSTER_ID);
    Dataset<Row> copyTexts = texts.join(copies.rows(), Columns.ID)
        .withColumnRenamed(Columns.ID, "copy_id").withColumnRenamed(Columns.CLEAN_TEXT, "copy_clean");
    Dataset<Row> originTexts = texts.join(copies.originIds(), texts.col(Columns.ID).equalTo(col(ORIGIN)), "left_semi")
        .withColumnRenamed(Columns.ID, Columns.ORIGIN_ID).withColumnRenamed(Columns.CLEAN_TEXT, "origin_clean");
    return copyTexts.join(originTexts, Columns.ORIGIN_ID)
        .select(col(Columns.CLUSTER_ID), col("copy_id"), col(Columns.ORIGIN_ID),
            explode(diff.apply(col("origin_clean"), col("copy_clean"))).as("e"))
        .select(col(Columns.CLUSTER_ID), col("copy_id"), col(Columns.ORIGIN_ID), col("e.*"));
  }

  /** Diffs a copy against its origin. */
  static final class EditsFn implements UDF2<String, String, scala.collection.immutable.Seq<Row>> {
    private static final long serialVersionUID = 1L;
    private final int shingleSize;
    private transient org.newsframe.text.EditDiff diff;

    EditsFn(int shingleSize) {
      this.shingleSize = shingleSize;
    }

    @Override
    public scala.collection.immutable.Seq<Row> call(String origin, String copy) {
      if (diff == null) {
        diff = new org.newsframe.text.EditDiff(Shingler.bundled(shingleSize));
      }
      List<Row> out = new ArrayList<>();
      for (org.newsframe.text.EditDiff.Op op : diff.diff(origin == null ? "" : origin, copy == null ? "" : copy)) {
        out.add(RowFactory.create(op.position(), op.op(), op.originSentence(), op.copySentence(),
            op.originText(), op.copyText(), Clean.seq(op.changes())));
      }
      return Clean.seq(out);
    }
  }

  /**
   * Computes shingles, signature, band keys and credits per partition (one Shingler per task). The
   * arrays are handed to Spark as Java primitive arrays, which its row encoder copies as they are
   * (a sequence would be boxed element by element, ~800 fingerprints an article).
   */
  static final class SignatureFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SyndicationParams params;

    SignatureFn(SyndicationParams params) {
      this.params = params;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Shingler shingler = Shingler.bundled(params.shingleSize());
      MinHash minHash = params.minHash();
      return Clean.mapped(rows, r -> {
        String text = r.isNullAt(3) ? "" : r.getString(3);
        long[] set = shingler.shingles(text).matchingSet(params.minUnquoted());
        long[] sig = minHash.signature(set);
        long[] keys = set.length == 0 ? new long[0] : minHash.bandKeys(sig);
        return RowFactory.create(
            r.getString(0), org.newsframe.text.Hashing.hash64(r.getString(0)), r.getString(1), r.get(2),
            MinHash.fingerprints(set), sig, keys,
            Clean.seq(WireCredits.find(text)));
      });
    }
  }

  /**
   * Scans rows sorted by band key and emits every pair {@code (a, b, 0)}, {@code a < b}, of
   * article keys that share a band key; a bucket of more than {@code maxBucket} articles yields
   * one row instead, {@code (band key, 0, its article count)} ({@link #BUCKETS}).
   */
  static final class BucketPairsFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int maxBucket;

    BucketPairsFn(int maxBucket) {
      this.maxBucket = maxBucket;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        private final long[] bucket = new long[maxBucket + 1];
        private int size;
        private long bandKey;
        private boolean started;
        private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();

        @Override
        public boolean hasNext() {
          while (pending.isEmpty() && (rows.hasNext() || size > 0)) {
            if (!rows.hasNext()) {
              flush();
              break;
            }
            Row r = rows.next();
            long band = r.getLong(0);
            if (started && band != bandKey) {
              flush();
            }
            started = true;
            bandKey = band;
            if (size <= maxBucket) {
              bucket[size] = r.getLong(1);
            }
            size++;
          }
          return !pending.isEmpty();
        }

        private void flush() {
          if (size > maxBucket) {
            pending.add(RowFactory.create(bandKey, 0L, size));
          } else if (size >= 2) {
            for (int i = 0; i < size; i++) {
              for (int j = i + 1; j < size; j++) {
                if (bucket[i] != bucket[j]) {
                  pending.add(RowFactory.create(Math.min(bucket[i], bucket[j]), Math.max(bucket[i], bucket[j]), 0));
                }
              }
            }
          }
          size = 0;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return pending.poll();
        }
      };
    }
  }
}
