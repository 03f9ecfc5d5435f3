package org.newsframe.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.newsframe.NewsframeException;

/** The input formats {@code ingest} reads. */
public enum SourceFormat {
  /** One JSON object a line; {@code .gz} and other Hadoop codecs by file extension. */
  JSONL,
  /** CSV with a header row; quoted fields may span lines. */
  CSV,
  /** A directory of {@code .txt} files, one article each, and a metadata CSV. */
  TXT;

  /** Guesses the format from the path: its extension, or for a directory the files inside. */
  public static SourceFormat detect(FileSystem fs, Path path) {
    try {
      FileStatus status = fs.getFileStatus(path);
      if (!status.isDirectory()) {
        return byName(path.getName());
      }
      SourceFormat seen = null;
      for (FileStatus child : fs.listStatus(path)) {
        String name = child.getPath().getName();
        if (child.isDirectory() || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        SourceFormat f = byNameOrNull(name);
        if (f == TXT) {
          return TXT; // a text directory also holds its metadata CSV
        }
        if (f != null) {
          seen = f;
        }
      }
      if (seen == null) {
        throw new NewsframeException(
            "cannot tell the format of " + path + ": no .jsonl, .json, .csv or .txt files in it; use --format");
      }
      return seen;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + path, e);
    }
  }

  private static SourceFormat byName(String name) {
    SourceFormat f = byNameOrNull(name);
    if (f == null) {
      throw new NewsframeException(
          "cannot tell the format of " + name + " from its extension; use --format jsonl|csv|txt");
    }
    return f;
  }

  private static SourceFormat byNameOrNull(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|bz2|deflate|zst|lz4|snappy)$", "");
    if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
      return JSONL;
    }
    if (n.endsWith(".csv")) {
      return CSV;
    }
    if (n.endsWith(".txt")) {
      return TXT;
    }
    return null;
  }
}
