package org.newsframe.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsframe.Fixtures.ARTICLE_COLUMNS;
import static org.newsframe.Fixtures.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.newsframe.Fixtures;
import org.newsframe.io.Columns;

class ValidationTest {

  /** id -> reason (null for kept rows), keyed by id and text so duplicates stay apart. */
  private static Map<String, String> reasons(Dataset<Row> marked) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : marked.collectAsList()) {
      out.put(r.getAs(Columns.ID) + "|" + r.getAs(Columns.TEXT), r.getAs(Columns.REASON));
    }
    return out;
  }

  @Test
  void eachRuleHasItsReason() {
    Dataset<Row> input =
        Fixtures.strings(
            ARTICLE_COLUMNS,
            article("ok", "AP", null, "Some text."),
            article(null, "AP", null, "no id"),
            article("  ", "AP", null, "blank id"),
            article("no-outlet", null, null, "text"),
            article("blank-outlet", " \t", null, "text"),
            article("no-text", "AP", null, null),
            article("blank-text", "AP", null, " \n\t\u00A0 "));
    Map<String, String> reasons = reasons(Validation.markInvalidRows(input));
    assertThat(reasons)
        .containsEntry("ok|Some text.", null)
        .containsEntry("null|no id", "missing_id")
        .containsEntry("  |blank id", "missing_id")
        .containsEntry("no-outlet|text", "missing_outlet")
        .containsEntry("blank-outlet|text", "missing_outlet")
        .containsEntry("no-text|null", "empty_text")
        .containsEntry("blank-text| \n\t\u00A0 ", "empty_text")
        .hasSize(7);
  }

  /** What {@link Validation#blankColumn} must say, in plain Java: null, or every character one of these. */
  private static boolean blankOracle(String s) {
    return s == null || s.chars().allMatch(c -> " \t\n\r\u000B\f\u00A0\u2007\u202F\u3000\uFEFF".indexOf(c) >= 0);
  }

  @Test
  void blankReadsPastTheFirstCharactersOnlyWhenTheyAreWhitespace() {
    String ws = " \t\n\u00A0\u3000";
    int prefix = Validation.BLANK_PREFIX;
    List<String> values = new ArrayList<>(List.of("", " ", "x", " x ", "\u2028", "\u0085", "\uD83D\uDE00"));
    values.add(ws.repeat(prefix)); // all whitespace, longer than the prefix
    values.add(" ".repeat(prefix) + "x"); // the first non-blank character just past the prefix
    values.add(" ".repeat(prefix - 1) + "x" + " ".repeat(prefix)); // ... and just inside it
    values.add("\u3000".repeat(prefix) + "\u00A0".repeat(prefix) + "." + "\uFEFF"); // multi-byte whitespace, then a dot
    values.add("\u3000".repeat(3 * prefix)); // multi-byte whitespace only
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(new Object[] {String.valueOf(i), values.get(i)});
    }
    rows.add(new Object[] {"null", null});
    Dataset<Row> in = Fixtures.strings(List.of("k", "v"), rows.toArray(new Object[0][]));
    Map<String, Boolean> actual = new TreeMap<>();
    in.select(org.apache.spark.sql.functions.col("k"), Validation.blankColumn("v").as("b")).collectAsList()
        .forEach(r -> actual.put(r.getString(0), r.getBoolean(1)));
    Map<String, Boolean> expected = new TreeMap<>();
    for (int i = 0; i < values.size(); i++) {
      expected.put(String.valueOf(i), blankOracle(values.get(i)));
    }
    expected.put("null", true);
    assertThat(actual).as("blank per value (keys index %s)", values).isEqualTo(expected);
    assertThat(expected.values()).as("the fixture has both answers").contains(true, false);
  }

  @Test
  void markupAndControlTestsAgreeWithTheirRegularExpressions() {
    // Every control character and its neighbours, markup and its near misses, multi-byte and invalid text.
    List<String> parts = new ArrayList<>(List.of("a", " ", "<", ">", "<p>", "</b>", "< p>", "<!--", "<a href=x>", "<1>", "&lt;",
        "\u00E9", "\u3000", "\uD83D\uDE00", "\uD83D", "\uFFFD", "\u0080", "\u0085", "\u2028"));
    for (char c = 0; c <= 0x20; c++) {
      parts.add(String.valueOf(c));
    }
    parts.add("\u007F");
    org.newsframe.TextGen gen = new org.newsframe.TextGen(7);
    String[] drawn = parts.toArray(new String[0]);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      rows.add(new Object[] {String.valueOf(i), gen.pieces(drawn, 6)});
    }
    rows.add(new Object[] {"null", null});
    java.util.regex.Pattern markup = java.util.regex.Pattern.compile(org.newsframe.text.HtmlText.MARKUP_REGEX);
    java.util.regex.Pattern control = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");
    Map<String, String> expected = new TreeMap<>();
    for (Object[] r : rows) {
      String v = (String) r[1];
      expected.put((String) r[0], v == null ? "false false" : markup.matcher(v).find() + " " + control.matcher(v).find());
    }
    Map<String, String> actual = new TreeMap<>();
    org.apache.spark.sql.Column v = org.apache.spark.sql.functions.col("v");
    Fixtures.strings(List.of("k", "v"), rows.toArray(new Object[0][]))
        .select(org.apache.spark.sql.functions.col("k"), Validation.holdsMarkup(v).as("m"),
            org.apache.spark.sql.functions.coalesce(Validation.holdsControlCharacters(v), org.apache.spark.sql.functions.lit(false)).as("c"))
        .collectAsList().forEach(r -> actual.put(r.getString(0), r.getBoolean(1) + " " + r.getBoolean(2)));
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.values()).as("the draws hold every combination").contains("true true", "true false", "false true", "false false");
  }

  @Test
  void controlBytesAreTheControlCharactersOfTheText() {
    for (int c = 0; c < 0x800; c++) {
      String s = "x" + (char) c + "y";
      assertThat(Validation.hasControlByte(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as("U+%04X", c).isEqualTo(c <= 0x08 || c >= 0x0E && c <= 0x1F || c == 0x7F);
    }
    assertThat(Validation.hasControlByte("\uD83D\uDE00\u3000".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void tooLongCountsCharactersNotBytes() {
    int max = Validation.MAX_TEXT_CHARS;
    Map<String, String> values = new TreeMap<>(Map.of(
        "ascii-at-limit", "a".repeat(max),
        "ascii-over", "a".repeat(max + 1),
        "two-byte-at-limit", "\u00E9".repeat(max), // 2 MB, still the limit's characters
        "emoji-at-limit", "\uD83D\uDE00".repeat(max), // 4 MB, one character each (two Java chars)
        "three-byte-over", "\u3000".repeat(max + 1)));
    List<Object[]> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(new Object[] {k, v}));
    Map<String, Boolean> actual = new TreeMap<>();
    Fixtures.strings(List.of("k", "v"), rows.toArray(new Object[0][]))
        .select(org.apache.spark.sql.functions.col("k"), Validation.textTooLong(org.apache.spark.sql.functions.col("v")).as("t"))
        .collectAsList().forEach(r -> actual.put(r.getString(0), r.getBoolean(1)));
    Map<String, Boolean> expected = new TreeMap<>();
    values.forEach((k, v) -> expected.put(k, v.codePointCount(0, v.length()) > max));
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).containsEntry("ascii-over", true).containsEntry("emoji-at-limit", false);
  }

  @Test
  void sourceProblemsAndCorruptRecordsComeFirst() {
    Dataset<Row> input =
        Fixtures.strings(
            List.of("id", "outlet", "text", Columns.SOURCE_PROBLEM, Columns.CORRUPT_RECORD),
            new Object[] {"a", null, null, null, "{not json"},
            new Object[] {"b", null, "t", "no_metadata", null},
            new Object[] {"c", "AP", "t", null, null});
    Dataset<Row> marked = Validation.markInvalidRows(input.withColumn(Columns.PUBLISHED, org.apache.spark.sql.functions.lit(null)));
    assertThat(reasons(marked))
        .containsEntry("a|null", "malformed_record")
        .containsEntry("b|t", "no_metadata")
        .containsEntry("c|t", null);
    assertThat(Validation.accepted(marked).columns()).doesNotContain(Columns.CORRUPT_RECORD, Columns.SOURCE_PROBLEM, Columns.REASON);
    assertThat(Validation.rejected(marked).columns()).contains(Columns.CORRUPT_RECORD, Columns.REASON);
  }

  @Test
  void duplicateIdsKeepOneChosenTheSameWayWhateverThePartitioning() {
    Object[][] rows = {
      article("d", "AP", "2017-06-10", "short"),
      article("d", "AP", "2017-06-09", "the longest text wins"),
      article("d", "AP", null, "the longest text wins"),
      article("d", "BS", "2017-06-11", "second longest text"),
      article("e", "AP", null, null), // rejected for its text: not a candidate to keep
      article("e", "AP", null, "the only valid e"),
      article("f", "AP", null, "unique"),
    };
    List<String> survivorsSeen = new ArrayList<>();
    // Limit 0: more repeated ids than may be broadcast, so every row is ranked; the others rank only d's and e's.
    for (long broadcastLimit : new long[] {0, Validation.BROADCAST_REPEATED_IDS}) {
      for (int partitions : new int[] {1, 3, 7}) {
        Object[][] shuffled = rotate(rows, partitions);
        Dataset<Row> marked = Validation.markDuplicateIds(
            Validation.markInvalidRows(Fixtures.strings(ARTICLE_COLUMNS, shuffled).repartition(partitions)), broadcastLimit);
        List<Row> kept = Validation.accepted(marked).orderBy(Columns.ID).collectAsList();
        assertThat(kept).extracting(r -> r.getString(0)).containsExactly("d", "e", "f");
        Row d = kept.get(0);
        assertThat(d.<String>getAs(Columns.TEXT)).isEqualTo("the longest text wins");
        assertThat(d.<String>getAs(Columns.PUBLISHED)).as("earliest date among equally long texts").isEqualTo("2017-06-09");
        survivorsSeen.add(d.toString());
        Map<String, Long> byReason = new TreeMap<>();
        Validation.rejected(marked).groupBy(Columns.REASON).count().collectAsList()
            .forEach(r -> byReason.put(r.getString(0), r.getLong(1)));
        assertThat(byReason).containsExactlyEntriesOf(new TreeMap<>(Map.of("duplicate_id", 3L, "empty_text", 1L)));
      }
    }
    assertThat(survivorsSeen).containsOnly(survivorsSeen.get(0));
  }

  private static Object[][] rotate(Object[][] rows, int by) {
    Object[][] out = new Object[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[(i + by) % rows.length];
    }
    return out;
  }
}
