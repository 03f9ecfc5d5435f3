package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutletNamesTest {

  private static final OutletNames BUNDLED = OutletNames.bundled();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "New York Times - News|New York Times",
        "new   york times - NEWS|New York Times",
        "New York Times|New York Times",
        "nytimes.com|New York Times",
        "www.nytimes.com|New York Times",
        "dealbook.nytimes.com|New York Times",
        "washingtontimes.com:443|Washington Times",
        "Associated Press|AP",
        "Voice of America|VOA",
        "Business Standard|Business Standard",
        "CNN (Web News)|CNN",
        "money.cnn.com|CNN",
        "bbc.co.uk|BBC News",
      })
  void canonicalNames(String given, String canonical) {
    assertThat(BUNDLED.canonical(given, null)).as("canonical(%s)", given).isEqualTo(canonical);
    assertThat(BUNDLED.isKnown(given)).as("isKnown(%s)", given).isTrue();
  }

  @Test
  void unknownNamesAreKeptTidied() {
    assertThat(BUNDLED.canonical("  The Smalltown   Gazette ", null)).isEqualTo("The Smalltown Gazette");
    assertThat(BUNDLED.isKnown("The Smalltown Gazette")).isFalse();
    assertThat(BUNDLED.canonical("wral.com", null)).isEqualTo("wral.com");
    assertThat(BUNDLED.isKnown("co.uk")).isFalse();
  }

  @Test
  void missingOutletComesFromTheUrlHost() {
    assertThat(BUNDLED.canonical(null, "https://www.nytimes.com/2017/06/09/world/x.html")).isEqualTo("New York Times");
    assertThat(BUNDLED.canonical("  ", "https://apnews.com/abc")).isEqualTo("AP");
    assertThat(BUNDLED.canonical(null, "http://user@News.Example.org:8080/a?b")).isEqualTo("news.example.org");
    assertThat(BUNDLED.canonical(null, "not a url")).isNull();
    assertThat(BUNDLED.canonical(null, null)).isNull();
  }

  @Test
  void hostOfUrls() {
    assertThat(OutletNames.host("https://www2.example.com/x")).isEqualTo("example.com");
    assertThat(OutletNames.host("ftp://EXAMPLE.com")).isEqualTo("example.com");
    assertThat(OutletNames.host("example.com/x")).isNull();
  }

  @Test
  void aDictionaryReadsAliasesAndHosts() {
    OutletNames names =
        OutletNames.read(new StringReader("# comment\ncanonical\talias\nGazette\tThe Daily Gazette\nGazette\tgazette.example\n"), "test");
    assertThat(names.canonical("the daily gazette", null)).isEqualTo("Gazette");
    assertThat(names.canonical(null, "https://sports.gazette.example/x")).isEqualTo("Gazette");
    assertThat(names.canonical("Gazette", null)).isEqualTo("Gazette");
  }

  @Test
  void aMalformedLineNamesItsLineNumber() {
    assertThatThrownBy(() -> OutletNames.read(new StringReader("A\tB\nno tab here\n"), "outlets.tsv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outlets.tsv line 2")
        .hasMessageContaining("no tab here");
  }
}
