package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newsframe.io.Columns;

/** Row counts for manifests, read back from written tables. */
final class Counts {
  private Counts() {}

  /** Rejected rows per reason, in reason order. */
  static Map<String, Long> byReason(Dataset<Row> rejects) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : rejects.groupBy(col(Columns.REASON)).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /** Rows per {@link Columns#SYNTHETIC} label of a generated corpus ({@code source} for real articles), by label. */
  static Map<String, Long> byKind(Dataset<Row> generated) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : generated.groupBy(col(Columns.SYNTHETIC)).count().collectAsList()) {
      out.put(r.isNullAt(0) ? "source" : r.getString(0), r.getLong(1));
    }
    return out;
  }

  static long total(Map<String, Long> byReason) {
    return byReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
