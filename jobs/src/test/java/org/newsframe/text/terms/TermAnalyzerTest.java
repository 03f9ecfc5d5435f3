package org.newsframe.text.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.junit.jupiter.api.Test;
import org.newsframe.text.terms.TermAnalyzer.Options;
import org.newsframe.text.terms.TermAnalyzer.Stemming;
import org.newsframe.text.terms.TermAnalyzer.Term;

class TermAnalyzerTest {

  private final TermAnalyzer analyzer = new TermAnalyzer(Options.defaults());
  private final TermAnalyzer unigrams = new TermAnalyzer(new Options(true, Stemming.MINIMAL, false));

  /** Runs the tokenizer and one filter, returning term text with a * for keyword-marked tokens. */
  private static List<String> through(String text, java.util.function.Function<TokenStream, TokenStream> filter) throws IOException {
    Tokenizer t = new UAX29URLEmailTokenizer();
    t.setReader(new StringReader(text));
    List<String> out = new ArrayList<>();
    try (TokenStream ts = filter.apply(t)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      KeywordAttribute kw = ts.addAttribute(KeywordAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + (kw.isKeyword() ? "*" : ""));
      }
      ts.end();
    }
    return out;
  }

  @Test
  void dropNonWordsRemovesNumbersUrlsAndSymbols() throws IOException {
    assertThat(through("In 2017, 80 militants; see https://example.com/a?b=1 or mail press@voa.gov — F-16 covid19 3.5 &",
        DropNonWordsFilter::new))
        .containsExactly("In", "militants", "see", "or", "mail", "covid19");
  }

  @Test
  void acronymFilterRestoresTheDotAndProtectsCapitals() throws IOException {
    assertThat(through("U.S.-led ISIS forces in the US said Raqqa e.g", AcronymFilter::new))
        .containsExactly("U.S.*", "led", "ISIS*", "forces", "in", "the", "US*", "said", "Raqqa", "e.g.*");
  }

  @Test
  void usLedKeepsTheAcronymAndItsSurface() {
    assertThat(analyzer.terms("U.S.-led")).containsExactly("u.s.", "led", "u.s. led");
    assertThat(analyzer.analyze("U.S.-led")).first().isEqualTo(new Term("u.s.", "U.S.", false));
  }

  @Test
  void stopwordsLowercaseAndPluralStemming() {
    assertThat(unigrams.terms("The Kurdish forces and their allies said they would leave"))
        .containsExactly("kurdish", "force", "ally", "said", "leave");
    // The acronym is not stemmed to "isi"; "us" is not a stopword, since it is usually US.
    assertThat(unigrams.terms("ISIS told us")).containsExactly("isis", "told", "us");
  }

  @Test
  void capitalisedStopwordsAreNamesUnlessTheLineShouts() {
    assertThat(unigrams.terms("Raqqa remains under IS control. WHO said it is true"))
        .containsExactly("raqqa", "remain", "is", "control", "who", "said", "true");
    assertThat(unigrams.terms("BREAKING: THE ARMY IS LEAVING\nThe army is leaving"))
        .containsExactly("breaking", "army", "leaving", "army", "leaving");
  }

  @Test
  void porterAndNoStemming() {
    assertThat(new TermAnalyzer(new Options(true, Stemming.PORTER, false)).terms("colluding collusion"))
        .containsExactly("collud", "collus");
    assertThat(new TermAnalyzer(Options.plain()).terms("The forces of the coalition"))
        .containsExactly("the", "forces", "of", "the", "coalition");
  }

  @Test
  void possessivesAndMarkupGo() {
    assertThat(unigrams.terms("<p>Russia's <b>military</b> &amp; Syria&#39;s army</p>"))
        .containsExactly("russia", "military", "syria", "army");
  }

  @Test
  void bigramsDoNotCrossGapsOrSentences() {
    assertThat(analyzer.analyze("Safe corridors for ISIS. Syrian government forces\nRaqqa offensive").stream()
            .filter(Term::bigram).map(Term::term))
        .containsExactly("safe corridor", "syrian government", "government force", "raqqa offensive");
  }

  @Test
  void surfacesAreTheTextAsWritten() {
    assertThat(analyzer.analyze("Syrian Democratic Forces")).extracting(Term::surface)
        .containsExactly("Syrian", "Democratic", "Forces", "Syrian Democratic", "Democratic Forces");
  }

  @Test
  void emptyAndNullTextHaveNoTerms() {
    assertThat(analyzer.analyze(null)).isEmpty();
    assertThat(analyzer.analyze("")).isEmpty();
    assertThat(analyzer.analyze("2017 — 19 | https://x.org")).isEmpty();
  }

  @Test
  void oneAnalyzerGivesEachTextWhatAFreshOneGives() {
    // The chain is reused from text to text: nothing of one text (a dropped token's gap, the last
    // offset, a shouting line, open markup) may reach the next.
    List<String> texts = List.of(
        "BREAKING: THE ARMY IS LEAVING\nIS fighters left Raqqa.",
        "The U.S.-led coalition said 2017 https://x.org",
        "<p>Syrian Democratic <b>Forces",
        "forces 19",
        "Russia's claims were false. See https://voanews.com",
        "",
        "coalition forces colluded with IS",
        "I AM NOT SHOUTING HERE\nthe WHO said",
        "The U.S. and the U.K.");
    for (Options o : List.of(Options.defaults(), Options.plain(), new Options(true, Stemming.PORTER, true))) {
      TermAnalyzer reused = new TermAnalyzer(o);
      for (int round = 0; round < 2; round++) {
        for (String text : texts) {
          assertThat(reused.analyze(text)).as("%s, round %d: %s", o, round, text)
              .containsExactlyElementsOf(new TermAnalyzer(o).analyze(text));
        }
      }
    }
  }

  @Test
  void termsAreTheCountedFormsOfAnalyze() {
    // terms() skips cutting surfaces from the text; the terms, bigrams and their order must not change.
    String[] parts = {"The", "U.S.", "-led", " coalition", " IS", " Raqqa's", " forces", ". ", "\n", "<b>", "&amp;", " 2017", " https://x.org",
        " said", " the", " WHO", " BREAKING:", " U.K.", "!", " \u00E9t\u00E9", " colluded"};
    org.newsframe.TextGen gen = new org.newsframe.TextGen(5);
    for (Options o : List.of(Options.defaults(), Options.plain(), new Options(true, Stemming.MINIMAL, false),
        new Options(true, Stemming.PORTER, true))) {
      TermAnalyzer a = new TermAnalyzer(o);
      TermAnalyzer b = new TermAnalyzer(o);
      for (int t = 0; t < 2_000; t++) {
        String text = gen.pieces(parts, 16);
        assertThat(a.terms(text)).as("%s: «%s»", o, text)
            .containsExactlyElementsOf(b.analyze(text).stream().map(TermAnalyzer.Term::term).toList());
      }
    }
  }

  /**
   * The markup filter is left out of texts with no '<' or '&' (and not ending in half a surrogate
   * pair): on such texts it hands on every character as it was, at the same offset, so the tokens
   * cannot differ.
   */
  @Test
  void textWithoutATagOrEntityPassesTheMarkupFilterUnchanged() throws IOException {
    String[] parts = {"a", "Z", "U.S.", "-", " ", "  ", "\n", "\r\n", "\r", "\t", "\u00A0", "\u2028", ">", ";", "#", "nbsp", "amp",
        "]]>", "--", "!", "\"", "'", "/", "=", "é", "Ж", "\ud835\udc00", "\ud800", "\udc00", "9", "http://x.org/a?b=1", "\u0000"};
    org.newsframe.TextGen gen = new org.newsframe.TextGen(31);
    for (int t = 0; t < 20_000; t++) {
      String text = gen.pieces(parts, 12);
      if (TermAnalyzer.mayHoldMarkup(text)) {
        assertThat(text).as("left to the filter").endsWith("\ud800");
        continue;
      }
      org.apache.lucene.analysis.charfilter.HTMLStripCharFilter f =
          new org.apache.lucene.analysis.charfilter.HTMLStripCharFilter(new StringReader(text));
      StringBuilder passed = new StringBuilder();
      char[] buf = new char[7];
      for (int n; (n = f.read(buf, 0, buf.length)) > 0; ) {
        passed.append(buf, 0, n);
      }
      assertThat(passed.toString()).as("«%s»", text).isEqualTo(text);
      for (int i = 0; i <= text.length(); i++) {
        assertThat(f.correctOffset(i)).as("offset %d of «%s»", i, text).isEqualTo(i);
      }
    }
    assertThat(TermAnalyzer.mayHoldMarkup("a &amp; b")).isTrue();
    assertThat(TermAnalyzer.mayHoldMarkup("a <b>c</b>")).isTrue();
    // With markup the filter still runs: neither the tag nor the entity's name is a term.
    assertThat(new TermAnalyzer(Options.defaults()).terms("<b>Rebels</b> &amp; troops")).contains("rebel", "troop").doesNotContain("b", "amp");
  }
}
