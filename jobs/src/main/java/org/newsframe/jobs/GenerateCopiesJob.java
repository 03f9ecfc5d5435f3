package org.newsframe.jobs;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusReader;
import org.newsframe.io.CorpusWriter;
import org.newsframe.io.OutputPublisher;
import org.newsframe.report.Manifest;
import org.newsframe.stages.Generate;
import org.newsframe.stages.Validation;

/**
 * {@code newsframe generate-copies}: a corpus plus labelled syndicated copies and distractors of its
 * articles, written as an ingested corpus ({@code run} reads it directly). Labels: {@code copy_of},
 * {@code copy_edits}, {@code synthetic}.
 */
public final class GenerateCopiesJob {

  public static final String MANIFEST = "_manifest.json";

  private GenerateCopiesJob() {}

  /** Rows written: source articles, copies and distractors. */
  public record Result(String output, long originals, long copies, long distractors) {}

  public static Result run(String input, String output, Generate.Params params, SparkSession spark) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("origin_share", params.originShare());
    settings.put("copies", params.minCopies() + ".." + params.maxCopies());
    settings.put("distractor_share", params.distractorShare());
    settings.put("seed", params.seed());
    Manifest manifest = new Manifest("generate-copies", input, output, settings);
    try (OutputPublisher out = OutputPublisher.begin(spark, output, MANIFEST)) {
      Dataset<Row> articles =
          Validation.accepted(CorpusReader.readMarked(spark, input)).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<String> outlets = new ArrayList<>();
        articles.select(Columns.OUTLET).distinct().orderBy(Columns.OUTLET).collectAsList()
            .forEach(r -> outlets.add(r.getString(0)));
        Dataset<Row> all =
            Generate.originals(articles)
                .unionByName(Generate.copies(articles, params, outlets))
                .unionByName(Generate.distractors(articles, params, outlets));
        manifest.time("generate", () -> CorpusWriter.write(all, out.path("")));
      } finally {
        articles.unpersist();
      }
      Dataset<Row> written = spark.read().parquet(out.path(""));
      Map<String, Long> counts = Counts.byKind(written);
      manifest.rows("written", counts);
      out.publish(manifest.finish());
      return new Result(out.target(), counts.getOrDefault("source", 0L), counts.getOrDefault("copy", 0L),
          counts.getOrDefault("distractor", 0L));
    }
  }
}
