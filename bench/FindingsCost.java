import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.io.Columns;
import org.newsframe.stages.Validation;
import org.newsframe.text.HtmlText;

/**
 * What the validate stage's markup and control-character counts ({@code Validation.findings}) cost
 * on a corpus: the jar's expressions against the regular expressions they replaced (each text
 * decoded and matched by both patterns), alternating in one JVM, {@code passes} times. Each pass
 * reads the corpus and prints wall and process CPU seconds and the two counts (equal in both, or
 * the change is wrong).
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx8g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/FindingsCost.java &lt;corpus parquet&gt; [passes, default 2]
 * </pre>
 */
public class FindingsCost {
  static Column countIf(Column c) {
    return sum(when(c, 1).otherwise(0)).cast("long");
  }

  static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  public static void main(String[] a) {
    int passes = a.length > 1 ? Integer.parseInt(a[1]) : 2;
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Dataset<Row> in = s.read().parquet(a[0]).select(Columns.TEXT);
    Column text = col(Columns.TEXT);
    for (int pass = 1; pass <= passes; pass++) {
      for (String v : List.of("old", "new")) {
        Dataset<Row> counts = v.equals("old")
            ? in.agg(countIf(text.rlike(HtmlText.MARKUP_REGEX)), countIf(text.rlike("[\\x00-\\x08\\x0E-\\x1F\\x7F]")))
            : in.agg(countIf(Validation.holdsMarkup(text)), countIf(Validation.holdsControlCharacters(text)));
        double c0 = cpu();
        long t0 = System.nanoTime();
        Row r = counts.first();
        System.out.printf("pass %d %s: wall %.1f s, cpu %.1f s, markup %d, control %d%n", pass, v, (System.nanoTime() - t0) / 1e9,
            cpu() - c0, r.getLong(0), r.getLong(1));
      }
    }
    s.stop();
  }
}
