import static org.apache.spark.sql.functions.*;
import org.apache.spark.sql.*;
import org.newsframe.stages.Framing;
import org.newsframe.text.lexicons.Lexicons;

/**
 * What the framing stage's quote step ({@code Framing.quotes}, written) costs apart from the rest of
 * a run, on one in {@code every} of a run's articles (by a hash of the id) with their entity
 * mentions, {@code rounds} times in one JVM (the first pays for the JIT); prints the seconds, the
 * quote rows and a checksum of them. Run it once per jar to compare two versions of the step.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx12g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/QuotesCost.java \
 *   &lt;run output&gt; &lt;out&gt; &lt;every&gt; &lt;rounds&gt;
 * </pre>
 */
public class QuotesCost {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "16").getOrCreate();
    Column keep = pmod(hash(col("id")), lit(Integer.parseInt(a[2]))).equalTo(0);
    Dataset<Row> articles = s.read().parquet(a[0] + "/articles").filter(keep);
    Dataset<Row> mentions = s.read().parquet(a[0] + "/entity_mentions").filter(keep);
    for (int i = 0; i < Integer.parseInt(a[3]); i++) {
      long t0 = System.nanoTime();
      Framing.quotes(articles, mentions, Lexicons.bundled()).write().mode("overwrite").parquet(a[1]);
      System.out.printf("quotes %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    Dataset<Row> q = s.read().parquet(a[1]);
    System.out.println("rows " + q.count() + " checksum " + q.select(sum(hash(q.columns().length == 0 ? lit(0) : struct(java.util.Arrays.stream(q.columns()).map(functions::col).toArray(Column[]::new))).cast("long"))).first());
    s.stop();
  }
}
