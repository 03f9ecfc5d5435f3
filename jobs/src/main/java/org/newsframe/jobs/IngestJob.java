package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.NewsframeException;
import org.newsframe.UsageException;
import org.newsframe.io.ColumnMapping;
import org.newsframe.io.Columns;
import org.newsframe.io.CorpusWriter;
import org.newsframe.io.OutputPublisher;
import org.newsframe.io.SourceFormat;
import org.newsframe.io.SourceReader;
import org.newsframe.report.Manifest;
import org.newsframe.stages.Conform;
import org.newsframe.stages.Ingest;
import org.newsframe.stages.Validation;
import org.newsframe.text.OutletNames;

/**
 * {@code newsframe ingest}: reads JSONL, CSV or a text directory, maps its columns to the article
 * schema, canonicalises outlets and dates, and writes a Parquet corpus partitioned by publication
 * year and month. Quarantined rows go to {@code _rejects/}; {@code _manifest.json} says what
 * happened. (Both start with an underscore so Spark does not read them as part of the corpus.)
 */
public final class IngestJob {

  public static final String MANIFEST = "_manifest.json";
  public static final String REJECTS = "_rejects";

  private IngestJob() {}

  /** What an ingest wrote. */
  public record Result(
      String output, long rowsIn, long articles, Map<String, Long> rejected, long unparsedDates) {}

  public static Result run(IngestConfig config, SparkSession spark) {
    Manifest manifest = new Manifest("ingest", config.input(), config.output(), config.describe());
    OutletNames outlets = OutletNames.load(config.outlets());
    try (OutputPublisher out = OutputPublisher.begin(spark, config.output(), MANIFEST)) {
      SourceFormat format = SourceReader.formatOf(spark, config.input(), config.format());
      Dataset<Row> raw =
          SourceReader.read(spark, config.input(), format, config.metadata(), config.mapping());
      ColumnMapping mapping = mapping(raw, config);
      Dataset<Row> named = Ingest.renameToCanonical(raw, mapping);
      Dataset<Row> withOutlets = Ingest.canonicalOutlets(named, outlets);
      Dataset<Row> articles = Conform.toArticleSchema(withOutlets, config.input());
      Dataset<Row> marked = Validation.markRejects(articles).persist(StorageLevel.MEMORY_AND_DISK());
      long rowsIn;
      try {
        rowsIn = manifest.time("read", marked::count);
        manifest.time("write", () -> {
          CorpusWriter.write(Validation.accepted(marked), out.path(""));
          Validation.rejected(marked).orderBy(Columns.REASON, Columns.ID).write().parquet(out.path(REJECTS));
        });
      } finally {
        marked.unpersist();
      }

      Dataset<Row> written = spark.read().parquet(out.path(""));
      long count = written.count();
      Map<String, Long> rejected = Counts.byReason(spark.read().parquet(out.path(REJECTS)));
      if (rowsIn != count + Counts.total(rejected)) {
        throw new IllegalStateException(
            "row counts do not reconcile: " + rowsIn + " in, " + count + " written + "
                + Counts.total(rejected) + " rejected");
      }
      Map<String, Object> dates = unparsedDates(written);
      manifest
          .put("columns", mapping.asMap())
          .rows("in", rowsIn)
          .rows("out", count)
          .rows("rejected", Counts.total(rejected))
          .rows("rejected_by_reason", rejected)
          .put("dates", dates)
          .put("outlets", outletSummary(written, outlets));
      out.publish(manifest.finish());
      return new Result(out.target(), rowsIn, count, rejected, (Long) dates.get("unparsed"));
    }
  }

  private static ColumnMapping mapping(Dataset<Row> raw, IngestConfig config) {
    List<String> columns = Arrays.asList(raw.columns());
    ColumnMapping mapping;
    try {
      mapping = ColumnMapping.resolve(columns, config.mapping());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    for (String required : List.of(Columns.ID, Columns.TEXT)) {
      if (mapping.source(required).isEmpty()) {
        throw new NewsframeException(
            config.input() + ": no column for '" + required + "' (looked for "
                + String.join(", ", commonNames(required)) + "); name it with --map " + required
                + "=<column>; columns found: " + columns);
      }
    }
    if (mapping.source(Columns.OUTLET).isEmpty() && mapping.source(Columns.URL).isEmpty()) {
      throw new NewsframeException(
          config.input() + ": no column for 'outlet' and no 'url' to take it from; name it with"
              + " --map outlet=<column>; columns found: " + columns);
    }
    return mapping;
  }

  private static List<String> commonNames(String canonical) {
    return ColumnMapping.commonNames(canonical);
  }

  /** How many articles have no date, how many of those had one that could not be read, and examples. */
  private static Map<String, Object> unparsedDates(Dataset<Row> written) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("null", written.filter(col(Columns.PUBLISHED).isNull()).count());
    if (!Arrays.asList(written.columns()).contains(Conform.PUBLISHED_RAW)) {
      m.put("unparsed", 0L);
      return m;
    }
    Dataset<Row> bad = written.filter(col(Conform.PUBLISHED_RAW).isNotNull());
    m.put("unparsed", bad.count());
    List<String> examples = new ArrayList<>();
    for (Row r : bad.select(Conform.PUBLISHED_RAW).distinct().orderBy(Conform.PUBLISHED_RAW).limit(10).collectAsList()) {
      examples.add(r.getString(0));
    }
    m.put("examples", examples);
    m.put("kept_in", Conform.PUBLISHED_RAW);
    return m;
  }

  /** Distinct outlets, and those the dictionary does not know (most articles first); {@code run} reports the same. */
  static Map<String, Object> outletSummary(Dataset<Row> written, OutletNames outlets) {
    List<Row> counts =
        written.groupBy(Columns.OUTLET).count().orderBy(desc("count"), col(Columns.OUTLET)).collectAsList();
    Map<String, Long> unknown = new LinkedHashMap<>();
    for (Row r : counts) {
      if (!outlets.isKnown(r.getString(0))) {
        unknown.put(r.getString(0), r.getLong(1));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("distinct", counts.size());
    m.put("not_in_dictionary", unknown.size());
    m.put("not_in_dictionary_top", unknown.entrySet().stream().limit(20)
        .collect(LinkedHashMap::new, (acc, e) -> acc.put(e.getKey(), e.getValue()), Map::putAll));
    return m;
  }
}
