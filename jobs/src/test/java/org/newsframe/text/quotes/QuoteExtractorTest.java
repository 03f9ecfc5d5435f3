package org.newsframe.text.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.text.Boilerplate;
import org.newsframe.text.TextNormalizer;
import org.newsframe.text.entities.AliasDictionary;
import org.newsframe.text.lexicons.Lexicons;

class QuoteExtractorTest {

  private static final QuoteExtractor EXTRACTOR = new QuoteExtractor(Lexicons.bundled().attributionVerbs().keySet());
  private static final AliasDictionary ALIASES = AliasDictionary.bundled();

  /** Names as the entity stage would give them; here from the alias dictionary alone. */
  private static List<QuoteExtractor.Name> names(List<String> paragraphs) {
    List<QuoteExtractor.Name> out = new ArrayList<>();
    for (String p : paragraphs) {
      for (AliasDictionary.Match m : ALIASES.find(p)) {
        out.add(new QuoteExtractor.Name(p.substring(m.start(), m.end()), m.entry().canonical(), m.entry().type()));
      }
    }
    return out;
  }

  private static List<QuoteExtractor.Quote> seed(String file) throws Exception {
    String text = Files.readString(TestSpark.repo().resolve("data/seeds/" + file));
    Map<Integer, String> removed = new TreeMap<>();
    Boilerplate.bundled().clean(TextNormalizer.normalize(text)).removed().forEach(r -> removed.put(r.paragraph(), r.reason()));
    QuoteContext c = QuoteContext.of(text, removed);
    return EXTRACTOR.extract(c.paragraphs(), c.contextOnly(), names(c.paragraphs()));
  }

  private static Map<String, String> bySpeaker(List<QuoteExtractor.Quote> quotes) {
    Map<String, String> out = new TreeMap<>();
    quotes.forEach(q -> out.put(q.text().substring(0, Math.min(31, q.text().length())), q.speaker() + "/" + q.verb()));
    return out;
  }

  @Test
  void apQuotesSurovikinRudskoiAndPutin() throws Exception {
    Map<String, String> q = bySpeaker(seed("000_681a3d21b52c1323.txt"));
    assertThat(q).containsEntry("collude with the leaders of the", "Sergei Surovikin/said")
        .containsEntry("There is an impression that und", "Sergei Surovikin/said")
        .containsEntry("absurd", "Sergei Surovikin/dismissed")
        .containsEntry("Having declared the goal of fig", "Sergei Rudskoi/said")
        .containsEntry("It raises a question why they d", "Sergei Rudskoi/said")
        .containsEntry("practically ended a civil war i", "Sergei Rudskoi/hailed")
        .containsEntry("qualitative change", "Vladimir Putin/described")
        .containsEntry("There is now a real chance to s", "Vladimir Putin/said")
        .hasSize(8);
  }

  @Test
  void businessStandardsCutHandsPutinsWordsToRudskoi() throws Exception {
    Map<String, String> q = bySpeaker(seed("001_b39ecc038f75694e.txt"));
    assertThat(q).containsEntry("There is now a real chance to s", "Sergei Rudskoi/said");
  }

  @Test
  void voaQuotesBothSides() throws Exception {
    List<QuoteExtractor.Quote> quotes = seed("003_05dc41cd4e506c63.txt");
    Map<String, String> q = bySpeaker(quotes);
    assertThat(q)
        .containsEntry("Instead of eliminating terroris", "Sergei Surovikin/null")
        .containsEntry("the Syrian Democratic Forces (S", "US Central Command/announced")
        .containsEntry("long and difficult", "Steve Townsend/said")
        .containsEntry("decisive blow to the idea of IS", "Steve Townsend/null")
        .containsEntry("It's hard to convince new recru", "Steve Townsend/added")
        .containsEntry("in early June ISIL terrorists e", "Sergei Surovikin/said")
        .containsEntry("The alleged news from an offici", "Nuri Mehmud/said")
        .containsEntry("We at the frontlines announce t", "Nuri Mehmud/null")
        .containsEntry("encouraged civilians to depart ", "US Central Command/according to")
        .containsEntry("This ranks as quintessential Kr", "Brian Williams/told")
        .containsEntry("All reports on the ground are t", "Brian Williams/told")
        .containsEntry("does not seek to fight Syrian r", "Operation Inherent Resolve spokesperson/told")
        .containsEntry("The demonstrated hostile intent", "Operation Inherent Resolve spokesperson/said")
        .containsEntry("The Coalition calls on all part", "Operation Inherent Resolve spokesperson/added");
    Set<String> texts = new TreeSet<>();
    quotes.forEach(x -> texts.add(x.text()));
    // The book title Williams wrote is not a quote; a quote broken over two paragraphs is one.
    assertThat(texts).noneMatch(t -> t.startsWith("Counter Jihad"));
    assertThat(texts).anyMatch(t -> t.startsWith("the Syrian Democratic Forces (SDF)") && t.endsWith("in northern Syria."));
  }

