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

  /** Cleaned articles as the text stages read them: {@code id, outlet, clean_text}. */
  public static final StructType CLEANED =
      new StructType()
          .add(org.newsframe.io.Columns.ID, DataTypes.StringType)
          .add(org.newsframe.io.Columns.OUTLET, DataTypes.StringType)
          .add(org.newsframe.io.Columns.CLEAN_TEXT, DataTypes.StringType);

  /** The part of {@code syndication_clusters} the counting modes read: {@code id, origin_id, is_origin}. */
  public static final StructType CLUSTER_ROLES =
      new StructType()
          .add(org.newsframe.io.Columns.ID, DataTypes.StringType)
          .add(org.newsframe.io.Columns.ORIGIN_ID, DataTypes.StringType)
          .add(org.newsframe.io.Columns.IS_ORIGIN, DataTypes.BooleanType);

  public static Object[] article(String id, String outlet, String published, String text) {
    return new Object[] {id, outlet, published, null, text, null, null};
  }

  /** An article as a line of a JSONL source corpus (the bench corpora's fields); add more with {@code put}. */
  public static java.util.Map<String, Object> jsonArticle(String docId, String outlet, String published, String title, String text) {
    java.util.Map<String, Object> a = new java.util.LinkedHashMap<>();
    a.put("doc_id", docId);
    a.put("outlet", outlet);
    a.put("published", published);
    a.put("title", title);
    a.put("text", text);
    return a;
  }

  /** Writes the articles as a JSONL corpus, a line each, and returns {@code file}. */
  public static java.nio.file.Path jsonl(java.nio.file.Path file, List<java.util.Map<String, Object>> articles) throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> lines = new ArrayList<>(articles.size());
    for (java.util.Map<String, Object> a : articles) {
      lines.add(json.writeValueAsString(a));
    }
    return java.nio.file.Files.write(file, lines);
  }
}
