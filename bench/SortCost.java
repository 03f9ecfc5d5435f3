import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * What sorting a term table before its write costs: a run's {@code story_term_frequencies},
 * unioned {@code copies} times (each copy's scope renamed), written as it is, then sorted within
 * partitions by a 64-bit hash of its key and the key (as the term tables were written until
 * 2026-12-06), then only read; three rounds. Writes under {@code /tmp/sortcost}.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx12g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/SortCost.java &lt;run output&gt;/story_term_frequencies 8
 * </pre>
 */
public class SortCost {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8").getOrCreate();
    Dataset<Row> t = s.read().parquet(a[0]);
    Dataset<Row> big = t;
    for (int i = 1; i < Integer.parseInt(a[1]); i++) {
      big = big.unionByName(t.withColumn("scope", concat(col("scope"), lit("#" + i))));
    }
    System.out.println("partitions " + big.rdd().getNumPartitions() + " rows " + big.count());
    Column[] keys = {col("scope"), col("mode"), col("outlet"), col("term")};
    Column[] order = new Column[keys.length + 1];
    order[0] = xxhash64(keys);
    System.arraycopy(keys, 0, order, 1, keys.length);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      big.write().mode(SaveMode.Overwrite).parquet("/tmp/sortcost/as-is");
      long t1 = System.nanoTime();
      big.sortWithinPartitions(order).write().mode(SaveMode.Overwrite).parquet("/tmp/sortcost/sorted");
      long t2 = System.nanoTime();
      big.write().format("noop").mode(SaveMode.Overwrite).save();
      long t3 = System.nanoTime();
      System.out.printf("round %d: as-is %.1f s, hash-sorted %.1f s, read only %.1f s%n", round, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
          (t3 - t2) / 1e9);
    }
  }
}
