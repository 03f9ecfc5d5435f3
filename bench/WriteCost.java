import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * What writing a table as Parquet costs under the writer's settings: reads the first {@code files}
 * part files of a run's table, holds them in memory (so reading is not timed), and writes them with
 * each variant in turn, {@code rounds} times; prints wall seconds and bytes written per variant.
 * Variants: {@code default} (Spark's: dictionary on, snappy), {@code nodict:<col,...>} (dictionary off
 * for those columns), {@code dictpage:<bytes>} (a larger dictionary page before falling back).
 *
 * <pre>
 * SPARK_LOCAL_IP=127.0.0.1 java -Xmx12g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/WriteCost.java \
 *   &lt;table dir&gt; &lt;files&gt; &lt;out dir&gt; &lt;rounds&gt; &lt;variant&gt;...
 * </pre>
 */
public class WriteCost {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    File[] parts = new File(a[0]).listFiles((d, n) -> n.startsWith("part-") && n.endsWith(".parquet"));
    Arrays.sort(parts);
    String[] paths = Arrays.stream(parts).limit(Integer.parseInt(a[1])).map(File::getPath).toArray(String[]::new);
    Dataset<Row> t = s.read().parquet(paths).persist(StorageLevel.MEMORY_ONLY());
    System.out.println("rows " + t.count() + " from " + paths.length + " files");
    for (int round = 1; round <= Integer.parseInt(a[3]); round++) {
      for (int v = 4; v < a.length; v++) {
        String out = a[2] + "/v" + v;
        var w = t.write().mode("overwrite");
        String variant = a[v];
        if (variant.startsWith("nodict:")) {
          for (String c : variant.substring(7).split(",")) {
            w = w.option("parquet.enable.dictionary#" + c, "false");
          }
        } else if (variant.startsWith("dictpage:")) {
          w = w.option("parquet.dictionary.page.size", variant.substring(9));
        } else if (variant.startsWith("codec:")) {
          w = w.option("compression", variant.substring(6));
        }
        long t0 = System.nanoTime();
        w.parquet(out);
        double secs = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        for (File f : new File(out).listFiles()) {
          bytes += f.length();
        }
        System.out.printf("round %d %-40s %.1f s %,d bytes%n", round, variant, secs, bytes);
      }
    }
    t.unpersist();
    s.stop();
  }
}
