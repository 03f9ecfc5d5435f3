package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.newsframe.io.Columns;
import org.newsframe.stages.TextParams;

/**
 * {@code newsframe bench-text}: times the {@code terms} and {@code entities} stages on a corpus, the
 * entity stage with and without the paragraph cache, and reports NER throughput in tokens per second
 * per core. Figures come from the runs' own manifests.
 */
public final class BenchTextJob {

  private BenchTextJob() {}

  /**
   * Settings.
   *
   * @param input an ingested (or generated) Parquet corpus
   * @param originals keep this many source articles and every generated copy of them (0: all)
   * @param withoutCache also run the entity stage without the paragraph cache
   */
  public record Config(String input, String work, long originals, boolean withoutCache, String ner) {}

  public static Map<String, Object> run(Config config, SparkSession spark) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("input", config.input());
    result.put("cores", spark.sparkContext().defaultParallelism());
    result.put("spark_master", spark.sparkContext().master());
    result.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    String corpus = subset(spark, config);
    result.put("articles", spark.read().parquet(corpus).count());

    TextParams text = TextParams.defaults().withNer(config.ner());
    Map<String, Object> cached = figures(spark, corpus, config.work() + "/with-cache", text);
    result.put("with_paragraph_cache", cached);
    if (config.withoutCache()) {
      result.put("without_paragraph_cache",
          figures(spark, corpus, config.work() + "/without-cache", text.withParagraphCache(false)));
    }
    return result;
  }

  /** The corpus to measure: all of it, or N originals with their generated copies and distractors. */
  private static String subset(SparkSession spark, Config config) {
    if (config.originals() <= 0) {
      return config.input();
    }
    Dataset<Row> all = spark.read().parquet(config.input());
    boolean generated = Arrays.asList(all.columns()).contains(Columns.COPY_OF);
    // A stable pseudo-random choice of originals: the smallest hashes of their ids.
    Dataset<Row> chosen =
        all.filter(generated ? col(Columns.SYNTHETIC).isNull() : org.apache.spark.sql.functions.lit(true))
            .select(col(Columns.ID).as("chosen"))
            .orderBy(xxhash64(col("chosen")))
            .limit((int) Math.min(Integer.MAX_VALUE, config.originals()));
    Dataset<Row> subset = generated
        ? all.join(chosen, all.col(Columns.ID).equalTo(chosen.col("chosen")).or(all.col(Columns.COPY_OF).equalTo(chosen.col("chosen"))), "left_semi")
        : all.join(chosen, all.col(Columns.ID).equalTo(chosen.col("chosen")), "left_semi");
    String path = config.work() + "/corpus";
    subset.write().mode(SaveMode.Overwrite).parquet(path);
    return path;
  }

  private static Map<String, Object> figures(SparkSession spark, String corpus, String out, TextParams text) {
    RunConfig rc = RunConfig.of(corpus, out, Stage.withPrerequisites(Set.of(Stage.TERMS, Stage.ENTITIES)))
        .withText(text).withCsv(false);
    long t0 = System.nanoTime();
    RunJob.run(rc, spark);
    double wall = (System.nanoTime() - t0) / 1e9;
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(new File(out, RunJob.MANIFEST));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("run_seconds", Math.round(wall * 10) / 10.0);
    f.put("terms_seconds", m.at("/stage_millis/terms").asLong() / 1000.0);
    f.put("entities_seconds", m.at("/stage_millis/entities").asLong() / 1000.0);
    f.put("entities_tag_seconds", m.at("/stage_millis/entities.tag").asLong() / 1000.0);
    JsonNode e = m.at("/entities");
    e.fieldNames().forEachRemaining(k -> f.put(k, e.get(k).isNumber() ? e.get(k).numberValue() : e.get(k).isBoolean() ? (Object) e.get(k).booleanValue() : e.get(k).asText()));
    long tokens = m.at("/entities/tokens").asLong();
    double entitySeconds = m.at("/stage_millis/entities").asLong() / 1000.0;
    int cores = m.at("/entities/cores").asInt();
    f.put("corpus_tokens_per_second_per_core_whole_stage", entitySeconds == 0 ? 0 : Math.round(tokens / entitySeconds / cores));
    f.put("tables", new ObjectMapper().convertValue(m.at("/tables"), Map.class));
    return f;
  }
}
