import static org.apache.spark.sql.functions.*;
import org.apache.spark.sql.*;

/**
 * Row count and two order-free checksums (sums of Spark's 32-bit hash and xxhash64 of every whole
 * row) of each Parquet table given: equal for two jars' outputs when a change keeps the rows.
 *
 * <pre>
 * java -Xmx6g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/Checksum.java &lt;table&gt;...
 * </pre>
 */
public class Checksum {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    for (String path : a) {
      Dataset<Row> d = s.read().parquet(path);
      Column all = struct(java.util.Arrays.stream(d.columns()).map(functions::col).toArray(Column[]::new));
      Row r = d.select(count(lit(1)), sum(hash(all).cast("long")), sum(xxhash64(all).cast("decimal(38,0)"))).first();
      System.out.println("CHECK " + path + " rows " + r.get(0) + " sum32 " + r.get(1) + " sum64 " + r.get(2));
    }
    s.stop();
  }
}
