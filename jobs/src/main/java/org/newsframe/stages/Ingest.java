package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.year;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.newsframe.io.ColumnMapping;
import org.newsframe.io.Columns;
import org.newsframe.text.OutletNames;

/** The stages of {@code ingest} between reading a source and validating its rows. */
public final class Ingest {

  /** Prefix for an input column that had a canonical name but was not the one mapped to it. */
  public static final String DISPLACED_PREFIX = "source_";

  private Ingest() {}

  /**
   * Renames mapped input columns to their canonical names.
   *
   * <p>Requires the columns the mapping names. An input column that already bears a canonical name
   * but is not the one mapped to it (say {@code text} when {@code --map text=body}) is kept as
   * {@code source_text}, so nothing is lost.
   */
  public static Dataset<Row> renameToCanonical(Dataset<Row> raw, ColumnMapping mapping) {
    Dataset<Row> out = raw;
    List<String> columns = Arrays.asList(raw.columns());
    for (Map.Entry<String, String> e : mapping.asMap().entrySet()) {
      String canonical = e.getKey();
      String source = e.getValue();
      if (source.equals(canonical)) {
        continue;
      }
      if (columns.contains(canonical)) {
        out = out.withColumnRenamed(canonical, DISPLACED_PREFIX + canonical);
      }
      out = out.withColumnRenamed(source, canonical);
    }
    return out;
  }

  /**
   * Replaces {@link Columns#OUTLET} with its canonical name from the outlet dictionary, taking the
   * URL's host where the outlet is missing.
   *
   * <p>Requires {@link Columns#OUTLET} or {@link Columns#URL} (either may be absent, not both);
   * afterwards {@link Columns#OUTLET} exists.
   */
  public static Dataset<Row> canonicalOutlets(Dataset<Row> articles, OutletNames names) {
    List<String> columns = Arrays.asList(articles.columns());
    UserDefinedFunction canonical =
        udf((UDF2<String, String, String>) names::canonical, DataTypes.StringType)
            .withName("newsframe_canonical_outlet");
    Column outlet = columns.contains(Columns.OUTLET) ? col(Columns.OUTLET).cast("string") : lit(null).cast("string");
    Column url = columns.contains(Columns.URL) ? col(Columns.URL).cast("string") : lit(null).cast("string");
    return articles.withColumn(Columns.OUTLET, canonical.apply(outlet, url));
  }

  /**
   * Adds {@link Columns#PUBLISHED_YEAR} and {@link Columns#PUBLISHED_MONTH} (null when the date
   * is), the partition columns of an ingested corpus. Requires {@link Columns#PUBLISHED} as a date.
   */
  public static Dataset<Row> withPublishedPartitions(Dataset<Row> articles) {
    return articles
        .withColumn(Columns.PUBLISHED_YEAR, year(col(Columns.PUBLISHED)))
        .withColumn(Columns.PUBLISHED_MONTH, month(col(Columns.PUBLISHED)));
  }
}
