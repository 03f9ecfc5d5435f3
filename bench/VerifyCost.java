import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.SyndicationParams;

/**
 * What the syndication stage's candidate and verify steps cost apart from the rest of a run, on a
 * run's {@code articles} (one in {@code every} of them, by a hash of the id): signatures (kept),
 * candidate pairs (kept, counted), then the verified edges written to {@code <out>}; prints each
 * step's seconds and the edges. Run it once per jar to compare two versions of the steps, then
 * compare the two {@code <out>} tables.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx14g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/VerifyCost.java \
 *   &lt;run output&gt; &lt;out&gt; [every, default 1] [shuffle partitions, default 64] [pairs: stop after the candidate pairs]
 * </pre>
 */
public class VerifyCost {
  public static void main(String[] a) {
    int every = a.length > 2 ? Integer.parseInt(a[2]) : 1;
    SparkSession s = SparkSession.builder().master(System.getProperty("nf.master", "local[2]")).config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", a.length > 3 ? a[3] : "64").getOrCreate();
    Dataset<Row> articles = s.read().parquet(a[0] + "/articles").filter(pmod(hash(col("id")), lit(every)).equalTo(0));
    SyndicationParams p = SyndicationParams.defaults();
    Dataset<Row> signatures = Syndication.signatures(articles, p).persist(StorageLevel.MEMORY_AND_DISK());
    long t0 = System.nanoTime();
    System.out.printf("signed %d in %.1f s%n", signatures.count(), (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    Dataset<Row> pairs = Syndication.candidatePairs(signatures, p).persist(StorageLevel.MEMORY_AND_DISK());
    System.out.printf("candidate pairs %d in %.1f s%n", pairs.count(), (System.nanoTime() - t0) / 1e9);
    if (a.length > 4 && a[4].equals("pairs")) {
      System.out.println("pair checksum " + pairs.selectExpr("sum(pmod(xxhash64(id_a, id_b), 1000003))").first().get(0));
      s.stop();
      return;
    }
    t0 = System.nanoTime();
    Syndication.verifiedEdges(pairs, signatures, p).write().mode("overwrite").parquet(a[1]);
    System.out.printf("verify %.1f s%n", (System.nanoTime() - t0) / 1e9);
    System.out.println("edges " + s.read().parquet(a[1]).count());
    s.stop();
  }
}
