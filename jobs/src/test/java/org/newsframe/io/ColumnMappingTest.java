package org.newsframe.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

  @Test
  void recognisesCommonNames() {
    ColumnMapping m =
        ColumnMapping.resolve(
            List.of("Article_ID", "Publisher", "published_at", "Headline", "body", "link", "language", "extra"),
            Map.of());
    assertThat(m.asMap())
        .containsExactly(
            Map.entry("id", "Article_ID"),
            Map.entry("outlet", "Publisher"),
            Map.entry("published", "published_at"),
            Map.entry("title", "Headline"),
            Map.entry("text", "body"),
            Map.entry("url", "link"),
            Map.entry("lang", "language"));
  }

  @Test
  void prefersTheCanonicalNameAndTakesEachColumnOnce() {
    ColumnMapping m = ColumnMapping.resolve(List.of("source", "outlet", "doc_id", "content", "date"), Map.of());
    assertThat(m.source("outlet")).contains("outlet");
    assertThat(m.source("id")).contains("doc_id");
    assertThat(m.source("text")).contains("content");
    assertThat(m.source("published")).contains("date");
    assertThat(m.source("url")).isEmpty();
  }

  @Test
  void explicitPairsWin() {
    ColumnMapping m =
        ColumnMapping.resolve(List.of("id", "doc_id", "text", "body"), Map.of("id", "doc_id", "text", "body"));
    assertThat(m.source("id")).contains("doc_id");
    assertThat(m.source("text")).contains("body");
  }

  @Test
  void explicitPairsAreChecked() {
    assertThatThrownBy(() -> ColumnMapping.resolve(List.of("a", "b"), Map.of("txt", "a")))
        .hasMessageContaining("--map txt=a")
        .hasMessageContaining("not an article column");
    assertThatThrownBy(() -> ColumnMapping.resolve(List.of("a", "b"), Map.of("text", "body")))
        .hasMessageContaining("--map text=body")
        .hasMessageContaining("no column 'body'")
        .hasMessageContaining("[a, b]");
  }

  @Test
  void parsesMapSpecs() {
    assertThat(ColumnMapping.parsePairs(List.of("id=doc_id,text=body", "outlet = site")))
        .containsExactly(Map.entry("id", "doc_id"), Map.entry("text", "body"), Map.entry("outlet", "site"));
    assertThatThrownBy(() -> ColumnMapping.parsePairs(List.of("id:doc_id")))
        .hasMessageContaining("'id:doc_id'");
    assertThatThrownBy(() -> ColumnMapping.parsePairs(List.of("id=")))
        .hasMessageContaining("'id='");
  }
}
