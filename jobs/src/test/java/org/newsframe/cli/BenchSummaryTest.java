package org.newsframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench summary compares like with like: each run against the smallest with its entity extractor. */
class BenchSummaryTest {

  @TempDir Path dir;

  /** A result file as bench writes it, with what the summary reads: 2 cores, every stage's wall the same. */
  private void write(String name, long articles, String ner, double stageWall, String stages) throws Exception {
    Map<String, Object> stage = Map.of("wall_seconds", stageWall, "articles_per_core_hour", 1);
    Map<String, Object> pipeline = Map.of(
        "wall_seconds", stageWall * 2,
        "core_ms_per_article", stageWall * 2 * 2 * 1000 / articles,
        "stages", Map.of("entities", stage, "syndication", stage));
    Map<String, Object> run = new LinkedHashMap<>(Map.of("articles", articles, "ner", ner, "cores", 2,
        "pipeline", pipeline, "syndication_quality", Map.of("precision", 1.0, "recall", 1.0)));
    if (stages != null) {
      run.put("stages", stages);
    }
    new ObjectMapper().writeValue(dir.resolve(name).toFile(), run);
  }

  @Test
  @SuppressWarnings("unchecked")
  void costIsRelativeToTheSmallestRunWithTheSameExtractor() throws Exception {
    write("bench-10k-corenlp.json", 10_000, "corenlp", 100, null);
    write("bench-10k.json", 10_000, "aliases", 40, null);
    write("bench-100k.json", 100_000, "aliases", 200, null);
    write("bench-1m-clean-syndication.json", 1_000_000, "aliases", 1_000, "clean,syndication");

    Map<String, Object> summary = BenchCommand.summary(dir);
    List<Map<String, Object>> runs = (List<Map<String, Object>>) summary.get("runs");
    assertThat(runs).as("whole runs only: %s", runs).hasSize(3);
    Map<String, Double> ratio = new TreeMap<>();
    for (Map<String, Object> r : runs) {
      ratio.put(r.get("ner") + "@" + r.get("articles"), (Double) r.get("cost_per_article_vs_smallest"));
    }
    // 100k aliases: 400 s × 2 cores / 100k = 8 core-ms vs 10k aliases 80 s × 2 / 10k = 16 → 0.5; CoreNLP its own base.
    assertThat(ratio).as("runs %s", runs).containsExactlyInAnyOrderEntriesOf(
        Map.of("corenlp@10000", 1.0, "aliases@10000", 1.0, "aliases@100000", 0.5));

    List<Map<String, Object>> synd = ((Map<String, List<Map<String, Object>>>) summary.get("stage_scaling")).get("syndication");
    assertThat(synd).extracting(p -> p.get("ner") + "@" + p.get("articles") + "=" + p.get("vs_smallest"))
        .as("syndication: 10k aliases 8 core-ms, 100k 4, 1M 2; CoreNLP 20 on its own")
        .containsExactlyInAnyOrder("corenlp@10000=1.0", "aliases@10000=1.0", "aliases@100000=0.5", "aliases@1000000=0.25");
  }
}
