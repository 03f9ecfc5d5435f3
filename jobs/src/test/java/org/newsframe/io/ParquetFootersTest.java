package org.newsframe.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.RowGroup;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;

class ParquetFootersTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private Path onePart() throws IOException {
    Path dir = tmp.resolve("t");
    Fixtures.strings(List.of("id", "outlet", "text"), new Object[] {"a", "AP", "x"}, new Object[] {"b", null, "y y"},
            new Object[] {"c", "AP", null})
        .coalesce(1).write().parquet(dir.toString());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  @Test
  void encodingsInAnyOrderEndAsOneFileWithTheSameRows() throws IOException {
    Path file = onePart();
    FileSystem fs = FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file.toString());
    List<Row> rows = spark.read().parquet(file.toString()).orderBy("id").collectAsList();

    ParquetFooters.normalise(fs, p);
    byte[] sorted = Files.readAllBytes(file);
    assertThat(ParquetFooters.normalise(fs, p)).as("already in order: left alone").isFalse();

    // What another JVM's HashSet order looks like: every column's encodings reversed.
    assertThat(ParquetFooters.rewrite(fs, p, md -> {
      for (RowGroup g : md.getRow_groups()) {
        for (ColumnChunk c : g.getColumns()) {
          Collections.reverse(c.getMeta_data().getEncodings());
        }
      }
      return md;
    })).as("the reversed footer differs (columns have several encodings)").isTrue();
    assertThat(Files.readAllBytes(file)).isNotEqualTo(sorted);
    assertThat(spark.read().parquet(file.toString()).orderBy("id").collectAsList()).isEqualTo(rows);

    assertThat(ParquetFooters.normalise(fs, p)).isTrue();
    assertThat(Files.readAllBytes(file)).isEqualTo(sorted);
    assertThat(spark.read().parquet(file.toString()).orderBy("id").collectAsList()).isEqualTo(rows);
  }
}
