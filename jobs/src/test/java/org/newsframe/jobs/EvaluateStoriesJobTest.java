package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;

/** evaluate-stories end to end on labelled made-up stories, one report of which has no date. */
class EvaluateStoriesJobTest {

  private static final int STORIES = 4;
  private static final int REPORTS = 4;
  @TempDir Path tmp;

  /**
   * {@code STORIES} stories of {@code REPORTS} reports each, by different outlets on one day; a
   * story's reports are drawn from its own 30 words, so they share their top terms with each other
   * and with no other story. Story 1's last report is undated.
   */
  private Path corpus() throws Exception {
    List<Map<String, Object>> corpus = new ArrayList<>();
    for (int s = 0; s < STORIES; s++) {
      TextGen gen = new TextGen(100 + s);
      List<String> words = new ArrayList<>();
      while (words.size() < 30) {
        String w = gen.word() + gen.word();
        if (!words.contains(w)) {
          words.add(w);
        }
      }
      for (int r = 0; r < REPORTS; r++) {
        SplittableRandom random = new SplittableRandom(1000L * s + r);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 4; p++) {
          for (int sentence = 0; sentence < 4; sentence++) {
            StringBuilder b = new StringBuilder("The");
            for (int w = 0; w < 12; w++) {
              b.append(' ').append(words.get(random.nextInt(words.size())));
            }
            text.append(b).append(". ");
          }
          text.append("\n\n");
        }
        Map<String, Object> a = Fixtures.jsonArticle("s" + s + "r" + r, "Outlet " + r,
            s == 1 && r == REPORTS - 1 ? null : "2020-03-1" + s, "Report " + r + " of story " + s, text.toString().strip());
        a.put("cluster_id", "story-" + s);
        corpus.add(a);
      }
    }
    return Fixtures.jsonl(tmp.resolve("labelled.jsonl"), corpus);
  }

  @Test
  @SuppressWarnings("unchecked")
  void scoresStoriesAgainstTheLabelsAndReusesThePreparedStages() throws Exception {
    Path corpus = corpus();
    String work = tmp.resolve("work").toString();
    long goldPairs = STORIES * (REPORTS * (REPORTS - 1) / 2);

    Map<String, Object> capped = EvaluateStoriesJob.run(new EvaluateStoriesJob.Config(
        corpus.toString(), work, "cluster_id", List.of(0.3), "aliases", 3, 5), TestSpark.session());
    assertThat(capped).as("%s", capped).containsEntry("labelled_articles", (long) STORIES * REPORTS)
        .containsEntry("gold_pairs", goldPairs).containsEntry("prepared_before", false);
    Map<String, Object> at30 = ((List<Map<String, Object>>) capped.get("sweep")).get(0);
    assertThat(at30).as("%s", at30).containsEntry("true_pairs", goldPairs).containsEntry("precision", 1.0).containsEntry("recall", 1.0);

    // No undated report pairs: story 1's undated one is a story of its own, its 3 pairs lost.
    Map<String, Object> none = EvaluateStoriesJob.run(new EvaluateStoriesJob.Config(
        corpus.toString(), work, "cluster_id", List.of(0.3), "aliases", 3, 0), TestSpark.session());
    assertThat(none).containsEntry("prepared_before", true);
    Map<String, Object> noneAt30 = ((List<Map<String, Object>>) none.get("sweep")).get(0);
    assertThat(noneAt30).as("%s", noneAt30).containsEntry("true_pairs", goldPairs - (REPORTS - 1))
        .containsEntry("precision", 1.0).containsEntry("recall", Math.round((goldPairs - (REPORTS - 1)) * 10000.0 / goldPairs) / 10000.0);
    assertThat((Map<String, Object>) none.get("settings")).containsEntry("max_undated_posting", 0);
  }
}
