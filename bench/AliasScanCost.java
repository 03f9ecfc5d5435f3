import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.TextNormalizer;
import org.newsframe.text.entities.AliasDictionary;
import org.newsframe.text.entities.AliasesOnlyExtractor;
import org.newsframe.text.entities.EntityExtractor;
import org.newsframe.text.entities.EntityResolver;

/**
 * What the entity stage's per-paragraph work costs without Spark, as {@code --ner aliases} does it
 * ({@link AliasesOnlyExtractor} then {@link EntityResolver}: the alias scan), on the paragraphs of
 * the first {@code articles} articles of a JSON-lines corpus, one thread; prints each pass's
 * nanoseconds per character and the mentions found (equal across jars, or the change is wrong).
 * Run it once per jar to compare two versions, one after the other.
 *
 * <pre>
 * java -Xmx2g -cp "jobs/target/newsframe.jar:$(cat jobs/target/classpath.txt)" bench/AliasScanCost.java \
 *   ../shared/corpora/article-bias-prediction.jsonl.gz [articles, default 10000] [passes, default 7]
 * </pre>
 */
public class AliasScanCost {
  public static void main(String[] a) throws Exception {
    int articles = a.length > 1 ? Integer.parseInt(a[1]) : 10_000;
    int passes = a.length > 2 ? Integer.parseInt(a[2]) : 7;
    List<String> paragraphs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(a[0])), StandardCharsets.UTF_8))) {
      String line;
      for (int n = 0; n < articles && (line = in.readLine()) != null; n++) {
        JsonNode text = json.readTree(line).get("text");
        if (text != null && !text.isNull()) {
          paragraphs.addAll(Paragraphs.split(TextNormalizer.normalize(text.asText())));
        }
      }
    }
    long chars = paragraphs.stream().mapToLong(String::length).sum();
    System.out.printf("%d paragraphs, %d chars%n", paragraphs.size(), chars);
    EntityExtractor extractor = new AliasesOnlyExtractor();
    EntityResolver resolver = new EntityResolver(AliasDictionary.bundled());
    for (int pass = 1; pass <= passes; pass++) {
      long mentions = 0;
      long t0 = System.nanoTime();
      for (String p : paragraphs) {
        mentions += resolver.resolve(p, extractor.tag(p)).size();
      }
      long ns = System.nanoTime() - t0;
      System.out.printf("pass %d: %.2f ns/char, %.1f s, mentions %d%n", pass, (double) ns / chars, ns / 1e9, mentions);
    }
  }
}
