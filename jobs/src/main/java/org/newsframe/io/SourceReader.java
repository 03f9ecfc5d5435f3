package org.newsframe.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.NewsframeException;

/** Reads raw article sources (JSONL, CSV, a directory of text files) as they come. */
public final class SourceReader {

  /** The metadata file a text directory is expected to hold when none is named. */
  public static final String DEFAULT_METADATA = "metadata.csv";

  /** Column of the text-directory reader naming each article's file. */
  public static final String FILE = "file";

  private static final List<String> FILE_COLUMN_NAMES = List.of("file", "filename", "file_name", "path");

  private SourceReader() {}

  /**
   * Reads {@code path} in {@code format}. Unparseable records are kept in {@link
   * Columns#CORRUPT_RECORD}; text files and metadata rows that do not pair up carry a {@link
   * Columns#SOURCE_PROBLEM}.
   *
   * @param metadata the metadata CSV of a text directory; null for {@code <dir>/metadata.csv}
   */
  public static Dataset<Row> read(
      SparkSession spark, String path, SourceFormat format, String metadata, Map<String, String> mapping) {
    CorpusReader.requireExists(spark, path);
    return switch (format) {
      case JSONL -> jsonl(spark, path);
      case CSV -> csv(spark, path);
      case TXT -> textDirectory(spark, path, metadata, mapping);
    };
  }

  /** The format of {@code path}, from {@code explicit} or by looking. */
  public static SourceFormat formatOf(SparkSession spark, String path, SourceFormat explicit) {
    if (explicit != null) {
      return explicit;
    }
    CorpusReader.requireExists(spark, path);
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return SourceFormat.detect(fs, p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Dataset<Row> jsonl(SparkSession spark, String path) {
    return spark
        .read()
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", Columns.CORRUPT_RECORD)
        .json(path);
  }

  static Dataset<Row> csv(SparkSession spark, String path) {
    // Every column as text, plus the corrupt-record column (CSV only fills it when it is declared).
    StructType header = csvReader(spark).csv(path).schema();
    StructType schema = new StructType();
    for (String name : header.fieldNames()) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    schema = schema.add(Columns.CORRUPT_RECORD, DataTypes.StringType, true);
    return csvReader(spark)
        .schema(schema)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", Columns.CORRUPT_RECORD)
        .csv(path);
  }

  private static org.apache.spark.sql.DataFrameReader csvReader(SparkSession spark) {
    return spark
        .read()
        .option("header", true)
        .option("multiLine", true)
        .option("escape", "\"")
        .option("encoding", "UTF-8");
  }

  /**
   * Text files joined to their metadata rows by file name. A text file with no metadata row is
   * marked {@code no_metadata}; a metadata row whose file is missing, {@code missing_file}. When the
   * metadata has no id column, the file name without {@code .txt} is the id.
   */
  static Dataset<Row> textDirectory(
      SparkSession spark, String dir, String metadataPath, Map<String, String> mapping) {
    String meta = metadataPath != null ? metadataPath : new Path(dir, DEFAULT_METADATA).toString();
    CorpusReader.requireExists(spark, meta);
    Dataset<Row> metadata = csv(spark, meta).drop(Columns.CORRUPT_RECORD);
    String fileColumn = fileColumn(metadata, meta);
    Dataset<Row> texts =
        spark
            .read()
            .option("wholetext", true)
            .text(new Path(dir, "*.txt").toString())
            .select(col("_metadata.file_name").as("_nf_file"), col("value").as("_nf_text"));
    Dataset<Row> joined =
        metadata
            .withColumn("_nf_key", regexp_replace(col("`" + fileColumn + "`"), "^.*/", ""))
            .join(texts, col("_nf_key").equalTo(col("_nf_file")), "full_outer");
    String textColumn = mapping.getOrDefault(Columns.TEXT, Columns.TEXT);
    Dataset<Row> out =
        joined
            .withColumn(
                Columns.SOURCE_PROBLEM,
                when(col("_nf_key").isNull(), lit(RejectReason.NO_METADATA.code()))
                    .when(col("_nf_file").isNull(), lit(RejectReason.MISSING_FILE.code())))
            .withColumn(textColumn, col("_nf_text"))
            .withColumn(FILE, coalesce(col("_nf_key"), col("_nf_file")));
    boolean hasId =
        ColumnMapping.resolve(Arrays.asList(metadata.columns()), Map.of()).source(Columns.ID).isPresent()
            || mapping.containsKey(Columns.ID);
    if (!hasId) {
      out = out.withColumn(Columns.ID, regexp_replace(col(FILE), "(?i)\\.txt$", ""));
    }
    if (!fileColumn.equals(FILE)) {
      out = out.drop(fileColumn);
    }
    return out.drop("_nf_key", "_nf_file", "_nf_text");
  }

  private static String fileColumn(Dataset<Row> metadata, String metaPath) {
    for (String c : metadata.columns()) {
      if (FILE_COLUMN_NAMES.contains(c.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new NewsframeException(
        metaPath + ": needs a column naming each text file (" + String.join(", ", FILE_COLUMN_NAMES)
            + "); columns found: " + Arrays.asList(metadata.columns()));
  }
}
