package org.newsframe.stages;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.newsframe.io.Columns;
import org.newsframe.text.MinHash;

/**
 * Pairwise precision and recall of syndication clusters against the labels of {@code
 * generate-copies}. Truth: an original and its copies are one group (every pair in it is a copy
 * pair); a distractor is a group of its own. Pairs are judged where at least one side is generated
 * (a copy or a distractor), since pairs between source articles have no labels. Recall is also
 * given for the truth pairs whose exact containment reaches the target (the pairs syndication
 * promises to find). A predicted pair the labels do not explain counts as right only when the two
 * originals behind it are themselves copies (exact containment at the target): source corpora
 * carry real wire copies and duplicates.
 */
public final class SyndicationEvaluation {

  private SyndicationEvaluation() {}

  /** The figures, with their counts. */
  public record Result(
      long predictedPairs, long truePositives, long copiesInSource, long truthPairs, long truthPairsAtTarget, long foundAtTarget,
      double precision, double recall, double recallAtTarget) {
    public Map<String, Object> describe() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("predicted_pairs", predictedPairs);
      m.put("true_positive_pairs", truePositives);
      m.put("true_positives_from_copies_in_source", copiesInSource);
      m.put("truth_pairs", truthPairs);
      m.put("truth_pairs_at_target", truthPairsAtTarget);
      m.put("found_at_target", foundAtTarget);
      m.put("precision", precision);
      m.put("recall", recall);
      m.put("recall_at_target", recallAtTarget);
      return m;
    }
  }

  /**
   * @param clusters {@code id, cluster_id} for every article
   * @param labels {@code id, copy_of, synthetic} for every article
   * @param shingles {@code id, shingles} (see {@link Syndication#signatures})
   */
  public static Result evaluate(Dataset<Row> clusters, Dataset<Row> labels, Dataset<Row> shingles, double minContainment) {
    Dataset<Row> l = truth(labels);
    Dataset<Row> c = clusters.select(Columns.ID, Columns.CLUSTER_ID).join(l, Columns.ID).cache();
    try {
      UserDefinedFunction containment = containment();
      Dataset<Row> s = shingles.select(Columns.ID, Syndication.SHINGLES);

      Dataset<Row> predicted =
          pairs(c, Columns.CLUSTER_ID).filter(col("generated_a").or(col("generated_b"))).cache();
      long predictedPairs = predicted.count();
      long labelled = predicted.filter(col("truth_a").equalTo(col("truth_b"))).count();
      // A pair the labels do not explain is still right when the two originals behind it are
      // copies of each other already in the source corpus (real wire copies, exact duplicates).
      long inSource =
          predicted.filter(col("truth_a").notEqual(col("truth_b")))
              .join(s.withColumnRenamed(Columns.ID, "truth_a").withColumnRenamed(Syndication.SHINGLES, "ta"), "truth_a")
              .join(s.withColumnRenamed(Columns.ID, "truth_b").withColumnRenamed(Syndication.SHINGLES, "tb"), "truth_b")
              .filter(containment.apply(col("ta"), col("tb")).geq(minContainment))
              .count();
      predicted.unpersist();
      long tp = labelled + inSource;
      Dataset<Row> truth =
          pairs(c, "truth")
              .join(s.withColumnRenamed(Columns.ID, "id_a").withColumnRenamed(Syndication.SHINGLES, "sa"), "id_a")
              .join(s.withColumnRenamed(Columns.ID, "id_b").withColumnRenamed(Syndication.SHINGLES, "sb"), "id_b")
              .withColumn("c", containment.apply(col("sa"), col("sb")))
              .withColumn("found", col(Columns.CLUSTER_ID + "_a").equalTo(col(Columns.CLUSTER_ID + "_b")))
              .select("c", "found")
              .cache();
      long truthPairs = truth.count();
      long found = truth.filter(col("found")).count();
      Dataset<Row> atTarget = truth.filter(col("c").geq(minContainment));
      long truthAtTarget = atTarget.count();
      long foundAtTarget = atTarget.filter(col("found")).count();
      truth.unpersist();
      return new Result(predictedPairs, tp, inSource, truthPairs, truthAtTarget, foundAtTarget,
          ratio(tp, predictedPairs), ratio(found, truthPairs), ratio(foundAtTarget, truthAtTarget));
    } finally {
      c.unpersist();
    }
  }

  /**
   * Predicted pairs that the labels say are not copies, for looking at by eye: {@code id_a, id_b,
   * cluster_id}.
   */
  public static Dataset<Row> falsePositives(Dataset<Row> clusters, Dataset<Row> labels) {
    Dataset<Row> l = truth(labels);
    Dataset<Row> c = clusters.select(Columns.ID, Columns.CLUSTER_ID).join(l, Columns.ID);
    return pairs(c, Columns.CLUSTER_ID)
        .filter(col("generated_a").or(col("generated_b")))
        .filter(col("truth_a").notEqual(col("truth_b")))
        .select(col("id_a"), col("id_b"), col(Columns.CLUSTER_ID + "_a").as(Columns.CLUSTER_ID));
  }

  /**
   * Labelled copy pairs that ended in different clusters, with their exact containment, for
   * looking at by eye: {@code id_a, id_b, containment}.
   */
  public static Dataset<Row> missedPairs(Dataset<Row> clusters, Dataset<Row> labels, Dataset<Row> shingles) {
    Dataset<Row> l = truth(labels).drop("generated");
    UserDefinedFunction containment = containment();
    Dataset<Row> s = shingles.select(Columns.ID, Syndication.SHINGLES);
    return pairs(clusters.select(Columns.ID, Columns.CLUSTER_ID).join(l, Columns.ID), "truth")
        .filter(col(Columns.CLUSTER_ID + "_a").notEqual(col(Columns.CLUSTER_ID + "_b")))
        .join(s.withColumnRenamed(Columns.ID, "id_a").withColumnRenamed(Syndication.SHINGLES, "sa"), "id_a")
        .join(s.withColumnRenamed(Columns.ID, "id_b").withColumnRenamed(Syndication.SHINGLES, "sb"), "id_b")
        .select(col("id_a"), col("id_b"), containment.apply(col("sa"), col("sb")).as(Columns.CONTAINMENT));
  }

  /**
   * {@code id, truth, generated}: an original and its copies share a truth group; a distractor is
   * a group of its own.
   */
  private static Dataset<Row> truth(Dataset<Row> labels) {
    return labels.select(
        col(Columns.ID),
        when(col(Columns.SYNTHETIC).equalTo("distractor"), col(Columns.ID))
            .otherwise(coalesce(col(Columns.COPY_OF), col(Columns.ID))).as("truth"),
        col(Columns.SYNTHETIC).isNotNull().as("generated"));
  }

  /** Exact containment of two fingerprint arrays (see {@link Syndication#signatures}). */
  private static UserDefinedFunction containment() {
    return udf((UDF2<scala.collection.immutable.Seq<Object>, scala.collection.immutable.Seq<Object>, Double>)
            (a, b) -> MinHash.containmentAndJaccard(Syndication.toInts(a), Syndication.toInts(b))[0],
        DataTypes.DoubleType);
  }

  /** Pairs {@code a < b} of rows with the same {@code key}, each side's columns suffixed. */
  private static Dataset<Row> pairs(Dataset<Row> rows, String key) {
    Dataset<Row> a = suffix(rows, "_a");
    Dataset<Row> b = suffix(rows, "_b");
    return a.join(b, a.col(key + "_a").equalTo(b.col(key + "_b")).and(a.col("id_a").lt(b.col("id_b"))));
  }

  private static Dataset<Row> suffix(Dataset<Row> rows, String suffix) {
    Dataset<Row> out = rows;
    for (String c : rows.columns()) {
      out = out.withColumnRenamed(c, c + suffix);
    }
    return out;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 1.0 : (double) a / b;
  }
}
