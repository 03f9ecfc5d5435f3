package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsframe.Fixtures.ARTICLE_COLUMNS;
import static org.newsframe.Fixtures.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.NewsframeException;
import org.newsframe.TestSpark;
import org.newsframe.io.Columns;

class RunJobTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  private RunJob.Result run(String input, Path out) {
    return RunJob.run(RunConfig.of(input, out.toString(), Stage.allAvailable()), spark);
  }

  /** Reading, validation and cleaning only: for tests about input handling, where NER adds nothing. */
  private RunJob.Result runClean(String input, Path out) {
    return RunJob.run(RunConfig.of(input, out.toString(), Set.of(Stage.CLEAN)), spark);
  }

  @Test
  void runsOnTheBundledSample() throws IOException {
    Path out = tmp.resolve("sample");
    RunJob.Result r = run(TestSpark.repo().resolve("data/sample").toString(), out);
    assertThat(r.rowsIn()).isEqualTo(3);
    assertThat(r.articles()).isEqualTo(3);
    assertThat(r.rejected()).isEmpty();

    Map<String, String> outlets = new TreeMap<>();
    for (Row row : spark.read().parquet(out.resolve("articles").toString()).collectAsList()) {
      outlets.put(row.getAs(Columns.ID), row.getAs(Columns.OUTLET));
    }
    assertThat(outlets.values()).containsExactly("AP", "Business Standard", "VOA");
    assertThat(out.resolve("csv/articles.csv")).content().startsWith("id,outlet,published,title,text,url,lang");
    assertThat(out.resolve("csv/rejects.csv")).content().startsWith("id,outlet,published");

    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(m.at("/job").asText()).isEqualTo("run");
    assertThat(m.at("/rows/in").asLong()).isEqualTo(3);
    assertThat(m.at("/rows/out").asLong()).isEqualTo(3);
    assertThat(m.at("/rows/rejected").asLong()).isZero();
    assertThat(m.at("/versions/spark").asText()).isEqualTo("4.1.0");
    assertThat(m.at("/stage_millis/validate").asLong()).isPositive();
    assertThat(m.at("/tables/syndication_clusters").asLong()).isEqualTo(3);
    assertThat(m.at("/syndication/multi_article_clusters").asLong()).isEqualTo(1);
    for (String table : new String[] {"articles", "rejects", "syndication_clusters", "syndication_edges", "syndication_edits"}) {
      assertThat(out.resolve("csv/" + table + ".csv")).as(table).exists();
      assertThat(out.resolve(table)).as(table).isDirectory();
    }
    checkSyndicationFacts(out);
    checkTermFacts(out);
    checkEntityFacts(out);
    checkStoryAndFramingFacts(out);
    checkReport(out);
    assertThat(m.at("/entities/ner").asText()).isEqualTo("corenlp");
    assertThat(m.at("/entities/paragraphs").asLong()).isEqualTo(m.at("/entities/paragraphs_tagged").asLong()
        + Math.round(m.at("/entities/cache_hit_rate").asDouble() * m.at("/entities/paragraphs").asLong()));
    assertThat(m.at("/entities/tokens").asLong()).isPositive();
    for (String table : new String[] {"term_frequencies", "distinctive_terms", "entity_mentions", "entity_frequencies"}) {
      assertThat(out.resolve("csv/" + table + ".csv")).as(table).exists();
      assertThat(m.at("/tables/" + table).asLong()).as(table).isPositive();
    }
  }

  /**
   * Both counting modes are written; the paywall text Business Standard carried contributes no term
   * (every term of a removed passage that is not also in the clean text is absent).
   */
  private void checkTermFacts(Path out) {
    var terms = spark.read().parquet(out.resolve("term_frequencies").toString());
    assertThat(terms.select("mode").distinct().collectAsList()).extracting(r -> r.getString(0))
        .containsExactlyInAnyOrder("all", "syndication_weighted");
    Row bs = spark.read().parquet(out.resolve("articles").toString())
        .filter(org.apache.spark.sql.functions.col(Columns.ID).equalTo("001_b39ecc038f75694e")).first();
    var analyzer = new org.newsframe.text.terms.TermAnalyzer(org.newsframe.text.terms.TermAnalyzer.Options.defaults());
    Set<String> removedOnly = new java.util.TreeSet<>();
    for (Object r : bs.getList(bs.fieldIndex(Columns.REMOVED))) {
      removedOnly.addAll(analyzer.terms(((Row) r).getAs("text")));
    }
    removedOnly.removeAll(analyzer.terms(bs.getAs(Columns.CLEAN_TEXT)));
    assertThat(removedOnly).contains("subscribe", "unlimited access");
    Set<String> bsTerms = new java.util.TreeSet<>();
    terms.filter(org.apache.spark.sql.functions.col(Columns.OUTLET).equalTo("Business Standard")).collectAsList()
        .forEach(r -> bsTerms.add(r.getAs("term")));
    assertThat(bsTerms).isNotEmpty().doesNotContainAnyElementsOf(removedOnly);
    // Weighted: Business Standard is AP's copy, so what it counts for itself is what it changed.
    Set<String> bsOwn = new java.util.TreeSet<>();
    terms.filter("outlet = 'Business Standard' AND mode = 'syndication_weighted' AND NOT bigram").collectAsList()
        .forEach(r -> bsOwn.add(r.getAs("term")));
    // Exactly the renamings of data/seeds/README.md: ISIS→IS, U.S.→US, Deir al-Zor→Deir el-Zour, hailed→hailedg.
    assertThat(bsOwn).containsExactlyInAnyOrder("is", "us", "el", "zour", "hailedg");
  }

  private static final String AP = "000_681a3d21b52c1323";
  private static final String BS = "001_b39ecc038f75694e";
  private static final String VOA = "003_05dc41cd4e506c63";

  /** Each fact of data/seeds/README.md about stories, quotes and framing, checked in the tables. */
  private void checkStoryAndFramingFacts(Path out) {
    // All three cover the same story.
    var stories = spark.read().parquet(out.resolve("stories").toString()).collectAsList();
    assertThat(stories).hasSize(3);
    assertThat(stories.stream().map(r -> r.<String>getAs("story_id")).distinct()).hasSize(1);
    assertThat(stories.get(0).<String>getAs("story_label")).contains("Islamic State");

    Map<String, Map<String, String>> f = new TreeMap<>();
    spark.read().parquet(out.resolve("framing").toString()).collectAsList()
        .forEach(r -> f.computeIfAbsent(r.getAs("id"), k -> new TreeMap<>()).put(r.getAs("feature"), r.getAs("value")));
    assertThat(f.get(AP)).containsEntry("syndication_role", "origin").containsEntry("rebuttals", "0");
    assertThat(f.get(BS)).containsEntry("syndication_role", "copy of AP").containsEntry("rebuttals", "0");
    assertThat(f.get(VOA)).containsEntry("syndication_role", "independent");
    // AP and Business Standard attribute the claim to Russian officials: said, accused, criticized.
    assertThat(f.get(AP).get("verbs.list")).contains("said", "accused", "criticized");
    assertThat(f.get(BS).get("verbs.list")).contains("said", "criticized");
    // VOA carries the rebuttals.
    assertThat(f.get(VOA).get("rebuttals.list"))
        .contains("false", "far from the truth", "does not appear credible", "disinformation", "no basis in the truth");
    assertThat(Integer.parseInt(f.get(VOA).get("rebuttals"))).isGreaterThanOrEqualTo(5);
    assertThat(f.get(VOA).get("naming.Islamic State")).contains("IS ", "ISIS ", "ISIL ", "Islamic State ");

    Map<String, java.util.Set<String>> speakers = new TreeMap<>();
    Map<String, java.util.Set<String>> affiliations = new TreeMap<>();
    Map<String, String> chance = new TreeMap<>();
    for (Row q : spark.read().parquet(out.resolve("quotes").toString()).collectAsList()) {
      String id = q.getAs("id");
      if (q.getAs("speaker") != null) {
        speakers.computeIfAbsent(id, k -> new java.util.TreeSet<>()).add(q.getAs("speaker"));
      }
      affiliations.computeIfAbsent(id, k -> new java.util.TreeSet<>()).add(q.getAs("affiliation"));
      if (q.<String>getAs("quote").startsWith("There is now a real chance")) {
        chance.put(id, q.getAs("speaker"));
      }
    }
    assertThat(speakers.get(AP)).containsExactlyInAnyOrder("Sergei Surovikin", "Sergei Rudskoi", "Vladimir Putin");
    assertThat(affiliations.get(AP)).containsOnly("Russian military", "Russian government");
    assertThat(affiliations.get(BS)).containsOnly("Russian military");
    assertThat(speakers.get(VOA)).contains("Sergei Surovikin", "Steve Townsend", "Nuri Mehmud", "Brian Williams",
        "Operation Inherent Resolve spokesperson", "US Central Command");
    assertThat(affiliations.get(VOA)).contains("US military", "Kurdish forces", "independent expert", "Russian military");
    // Per-story counts: scope is the story, both modes; BS's weighted own words are its renamings.
    String story = stories.get(0).getAs("story_id");
    var storyTerms = spark.read().parquet(out.resolve("story_term_frequencies").toString());
    assertThat(storyTerms.select("scope").distinct().collectAsList()).extracting(r -> r.getString(0)).containsExactly(story);
    assertThat(storyTerms.filter("outlet = 'Business Standard' AND mode = 'syndication_weighted' AND NOT bigram")
        .collectAsList()).extracting(r -> r.<String>getAs("term")).containsExactlyInAnyOrder("is", "us", "el", "zour", "hailedg");
    var storyEntities = spark.read().parquet(out.resolve("story_entity_frequencies").toString())
        .filter("mode = 'all' AND entity = 'Islamic State'").collectAsList();
    assertThat(storyEntities).extracting(r -> r.<String>getAs("outlet")).containsExactlyInAnyOrder("AP", "Business Standard", "VOA");
    assertThat(storyEntities).allMatch(r -> story.equals(r.getAs("scope")));
    // The cut that changes meaning: without Putin's introduction his closing quote reads as Rudskoi's.
    assertThat(chance).containsEntry(AP, "Vladimir Putin").containsEntry(BS, "Sergei Rudskoi");
  }

  /** The report states the facts, escaped, as Chromium renders it. */
  private void checkReport(Path out) throws IOException {
    String md = Files.readString(out.resolve("report/report.md"));
    String html = Files.readString(out.resolve("report/index.html"));
    for (String doc : new String[] {md, html}) {
      assertThat(doc).contains("copy of AP", "origin", "independent", "Sergei Rudskoi", "Vladimir Putin", "Nuri Mehmud",
          "far from the truth", "does not appear credible", "disinformation", "ISIS→IS", "U.S.→US", "hailed→hailedg",
          "Kurdish forces", "US military", "independent expert", "Islamic State: IS");
    }
    assertThat(html).contains("<svg").doesNotContain("<script");
    try {
      String dom = org.newsframe.report.ChromiumReportTest.render(out.resolve("report/index.html"), tmp);
      assertThat(dom).contains("Story 1:", "Outlets side by side", "Quote ledger", "Edit diff: Business Standard against AP",
          "copy of AP", "far from the truth", "<svg");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entity facts on the sample: one Islamic State, each outlet's names for it, types. */
  private void checkEntityFacts(Path out) {
    Map<String, Row> freq = new TreeMap<>();
    spark.read().parquet(out.resolve("entity_frequencies").toString()).filter("mode = 'all'").collectAsList()
        .forEach(r -> freq.put(r.getAs(Columns.OUTLET) + "|" + r.getAs("entity"), r));
    Map<String, Map<String, Long>> isNames = new TreeMap<>();
    for (String outlet : new String[] {"AP", "Business Standard", "VOA"}) {
      Row r = freq.get(outlet + "|Islamic State");
      assertThat(r).as(outlet).isNotNull();
      Map<String, Long> names = new TreeMap<>();
      for (Object s : r.getList(r.fieldIndex("surfaces"))) {
        names.put(((Row) s).getAs("surface"), ((Row) s).getAs("mentions"));
      }
      isNames.put(outlet, names);
    }
    assertThat(isNames.get("AP")).containsOnlyKeys("ISIS");
    assertThat(isNames.get("Business Standard")).containsOnlyKeys("IS");
    assertThat(isNames.get("VOA")).containsKeys("IS", "ISIS", "ISIL", "Islamic State");
    Map<String, String> types = new TreeMap<>();
    freq.values().forEach(r -> types.merge(r.getAs("entity"), r.getAs("type"), (a, b) -> a.equals(b) ? a : a + "|" + b));
    assertThat(types)
        .containsEntry("Sergei Surovikin", "PERSON").containsEntry("Sergei Rudskoi", "PERSON")
        .containsEntry("Vladimir Putin", "PERSON").containsEntry("Steve Townsend", "PERSON")
        .containsEntry("Raqqa", "LOCATION").containsEntry("Palmyra", "LOCATION")
        .containsEntry("Syrian Democratic Forces", "ORGANIZATION").containsEntry("People's Protection Units", "ORGANIZATION");
    assertThat(freq).containsKeys("AP|Vladimir Putin", "AP|Sergei Rudskoi", "VOA|Steve Townsend", "VOA|People's Protection Units");
    var mentions = spark.read().parquet(out.resolve("entity_mentions").toString());
    assertThat(mentions.columns()).startsWith("id", "outlet", "entity", "type", "surface", "sentence_index", "char_start");
    assertThat(mentions.filter("lower(surface) IN ('he', 'she', 'they', 'it', 'him', 'his')").count()).isZero();
    // Offsets point into the clean text.
    Map<String, String> clean = new TreeMap<>();
    spark.read().parquet(out.resolve("articles").toString()).collectAsList()
        .forEach(r -> clean.put(r.getAs(Columns.ID), r.getAs(Columns.CLEAN_TEXT)));
    for (Row r : mentions.collectAsList()) {
      String surface = r.getAs("surface");
      int at = r.<Integer>getAs("char_start");
      assertThat(clean.get(r.<String>getAs("id")).substring(at, at + surface.length())).as("%s", r).isEqualTo(surface);
    }
  }

  /** What data/seeds/README.md says a correct analysis finds about BS's copy of AP. */
  private void checkSyndicationFacts(Path out) {
    Map<String, Row> clusters = new TreeMap<>();
    spark.read().parquet(out.resolve("syndication_clusters").toString()).collectAsList()
        .forEach(r -> clusters.put(r.getAs(Columns.OUTLET), r));
    String apCluster = clusters.get("AP").getAs(Columns.CLUSTER_ID);
    assertThat(clusters.get("Business Standard").<String>getAs(Columns.CLUSTER_ID)).isEqualTo(apCluster);
    assertThat(clusters.get("Business Standard").<String>getAs(Columns.ORIGIN_ID)).isEqualTo("000_681a3d21b52c1323");
    assertThat(clusters.get("AP").<Boolean>getAs(Columns.IS_ORIGIN)).isTrue();
    assertThat(clusters.get("VOA").<String>getAs(Columns.CLUSTER_ID)).isNotEqualTo(apCluster);
    assertThat(clusters.get("VOA").<Integer>getAs(Columns.CLUSTER_SIZE)).isEqualTo(1);

    java.util.List<Row> edits = spark.read().parquet(out.resolve("syndication_edits").toString()).collectAsList();
    assertThat(edits).extracting(r -> r.<String>getAs("copy_id")).containsOnly("001_b39ecc038f75694e");
    java.util.List<String> cut = edits.stream().filter(r -> r.getAs("op").equals("cut"))
        .map(r -> r.<String>getAs("origin_text")).toList();
    assertThat(cut)
        .contains("Russia says US-led coalition colludes with ISIS in Syria")
        .anyMatch(t -> t.startsWith("The Russian military on Friday accused"))
        .anyMatch(t -> t.startsWith("Surovikin said Russian forces had struck several ISIS convoys"))
        .anyMatch(t -> t.startsWith("Col. Gen. Sergei Rudskoi of the Russian military's General Staff"))
        .anyMatch(t -> t.startsWith("Russian President Vladimir Putin on Friday described"))
        .hasSize(5);
    java.util.Set<String> changes = new java.util.TreeSet<>();
    edits.forEach(r -> changes.addAll(r.getList(r.fieldIndex("changes"))));
    assertThat(changes).contains("ISIS→IS", "U.S.→US", "Deir al-Zor→Deir el-Zour", "hailed→hailedg");

    Row bs = spark.read().parquet(out.resolve("articles").toString())
        .filter(org.apache.spark.sql.functions.col(Columns.ID).equalTo("001_b39ecc038f75694e")).first();
    assertThat(bs.<String>getAs(Columns.CLEAN_TEXT)).doesNotContain("Subscribe", "free articles", "Smart Quarterly");
    assertThat(bs.getList(bs.fieldIndex(Columns.REMOVED))).extracting(r -> ((Row) r).<String>getAs("text"))
        .contains("Subscribe now for unlimited access.", "Smart Quarterly");
  }

  @Test
  void everyRejectReasonReachesTheRejectsTableAndTheCountsReconcile() throws IOException {
    Path in = tmp.resolve("corpus");
    Fixtures.strings(
            ARTICLE_COLUMNS,
            article("ok", "AP", "2017-06-09", "Text."),
            article("dup", "AP", "2017-06-09", "Longer text survives."),
            article("dup", "AP", "2017-06-09", "Shorter."),
            article(null, "AP", null, "no id"),
            article("no-outlet", "", null, "text"),
            article("no-text", "AP", null, "  "))
        .write()
        .parquet(in.toString());
    Path out = tmp.resolve("out");
    RunJob.Result r = runClean(in.toString(), out);
    assertThat(r.rowsIn()).isEqualTo(6);
    assertThat(r.articles()).isEqualTo(2);
    assertThat(r.rejected())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("duplicate_id", 1L, "missing_id", 1L, "missing_outlet", 1L, "empty_text", 1L));
    Map<String, String> reasonByText = new TreeMap<>();
    spark.read().parquet(out.resolve("rejects").toString()).collectAsList()
        .forEach(row -> reasonByText.put(row.getAs(Columns.TEXT), row.getAs(Columns.REASON)));
    assertThat(reasonByText).containsEntry("Shorter.", "duplicate_id").containsEntry("no id", "missing_id");
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(m.at("/rows/in").asLong()).isEqualTo(m.at("/rows/out").asLong() + m.at("/rows/rejected").asLong());
    assertThat(m.at("/rows/rejected_by_reason/duplicate_id").asLong()).isEqualTo(1);
  }

  @Test
  void aMissingRequiredColumnNamesItAndLeavesThePreviousOutput() throws IOException {
    Path out = tmp.resolve("out");
    runClean(TestSpark.repo().resolve("data/sample").toString(), out);
    byte[] before = Files.readAllBytes(out.resolve("manifest.json"));

    Path in = tmp.resolve("bad");
    Fixtures.strings(java.util.List.of("id", "outlet", "body"), new Object[] {"1", "AP", "x"}).write().parquet(in.toString());
    assertThatThrownBy(() -> runClean(in.toString(), out))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("required column 'text' is missing")
        .hasMessageContaining("columns found: [id, outlet, body]");
    assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(before);
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("out", "bad");
    }
  }

  @Test
  void inputsThatAreNotACorpus() throws IOException {
    assertThatThrownBy(() -> run(tmp.resolve("nope").toString(), tmp.resolve("out")))
        .isInstanceOf(NewsframeException.class)
        .hasMessage("input not found: " + tmp.resolve("nope"));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> run(empty.toString(), tmp.resolve("out")))
        .isInstanceOf(NewsframeException.class)
        .hasMessageContaining("cannot read " + empty + " as a Parquet corpus");
    assertThat(Set.of(tmp.resolve("out").toFile().exists())).containsExactly(false);
  }
}
