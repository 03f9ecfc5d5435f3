import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsframe.text.terms.ArticleTerms;
import org.newsframe.text.terms.TermAnalyzer;
import org.newsframe.text.terms.TermTally;

/**
 * What the terms stage's per-article work costs on one core, apart from Spark: the Lucene chain
 * (TermAnalyzer, default options), counting forms (ArticleTerms), adding them to an outlet's tally
 * (TermTally), and the stories stage's unigram analysis. Reads {@code clean_text} of a run's
 * {@code articles} table; prints {@code rounds} rounds (default 8; the first ones warm the JIT up).
 *
 * <pre>
 * java -Xmx4g $(cat jobs/target/classes/newsframe/jvm-options.txt) \
 *   -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/TermCost.java &lt;run output&gt;/articles 10000 [rounds]
 * </pre>
 */
public class TermCost {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    List<Row> rows = s.read().parquet(a[0]).select("outlet", "clean_text").orderBy("outlet").limit(Integer.parseInt(a[1])).collectAsList();
    s.stop();
    long chars = 0;
    for (Row r : rows) {
      chars += r.isNullAt(1) ? 0 : r.getString(1).length();
    }
    System.out.printf("articles %d, %.0f characters on average%n", rows.size(), (double) chars / rows.size());
    TermAnalyzer full = new TermAnalyzer(TermAnalyzer.Options.defaults());
    TermAnalyzer unigrams = new TermAnalyzer(new TermAnalyzer.Options(true, TermAnalyzer.Stemming.MINIMAL, false));
    int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 8;
    for (int round = 0; round < rounds; round++) {
      long analyze = 0, count = 0, tally = 0, forms = 0, handed = 0;
      TermTally t = new TermTally();
      String last = null;
      for (Row r : rows) {
        String outlet = r.getString(0);
        String text = r.isNullAt(1) ? "" : r.getString(1);
        if (last != null && !last.equals(outlet)) {
          handed += t.size();
          t = new TermTally();
        }
        last = outlet;
        long t0 = System.nanoTime();
        List<TermAnalyzer.Term> terms = full.analyze(text);
        long t1 = System.nanoTime();
        ArticleTerms at = ArticleTerms.of(terms);
        long t2 = System.nanoTime();
        t.add("corpus", outlet, at, null);
        long t3 = System.nanoTime();
        analyze += t1 - t0;
        count += t2 - t1;
        tally += t3 - t2;
        forms += at.size();
      }
      handed += t.size();
      long u0 = System.nanoTime();
      long n = 0;
      for (Row r : rows) {
        n += unigrams.terms(r.isNullAt(1) ? "" : r.getString(1)).size();
      }
      long u1 = System.nanoTime();
      int k = rows.size();
      System.out.printf("round %d: ms an article: analyze %.3f, ArticleTerms %.3f, TermTally.add %.3f, stories' unigrams %.3f;"
          + " forms an article %.0f, tally rows an article (one tally an outlet) %.1f (%d)%n",
          round, analyze / 1e6 / k, count / 1e6 / k, tally / 1e6 / k, (u1 - u0) / 1e6 / k, (double) forms / k, (double) handed / k, n);
    }
  }
}
