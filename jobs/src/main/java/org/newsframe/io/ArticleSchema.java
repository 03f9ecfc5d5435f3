package org.newsframe.io;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The canonical article schema. Inputs may carry further columns; they are passed through untouched
 * after these, in their input order.
 */
public final class ArticleSchema {

  /** One canonical column. */
  public record Field(String name, DataType type, boolean required) {}

  public static final List<Field> FIELDS =
      List.of(
          new Field(Columns.ID, DataTypes.StringType, true),
          new Field(Columns.OUTLET, DataTypes.StringType, true),
          new Field(Columns.PUBLISHED, DataTypes.DateType, false),
          new Field(Columns.TITLE, DataTypes.StringType, false),
          new Field(Columns.TEXT, DataTypes.StringType, true),
          new Field(Columns.URL, DataTypes.StringType, false),
          new Field(Columns.LANG, DataTypes.StringType, false));

  public static final List<String> NAMES = FIELDS.stream().map(Field::name).toList();

  public static final List<String> REQUIRED =
      FIELDS.stream().filter(Field::required).map(Field::name).toList();

  /** The canonical columns as a Spark schema (all nullable: required-ness is checked row by row). */
  public static final StructType STRUCT =
      new StructType(
          FIELDS.stream()
              .map(f -> new StructField(f.name(), f.type(), true, Metadata.empty()))
              .toArray(StructField[]::new));

  public static boolean isCanonical(String column) {
    return NAMES.contains(column);
  }

  private ArticleSchema() {}
}
