package org.newsframe.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link AliasDictionary#find} against its definition: one regular expression of every alias. */
class AliasDictionaryTest {

  /** The bundled dictionary, and one with the edge cases the bundled one lacks. */
  private static final List<AliasDictionary> DICTIONARIES = List.of(AliasDictionary.bundled(), edgeCases());

  private static AliasDictionary edgeCases() {
    try {
      return AliasDictionary.parse(new StringReader(String.join("\n",
          "canonical\ttype\taliases",
          "Al Qaeda\tORGANIZATION\tal-Qaida|AQ|al Qaeda in Iraq|AQAP",
          "Königsberg\tLOCATION\tKÖNIGSBERG Region|Kaliningrad",
          "Straße 1\tLOCATION\tstrasse 1|STRASSE",
          "A B\tPERSON\tA B C|a  b|AB")), "edge.tsv");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void findsWhatTheRegularExpressionFinds() {
    org.newsframe.TextGen gen = new org.newsframe.TextGen(11);
    String[] glue = {" ", "  ", "\n", "\t", ", ", "-", "'s ", "x", "9", "é", ".", "\u00a0", "(", " the ", "", "’"};
    int texts = 0;
    int found = 0;
    for (AliasDictionary d : DICTIONARIES) {
      List<String> aliases = new ArrayList<>(d.exactAliases().keySet());
      aliases.addAll(d.foldedAliases().keySet());
      aliases.sort(Comparator.naturalOrder());
      for (int t = 0; t < 3000; t++) {
        String text = gen.phrases(aliases, glue, 6, (a, random) -> switch (random.nextInt(6)) {
          case 0 -> a.toUpperCase(Locale.ROOT);
          case 1 -> a.toLowerCase(Locale.ROOT);
          case 2 -> a.replace(" ", random.nextBoolean() ? "  " : "\n ");
          case 3 -> a.substring(0, Math.max(1, a.length() - 1));
          case 4 -> a + " IS there"; // "IS" beside another alias: Islamic State only as written in capitals
          default -> a;
        });
        List<AliasDictionary.Match> expected = definition(d, text);
        assertThat(d.find(text)).as("find in «%s»", text).isEqualTo(expected);
        texts++;
        found += expected.size();
      }
    }
    assertThat(found).as("matches over %d texts", texts).isGreaterThan(texts);
  }

  @Test
  void aSpaceInAnAliasIsAnyRunOfWhitespaceAndWordsEndAtLettersAndDigits() {
    AliasDictionary d = edgeCases();
    assertThat(surfaces(d, "al \n Qaeda in Iraq, AQAP2 and AQ; al-QAIDA")).containsExactly("al \n Qaeda in Iraq", "AQ", "al-QAIDA");
    assertThat(surfaces(d, "AB, A\tB and A  B Cx")).containsExactly("AB", "A\tB", "A  B");
    assertThat(surfaces(d, "KALININGRAD, straße 1 and STRASSE, Strasse")).containsExactly("KALININGRAD", "straße 1", "STRASSE");
  }

  private static List<String> surfaces(AliasDictionary d, String text) {
    return d.find(text).stream().map(m -> text.substring(m.start(), m.end())).toList();
  }

  /** {@code find} as it was: two regular expressions of alternated aliases, longest first. */
  static List<AliasDictionary.Match> definition(AliasDictionary d, String text) {
    Pattern exact = compile(d.exactAliases().keySet(), false);
    Pattern folded = compile(d.foldedAliases().keySet(), true);
    List<AliasDictionary.Match> all = new ArrayList<>();
    boolean[] shouting = org.newsframe.text.Shouting.mask(text);
    Pattern isVerbAfter = Pattern.compile("\\s+(it|this|that|there|he|she|they|we|you|a|an|the)\\b");
    if (exact != null) {
      Matcher m = exact.matcher(text);
      while (m.find()) {
        boolean verb = m.group().equals("IS") && isVerbAfter.matcher(text).region(m.end(), text.length()).lookingAt();
        if (!shouting[m.start()] && !verb) {
          all.add(new AliasDictionary.Match(d.exactAliases().get(m.group().replaceAll("\\s+", " ")), m.start(), m.end()));
        }
      }
    }
    if (folded != null) {
      Matcher m = folded.matcher(text);
      while (m.find()) {
        all.add(new AliasDictionary.Match(
            d.foldedAliases().get(m.group().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)), m.start(), m.end()));
      }
    }
    all.sort(Comparator.comparingInt((AliasDictionary.Match x) -> x.end() - x.start()).reversed().thenComparingInt(AliasDictionary.Match::start));
    List<AliasDictionary.Match> kept = new ArrayList<>();
    for (AliasDictionary.Match x : all) {
      if (kept.stream().noneMatch(k -> k.start() < x.end() && x.start() < k.end())) {
        kept.add(x);
      }
    }
    kept.sort(Comparator.comparingInt(AliasDictionary.Match::start));
    return kept;
  }

  private static Pattern compile(Set<String> aliases, boolean foldCase) {
    if (aliases.isEmpty()) {
      return null;
    }
    return org.newsframe.text.PhraseRegex.of(
        aliases.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList(),
        foldCase);
  }
}
