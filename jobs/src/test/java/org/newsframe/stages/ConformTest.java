package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.NewsframeException;
import org.newsframe.io.ArticleSchema;

class ConformTest {

  @Test
  void aMissingRequiredColumnIsNamedWithTheColumnsFound() {
    Dataset<Row> input = Fixtures.strings(List.of("id", "outlet", "body"), new Object[] {"1", "AP", "x"});
    assertThatThrownBy(() -> Conform.toArticleSchema(input, "corpus.parquet"))
        .isInstanceOf(NewsframeException.class)
        .hasMessage("corpus.parquet: required column 'text' is missing; columns found: [id, outlet, body]");
  }

  @Test
  void aColumnOfTheWrongTypeIsAnError() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("outlet", DataTypes.StringType)
            .add("text", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> input = Fixtures.table(schema, new Object[] {"1", "AP", scala.jdk.javaapi.CollectionConverters.asScala(List.of("a")).toSeq()});
    assertThatThrownBy(() -> Conform.toArticleSchema(input, "in"))
        .isInstanceOf(NewsframeException.class)
        .hasMessage("in: column 'text' has type array<string>; expected string");

    StructType badDate =
        new StructType().add("id", DataTypes.StringType).add("outlet", DataTypes.StringType)
            .add("text", DataTypes.StringType).add("published", DataTypes.createArrayType(DataTypes.IntegerType));
    assertThatThrownBy(() -> Conform.toArticleSchema(Fixtures.table(badDate), "in"))
        .hasMessageContaining("column 'published' has type array<int>");
  }

  @Test
  void convertsTypesAndPutsCanonicalColumnsFirst() {
    StructType schema =
        new StructType()
            .add("extra", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("id", DataTypes.LongType)
            .add("outlet", DataTypes.StringType)
            .add("published", DataTypes.TimestampType);
    Dataset<Row> out =
        Conform.toArticleSchema(
            Fixtures.table(schema, new Object[] {"e", "t", 42L, "AP", Timestamp.valueOf("2017-06-09 23:00:00")}), "in");
    assertThat(out.schema().fieldNames())
        .containsExactly("id", "outlet", "published", "title", "text", "url", "lang", "extra");
    assertThat(out.schema().apply("id").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(out.schema().apply("published").dataType()).isEqualTo(DataTypes.DateType);
    Row r = out.first();
    assertThat(r.<String>getAs("id")).isEqualTo("42");
    assertThat(r.<Date>getAs("published")).isEqualTo(Date.valueOf("2017-06-09"));
    assertThat(r.<String>getAs("title")).isNull();
    assertThat(r.<String>getAs("extra")).isEqualTo("e");
    for (ArticleSchema.Field f : ArticleSchema.FIELDS) {
      assertThat(out.schema().apply(f.name()).dataType()).as(f.name()).isEqualTo(f.type());
    }
  }

  @Test
  void dateStringsAreParsedAndUnreadableOnesKept() {
    Dataset<Row> input =
        Fixtures.strings(
            List.of("id", "outlet", "text", "published"),
            new Object[] {"a", "AP", "t", "6/9/17"},
            new Object[] {"b", "AP", "t", "Fri, 9 Jun 2017 10:00:00 GMT"},
            new Object[] {"c", "AP", "t", "last Tuesday"},
            new Object[] {"d", "AP", "t", null});
    List<Row> rows = Conform.toArticleSchema(input, "in").orderBy("id").collectAsList();
    assertThat(rows).extracting(r -> String.valueOf((Object) r.getAs("published")))
        .containsExactly("2017-06-09", "2017-06-09", "null", "null");
    assertThat(rows).extracting(r -> r.<String>getAs(Conform.PUBLISHED_RAW))
        .containsExactly(null, null, "last Tuesday", null);
  }
}
