import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.io.Columns;
import org.newsframe.stages.Syndication;
import org.newsframe.stages.SyndicationParams;

/**
 * How many shingle fingerprints the verify step's candidate pairs carry, to size a cheaper verify:
 * as now (each pair carries the first side's: the lower id's), if each carried its smaller side's,
 * and, for comparison, every article's fingerprints once (a blocked verify copies them once per
 * block). On a run's {@code articles}, one in {@code every} by a hash of the id; fingerprints are
 * 4 bytes each once packed.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx14g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/PairSides.java &lt;run output&gt; [every, default 1]
 * </pre>
 */
public class PairSides {
  public static void main(String[] a) {
    int every = a.length > 1 ? Integer.parseInt(a[1]) : 1;
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "64").getOrCreate();
    Dataset<Row> articles = s.read().parquet(a[0] + "/articles").filter(pmod(hash(col(Columns.ID)), lit(every)).equalTo(0));
    SyndicationParams p = SyndicationParams.defaults();
    Dataset<Row> signatures = Syndication.signatures(articles, p).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> sizes = signatures.select(col(Columns.ID), size(col(Syndication.SHINGLES)).cast("long").as("n"));
    Row all = sizes.agg(count(lit(1)), sum("n")).first();
    System.out.printf("articles %d, fingerprints %d (%.1f an article)%n", all.getLong(0), all.getLong(1),
        (double) all.getLong(1) / all.getLong(0));
    Dataset<Row> pairs = Syndication.candidatePairs(signatures, p);
    Row r = pairs
        .join(sizes.withColumnRenamed(Columns.ID, Columns.ID_A).withColumnRenamed("n", "na"), Columns.ID_A)
        .join(sizes.withColumnRenamed(Columns.ID, Columns.ID_B).withColumnRenamed("n", "nb"), Columns.ID_B)
        .agg(count(lit(1)), sum("na"), sum("nb"), sum(least(col("na"), col("nb"))), sum(greatest(col("na"), col("nb"))))
        .first();
    System.out.printf("pairs %d; fingerprints carried: first side %d, second side %d, smaller side %d (%.3f of the first),"
            + " larger side %d%n", r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), (double) r.getLong(3) / r.getLong(1),
        r.getLong(4));
    System.out.printf("every article's once: %d (%.2f of the first side's)%n", all.getLong(1), (double) all.getLong(1) / r.getLong(1));
    s.stop();
  }
}
