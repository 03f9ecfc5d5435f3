package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void plainTextIsLeftAsItIsEvenWithAngleBrackets() {
    assertThat(HtmlText.toPlain("Turnout was < 40% and > 30%, AT&T said.")).isEqualTo("Turnout was < 40% and > 30%, AT&T said.");
    assertThat(HtmlText.hasMarkup("x <- y; 1 <2> 3; a<>b")).isFalse();
    assertThat(HtmlText.toPlain(null)).isNull();
  }

  @Test
  void blocksBecomeParagraphsAndScriptsStylesCommentsGoWithTheirContent() {
    String html = "<div class=\"story\"><p>First.</p><script type=\"text/javascript\">var x = '<p>no</p>';</script>"
        + "<STYLE>p { }</STYLE><!-- ad slot --><p>Second <a href=\"/x\">link</a><br/>line.</p></div>";
    assertThat(TextNormalizer.normalize(HtmlText.toPlain(html))).isEqualTo("First.\n\nSecond link\n\nline.");
  }

  @Test
  void characterReferencesAreDecoded() {
    assertThat(HtmlText.toPlain("<p>Fish &amp; chips &#8212; &#x201C;hot&#x201D; &quot;now&quot; &bogus; &#0;</p>"))
        .isEqualTo("\n\nFish & chips \u2014 \u201Chot\u201D \"now\" &bogus; &#0;\n\n");
  }

  @Test
  void aScriptTagInTextIsRemovedNotKeptAsText() {
    assertThat(TextNormalizer.normalize("Title <script>alert(1)</script> end")).isEqualTo("Title end");
  }
}
