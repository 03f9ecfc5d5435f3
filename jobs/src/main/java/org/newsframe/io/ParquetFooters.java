package org.newsframe.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts the lists a Parquet footer holds in a fixed order, so that the same rows give the same file
 * in every JVM. parquet-mr collects a column chunk's encodings in a {@code HashSet} of enums, whose
 * iteration order follows identity hash codes and so changes from one JVM to the next: two runs of
 * the same job, or a cluster and local mode, would otherwise write files that differ in a few
 * footer bytes. Only the footer is rewritten; the data pages and the offsets into them are kept.
 */
public final class ParquetFooters {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /** The footer with its encoding lists sorted (by the encodings' codes). */
  static FileMetaData sorted(FileMetaData md) {
    if (md.getRow_groups() == null) {
      return md;
    }
    for (RowGroup g : md.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        if (c.isSetMeta_data()) {
          if (c.getMeta_data().getEncodings() != null) {
            c.getMeta_data().getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
          }
          List<PageEncodingStats> stats = c.getMeta_data().getEncoding_stats();
          if (stats != null) {
            stats.sort(Comparator.<PageEncodingStats>comparingInt(s -> s.getPage_type().getValue())
                .thenComparingInt(s -> s.getEncoding().getValue()).thenComparingInt(PageEncodingStats::getCount));
          }
        }
      }
    }
    return md;
  }

  /**
   * Rewrites {@code file}'s footer in the fixed order when it is not in it already.
   *
   * @return whether the file was rewritten
   */
  public static boolean normalise(FileSystem fs, Path file) throws IOException {
    return rewrite(fs, file, ParquetFooters::sorted);
  }

  /** Replaces {@code file}'s footer by {@code change} of it, unless that leaves the same bytes. */
  static boolean rewrite(FileSystem fs, Path file, java.util.function.UnaryOperator<FileMetaData> change) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    byte[] footer;
    long dataEnd;
    try (FSDataInputStream in = fs.open(file)) {
      byte[] tail = new byte[8];
      in.readFully(length - 8, tail);
      if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        throw new IOException(file + " does not end as a Parquet file");
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      dataEnd = length - 8 - footerLength;
      footer = new byte[footerLength];
      in.readFully(dataEnd, footer);
    }
    ByteArrayOutputStream fixed = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(change.apply(Util.readFileMetaData(new ByteArrayInputStream(footer))), fixed);
    byte[] out = fixed.toByteArray();
    if (Arrays.equals(out, footer)) {
      return false;
    }
    Path tmp = new Path(file.getParent(), "_" + file.getName() + ".footer");
    try (InputStream in = fs.open(file); OutputStream o = fs.create(tmp, true)) {
      byte[] buf = new byte[1 << 16];
      long left = dataEnd;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("unexpected end of " + file);
        }
        o.write(buf, 0, n);
        left -= n;
      }
      o.write(out);
      o.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(out.length).array());
      o.write(MAGIC);
    }
    if (!fs.delete(file, false) || !fs.rename(tmp, file)) {
      throw new IOException("cannot replace " + file + " with " + tmp);
    }
    return true;
  }

  /** {@link #normalise} for each of {@code files}, run where Spark puts the task. */
  public static final class NormaliseFn implements org.apache.spark.api.java.function.VoidFunction<String> {
    private final org.apache.spark.util.SerializableConfiguration conf;

    public NormaliseFn(Configuration conf) {
      this.conf = new org.apache.spark.util.SerializableConfiguration(conf);
    }

    @Override
    public void call(String file) {
      Path p = new Path(file);
      try {
        normalise(p.getFileSystem(conf.value()), p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot normalise the footer of " + file, e);
      }
    }
  }
}
