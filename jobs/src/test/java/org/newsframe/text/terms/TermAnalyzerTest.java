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
}
