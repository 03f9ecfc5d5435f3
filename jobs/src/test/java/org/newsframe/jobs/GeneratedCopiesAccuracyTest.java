package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsframe.Fixtures;
import org.newsframe.TestSpark;
import org.newsframe.TextGen;
import org.newsframe.io.Columns;
import org.newsframe.stages.Generate;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.SyndicationEvaluation;
import org.newsframe.stages.SyndicationParams;

/** generate-copies → run → pairwise precision and recall, on a small made-up corpus. */
class GeneratedCopiesAccuracyTest {

  private final SparkSession spark = TestSpark.session();
  @TempDir Path tmp;

  @Test
  void syndicationFindsTheGeneratedCopiesAndNotTheDistractors() {
    TextGen gen = new TextGen(17);
    SplittableRandom r = new SplittableRandom(17);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      rows.add(new Object[] {
        String.format("a%03d", i), "Outlet" + (i % 8), "2020-01-" + (10 + i % 15), "Title " + gen.sentence(6),
        gen.article(5 + r.nextInt(8)), null, "en"});
    }
    Path source = tmp.resolve("source");
    Fixtures.strings(Fixtures.ARTICLE_COLUMNS, rows.toArray(Object[][]::new)).write().parquet(source.toString());

    Path generated = tmp.resolve("generated");
    GenerateCopiesJob.Result g = GenerateCopiesJob.run(source.toString(), generated.toString(),
        new Generate.Params(0.5, 1, 3, 0.3, 7), spark);
    assertThat(g.originals()).isEqualTo(80);
    assertThat(g.copies()).isBetween(40L, 160L);
    assertThat(g.distractors()).isBetween(10L, 40L);

    Dataset<Row> corpus = spark.read().parquet(generated.toString());
    assertThat(corpus.filter("synthetic = 'copy'").join(
            corpus.select(org.apache.spark.sql.functions.col(Columns.ID).as(Columns.COPY_OF)), Columns.COPY_OF).count())
        .as("every copy points at an article of the corpus").isEqualTo(g.copies());

    Path out = tmp.resolve("out");
    RunJob.run(RunConfig.of(generated.toString(), out.toString(), Stage.allAvailable()), spark);

    SyndicationParams p = SyndicationParams.defaults();
    Dataset<Row> signatures = Syndication.signatures(spark.read().parquet(out.resolve("articles").toString()), p);
    SyndicationEvaluation.Result e = SyndicationEvaluation.evaluate(
        spark.read().parquet(out.resolve("syndication_clusters").toString()),
        corpus.select(Columns.ID, Columns.COPY_OF, Columns.SYNTHETIC), signatures, p.minContainment());
    assertThat(e.truthPairsAtTarget()).as("%s", e).isGreaterThan(50);
    assertThat(e.precision())
        .as("%s; false positives %s", e, SyndicationEvaluation.falsePositives(
            spark.read().parquet(out.resolve("syndication_clusters").toString()),
            corpus.select(Columns.ID, Columns.COPY_OF, Columns.SYNTHETIC)).collectAsList())
        .isGreaterThanOrEqualTo(0.99);
    assertThat(e.recallAtTarget())
        .as("%s; missed %s", e, SyndicationEvaluation.missedPairs(
            spark.read().parquet(out.resolve("syndication_clusters").toString()),
            corpus.select(Columns.ID, Columns.COPY_OF, Columns.SYNTHETIC), signatures).collectAsList())
        .isGreaterThanOrEqualTo(0.98);
  }
}
