package org.newsframe.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsframe.NewsframeException;

/**
 * Writes a job's output into a staging directory beside the target and swaps it in only when the
 * job succeeds, so readers see the previous output or the new one, never a half-written one. Closing
 * an unpublished publisher deletes the staging directory and leaves the previous output as it was.
 *
 * <p>To avoid deleting data that is not ours, an existing output is replaced only when it holds the
 * marker file a newsframe job writes last ({@code manifest.json}, or {@code _manifest.json} for an
 * ingested corpus).
 */
public final class OutputPublisher implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final String markerName;
  private boolean published;

  private OutputPublisher(
      SparkSession spark, FileSystem fs, Path target, Path staging, String markerName) {
    this.spark = spark;
    this.fs = fs;
    this.target = target;
    this.staging = staging;
    this.markerName = markerName;
  }

  /**
   * Starts an output at {@code output}, checking first that an existing one may be replaced.
   *
   * @param markerName the file the job writes last, whose presence marks a newsframe output
   */
  public static OutputPublisher begin(SparkSession spark, String output, String markerName) {
    Path target = new Path(output);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      if (fs.exists(target)) {
        if (!fs.getFileStatus(target).isDirectory()) {
          throw new NewsframeException("output " + output + " exists and is a file, not a directory");
        }
        boolean empty = fs.listStatus(target).length == 0;
        if (!empty && !fs.exists(new Path(target, markerName))) {
          throw new NewsframeException(
              "output " + output + " exists and is not a newsframe output (no " + markerName
                  + "); refusing to replace it. Choose another --output or remove it.");
        }
      }
      Path parent = target.getParent();
      // Not hidden (no leading dot): Spark skips hidden paths when it reads the staged tables back.
      Path staging = new Path(parent, target.getName() + ".staging-" + UUID.randomUUID());
      fs.mkdirs(staging);
      return new OutputPublisher(spark, fs, target, staging, markerName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + output, e);
    }
  }

  /**
   * What a path inside an output may be: names of letters, digits, {@code . _ -} joined by
   * {@code /}, none of them {@code .} or {@code ..}. Outputs are named by the code, never by data (an
   * outlet called {@code ../../etc} or {@code CON} stays a value in a table); this check makes a
   * mistake there an error rather than a write outside the output.
   */
  private static final java.util.regex.Pattern SAFE_RELATIVE =
      java.util.regex.Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  /** Where a table or file goes inside the staging directory. */
  public String path(String relative) {
    if (relative.isEmpty()) {
      return staging.toString();
    }
    if (!SAFE_RELATIVE.matcher(relative).matches()) {
      throw new IllegalArgumentException("not a safe path inside an output: '" + relative + "'");
    }
    return new Path(staging, relative).toString();
  }

  /** The final location of the output. */
  public String target() {
    return target.toString();
  }

  /**
   * Writes {@code table} as Parquet at {@code <out>/<name>/} and, when {@code csv} is set, a single
   * UTF-8 CSV copy with a header at {@code <out>/csv/<name>.csv}. Rows are sorted by {@code sortBy}
   * so that the same input gives the same files.
   */
  public void writeTable(String name, Dataset<Row> table, boolean csv, String... sortBy) {
    // Rows hashed to partitions by the sort key and sorted within them: the same input gives the
    // same files on every run, at one shuffle (a global orderBy costs a sampling pass and a shuffle).
    Dataset<Row> sorted = sortBy.length == 0 ? table : table.repartition(columns(sortBy)).sortWithinPartitions(columns(sortBy));
    writeSorted(name, sorted, csv, sortBy);
  }

  /** Writes rows already in their final partitions and order, names the part files stably, and the CSV copy sorted by {@code key}. */
  private void writeSorted(String name, Dataset<Row> sorted, boolean csv, String[] key) {
    sorted.write().mode(SaveMode.ErrorIfExists).parquet(path(name));
    stableNames(path(name));
    if (csv) {
      writeCsv(name, spark.read().parquet(path(name)), key);
    }
  }

  /**
   * {@link #writeTable} without its shuffle, for a table whose partitions the same input always
   * fills with the same rows (a narrow chain over files, or the output of a shuffle by another key):
   * rows stay in the partitions they come in and are sorted there by {@code sortBy}, which must be
   * unique, so the same input still gives the same files; one key's rows may be in several files.
   * At 1M bench articles, writing {@code articles} this way took the clean stage's shuffle from 12.0
   * to 7.8 GB.
   */
  public void writeTableInPlace(String name, Dataset<Row> table, boolean csv, String... sortBy) {
    writeSorted(name, table.sortWithinPartitions(columns(sortBy)), csv, sortBy);
  }

  /**
   * {@link #writeTableInPlace} without its sort, for tables of hundreds of millions of rows that a
   * step emits in an order of its own that the input fixes (the term tables: a task's terms in key
   * order, a story's rows together): rows are written in the partitions and the order they come in,
   * so the same input still gives the same files. The CSV copy is sorted by the key. At 10k bench
   * articles copied 8 times (24.4 M story_term_frequencies rows), sorting them by a key hash before
   * the write took 33-39 s against 25-27 s without it.
   */
  public void writeTableAsComputed(String name, Dataset<Row> table, boolean csv, String... key) {
    // No shuffle by the key either: the term tables come from files a term or a story was written
    // whole into. At 1M bench articles (224.8 M story_term_frequencies rows) framing's shuffle fell
    // from 31.7 to 20.6 GB and terms' from 19.4 to 12.5 GB.
    writeSorted(name, table, csv, key);
  }

  /** A part file's name as Spark writes it: the write job's UUID between the part number and the rest. */
  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile("(part-\\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(.*)");

  /**
   * Drops the write job's UUID from the part files' names, so two runs of the same input leave the
   * same file names as well as the same bytes (and a diff of two outputs compares like with like).
   */
  private void stableNames(String dir) {
    try {
      List<String> parts = new ArrayList<>();
      for (FileStatus f : fs.listStatus(new Path(dir))) {
        java.util.regex.Matcher m = PART.matcher(f.getPath().getName());
        if (m.matches()) {
          Path dest = new Path(f.getPath().getParent(), m.group(1) + m.group(2));
          if (!fs.rename(f.getPath(), dest)) {
            throw new IOException("cannot rename " + f.getPath() + " to " + dest);
          }
          parts.add(dest.toString());
        }
      }
      // Footers in a fixed order (see ParquetFooters), one task a file: the rewrite streams each
      // file once where Spark runs the task, not through the driver.
      if (!parts.isEmpty()) {
        new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
            .parallelize(parts, Math.min(parts.size(), spark.sparkContext().defaultParallelism()))
            .foreach(new ParquetFooters.NormaliseFn(spark.sparkContext().hadoopConfiguration()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot name the part files of " + dir, e);
    }
  }

  private void writeCsv(String name, Dataset<Row> table, String... sortBy) {
    Dataset<Row> flat = CsvCells.flatten(table);
    if (sortBy.length > 0) {
      flat = flat.orderBy(columns(sortBy));
    }
    String tmp = path("csv/." + name + ".tmp");
    flat.coalesce(1)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("header", true)
        .option("escape", "\"")
        .option("encoding", "UTF-8")
        .csv(tmp);
    try {
      FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*"));
      if (parts == null || parts.length != 1) {
        throw new IllegalStateException(
            "expected one CSV part file in " + tmp + ", found " + (parts == null ? 0 : parts.length));
      }
      Path dest = new Path(path("csv/" + name + ".csv"));
      if (!fs.rename(parts[0].getPath(), dest)) {
        throw new IOException("cannot move " + parts[0].getPath() + " to " + dest);
      }
      fs.delete(new Path(tmp), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV copy of " + name, e);
    }
  }

  /** Writes a UTF-8 text file at {@code relative}, creating its directory. */
  public void writeText(String relative, String content) {
    try (OutputStream out = fs.create(new Path(path(relative)), false)) {
      out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
    try {
      // The local file system's checksum file is noise beside a document meant to be opened.
      Path file = new Path(path(relative));
      fs.delete(new Path(file.getParent(), "." + file.getName() + ".crc"), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy " + relative, e);
    }
  }

  /** Writes a JSON document; maps are written in their own iteration order. */
  public void writeJson(String relative, Object document) {
    try (OutputStream out = fs.create(new Path(path(relative)), false)) {
      JSON.writeValue(out, document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
  }

  /** Where {@link #writeWork} puts intermediate tables; never published. */
  public static final String WORK = "_work";

  /**
   * Writes an intermediate table that later stages of the same run read back (so they reuse work
   * instead of redoing it); it is deleted before the output is published. Returns its path.
   */
  public String writeWork(String name, Dataset<Row> table) {
    String p = path(WORK + "/" + name);
    table.write().mode(SaveMode.ErrorIfExists).parquet(p);
    return p;
  }

  /** Writes the marker file and swaps the staging directory in place of the target. */
  public void publish(Object manifest) {
    try {
      fs.delete(new Path(staging, WORK), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the intermediate tables of " + staging, e);
    }
    writeJson(markerName, manifest);
    try {
      Path previous = null;
      if (fs.exists(target)) {
        previous = new Path(target.getParent(), target.getName() + ".previous-" + UUID.randomUUID());
        if (!fs.rename(target, previous)) {
          throw new IOException("cannot move the previous output " + target + " aside");
        }
      }
      if (!fs.rename(staging, target)) {
        if (previous != null) {
          fs.rename(previous, target);
        }
        throw new IOException("cannot move " + staging + " to " + target);
      }
      published = true;
      if (previous != null) {
        fs.delete(previous, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish output " + target, e);
    }
  }

  /** Deletes the staging directory unless it was published. */
  @Override
  public void close() {
    if (published) {
      return;
    }
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging directory " + staging, e);
    }
  }

  private static Column[] columns(String... names) {
    List<Column> cols = new ArrayList<>();
    for (String n : names) {
      cols.add(col(n));
    }
    return cols.toArray(Column[]::new);
  }

  /** How table cells become CSV cells. */
  static final class CsvCells {
    private CsvCells() {}

    /** Cell starts a spreadsheet would run as a formula (OWASP's CSV injection list). */
    static final String FORMULA_START = "^[=+\\-@\t\r]";

    /**
     * CSV has no nested values: arrays, maps and structs are written as JSON text. Text cells that
     * begin like a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return) get a
     * leading {@code '} so a spreadsheet shows them instead of running them; numbers and the Parquet
     * tables are left as they are.
     */
    static Dataset<Row> flatten(Dataset<Row> table) {
      StructType schema = table.schema();
      List<Column> cols = new ArrayList<>();
      for (StructField f : schema.fields()) {
        Column c = col("`" + f.name() + "`");
        boolean nested =
            f.dataType() instanceof StructType
                || f.dataType() instanceof ArrayType
                || f.dataType() instanceof MapType;
        if (nested) {
          cols.add(to_json(c).as(f.name()));
        } else if (f.dataType() instanceof org.apache.spark.sql.types.StringType) {
          cols.add(org.apache.spark.sql.functions.when(c.rlike(FORMULA_START), org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit("'"), c))
              .otherwise(c).as(f.name()));
        } else {
          cols.add(c);
        }
      }
      return table.select(cols.toArray(Column[]::new));
    }
  }
}
