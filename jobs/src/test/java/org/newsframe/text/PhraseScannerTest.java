package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.newsframe.TextGen;

class PhraseScannerTest {
  private record Span(int start, int end) {}

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
      Pattern regex = PhraseRegex.of(phrases, foldCase);
      for (int t = 0; t < 4000; t++) {
        String text = gen.phrases(phrases, glue, 5, (p, random) -> switch (random.nextInt(5)) {
          case 0 -> p.toUpperCase(java.util.Locale.ROOT);
          case 1 -> p.replace('s', '\u017f');
          case 2 -> p.replace('k', '\u212a');
          case 3 -> p.replace("i", "\u0130");
          default -> p;
        });
        List<Span> expected = new ArrayList<>();
        Matcher m = regex.matcher(text);
        while (m.find()) {
          expected.add(new Span(m.start(), m.end()));
        }
        List<Span> actual = new ArrayList<>();
        scanner.scan(text, (start, end) -> actual.add(new Span(start, end)));
        assertThat(actual).as("scan of «%s», folding case %s", text, foldCase).isEqualTo(expected);
        found += expected.size();
        if (foldCase) {
          foundAcrossAscii += (int) actual.stream().filter(x -> text.substring(x.start(), x.end()).chars().anyMatch(c -> c >= 128)).count();
        }
      }
    }
    assertThat(found).as("phrases found over the texts").isGreaterThan(1000);
    assertThat(foundAcrossAscii).as("matches folding a character outside ASCII").isGreaterThan(100);
  }

  @Test
  void theLookedUpFoldIsTheCaseMappingsOfEveryCharacter() {
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      char expected = Character.toLowerCase(Character.toUpperCase((char) c));
      assertThat(PhraseScanner.fold((char) c)).as("U+%04X", c).isEqualTo(expected);
    }
  }
}
