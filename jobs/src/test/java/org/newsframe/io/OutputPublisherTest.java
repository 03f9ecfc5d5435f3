package org.newsframe.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.NewsframeException;
import org.newsframe.TestSpark;

class OutputPublisherTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private Dataset<Row> table(String... ids) {
    Object[][] rows = new Object[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      rows[i] = new Object[] {ids[i], "AP", "line one\nline \"two\""};
    }
    return Fixtures.strings(List.of("id", "outlet", "text"), rows);
  }

  private void publish(Path out, String... ids) {
    try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
      p.writeTable("t", table(ids), true, "id");
      p.publish(Map.of("ids", List.of(ids)));
    }
  }

  private List<String> staged() throws IOException {
    try (var s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("out")).toList();
    }
  }

  @Test
  void publishesParquetCsvAndMarker() throws IOException {
    Path out = tmp.resolve("out");
    publish(out, "b", "a");
    assertThat(out.resolve("manifest.json")).exists();
    assertThat(spark.read().parquet(out.resolve("t").toString()).count()).isEqualTo(2);
    String csv = Files.readString(out.resolve("csv/t.csv"), StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith("id,outlet,text\n")
        .contains("a,AP,\"line one\nline \"\"two\"\"\"\n");
    assertThat(csv.indexOf("\na,")).as("rows sorted by id").isLessThan(csv.indexOf("\nb,"));
    assertThat(staged()).as("no staging directory left").isEmpty();
  }

  /** A table's part files, by name. */
  private static List<Path> parts(Path table) throws IOException {
    try (var s = Files.list(table)) {
      return s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  /** The ids of each part file of a table, in file order then row order. */
  private List<List<String>> partIds(Path table) throws IOException {
    return parts(table).stream()
        .map(f -> spark.read().parquet(f.toString()).collectAsList().stream().map(r -> r.getString(0)).toList())
        .filter(ids -> !ids.isEmpty())
        .toList();
  }

  @Test
  void inPlaceAndAsComputedWritesKeepTheInputsPartitionsAndAreRepeatable() throws IOException {
    // Three partitions of known rows (parallelize slices a list in order): no shuffle may move a row.
    List<Row> rows = table("c", "a", "b", "f", "d", "e").collectAsList();
    Dataset<Row> parts = spark.createDataFrame(
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3), rows.get(0).schema());
    assertThat(parts.rdd().getNumPartitions()).isEqualTo(3);
    java.util.function.Function<String, Path> write = name -> {
      Path out = tmp.resolve(name);
      try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
        p.writeTableInPlace("t", parts, true, "id");
        p.writeTableAsComputed("h", parts, true, "outlet", "id");
        p.publish(Map.of());
      }
      return out;
    };
    Path first = write.apply("first");
    assertThat(partIds(first.resolve("t"))).containsExactly(List.of("a", "c"), List.of("b", "f"), List.of("d", "e"));
    assertThat(partIds(first.resolve("h"))).as("the same partitions, rows in the order they came")
        .containsExactly(List.of("c", "a"), List.of("b", "f"), List.of("d", "e"));
    String computed = Files.readString(first.resolve("csv/h.csv"), StandardCharsets.UTF_8);
    assertThat(computed.lines().filter(l -> l.contains(",AP,")).map(l -> l.substring(0, 1)).toList()).as("h's CSV copy in key order")
        .containsExactly("a", "b", "c", "d", "e", "f");
    String csv = Files.readString(first.resolve("csv/t.csv"), StandardCharsets.UTF_8);
    assertThat(csv.lines().filter(l -> l.contains(",AP,")).map(l -> l.substring(0, 1)).toList()).as("the CSV copy in key order")
        .containsExactly("a", "b", "c", "d", "e", "f");
    Path second = write.apply("second");
    for (String t : new String[] {"t", "h"}) {
      try (var a = Files.list(first.resolve(t)); var b = Files.list(second.resolve(t))) {
        assertThat(b.map(f -> f.getFileName().toString()).sorted().toList()).as(t + ": the same files")
            .isEqualTo(a.map(f -> f.getFileName().toString()).sorted().toList());
      }
      for (Path f : parts(first.resolve(t))) {
        assertThat(Files.readAllBytes(second.resolve(t).resolve(f.getFileName()))).as(t + "/" + f.getFileName())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void intermediateTablesAreReadableDuringTheRunAndNotPublished() throws IOException {
    Path out = tmp.resolve("out");
    try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
      String work = p.writeWork("scratch", table("x"));
      assertThat(spark.read().parquet(work).count()).isEqualTo(1);
      p.writeTable("t", table("y"), false, "id");
      p.publish(java.util.Map.of());
    }
    assertThat(out.resolve("t")).exists();
    assertThat(out.resolve(OutputPublisher.WORK)).doesNotExist();
    assertThat(staged()).isEmpty();
  }

  @Test
  void aFailedRunLeavesThePreviousOutputAsItWas() throws IOException {
    Path out = tmp.resolve("out");
    publish(out, "old");
    byte[] before = Files.readAllBytes(out.resolve("csv/t.csv"));
    assertThatThrownBy(
            () -> {
              try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
                p.writeTable("t", table("new"), true, "id");
                throw new IllegalStateException("boom: a stage failed");
              }
            })
        .hasMessageContaining("boom");
    assertThat(Files.readAllBytes(out.resolve("csv/t.csv"))).isEqualTo(before);
    assertThat(staged()).isEmpty();

    publish(out, "new");
    assertThat(Files.readString(out.resolve("csv/t.csv"))).contains("new,").doesNotContain("old,");
    assertThat(staged()).isEmpty();
  }

  @Test
  void refusesToReplaceADirectoryThatIsNotAnOutput() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.writeString(home.resolve("thesis.tex"), "precious");
    assertThatThrownBy(() -> publish(home, "x"))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("is not a newsframe output")
        .hasMessageContaining("manifest.json");
    assertThat(home.resolve("thesis.tex")).hasContent("precious");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> publish(file, "x")).hasMessageContaining("is a file");
  }

  @Test
  void nestedColumnsBecomeJsonInTheCsvCopy() throws IOException {
    Path out = tmp.resolve("out");
    Dataset<Row> nested = spark.sql("select 'a' as id, array('x','y') as tags, named_struct('k', 1) as s");
    try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
      p.writeTable("n", nested, true, "id");
      p.publish(Map.of());
    }
    assertThat(Files.readString(out.resolve("csv/n.csv")))
        .isEqualTo("id,tags,s\na,\"[\"\"x\"\",\"\"y\"\"]\",\"{\"\"k\"\":1}\"\n");
  }

  @Test
  void formulaLikeTextIsNeutralisedInTheCsvCopyOnly() throws IOException {
    Path out = tmp.resolve("out");
    Dataset<Row> cells = spark.sql("select * from values "
        + "('1', '=HYPERLINK(\\'http://x\\')', -2.5), ('2', '+1+2', 0.0), ('3', '-sum', 1.0), ('4', '@cmd', 1.0), "
        + "('5', 'plain = text', 1.0), ('6', '\\tTab', 1.0) as t(id, text, z)");
    try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
      p.writeTable("c", cells, true, "id");
      p.publish(Map.of());
    }
    assertThat(Files.readAllLines(out.resolve("csv/c.csv"))).containsExactly(
        "id,text,z", "1,'=HYPERLINK('http://x'),-2.5", "2,'+1+2,0.0", "3,'-sum,1.0", "4,'@cmd,1.0", "5,plain = text,1.0",
        "6,'\tTab,1.0");
    // The Parquet table keeps the text as it was.
    assertThat(spark.read().parquet(out.resolve("c").toString()).filter("id = '1'").first().<String>getAs("text"))
        .isEqualTo("=HYPERLINK('http://x')");
  }

  @Test
  void anEmptyTableStillHasAHeader() throws IOException {
    Path out = tmp.resolve("out");
    try (OutputPublisher p = OutputPublisher.begin(spark, out.toString(), "manifest.json")) {
      p.writeTable("e", table().limit(0), true, "id");
      p.publish(Map.of());
    }
    assertThat(Files.readString(out.resolve("csv/e.csv"))).isEqualTo("id,outlet,text\n");
  }

  @Test
  void pathsOutsideTheOutputAreRefused() {
    try (OutputPublisher out = OutputPublisher.begin(spark, tmp.resolve("o").toString(), "manifest.json")) {
      assertThat(out.path("state/syndication_signatures")).endsWith("/state/syndication_signatures");
      assertThat(out.path("csv/.framing.tmp")).endsWith("/csv/.framing.tmp");
      for (String bad : new String[] {"../x", "a/../../b", "/etc/passwd", "..", "a//b", "CON:<x>", "a\\b"}) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> out.path(bad)).as(bad)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a safe path");
      }
    }
  }
}
