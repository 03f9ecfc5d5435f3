package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.newsframe.NewsframeException;
import org.newsframe.io.ArticleSchema;
import org.newsframe.io.Columns;
import org.newsframe.text.Dates;

/** Brings a table whose columns already carry canonical names to the canonical article schema. */
public final class Conform {

  /** Holds the original value of a {@code published} string that is not a recognisable date. */
  public static final String PUBLISHED_RAW = "published_raw";

  private static final UserDefinedFunction PARSE_DATE =
      udf((UDF1<String, java.sql.Date>) Dates::parseSql, DataTypes.DateType)
          .withName("newsframe_parse_date");

  private Conform() {}

  /**
   * Checks and converts the canonical columns, then puts them first.
   *
   * <p>Requires {@code id}, {@code outlet} and {@code text}. A numeric or boolean value where a
   * string is expected is cast; {@code published} may be a date, a timestamp or a string in any
   * format {@link Dates} reads — a string it cannot read becomes null, and the string is kept in
   * {@value #PUBLISHED_RAW} so nothing is lost. Missing optional columns are added as nulls. Other
   * columns follow, untouched, in input order.
   *
   * @throws NewsframeException naming a missing required column (with the columns found), or a
   *     column whose type cannot be converted
   */
  public static Dataset<Row> toArticleSchema(Dataset<Row> input, String inputName) {
    List<String> found = Arrays.asList(input.columns());
    for (String required : ArticleSchema.REQUIRED) {
      if (!found.contains(required)) {
        throw new NewsframeException(
            inputName + ": required column '" + required + "' is missing; columns found: " + found);
      }
    }
    Dataset<Row> out = input;
    List<Column> ordered = new ArrayList<>();
    for (ArticleSchema.Field field : ArticleSchema.FIELDS) {
      String name = field.name();
      if (!found.contains(name)) {
        ordered.add(lit(null).cast(field.type()).as(name));
        continue;
      }
      DataType actual = input.schema().apply(name).dataType();
      if (name.equals(Columns.PUBLISHED)) {
        if (actual.equals(DataTypes.StringType) && !found.contains(PUBLISHED_RAW)) {
          Column parsed = PARSE_DATE.apply(col(name));
          out =
              out.withColumn(
                      PUBLISHED_RAW,
                      when(parsed.isNull().and(trim(col(name)).notEqual("")), col(name)))
                  .withColumn(name, parsed);
        } else {
          out = out.withColumn(name, toDate(name, actual, inputName));
        }
      } else if (!actual.equals(field.type())) {
        out = out.withColumn(name, castAtomic(name, actual, field.type(), inputName));
      }
      ordered.add(col(name));
    }
    for (StructField f : out.schema().fields()) {
      if (!ArticleSchema.isCanonical(f.name())) {
        ordered.add(col("`" + f.name() + "`"));
      }
    }
    return out.select(ordered.toArray(Column[]::new));
  }

  private static Column toDate(String name, DataType actual, String inputName) {
    if (actual.equals(DataTypes.DateType)) {
      return col(name);
    }
    if (actual.equals(DataTypes.TimestampType) || actual.equals(DataTypes.TimestampNTZType)) {
      return to_date(col(name));
    }
    if (actual.equals(DataTypes.StringType)) {
      return PARSE_DATE.apply(col(name));
    }
    if (actual.equals(DataTypes.NullType)) {
      return lit(null).cast(DataTypes.DateType);
    }
    throw wrongType(name, actual, "a date, a timestamp or a date string", inputName);
  }

  private static Column castAtomic(String name, DataType actual, DataType wanted, String inputName) {
    if (actual instanceof AtomicType || actual.equals(DataTypes.NullType)) {
      return col(name).cast(wanted);
    }
    throw wrongType(name, actual, wanted.simpleString(), inputName);
  }

  private static NewsframeException wrongType(
      String name, DataType actual, String wanted, String inputName) {
    return new NewsframeException(
        inputName + ": column '" + name + "' has type " + actual.simpleString() + "; expected "
            + wanted);
  }
}
