import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.SyndicationParams;

/**
 * What the syndication stage's candidates step costs, as the run job takes it (the candidate pairs
 * kept and counted, then the oversized buckets counted), two ways in one JVM, alternating: "old"
 * counts the oversized buckets by grouping every article's band keys again (the step before
 * {@link Syndication#buckets}); "new" reads them from the kept buckets. On a run's {@code
 * articles}, one in {@code every} by a hash of the id; prints each round's seconds, the pairs'
 * checksum and the oversized counts.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx14g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/CandidatesCost.java \
 *   &lt;run output&gt; [every, default 1] [rounds, default 2]
 * </pre>
 */
public class CandidatesCost {
  public static void main(String[] a) {
    int every = a.length > 1 ? Integer.parseInt(a[1]) : 1;
    int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 2;
    SparkSession s = SparkSession.builder().master(System.getProperty("nf.master", "local[2]")).config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "64").getOrCreate();
    Dataset<Row> articles = s.read().parquet(a[0] + "/articles").filter(pmod(hash(col("id")), lit(every)).equalTo(0));
    SyndicationParams p = SyndicationParams.defaults();
    Dataset<Row> signatures = Syndication.signatures(articles, p).persist(StorageLevel.MEMORY_AND_DISK());
    System.out.printf("signed %d%n", signatures.count());
    for (int round = 1; round <= rounds; round++) {
      for (String way : new String[] {"old", "new"}) {
        long t0 = System.nanoTime();
        Dataset<Row> buckets = way.equals("new") ? Syndication.buckets(signatures, p).persist(StorageLevel.MEMORY_AND_DISK()) : null;
        Dataset<Row> pairs = (buckets == null ? Syndication.candidatePairs(signatures, p) : Syndication.candidatePairs(buckets, signatures, p))
            .persist(StorageLevel.MEMORY_AND_DISK());
        long n = pairs.count();
        Row oversized = buckets == null
            ? Syndication.bandRows(signatures).groupBy("band_key").count().filter(col("count").gt(p.maxBucket()))
                .agg(count(lit(1)), org.apache.spark.sql.functions.coalesce(sum(col("count")), lit(0L))).first()
            : Syndication.oversizedBuckets(buckets);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Object check = pairs.selectExpr("sum(pmod(xxhash64(id_a, id_b), 1000003))").first().get(0);
        System.out.printf("round %d %s: %.1f s; pairs %d (checksum %s); oversized buckets %d holding %d%n", round, way, seconds, n, check,
            oversized.getLong(0), oversized.getLong(1));
        pairs.unpersist();
        if (buckets != null) {
          buckets.unpersist();
        }
      }
    }
    s.stop();
  }
}
