import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.lang.management.ManagementFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.stages.Entities;
import org.newsframe.text.entities.AliasDictionary;

/**
 * What the entity stage's tag step costs apart from the rest of a run, as {@code --ner aliases} with
 * the paragraph cache runs it: a run's {@code articles} as paragraphs (kept, counted), then {@link
 * Entities#tag} with the aggregate the run takes of it (paragraphs, tokens, distinct paragraphs),
 * timed; then, untimed, a checksum of what was tagged (paragraphs, mentions, and a hash of every
 * paragraph's mentions with its position: equal across jars, or the change is wrong). Run it once
 * per jar, one after the other.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx12g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/TagCost.java &lt;run output&gt; [shuffle partitions, default 64]
 * </pre>
 */
public class TagCost {
  static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", a.length > 1 ? a[1] : "64")
        .config("spark.sql.inMemoryColumnarStorage.batchSize", "1000").getOrCreate();
    Dataset<Row> paragraphs = Entities.paragraphs(s.read().parquet(a[0] + "/articles")).persist(StorageLevel.MEMORY_AND_DISK());
    double c0 = cpu();
    long t0 = System.nanoTime();
    System.out.printf("paragraphs %d: wall %.1f s, cpu %.1f s%n", paragraphs.count(), (System.nanoTime() - t0) / 1e9, cpu() - c0);
    Dataset<Row> tagged = Entities.tag(paragraphs, "aliases", AliasDictionary.bundled(), true).persist(StorageLevel.MEMORY_AND_DISK());
    c0 = cpu();
    t0 = System.nanoTime();
    Row totals = tagged.agg(count(lit(1)), sum(Entities.TOKENS), countDistinct(col(Entities.PARAGRAPH_HASH))).first();
    System.out.printf("tag: wall %.1f s, cpu %.1f s; paragraphs, tokens, distinct %s%n", (System.nanoTime() - t0) / 1e9, cpu() - c0, totals);
    Row check = tagged.agg(count(lit(1)), sum(size(col(Entities.MENTIONS_ARRAY))),
        sum(pmod(xxhash64(col("id"), col(Entities.PARAGRAPH_INDEX), col(Entities.PARAGRAPH_START), col(Entities.SENTENCES),
            col(Entities.MENTIONS_ARRAY)), lit(1_000_003L)))).first();
    System.out.printf("check: paragraphs, mentions, hash sum %s%n", check);
    s.stop();
  }
}
