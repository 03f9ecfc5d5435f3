package org.newsframe.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

  @Test
  void escapesEverythingAndHasNoScriptOrNetwork() {
    assertThat(ReportWriter.esc("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(ReportWriter.md("a | b\n<c>")).isEqualTo("a \\| b &lt;c&gt;");
    ReportModel.Article a = new ReportModel.Article("a", "A", "<t>", null, "It is false, she said.");
    ReportModel.Article b = new ReportModel.Article("b", "B", null, null, "Nothing.");
    ReportModel.Story s = new ReportModel.Story("s", "<label>", List.of(a, b),
        Map.of("a", Map.of("rebuttals.list", "false 1", "naming.Islamic State", "IS 2"), "b", Map.of("naming.Islamic State", "ISIS 1")),
        List.of(), List.of(), List.of(new ReportModel.TermZ("A", "false", 1, 1.2, false)), List.of(), 2);
    String html = ReportWriter.html(new ReportModel.Corpus(2, 2, 0, 0, 1, 1, Map.of("A", 1L, "B", 1L)), List.of(s));
    // Self-contained: nothing fetched (SVG namespace URIs are names, not requests).
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("href=")
        .doesNotContain("url(http").doesNotContain("<t>")
        .contains("&lt;label&gt;").contains("<svg").contains("<b>false</b>");
    // Naming choices list an entity the story's outlets name differently.
    assertThat(html).contains("Islamic State: IS 2").contains("Islamic State: ISIS 1");
  }

  @Test
  void aStoryShownInPartSaysHowManyArticlesItHas() {
    ReportModel.Article a = new ReportModel.Article("a", "A", "t", null, "Text.");
    ReportModel.Story whole = new ReportModel.Story("s", "l", List.of(a), Map.of(), List.of(), List.of(), List.of(), List.of(), 1);
    ReportModel.Story part = new ReportModel.Story("s", "l", List.of(a), Map.of(), List.of(), List.of(), List.of(), List.of(), 4812);
    ReportModel.Corpus c = new ReportModel.Corpus(1, 1, 0, 0, 1, 1, Map.of("A", 1L));
    assertThat(ReportWriter.html(c, List.of(whole))).contains("s · 1 articles</p>").doesNotContain("shown");
    assertThat(ReportWriter.html(c, List.of(part))).contains("s · 4812 articles (1 shown: one an outlet first)</p>");
  }

  @Test
  void kwicMarksThePhraseInItsContext() {
    assertThat(ReportWriter.kwic("The claims are false, officials said.", List.of("false"), 3))
        .containsExactly("The claims are <b>false</b>, officials said.");
  }
}
