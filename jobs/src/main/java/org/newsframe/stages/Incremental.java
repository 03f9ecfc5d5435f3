package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newsframe.io.Columns;
import org.newsframe.io.RejectReason;

/**
 * What a dated run ({@code run --date}) does differently: new articles are matched against the
 * articles carried over from the previous output's window, never the other way round.
 */
public final class Incremental {

  private Incremental() {}

  /**
   * Marks {@code duplicate_id} the new rows whose id an article carried over already has.
   *
   * <p>Requires {@link Columns#ID}, {@link Columns#REASON} (rows marked by {@link Validation}); the
   * carried ids ({@code id}). Adds nothing; a row already rejected keeps its first reason.
   */
  public static Dataset<Row> markKnownIds(Dataset<Row> marked, Dataset<Row> carriedIds) {
    Dataset<Row> known = carriedIds.select(col(Columns.ID).as("_nf_known")).distinct();
    return marked
        .join(known, marked.col(Columns.ID).equalTo(known.col("_nf_known")), "left")
        .withColumn(Columns.REASON,
            when(col(Columns.REASON).isNull().and(col("_nf_known").isNotNull()), lit(RejectReason.DUPLICATE_ID.code()))
                .otherwise(col(Columns.REASON)))
        .drop("_nf_known");
  }

  /**
   * The candidate pairs with at least one new article: pairs of two carried articles were
   * compared by an earlier run, whose verified edges are carried over instead.
   *
   * <p>Requires {@code id_a, id_b} and the new articles' ids ({@code id}); returns the pairs' rows.
   */
  public static Dataset<Row> touching(Dataset<Row> pairs, Dataset<Row> newIds) {
    Dataset<Row> ids = newIds.select(Columns.ID);
    return pairs.join(ids.withColumnRenamed(Columns.ID, Columns.ID_A), Columns.ID_A, "left_semi")
        .unionByName(pairs.join(ids.withColumnRenamed(Columns.ID, Columns.ID_B), Columns.ID_B, "left_semi"))
        .distinct();
  }

  /**
   * The edges whose two articles are both carried over (an edge to an article that left the window,
   * or that this run reprocesses, is dropped with it).
   *
   * <p>Requires {@code id_a, id_b} and the carried ids ({@code id}).
   */
  public static Dataset<Row> within(Dataset<Row> edges, Dataset<Row> carriedIds) {
    Dataset<Row> ids = carriedIds.select(Columns.ID);
    return edges.join(ids.withColumnRenamed(Columns.ID, Columns.ID_A), Columns.ID_A, "left_semi")
        .join(ids.withColumnRenamed(Columns.ID, Columns.ID_B), Columns.ID_B, "left_semi");
  }
}
