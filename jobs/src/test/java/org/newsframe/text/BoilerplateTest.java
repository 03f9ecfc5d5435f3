package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;

class BoilerplateTest {

  private static final Boilerplate BUNDLED = Boilerplate.bundled();

  private static String seed(String file) throws Exception {
    return TextNormalizer.normalize(Files.readString(TestSpark.repo().resolve("data/seeds").resolve(file)));
  }

  @Test
  void theBusinessStandardPaywallAndDisclaimerGo() throws Exception {
    Boilerplate.Result r = BUNDLED.clean(seed("001_b39ecc038f75694e.txt"));
    assertThat(r.kept()).hasSize(10);
    assertThat(r.kept().get(9)).startsWith("\"There is now a real chance");
    assertThat(r.text()).doesNotContain("Subscribe", "₹", "free articles", "Disclaimer", "Epaper");
    assertThat(r.removed().get(0).reason()).isEqualTo("disclaimer");
    assertThat(r.removed()).extracting(Boilerplate.Removed::reason).containsOnly("disclaimer", "paywall");
    assertThat(r.removed()).extracting(Boilerplate.Removed::text)
        .contains("You've reached your limit of {{free_limit}} free articles this month.", "Seamless Access Across All Devices");
  }

  @Test
  void voaFurnitureAndRepeatedCaptionsGoButTheHeadlineStays() throws Exception {
    Boilerplate.Result r = BUNDLED.clean(seed("003_05dc41cd4e506c63.txt"));
    assertThat(r.removed())
        .extracting(x -> x.paragraph() + ":" + x.reason() + ":" + x.text())
        .containsExactly(
            "0:site_furniture:Accessibility links",
            "1:site_furniture:Breaking News",
            "3:repeated_caption:Gen. Sergei Surovikin",
            "4:repeated_caption:Gen. Sergei Surovikin",
            "14:repeated_caption:Battle for Raqqah, Syria",
            "15:repeated_caption:Battle for Raqqah, Syria");
    assertThat(r.kept().get(0)).startsWith("Russian Defense Ministry: U.S.-Led Coalition");
  }

  @Test
  void apLosesNothing() throws Exception {
    assertThat(BUNDLED.clean(seed("000_681a3d21b52c1323.txt")).removed()).isEmpty();
  }

  @Test
  void aSignUpFormsCountryPickerGoesButCountriesInTheStoryStay() {
    // As article-bias-prediction has it in 35 Time articles (the list goes on to Zimbabwe).
    String form = "Get The Brief. Sign up to receive the top stories you need to know right now. Choose your country "
        + "United States of America Afghanistan Albania Algeria American Samoa Andorra Angola Anguilla Antigua and Barbuda "
        + "Argentina Armenia Aruba Australia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize "
        + "Benin Bermuda Bhutan Bolivia Zambia Zimbabwe Get The Brief. Sign Up Now Thank you! For your security, we've sent "
        + "a confirmation email to the address you entered.";
    String story = "Troops left Afghanistan, Albania and Algeria sent envoys, and officials said the United States of America "
        + "would choose your country's next envoy.";
    Boilerplate.Result r = BUNDLED.clean(story + "\n" + form + "\nWrite to Tessa Berenson at tessa.berenson@time.com.");
    assertThat(r.removed()).extracting(x -> x.paragraph() + ":" + x.reason()).containsExactly("1:newsletter");
    assertThat(r.kept()).containsExactly(story, "Write to Tessa Berenson at tessa.berenson@time.com.");
  }

  @Test
  void repeatedLongParagraphsAreContent() {
    String para = "This paragraph is long enough to be content rather than a caption under a photo of the scene, "
        + "since it goes on and on about the matter at hand, with details of who said what to whom, when, where, and why.";
    assertThat(para.split(" ")).hasSizeGreaterThan(Boilerplate.CAPTION_MAX_WORDS);
    Boilerplate.Result r = BUNDLED.clean(para + "\n" + para);
    assertThat(r.removed()).isEmpty();
    String caption = "Then-Senate Republican Candidate and Texas Solicitor General Cruz speaks during the Republican National Convention in 2012.";
    assertThat(BUNDLED.clean("Body text.\n" + caption + "\nMore body.\n" + caption).removed())
        .extracting(Boilerplate.Removed::reason).containsExactly("repeated_caption", "repeated_caption");
  }

  @Test
  void learnedFurnitureIsRemovedWithItsReason() {
    String text = "Story body.\nRead our coverage of the election here";
    long print = Paragraphs.fingerprint("read our COVERAGE of the election here!");
    Boilerplate.Result r = BUNDLED.clean(Paragraphs.split(text), Set.of(print), "learned");
    assertThat(r.kept()).containsExactly("Story body.");
    assertThat(r.removed()).singleElement().extracting(Boilerplate.Removed::reason).isEqualTo("learned");
  }

