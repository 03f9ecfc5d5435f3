package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsframe.text.lexicons.Lexicons;

/** {@link WordScanner} against {@code \b(words)\b} with CASE_INSENSITIVE, the expression it replaced. */
class WordScannerTest {
  private static final List<String> VERBS =
      Lexicons.bundled().attributionVerbs().keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();

  @Test
  void findsWhatTheRegularExpressionFinds() {
    Pattern definition = Pattern.compile("\\b(" + String.join("|", VERBS.stream().map(Pattern::quote).toList()) + ")\\b",
        Pattern.CASE_INSENSITIVE);
    WordScanner scanner = new WordScanner(VERBS);
    // ASCII glue: where Java 17's \b and later JDKs' agree.
    String[] glue = {" ", "", "x", "_", "7", ".", "-", "\n", "'", "\"", "s", "ing", "un", ", "};
    org.newsframe.TextGen gen = new org.newsframe.TextGen(19);
    int found = 0;
    for (int t = 0; t < 5000; t++) {
      String text = gen.phrases(VERBS, glue, 6, (v, random) -> switch (random.nextInt(4)) {
        case 0 -> v.toUpperCase(Locale.ROOT);
        case 1 -> Character.toUpperCase(v.charAt(0)) + v.substring(1);
        default -> v;
      });
      List<String> expected = new ArrayList<>();
      Matcher m = definition.matcher(text);
      while (m.find()) {
        expected.add(m.group(1).toLowerCase(Locale.ROOT));
      }
      assertThat(scanner.find(text)).as("«%s»", text).isEqualTo(expected);
      found += expected.size();
    }
    assertThat(found).isGreaterThan(5000);
  }

  @Test
  void lettersAndMarksBeyondAsciiAreWordCharactersAsInJava17() {
    WordScanner scanner = new WordScanner(List.of("said", "says"));
    assertThat(scanner.find("He said, SAYS é said.")).containsExactly("said", "says", "said");
    assertThat(scanner.find("ésaid saidé said\u0301 \u0301said")).containsExactly("said");
    assertThatThrownBy(() -> new WordScanner(List.of("according to"))).isInstanceOf(IllegalArgumentException.class);
  }
}
