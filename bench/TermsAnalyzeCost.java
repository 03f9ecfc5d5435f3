import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.io.Columns;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.TermTables;
import org.newsframe.stages.Terms;
import org.newsframe.text.terms.TermAnalyzer;

/**
 * What the terms stage's analyze step ({@code TermTables.partials} then {@code perTerm}, written)
 * costs apart from the rest of a run, on one in {@code every} of a run's articles (by a hash of the
 * id) read into {@code inputPartitions} partitions, with the run's clusters; prints the seconds and
 * the work rows. Run it once per jar to compare two versions of the step.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx12g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/TermsAnalyzeCost.java \
 *   &lt;run output&gt; &lt;out&gt; &lt;every&gt; &lt;shuffle partitions&gt; &lt;input partitions&gt;
 * </pre>
 */
public class TermsAnalyzeCost {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master(System.getProperty("nf.master", "local[2]")).config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", a[3]).getOrCreate();
    Dataset<Row> articles = s.read().parquet(a[0] + "/articles")
        .filter(pmod(hash(col(Columns.ID)), lit(Integer.parseInt(a[2]))).equalTo(0))
        .select(Columns.ID, Columns.OUTLET, Columns.CLEAN_TEXT).coalesce(Integer.parseInt(a[4]));
    Dataset<Row> clusters = s.read().parquet(a[0] + "/syndication_clusters");
    TermTables.Params p = TermTables.Params.of(TermAnalyzer.Options.defaults(), 3, Terms.DistinctiveParams.defaults());
    long t0 = System.nanoTime();
    Dataset<Row> partials = TermTables.partials(Syndication.withOriginText(articles, clusters), Terms.SCOPE_CORPUS, p);
    TermTables.perTerm(partials, p).write().mode("overwrite").parquet(a[1]);
    System.out.printf("analyze+perTerm %.1f s%n", (System.nanoTime() - t0) / 1e9);
    System.out.println("work rows " + s.read().parquet(a[1]).count());
    s.stop();
  }
}
