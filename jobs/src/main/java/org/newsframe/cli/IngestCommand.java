package org.newsframe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsframe.UsageException;
import org.newsframe.io.ColumnMapping;
import org.newsframe.io.SourceFormat;
import org.newsframe.jobs.IngestConfig;
import org.newsframe.jobs.IngestJob;
import org.newsframe.jobs.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsframe ingest}: parses options and calls {@link IngestJob#run}. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read JSONL (plain or .gz), CSV, or a directory of .txt files with a metadata CSV, and write a",
      "Parquet corpus partitioned by published_year and published_month, with _rejects/ and _manifest.json."
    })
public final class IngestCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, paramLabel = "<path>", description = "A file, or a directory of files.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "<dir>", description = "Corpus directory to write.")
  String output;

  @Option(names = "--format", paramLabel = "jsonl|csv|txt", description = "Input format; detected from the file names when omitted.")
  String format;

  @Option(
      names = "--map",
      paramLabel = "<canonical=column,...>",
      description = "Which input column is which article column, e.g. id=doc_id,text=body. "
          + "Common names (doc_id, body, content, source, publisher, date, published_at, ...) are recognised without it.")
  List<String> map = new ArrayList<>();

  @Option(names = "--metadata", paramLabel = "<csv>", description = "Metadata CSV of a .txt directory (default <input>/metadata.csv); needs a 'file' column.")
  String metadata;

  @Option(names = "--outlets", paramLabel = "<tsv>", description = "Outlet dictionary (canonical<TAB>alias); default: the bundled data/outlets.tsv.")
  Path outlets;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    IngestConfig config =
        new IngestConfig(input, output, parseFormat(format), parseMap(map), metadata, outlets);
    IngestJob.Result r = Sessions.withSession("newsframe ingest", spark -> IngestJob.run(config, spark));
    spec.commandLine().getOut().printf(
        "newsframe ingest: %d rows in, %d articles written, %d rejected %s, %d unparseable dates -> %s%n",
        r.rowsIn(), r.articles(), r.rejected().values().stream().mapToLong(Long::longValue).sum(),
        r.rejected(), r.unparsedDates(), r.output());
    return Newsframe.OK;
  }

  private static SourceFormat parseFormat(String value) {
    if (value == null) {
      return null;
    }
    try {
      return SourceFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format: unknown format '" + value + "'; formats are jsonl, csv, txt");
    }
  }

  private static java.util.Map<String, String> parseMap(List<String> specs) {
    try {
      return ColumnMapping.parsePairs(specs);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
