import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.io.Columns;
import org.newsframe.io.RejectReason;
import org.newsframe.stages.Validation;

/**
 * What the validate stage's row checks cost on a corpus, the jar's {@link Validation#markInvalidRows}
 * against the expressions it had before (Spark's {@code btrim} of the whole value for blank, {@code
 * length} of every text), alternating in one JVM: {@code old, new} {@code passes} times. Each pass
 * counts the rows per reason (equal in both, or the change is wrong) and prints wall and process CPU.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx8g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/ValidateCost.java &lt;corpus parquet&gt; [passes, default 2]
 * </pre>
 */
public class ValidateCost {
  private static final String WHITESPACE = " \t\n\r\u000B\f\u00A0\u2007\u202F\u3000\uFEFF";

  static Column oldBlank(String c) {
    return col(c).isNull().or(btrim(col(c), lit(WHITESPACE)).equalTo(""));
  }

  /** The checks as they were (markInvalidRows before this change, without the English guess both share). */
  static Dataset<Row> oldMarked(Dataset<Row> a) {
    return a.withColumn(Columns.REASON,
        when(oldBlank(Columns.ID), lit(RejectReason.MISSING_ID.code()))
            .when(oldBlank(Columns.OUTLET), lit(RejectReason.MISSING_OUTLET.code()))
            .when(oldBlank(Columns.TEXT), lit(RejectReason.EMPTY_TEXT.code()))
            .when(length(col(Columns.TEXT)).gt(Validation.MAX_TEXT_CHARS), lit(RejectReason.TEXT_TOO_LONG.code())));
  }

  static Dataset<Row> newMarked(Dataset<Row> a) {
    return a.withColumn(Columns.REASON,
        when(Validation.blankColumn(Columns.ID), lit(RejectReason.MISSING_ID.code()))
            .when(Validation.blankColumn(Columns.OUTLET), lit(RejectReason.MISSING_OUTLET.code()))
            .when(Validation.blankColumn(Columns.TEXT), lit(RejectReason.EMPTY_TEXT.code()))
            .when(Validation.textTooLong(col(Columns.TEXT)), lit(RejectReason.TEXT_TOO_LONG.code())));
  }

  static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  public static void main(String[] a) {
    int passes = a.length > 1 ? Integer.parseInt(a[1]) : 2;
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Dataset<Row> in = s.read().parquet(a[0]).select(Columns.ID, Columns.OUTLET, Columns.TEXT);
    for (int pass = 1; pass <= passes; pass++) {
      for (String v : List.of("old", "new")) {
        double c0 = cpu();
        long t0 = System.nanoTime();
        List<Row> counts = (v.equals("old") ? oldMarked(in) : newMarked(in)).groupBy(Columns.REASON).count()
            .orderBy(Columns.REASON).collectAsList();
        System.out.printf("pass %d %s: wall %.1f s, cpu %.1f s, rows per reason %s%n", pass, v, (System.nanoTime() - t0) / 1e9,
            cpu() - c0, counts);
      }
    }
    s.stop();
  }
}
