import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsframe.stages.Clean;
import org.newsframe.text.Boilerplate;

/**
 * What the clean stage's furniture learning costs apart from the rest of a run: the bundled rules
 * applied to a corpus (kept, counted), then {@link Clean#learnFurniture} collected as the run does;
 * prints each step's wall and process CPU and what was learned (equal across jars, or the change is
 * wrong). Run it once per jar, one after the other.
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx12g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/FurnitureCost.java \
 *   &lt;corpus parquet&gt; [min articles, default 5] [shuffle partitions, default 64]
 * </pre>
 */
public class FurnitureCost {
  static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  public static void main(String[] a) {
    int minArticles = a.length > 1 ? Integer.parseInt(a[1]) : 5;
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", a.length > 2 ? a[2] : "64")
        .config("spark.sql.inMemoryColumnarStorage.batchSize", "1000").getOrCreate();
    Dataset<Row> ruled = Clean.applyRules(s.read().parquet(a[0]), Boilerplate.bundled()).persist(StorageLevel.MEMORY_AND_DISK());
    double c0 = cpu();
    long t0 = System.nanoTime();
    long n = ruled.count();
    System.out.printf("rules applied to %d articles: wall %.1f s, cpu %.1f s%n", n, (System.nanoTime() - t0) / 1e9, cpu() - c0);
    c0 = cpu();
    t0 = System.nanoTime();
    Map<String, Set<Long>> furniture = Clean.furnitureByOutlet(Clean.learnFurniture(ruled, minArticles));
    System.out.printf("furniture learned: wall %.1f s, cpu %.1f s; %d outlets, %d paragraphs, fingerprint sum %d%n",
        (System.nanoTime() - t0) / 1e9, cpu() - c0, furniture.size(), furniture.values().stream().mapToInt(Set::size).sum(),
        furniture.values().stream().flatMap(Set::stream).mapToLong(Long::longValue).sum());
    s.stop();
  }
}
