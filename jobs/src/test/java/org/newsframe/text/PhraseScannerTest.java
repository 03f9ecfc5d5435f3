package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsframe.TextGen;

class PhraseScannerTest {

  @Test
  void findsWhatTheRegularExpressionFindsWhereCaseMappingsLeaveAscii() {
    // Characters whose case mappings cross into or out of ASCII: the long s folds to 's', the Kelvin
    // sign to 'k', the dotted capital I and dotless small i each to something else again.
    List<String> phrases = List.of("kiss me", "ski", "is", "K", "straße", "i b");
    String[] glue = {" ", "\u017f", "\u212a", "\u0130", "\u0131", "S", "k", "I", "é", "\t", "-", ""};
    TextGen gen = new TextGen(7);
    int found = 0;
    int foundAcrossAscii = 0; // matches (folding case) with a character outside ASCII in them
    for (boolean foldCase : new boolean[] {true, false}) {
      PhraseScanner scanner = new PhraseScanner(phrases, foldCase);
      Pattern regex = regex(phrases, foldCase);
      for (int t = 0; t < 4000; t++) {
        String text = gen.phrases(phrases, glue, 5, (p, random) -> switch (random.nextInt(5)) {
          case 0 -> p.toUpperCase(java.util.Locale.ROOT);
          case 1 -> p.replace('s', '\u017f');
          case 2 -> p.replace('k', '\u212a');
          case 3 -> p.replace("i", "\u0130");
          default -> p;
        });
        List<String> expected = new ArrayList<>();
        Matcher m = regex.matcher(text);
        while (m.find()) {
          expected.add(m.start() + "-" + m.end());
        }
        List<String> actual = new ArrayList<>();
        scanner.scan(text, (start, end) -> actual.add(start + "-" + end));
        assertThat(actual).as("scan of «%s», folding case %s", text, foldCase).isEqualTo(expected);
        found += expected.size();
        for (String span : foldCase ? actual : List.<String>of()) {
          String[] se = span.split("-");
          if (!text.substring(Integer.parseInt(se[0]), Integer.parseInt(se[1])).chars().allMatch(c -> c < 128)) {
            foundAcrossAscii++;
          }
        }
      }
    }
    assertThat(found).as("phrases found over the texts").isGreaterThan(1000);
    assertThat(foundAcrossAscii).as("matches folding a character outside ASCII").isGreaterThan(100);
  }

  /** The alternation the scanner stands for (see its class comment). */
  private static Pattern regex(List<String> phrases, boolean foldCase) {
    String alternation = phrases.stream()
        .map(p -> java.util.Arrays.stream(p.split(" ", -1)).map(Pattern::quote).collect(Collectors.joining("\\s+")))
        .collect(Collectors.joining("|"));
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
        foldCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }
}