  @Test
  void titlesAreNotQuotes() {
    assertThat(QuoteExtractor.isTitle("Counter Jihad: America's Military Experience in Afghanistan, Iraq, and Syria,")).isTrue();
    assertThat(QuoteExtractor.isTitle("long and difficult")).isFalse();
  }

  @Test
  void smallPatterns() {
    List<QuoteExtractor.Name> names = List.of(new QuoteExtractor.Name("Jane Doe", "Jane Doe", "PERSON"),
        new QuoteExtractor.Name("Acme Corp", "Acme", "ORGANIZATION"));
    assertThat(EXTRACTOR.extract(List.of("\"We will win,\" said Jane Doe, the mayor."), Set.of(), names))
        .extracting(QuoteExtractor.Quote::speaker, QuoteExtractor.Quote::verb, QuoteExtractor.Quote::words)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Jane Doe", "said", 3));
    assertThat(EXTRACTOR.extract(List.of("An Acme Corp spokesman said: \"No comment.\""), Set.of(), names))
        .extracting(QuoteExtractor.Quote::speaker).containsExactly("Acme spokesperson");
    assertThat(EXTRACTOR.extract(List.of("\"Open quote without end", "Next paragraph."), Set.of(), names)).isEmpty();
    assertThat(EXTRACTOR.extract(List.of("\"Nobody knows,\" a voice in the crowd shouted."), Set.of(), names))
        .extracting(QuoteExtractor.Quote::speaker).containsOnlyNulls();
  }

  @Test
  void aWordsLettersAreWhatTheRegularExpressionLeaves() {
    String[] parts = {"a", "B", "é", ".", "'", "9", "-", "\u0301", "\ud835\udc00", "\ud83d\ude00", "Ж", " "};
    org.newsframe.TextGen gen = new org.newsframe.TextGen(23);
    for (int t = 0; t < 20_000; t++) {
      String w = gen.pieces(parts, 7);
      assertThat(QuoteExtractor.letters(w)).as("«%s»", w).isEqualTo(w.replaceAll("[^\\p{L}]", ""));
    }
  }

  /** isTitle as it was written with regular expressions: the definition the scanning one is held to. */
  private static boolean titleByRegex(String quote) {
    String[] words = quote.strip().split("\\s+");
    if (words.length < 3) {
      return false;
    }
    int caps = 0;
    for (String w : words) {
      String letters = w.replaceAll("[^\\p{L}]", "");
      if (!letters.isEmpty() && Character.isUpperCase(letters.charAt(0))) {
        caps++;
      } else if (Set.of("of", "in", "and", "the", "a", "an", "for", "on", "to", "at").contains(letters.toLowerCase(java.util.Locale.ROOT))) {
        caps++;
      }
    }
    return caps == words.length && !quote.contains(". ");
  }

  @Test
  void titlesAndSentenceEndsAreWhatTheRegularExpressionsGave() {
    String[] parts = {"Counter", "Jihad:", "America's", "in", "of", "The", "and", "said", "war", "Ж", "é", "9", ".", ". ", "!", "?",
        " ", "  ", "\t", "\n", "\r", "\f", "\u000B", "\u00A0", "\u2003", "\u2028", "\ud835\udc00", "\"", ","};
    java.util.regex.Pattern sentenceEnd = java.util.regex.Pattern.compile("(?s).*[.!?]$");
    java.util.SplittableRandom random = new java.util.SplittableRandom(29);
    int titles = 0;
    for (int t = 0; t < 50_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(9); k > 0; k--) {
        b.append(parts[random.nextInt(parts.length)]);
        if (random.nextInt(3) > 0) {
          b.append(' ');
        }
      }
      String q = b.toString();
      boolean expected = titleByRegex(q);
      titles += expected ? 1 : 0;
      assertThat(QuoteExtractor.isTitle(q)).as("isTitle «%s»", q).isEqualTo(expected);
      assertThat(QuoteExtractor.endsSentence(q.strip())).as("ends «%s»", q).isEqualTo(sentenceEnd.matcher(q.strip()).matches());
    }
    // Both answers drawn: a generator that never made a title would test only the early exit.
    assertThat(titles).isBetween(500, 40_000);
  }
}
