import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.lang.management.ManagementFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.stages.Clean;

/**
 * What the clean stage's article openings cost ({@code learnFurniture}'s distinct openings): the
 * opening as Spark's {@code split} of every text into paragraphs and words made it, against the
 * jar's {@link Clean#openingPrint}, alternating in one JVM over a run's {@code articles}; each
 * prints wall and process CPU. Then, untimed, the rows where the two disagree: the old opening's
 * print ({@code openingPrint} of an opening is its own hash: it is one paragraph of 12 words, or
 * 200 characters with none) against the new one. 0, or the change is wrong.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx8g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/LeadCost.java &lt;run output&gt; [passes, default 2]
 * </pre>
 */
public class LeadCost {
  static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  public static void main(String[] a) {
    int passes = a.length > 1 ? Integer.parseInt(a[1]) : 2;
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Dataset<Row> in = s.read().parquet(a[0] + "/articles").select("clean_text");
    Column before = org.apache.spark.sql.functions.coalesce(
        expr("try_element_at(filter(split(clean_text, '\\n\\n'), p -> size(split(p, ' ')) >= 12), 1)"),
        substring(col("clean_text"), 1, 200));
    Column after = Clean.openingPrint(col("clean_text"));
    for (int pass = 1; pass <= passes; pass++) {
      for (String v : new String[] {"spark split", "Clean.openingPrint"}) {
        Column c = v.equals("spark split") ? hash(before) : after;
        double c0 = cpu();
        long t0 = System.nanoTime();
        Row r = in.select(c.as("l")).agg(count(col("l")), org.apache.spark.sql.functions.max(col("l"))).first();
        System.out.printf("pass %d %s: wall %.1f s, cpu %.1f s, openings %s (max %s)%n", pass, v, (System.nanoTime() - t0) / 1e9, cpu() - c0, r.get(0), r.get(1));
      }
    }
    Row check = in.select(Clean.openingPrint(before).as("o"), after.as("n"))
        .agg(count(col("n")), sum(when(col("o").eqNullSafe(col("n")), 0).otherwise(1))).first();
    System.out.printf("check: %s rows, %s where the old opening's print differs from the new%n", check.get(0), check.get(1));
    s.stop();
  }
}
