import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.newsframe.text.terms.ArticleTerms;
import org.newsframe.text.terms.TermAnalyzer;
import org.newsframe.text.terms.TermTally;

/**
 * How many partial rows the terms stage hands on per article, by how many of one outlet's articles
 * a tally sums before it hands on (a task's share of the outlet). Reads a bench corpus (its
 * {@code text}), takes up to N articles of one outlet; prints the corpus's largest outlets first.
 *
 * <pre>
 * java -Xmx6g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/TallyRows.java &lt;corpus&gt; Politico 8000
 * </pre>
 */
public class TallyRows {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Dataset<Row> corpus = s.read().parquet(a[0]);
    List<Row> top = corpus.groupBy("outlet").count().orderBy(functions.desc("count")).collectAsList();
    System.out.println("outlets " + top.size() + "; largest " + top.subList(0, Math.min(8, top.size())));
    String outlet = a[1];
    List<Row> rows = corpus.filter(functions.col("outlet").equalTo(outlet)).select("text").limit(Integer.parseInt(a[2])).collectAsList();
    s.stop();
    TermAnalyzer analyzer = new TermAnalyzer(TermAnalyzer.Options.defaults());
    List<ArticleTerms> articles = new ArrayList<>();
    for (Row r : rows) {
      articles.add(ArticleTerms.of(analyzer.analyze(r.isNullAt(0) ? "" : r.getString(0))));
    }
    System.out.println(outlet + ": " + articles.size() + " articles");
    for (int group : new int[] {32, 128, 512, 2000, articles.size()}) {
      long handed = 0;
      TermTally t = new TermTally();
      int n = 0;
      for (ArticleTerms at : articles) {
        if (n == group) {
          handed += t.size();
          t = new TermTally();
          n = 0;
        }
        t.add("corpus", outlet, at, null);
        n++;
      }
      handed += t.size();
      System.out.printf("%d articles a tally: %.1f rows an article%n", group, (double) handed / articles.size());
    }
  }
}
