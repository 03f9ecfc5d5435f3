package org.newsframe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Tiny inline tables for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A table of string columns; each row is given as its values in column order. */
  public static Dataset<Row> strings(List<String> columns, Object[]... rows) {
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    return table(schema, rows);
  }

  public static Dataset<Row> table(StructType schema, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return TestSpark.session().createDataFrame(list, schema);
  }

  /** The canonical article columns, as strings, in order. */
  public static final List<String> ARTICLE_COLUMNS =
      Arrays.asList("id", "outlet", "published", "title", "text", "url", "lang");

  public static Object[] article(String id, String outlet, String published, String text) {
    return new Object[] {id, outlet, published, null, text, null, null};
  }
}