  @Test
  void ruleFilesAreChecked() {
    assertThat(Boilerplate.read(new StringReader("# c\naction\treason\tpattern\nline\tx\t^a$\n"), "r")).hasSize(1);
    assertThatThrownBy(() -> Boilerplate.read(new StringReader("drop\tx\t^a$\n"), "rules.tsv"))
        .hasMessageContaining("rules.tsv line 1");
    assertThatThrownBy(() -> Boilerplate.read(new StringReader("line\tx\t([\n"), "rules.tsv"))
        .hasMessageContaining("rules.tsv line 1: bad regex");
    assertThatThrownBy(() -> Boilerplate.load(Path.of("/nonexistent/rules.tsv")))
        .hasMessageContaining("/nonexistent/rules.tsv");
    List<Boilerplate.Rule> rules = Boilerplate.read(new StringReader("from_here\tpaywall\t^STOP$\n"), "r");
    assertThat(new Boilerplate(rules).clean("a\nstop\nb\nc").kept()).containsExactly("a");
  }

  @Test
  void aRuleAnchoredAtTheStartIsTriedThereOnly() {
    assertThat(Boilerplate.anchoredAtStart("^Subscribe now\\b")).isTrue();
    assertThat(Boilerplate.anchoredAtStart("^(Breaking News|Advertisement)$")).isTrue();
    assertThat(Boilerplate.anchoredAtStart("^[|]x")).isTrue();
    assertThat(Boilerplate.anchoredAtStart("^\\|x")).isTrue();
    assertThat(Boilerplate.anchoredAtStart("^a|b")).isFalse();
    assertThat(Boilerplate.anchoredAtStart("\\bis reader-supported")).isFalse();
    assertThat(Boilerplate.anchoredAtStart("^\\Q|\\E")).isTrue();
    assertThat(Boilerplate.anchoredAtStart("^(?m)a")).isFalse();
  }

  @Test
  void anUnanchoredRuleIsTriedOnlyWhereItsLiteralOccurs() {
    assertThat(Boilerplate.requiredLiteral("Choose your country United States of America Afghanistan Albania\\b"))
        .isEqualTo("Choose your country United States of America Afghanistan Albania");
    assertThat(Boilerplate.requiredLiteral("\\bis reader[- ]supported: Chip in \\$")).isEqualTo("supported: Chip in ");
    assertThat(Boilerplate.requiredLiteral("colou?r charts")).isEqualTo("r charts");
    assertThat(Boilerplate.requiredLiteral("abcd|efgh")).isNull();
    assertThat(Boilerplate.requiredLiteral("(?x)a b c d e")).isNull();
    assertThat(Boilerplate.requiredLiteral("x{2}yz")).isNull();
    // Folded as the pattern compares: the long s is an s, the dotted capital I an i.
    assertThat(Boilerplate.fold("Chip \u017Fupported \u0130S")).isEqualTo("chip supported is");
  }

  /** Every bundled rule decides as find() does, on each paragraph of the seeds and on made-up ones. */
  @Test
  void anchoredMatchingDecidesAsFindDoes() throws Exception {
    List<String> paragraphs = new java.util.ArrayList<>(List.of("Subscribe now", "Please Subscribe now", "Share this article: Facebook",
        "x Advertisement", "Advertisement", "(AP Photo/Hussein Malla)", "He said: Photo credit goes to him", "b", "a",
        "The site is reader-supported: Chip in $5", "IS READER SUPPORTED: CHIP IN $", "is reader supported: Chip \u017Fn $",
        "is reader-\u017Fupported: Chip in $", "reader-supported: Chip in $", "Get it: choose your country united states of america "
            + "afghanistan albania algeria", "Choose your country United States of America Afghanistan Albani"));
    for (String f : List.of("000_681a3d21b52c1323.txt", "001_b39ecc038f75694e.txt", "003_05dc41cd4e506c63.txt")) {
      paragraphs.addAll(Paragraphs.split(seed(f)));
    }
    List<Boilerplate.Rule> rules = Boilerplate.read(new StringReader(
        Files.readString(TestSpark.repo().resolve("data/boilerplate/rules.tsv")) + "line\tx\t^a|b\n"), "rules");
    int matched = 0;
    for (Boilerplate.Rule r : rules) {
      for (String p : paragraphs) {
        boolean find = r.pattern().matcher(p).find();
        assertThat(r.matches(p)).as("%s on %s", r.pattern(), p).isEqualTo(find);
        matched += find ? 1 : 0;
      }
    }
    assertThat(matched).as("paragraphs some rule matches").isGreaterThan(10);
  }
}
