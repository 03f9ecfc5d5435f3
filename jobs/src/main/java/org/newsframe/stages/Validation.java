package org.newsframe.stages;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.newsframe.io.Columns;
import org.newsframe.io.RejectReason;

/** Row-level checks that decide which articles are quarantined, and why. */
public final class Validation {

  private static final String RANK = "_nf_rank";

  private Validation() {}

  /**
   * Marks each row with the first rule it breaks.
   *
   * <p>Requires the canonical columns (see {@code ArticleSchema}); uses {@link
   * Columns#CORRUPT_RECORD} and {@link Columns#SOURCE_PROBLEM} when present. Adds {@link Columns#REASON}: a {@link RejectReason} code,
   * or null for a row that may go on. Duplicate ids are left to {@link #markDuplicateIds}, since
   * which copy survives must be chosen among valid rows only.
   */
  public static Dataset<Row> markInvalidRows(Dataset<Row> articles) {
    Column reason =
        when(blank(Columns.ID), lit(RejectReason.MISSING_ID.code()))
            .when(blank(Columns.OUTLET), lit(RejectReason.MISSING_OUTLET.code()))
            .when(blank(Columns.TEXT), lit(RejectReason.EMPTY_TEXT.code()));
    List<String> columns = Arrays.asList(articles.columns());
    if (columns.contains(Columns.SOURCE_PROBLEM)) {
      reason = when(col(Columns.SOURCE_PROBLEM).isNotNull(), col(Columns.SOURCE_PROBLEM)).otherwise(reason);
    }
    if (columns.contains(Columns.CORRUPT_RECORD)) {
      // A malformed record has nulls where its fields should be: name the real cause first.
      reason =
          when(col(Columns.CORRUPT_RECORD).isNotNull(), lit(RejectReason.MALFORMED_RECORD.code()))
              .otherwise(reason);
    }
    return articles.withColumn(Columns.REASON, reason);
  }

  /**
   * Among rows not yet rejected, keeps one row per id and marks the rest {@code duplicate_id}.
   *
   * <p>Requires {@link Columns#REASON}, {@link Columns#ID}, {@link Columns#TEXT}, {@link
   * Columns#PUBLISHED}. The survivor is the same whatever the partitioning: the longest text, then
   * the earliest date, then the smallest hash of the whole row.
   */
  public static Dataset<Row> markDuplicateIds(Dataset<Row> marked) {
    Column[] everyColumn =
        Arrays.stream(marked.columns())
            .filter(c -> !c.equals(Columns.REASON))
            .map(c -> col("`" + c + "`"))
            .toArray(Column[]::new);
    WindowSpec byId =
        Window.partitionBy(col(Columns.ID), col(Columns.REASON).isNull())
            .orderBy(
                length(col(Columns.TEXT)).desc(),
                col(Columns.PUBLISHED).asc_nulls_last(),
                sha2(to_json(struct(everyColumn)), 256).asc());
    return marked
        .withColumn(RANK, row_number().over(byId))
        .withColumn(
            Columns.REASON,
            when(
                    col(Columns.REASON).isNull().and(col(RANK).gt(1)),
                    lit(RejectReason.DUPLICATE_ID.code()))
                .otherwise(col(Columns.REASON)))
        .drop(RANK);
  }

  /** Both checks: {@link #markInvalidRows} then {@link #markDuplicateIds}. */
  public static Dataset<Row> markRejects(Dataset<Row> articles) {
    return markDuplicateIds(markInvalidRows(articles));
  }

  /** The rows that passed, without {@link Columns#REASON} and the readers' problem columns. */
  public static Dataset<Row> accepted(Dataset<Row> marked) {
    return marked
        .filter(col(Columns.REASON).isNull())
        .drop(Columns.REASON, Columns.CORRUPT_RECORD, Columns.SOURCE_PROBLEM);
  }

  /** The rows that failed, whole, with their {@link Columns#REASON}. */
  public static Dataset<Row> rejected(Dataset<Row> marked) {
    return marked.filter(col(Columns.REASON).isNotNull());
  }

  /** Characters that do not make a value non-blank (Spark's plain trim strips spaces only). */
  private static final String WHITESPACE = " \t\n\r\u000B\f\u00A0\u2007\u202F\u3000\uFEFF";

  private static Column blank(String column) {
    return col(column).isNull().or(btrim(col(column), lit(WHITESPACE)).equalTo(""));
  }
}
