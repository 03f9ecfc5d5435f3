package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.NewsframeException;
import org.newsframe.TestSpark;
import org.newsframe.UsageException;
import org.newsframe.io.Columns;
import org.newsframe.io.SourceFormat;

class IngestJobTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private static final String JSONL =
      String.join(
          "\n",
          "{\"doc_id\": \"a1\", \"source\": \"New York Times - News\", \"date\": \"2017-06-09\", \"body\": \"First.\", \"labels\": {\"topic\": \"politics\"}}",
          "{\"doc_id\": \"a2\", \"source\": \"Associated Press\", \"date\": \"6/10/17\", \"body\": \"Second.\", \"labels\": {}}",
          "{\"doc_id\": \"a3\", \"link\": \"https://www.voanews.com/a/x.html\", \"date\": \"Sat, 10 Jun 2017 08:00:00 GMT\", \"body\": \"Third.\", \"labels\": {}}",
          "{\"doc_id\": \"a4\", \"source\": \"The Smalltown Gazette\", \"date\": \"sometime in June\", \"body\": \"Fourth.\", \"labels\": {}}",
          "{\"doc_id\": \"a1\", \"source\": \"AP\", \"date\": null, \"body\": \"Dup.\", \"labels\": {}}",
          "{\"doc_id\": \"a5\", \"source\": \"AP\", \"date\": null, \"body\": \"   \", \"labels\": {}}",
          "{\"doc_id\": \"a6\", \"source\": \"AP\", \"body\": \"broken",
          "{\"doc_id\": \"\", \"source\": \"AP\", \"body\": \"No id.\", \"labels\": {}}",
          "{\"doc_id\": \"a7\", \"body\": \"No outlet, no url.\", \"labels\": {}}");

  private IngestJob.Result ingest(Path input, SourceFormat format, Map<String, String> map) {
    return IngestJob.run(
        new IngestConfig(input.toString(), tmp.resolve("out").toString(), format, map, null, null), spark);
  }

  private Map<String, Row> articlesById() {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : spark.read().parquet(tmp.resolve("out").toString()).collectAsList()) {
      out.put(r.getAs(Columns.ID), r);
    }
    return out;
  }

  private Map<String, Long> rejectsByReason() {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : spark.read().parquet(tmp.resolve("out").resolve(IngestJob.REJECTS).toString())
        .groupBy(Columns.REASON).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  private JsonNode manifest() throws IOException {
    return new ObjectMapper().readTree(tmp.resolve("out").resolve(IngestJob.MANIFEST).toFile());
  }

  private void checkJsonlResult(IngestJob.Result result) throws IOException {
    Map<String, Row> articles = articlesById();
    assertThat(articles).containsOnlyKeys("a1", "a2", "a3", "a4");
    assertThat(articles.get("a1").<String>getAs(Columns.OUTLET)).isEqualTo("New York Times");
    assertThat(articles.get("a1").<String>getAs(Columns.TEXT)).as("the longer duplicate is kept").isEqualTo("First.");
    assertThat(articles.get("a2").<String>getAs(Columns.OUTLET)).isEqualTo("AP");
    assertThat(articles.get("a3").<String>getAs(Columns.OUTLET)).as("outlet from the URL host").isEqualTo("VOA");
    assertThat(articles.get("a4").<String>getAs(Columns.OUTLET)).isEqualTo("The Smalltown Gazette");
    assertThat(String.valueOf((Object) articles.get("a2").getAs(Columns.PUBLISHED))).isEqualTo("2017-06-10");
    assertThat(String.valueOf((Object) articles.get("a3").getAs(Columns.PUBLISHED))).isEqualTo("2017-06-10");
    assertThat(articles.get("a4").<Object>getAs(Columns.PUBLISHED)).isNull();
    assertThat(articles.get("a4").<String>getAs("published_raw")).isEqualTo("sometime in June");
    assertThat(articles.get("a1").<Row>getAs("labels").<String>getAs("topic")).as("extra columns are carried").isEqualTo("politics");
    assertThat(articles.get("a1").<Integer>getAs(Columns.PUBLISHED_YEAR)).isEqualTo(2017);
    assertThat(articles.get("a1").<Integer>getAs(Columns.PUBLISHED_MONTH)).isEqualTo(6);
    assertThat(tmp.resolve("out/published_year=2017/published_month=6")).isDirectory();

    Map<String, Long> expectedRejects =
        Map.of("duplicate_id", 1L, "empty_text", 1L, "malformed_record", 1L, "missing_id", 1L, "missing_outlet", 1L);
    assertThat(rejectsByReason()).containsExactlyInAnyOrderEntriesOf(expectedRejects);
    assertThat(result.rowsIn()).isEqualTo(9);
    assertThat(result.articles()).isEqualTo(4);
    assertThat(result.rejected()).containsExactlyInAnyOrderEntriesOf(expectedRejects);
    assertThat(result.unparsedDates()).isEqualTo(1);

    JsonNode m = manifest();
    assertThat(m.at("/rows/in").asLong()).isEqualTo(9);
    assertThat(m.at("/rows/out").asLong()).isEqualTo(4);
    assertThat(m.at("/rows/rejected").asLong()).isEqualTo(5);
    assertThat(m.at("/rows/rejected_by_reason/malformed_record").asLong()).isEqualTo(1);
    assertThat(m.at("/dates/unparsed").asLong()).isEqualTo(1);
    assertThat(m.at("/dates/null").asLong()).as("a4's unreadable date").isEqualTo(1);
    assertThat(m.at("/dates/examples/0").asText()).isEqualTo("sometime in June");
    assertThat(m.at("/outlets/not_in_dictionary").asInt()).isEqualTo(1);
    assertThat(m.at("/outlets/not_in_dictionary_top/The Smalltown Gazette").asLong()).isEqualTo(1);
    assertThat(m.at("/columns/id").asText()).isEqualTo("doc_id");
    assertThat(m.at("/columns/text").asText()).isEqualTo("body");
  }

  @Test
  void jsonLines() throws IOException {
    Path in = Files.writeString(tmp.resolve("corpus.jsonl"), JSONL);
    checkJsonlResult(ingest(in, null, Map.of()));
  }

  @Test
  void gzippedJsonLines() throws IOException {
    Path in = tmp.resolve("corpus.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in))) {
      out.write(JSONL.getBytes(StandardCharsets.UTF_8));
    }
    checkJsonlResult(ingest(in, null, Map.of()));
  }

  @Test
  void csvWithQuotedMultiLineFieldsAndAMapping() throws IOException {
    Path in =
        Files.writeString(
            tmp.resolve("corpus.csv"),
            "key,publisher,pub_date,story_body,text\n"
                + "k1,nytimes.com,6/9/17,\"Line one,\nline two with \"\"quotes\"\".\",ignored\n"
                + "k2,Fox Online News,2017-06-10T12:00:00Z,Plain.,ignored\n");
    ingest(in, null, Map.of("id", "key", "text", "story_body"));
    Map<String, Row> articles = articlesById();
    assertThat(articles).containsOnlyKeys("k1", "k2");
    assertThat(articles.get("k1").<String>getAs(Columns.TEXT)).isEqualTo("Line one,\nline two with \"quotes\".");
    assertThat(articles.get("k1").<String>getAs(Columns.OUTLET)).isEqualTo("New York Times");
    assertThat(articles.get("k2").<String>getAs(Columns.OUTLET)).isEqualTo("Fox News");
    assertThat(String.valueOf((Object) articles.get("k1").getAs(Columns.PUBLISHED))).isEqualTo("2017-06-09");
    assertThat(articles.get("k1").<String>getAs("source_text")).as("the displaced input column is kept").isEqualTo("ignored");
    assertThat(rejectsByReason()).isEmpty();
  }

  @Test
  void textDirectoryWithMetadata() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("texts"));
    Files.writeString(dir.resolve("one.txt"), "Headline\n\nBody of one.\n");
    Files.writeString(dir.resolve("two.txt"), "Body of two.");
    Files.writeString(dir.resolve("orphan.txt"), "Nobody described me.");
    Files.writeString(
        dir.resolve("metadata.csv"),
        "file,outlet,published,title\none.txt,Associated Press,2017-06-09,Headline\n"
            + "two.txt,Voice of America,,\nmissing.txt,AP,2017-06-09,Gone\n");
    IngestJob.Result r = ingest(dir, null, Map.of());
    Map<String, Row> articles = articlesById();
    assertThat(articles).containsOnlyKeys("one", "two");
    assertThat(articles.get("one").<String>getAs(Columns.TEXT)).isEqualTo("Headline\n\nBody of one.\n");
    assertThat(articles.get("one").<String>getAs(Columns.OUTLET)).isEqualTo("AP");
    assertThat(articles.get("two").<String>getAs(Columns.OUTLET)).isEqualTo("VOA");
    assertThat(articles.get("two").<String>getAs("file")).isEqualTo("two.txt");
    assertThat(rejectsByReason()).containsOnly(Map.entry("missing_file", 1L), Map.entry("no_metadata", 1L));
    assertThat(r.rowsIn()).isEqualTo(4);
    Map<String, String> rejectedFiles = new HashMap<>();
    spark.read().parquet(tmp.resolve("out/_rejects").toString()).collectAsList()
        .forEach(row -> rejectedFiles.put(row.getAs("file"), row.getAs(Columns.REASON)));
    assertThat(rejectedFiles).containsOnly(Map.entry("orphan.txt", "no_metadata"), Map.entry("missing.txt", "missing_file"));
  }

  @Test
  void missingColumnsAreNamedWithTheColumnsFound() throws IOException {
    Path in = Files.writeString(tmp.resolve("c.jsonl"), "{\"doc_id\": \"1\", \"source\": \"AP\", \"summary\": \"x\"}\n");
    assertThatThrownBy(() -> ingest(in, null, Map.of()))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("no column for 'text'")
        .hasMessageContaining("--map text=<column>")
        .hasMessageContaining("[doc_id, source, summary]");
    Path noOutlet = Files.writeString(tmp.resolve("d.jsonl"), "{\"doc_id\": \"1\", \"body\": \"x\"}\n");
    assertThatThrownBy(() -> ingest(noOutlet, null, Map.of()))
        .hasMessageContaining("no column for 'outlet' and no 'url'");
    assertThatThrownBy(() -> ingest(in, null, Map.of("text", "abstract")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--map text=abstract")
        .hasMessageContaining("no column 'abstract'");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void inputsThatAreNotThereOrNotReadable() throws IOException {
    assertThatThrownBy(() -> ingest(tmp.resolve("nope.jsonl"), null, Map.of()))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("input not found")
        .hasMessageContaining("nope.jsonl");
    Path odd = Files.writeString(tmp.resolve("corpus.xml"), "<a/>");
    assertThatThrownBy(() -> ingest(odd, null, Map.of()))
        .hasMessageContaining("cannot tell the format")
        .hasMessageContaining("--format");
    Path dir = Files.createDirectories(tmp.resolve("texts"));
    Files.writeString(dir.resolve("a.txt"), "x");
    Files.writeString(dir.resolve("metadata.csv"), "name,outlet\na.txt,AP\n");
    assertThatThrownBy(() -> ingest(dir, SourceFormat.TXT, Map.of()))
        .hasMessageContaining("needs a column naming each text file")
        .hasMessageContaining("[name, outlet]");
    List<String> leftovers;
    try (var s = Files.list(tmp)) {
      leftovers = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("staging")).toList();
    }
    assertThat(leftovers).as("failed runs clean up their staging directories").isEmpty();
  }

  @Test
  void theBundledSampleIsTheSeedsIngested() {
    Dataset<Row> sample = spark.read().parquet(org.newsframe.TestSpark.repo().resolve("data/sample").toString());
    Map<String, String> outletById = new TreeMap<>();
    for (Row r : sample.collectAsList()) {
      outletById.put(r.getAs(Columns.ID), r.getAs(Columns.OUTLET));
    }
    assertThat(outletById)
        .containsExactly(
            Map.entry("000_681a3d21b52c1323", "AP"),
            Map.entry("001_b39ecc038f75694e", "Business Standard"),
            Map.entry("003_05dc41cd4e506c63", "VOA"));
  }
}
