// The driver heap the stories stage's df map (each term in two units or more, and its unit count)
// takes over a finished run's tables: live heap after a full collection, before and after the map
// is built on the driver, and its Java-serialised size (the broadcast). A single-file program:
//   java -Xmx8g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
//     -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/DfMap.java <run output dir>
import static org.apache.spark.sql.functions.*;
import org.apache.spark.sql.*;
import org.newsframe.stages.*;
import org.newsframe.jobs.Sessions;
import java.lang.management.*;
import java.util.*;
/** args: outDir (a run's output: articles, syndication_clusters). */
public class DfMap {
  static long live() { for (int i = 0; i < 3; i++) System.gc(); return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(); }
  public static void main(String[] a) throws Exception {
    SparkSession spark = Sessions.create("df-map");
    Dataset<Row> articles = spark.read().parquet(a[0] + "/articles");
    Dataset<Row> clusters = spark.read().parquet(a[0] + "/syndication_clusters");
    Dataset<Row> units = Stories.units(articles, clusters);
    Dataset<Row> df = units.select(explode(col(Stories.TERMS)).as("term")).groupBy("term").agg(count(lit(1)).cast("int").as("df"))
        .filter(col("df").gt(1)).persist(org.apache.spark.storage.StorageLevel.DISK_ONLY());
    long n = df.count();
    long before = live();
    HashMap<String, Integer> map = new HashMap<>();
    df.toLocalIterator().forEachRemaining(r -> map.put(r.getString(0), r.getInt(1)));
    long after = live();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) { o.writeObject(map); }
    System.out.printf("DFMAP terms with df>1: %d (rows %d); live heap %.1f MB before, %.1f MB after: the map %.1f MB; java-serialized %.1f MB%n",
        map.size(), n, before / 1e6, after / 1e6, (after - before) / 1e6, bytes.size() / 1e6);
    spark.stop();
  }
}
