package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsframe.Fixtures.ARTICLE_COLUMNS;
import static org.newsframe.Fixtures.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.NewsframeException;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;
import org.newsframe.io.Columns;
import org.newsframe.stages.TextParams;
import org.newsframe.stages.Validation;

/**
 * Every kind of bad input the issue lists, through {@code run} with every stage: each row is an
 * article, a quarantined row with its reason, or a repaired article the manifest counts, and the
 * counts reconcile; what cannot be read at all is a clear error that leaves the previous output.
 */
class BadInputTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private RunJob.Result runAll(Path in, Path out) {
    RunConfig c = RunConfig.of(in.toString(), out.toString(), Stage.allAvailable())
        .withText(TextParams.defaults().withNer("aliases"));
    return RunJob.run(c, spark);
  }

  private static final String FRENCH =
      "Le président de la République a annoncé mardi que le gouvernement allait présenter un projet de loi sur la "
          + "réforme des retraites. Selon les syndicats, cette réforme est injuste et ils appellent à une grève générale "
          + "la semaine prochaine dans toute la France. Les négociations avec le Premier ministre n'ont pas abouti et la "
          + "tension monte dans le pays, a déclaré le porte-parole.";

  @Test
  void everyBadRowIsQuarantinedWithItsReasonOrRepairedAndCounted() throws IOException {
    TextGen gen = new TextGen(11);
    String english = "The minister said the plan was not ready. " + gen.article(3);
    String huge = "The report said that it was long. ".repeat(Validation.MAX_TEXT_CHARS / 30);
    assertThat(huge.length()).as("a 10 MB article: over the limit").isGreaterThan(Validation.MAX_TEXT_CHARS).isGreaterThan(1_000_000);
    String huge10 = huge.repeat(10);
    String html = "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        + "<p>The mayor said the &quot;plan&quot; was fine &amp; ready.</p><div>It was not, &#8220;critics&#8221; said.</div>"
        + "<!-- tracking --></body></html>";
    List<Row> rows = new ArrayList<>();
    StructType schema = new StructType()
        .add("id", DataTypes.StringType).add("outlet", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("title", DataTypes.StringType).add("text", DataTypes.BinaryType).add("url", DataTypes.StringType)
        .add("lang", DataTypes.StringType);
    Object[][] plain = {
        {"ok", "AP", "2017-06-09", english, null},
        {"null-text", "AP", "2017-06-09", null, null},
        {"empty-text", "AP", "2017-06-09", " \n\t ", null},
        {"dup", "AP", "2017-06-09", "The longer one is kept, the report said.", null},
        {"dup", "AP", "2017-06-09", "The shorter.", null},
        {"huge", "AP", "2017-06-09", huge10, null},
        {"html", "AP", "2017-06-09", html, null},
        {"bad-date", "AP", "next Tuesday", english + " Late.", null},
        {"unknown-outlet", "The Totally New Gazette", "2017-06-09", english + " Gazette.", null},
        {"french", "Le Monde", "2017-06-09", FRENCH + " " + FRENCH, null},
        {"declared-german", "Spiegel", "2017-06-09", english + " Declared.", "de"},
        {"declared-english", "AP", "2017-06-09", english + " Declared English.", "en-US"},
        {"path-outlet", "../../../escape/CON:<x>", "2017-06-09", english + " Path.", null},
    };
    for (Object[] p : plain) {
      rows.add(RowFactory.create(p[0], p[1], p[2], null, p[3] == null ? null : ((String) p[3]).getBytes(StandardCharsets.UTF_8), null, p[4]));
    }
    // Invalid UTF-8 (a lone continuation byte, a truncated sequence) and control characters.
    byte[] good = ("The council said it would vote. " + gen.article(2)).getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 6];
    System.arraycopy(good, 0, bad, 0, 10);
    bad[10] = (byte) 0x80;
    bad[11] = 0x01;
    bad[12] = 0x1B;
    bad[13] = (byte) 0xE2;
    bad[14] = (byte) 0x82;
    bad[15] = 0x07;
    System.arraycopy(good, 10, bad, 16, good.length - 10);
    rows.add(RowFactory.create("bytes", "AP", "2017-06-09", null, bad, null, null));
    Path in = tmp.resolve("corpus");
    spark.createDataFrame(rows, schema).withColumn("text", col("text").cast("string")).write().parquet(in.toString());

    Path out = tmp.resolve("out");
    RunJob.Result r = runAll(in, out);

    Map<String, String> reasonById = new TreeMap<>();
    for (Row row : spark.read().parquet(out.resolve("rejects").toString()).collectAsList()) {
      reasonById.merge(String.valueOf((Object) row.getAs(Columns.ID)), row.getAs(Columns.REASON), (a, b) -> a + "," + b);
    }
    assertThat(reasonById).containsExactlyInAnyOrderEntriesOf(Map.of(
        "null-text", "empty_text", "empty-text", "empty_text", "dup", "duplicate_id", "huge", "text_too_long",
        "french", "not_english", "declared-german", "not_english"));
    Map<String, Row> articles = new TreeMap<>();
    for (Row row : spark.read().parquet(out.resolve("articles").toString()).collectAsList()) {
      articles.put(row.getAs(Columns.ID), row);
    }
    assertThat(articles).containsOnlyKeys("ok", "dup", "html", "bad-date", "unknown-outlet", "declared-english", "bytes", "path-outlet");
    assertThat(articles.get("dup").<String>getAs(Columns.TEXT)).startsWith("The longer");

    String plainHtml = articles.get("html").getAs(Columns.CLEAN_TEXT);
    assertThat(plainHtml).isEqualTo("The mayor said the \"plan\" was fine & ready.\n\nIt was not, \"critics\" said.");

    String bytes = articles.get("bytes").getAs(Columns.TEXT);
    assertThat(bytes).as("invalid UTF-8 becomes U+FFFD in the table").contains("\uFFFD").doesNotContain("\u0080");
    String cleanBytes = articles.get("bytes").getAs(Columns.CLEAN_TEXT);
    assertThat(cleanBytes.chars().filter(c -> c < 0x20 && c != '\n')).as("no control characters in clean_text").isEmpty();

    Row late = articles.get("bad-date");
    assertThat((Object) late.getAs(Columns.PUBLISHED)).isNull();
    assertThat(late.<String>getAs("published_raw")).isEqualTo("next Tuesday");
    assertThat(articles.get("unknown-outlet").<String>getAs(Columns.OUTLET)).isEqualTo("The Totally New Gazette");

    assertThat(r.rowsIn()).isEqualTo(rows.size());
    assertThat(r.rowsIn()).isEqualTo(r.articles() + r.rejected().values().stream().mapToLong(Long::longValue).sum());
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(m.at("/rows/in").asLong()).isEqualTo(14);
    assertThat(m.at("/rows/out").asLong()).isEqualTo(8);
    assertThat(m.at("/rows/rejected").asLong()).isEqualTo(6);
    JsonNode found = m.at("/input/accepted_rows_with");
    assertThat(found.get("html_markup").asLong()).isEqualTo(1);
    assertThat(found.get("invalid_utf8").asLong()).isEqualTo(1);
    assertThat(found.get("control_characters").asLong()).isEqualTo(1);
    assertThat(found.get("unparsed_dates").asLong()).isEqualTo(1);
    assertThat(found.get("undated").asLong()).isEqualTo(1);
    assertThat(m.at("/input/outlets/not_in_dictionary_top").has("The Totally New Gazette")).isTrue();
    assertThat(m.at("/input/outlets/not_in_dictionary_top").has("AP")).isFalse();
    // Every stage ran over the repaired rows, one row each in the per-article tables.
    assertThat(m.at("/tables/syndication_clusters").asLong()).isEqualTo(8);
    assertThat(m.at("/tables/stories").asLong()).isEqualTo(8);
    assertThat(out.resolve("report/index.html")).content().doesNotContain("<script>alert");
    // An outlet named like a path is a value, never a file name.
    assertThat(articles.get("path-outlet").<String>getAs(Columns.OUTLET)).isEqualTo("../../../escape/CON:<x>");
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("corpus", "out");
    }
    try (var s = Files.walk(out)) {
      assertThat(s.map(p -> out.relativize(p).toString()).filter(p -> !p.isEmpty()).toList())
          .allMatch(p -> p.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") && !p.contains("escape"));
    }
  }

  @Test
  void aColumnOfTheWrongTypeStopsTheRunNamingIt() {
    Path in = tmp.resolve("typed");
    spark.createDataFrame(List.of(RowFactory.create("1", "AP", List.of(42L))),
            new StructType().add("id", DataTypes.StringType).add("outlet", DataTypes.StringType).add("text", DataTypes.createArrayType(DataTypes.LongType)))
        .write().parquet(in.toString());
    assertThatThrownBy(() -> runAll(in, tmp.resolve("out")))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("column 'text' has type array<bigint>; expected string");
  }

  @Test
  void aCorruptParquetFileAmongGoodOnesIsNamedAndThePreviousOutputKept() throws IOException {
    Path in = tmp.resolve("corpus");
    Fixtures.strings(ARTICLE_COLUMNS, article("a", "AP", "2017-06-09", "The minister said the plan was not ready."),
            article("b", "VOA", "2017-06-09", "The council said it would vote on the plan."))
        .repartition(2).write().parquet(in.toString());
    Path out = tmp.resolve("out");
    runAll(in, out);
    Map<String, byte[]> before = OutputFiles.tables(out);
    byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));

    Path corrupt = in.resolve("part-99999-corrupt.snappy.parquet");
    Files.write(corrupt, "PAR1 this is not a parquet file, truncated by a failed copy".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> runAll(in, out))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("part-99999-corrupt.snappy.parquet")
        .hasMessageContaining("cannot be read");
    OutputFiles.assertSameBytes(before, OutputFiles.tables(out));
    assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifest);
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no staging left").containsExactlyInAnyOrder("corpus", "out");
    }
  }

  @Test
  void anEmptyCorpusGivesEmptyTablesAndAReport() throws IOException {
    Path in = tmp.resolve("empty");
    Fixtures.strings(ARTICLE_COLUMNS, article("a", "AP", "2017-06-09", "x")).limit(0).write().parquet(in.toString());
    Path out = tmp.resolve("out");
    RunJob.Result r = runAll(in, out);
    assertThat(r.rowsIn()).isZero();
    assertThat(r.articles()).isZero();
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    for (String table : List.of("articles", "rejects", "syndication_clusters", "term_frequencies", "entity_mentions", "stories", "framing")) {
      assertThat(m.at("/tables/" + table).asLong()).as(table).isZero();
      assertThat(out.resolve("csv/" + table + ".csv")).as(table).content().isNotEmpty();
    }
    assertThat(out.resolve("report/index.html")).content().contains("<th>Articles</th><td class=\"num\">0</td>", "No story is covered");
  }
}
