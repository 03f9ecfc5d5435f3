package org.newsframe.stages;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.newsframe.io.Columns;
import org.newsframe.io.RejectReason;

/** Row-level checks that decide which articles are quarantined, and why. */
public final class Validation {

  private static final String RANK = "_nf_rank";

  /**
   * Longest text accepted, in characters: a thousand times a long news article. Longer ones are
   * page dumps or concatenated feeds, and one of them would hold a task (and NER) for minutes.
   */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  private static final org.apache.spark.sql.expressions.UserDefinedFunction ENGLISH =
      org.apache.spark.sql.functions.udf(
              (org.apache.spark.sql.api.java.UDF2<String, String, Boolean>) org.newsframe.text.LanguageGuess::english,
              org.apache.spark.sql.types.DataTypes.BooleanType)
          .withName("newsframe_is_english");

  private Validation() {}

  /**
   * Marks each row with the first rule it breaks.
   *
   * <p>Requires the canonical columns (see {@code ArticleSchema}); uses {@link
   * Columns#CORRUPT_RECORD} and {@link Columns#SOURCE_PROBLEM} when present. Adds {@link Columns#REASON}: a {@link RejectReason} code,
   * or null for a row that may go on. Duplicate ids are left to {@link #markDuplicateIds}, since
   * which copy survives must be chosen among valid rows only.
   */
  public static Dataset<Row> markInvalidRows(Dataset<Row> articles) {
    Column lang = Arrays.asList(articles.columns()).contains(Columns.LANG) ? col(Columns.LANG) : lit(null).cast("string");
    Column reason =
        when(blankColumn(Columns.ID), lit(RejectReason.MISSING_ID.code()))
            .when(blankColumn(Columns.OUTLET), lit(RejectReason.MISSING_OUTLET.code()))
            .when(blankColumn(Columns.TEXT), lit(RejectReason.EMPTY_TEXT.code()))
            .when(textTooLong(col(Columns.TEXT)), lit(RejectReason.TEXT_TOO_LONG.code()))
            .when(not(ENGLISH.apply(lang, col(Columns.TEXT))), lit(RejectReason.NOT_ENGLISH.code()));
    List<String> columns = Arrays.asList(articles.columns());
    if (columns.contains(Columns.SOURCE_PROBLEM)) {
      reason = when(col(Columns.SOURCE_PROBLEM).isNotNull(), col(Columns.SOURCE_PROBLEM)).otherwise(reason);
    }
    if (columns.contains(Columns.CORRUPT_RECORD)) {
      // A malformed record has nulls where its fields should be: name the real cause first.
      reason =
          when(col(Columns.CORRUPT_RECORD).isNotNull(), lit(RejectReason.MALFORMED_RECORD.code()))
              .otherwise(reason);
    }
    return articles.withColumn(Columns.REASON, reason);
  }

  /** Up to this many ids written more than once, {@link #markDuplicateIds} broadcasts them (a few dozen bytes each). */
  static final long BROADCAST_REPEATED_IDS = 1_000_000L;

  private static final String REPEATED = "_nf_repeated_id";

  /**
   * Among rows not yet rejected, keeps one row per id and marks the rest {@code duplicate_id}.
   *
   * <p>Requires {@link Columns#REASON}, {@link Columns#ID}, {@link Columns#TEXT}, {@link
   * Columns#PUBLISHED}. The survivor is the same whatever the partitioning: the longest text, then
   * the earliest date, then the smallest hash of the whole row.
   *
   * <p>Only the rows of ids written more than once are ranked: finding those ids shuffles the ids
   * alone (one job, reading the id column), and when there are at most {@link
   * #BROADCAST_REPEATED_IDS} of them they are broadcast, so the other rows — nearly all, in a
   * corpus — are neither shuffled with their text nor hashed. More than that, every row is ranked.
   */
  public static Dataset<Row> markDuplicateIds(Dataset<Row> marked) {
    return markDuplicateIds(marked, BROADCAST_REPEATED_IDS);
  }

  static Dataset<Row> markDuplicateIds(Dataset<Row> marked, long broadcastRepeatedIds) {
    Dataset<Row> repeated = marked.groupBy(col(Columns.ID).as(REPEATED)).count().filter(col("count").gt(1)).select(REPEATED);
    long n = repeated.count();
    if (n == 0) {
      return marked;
    }
    if (n > broadcastRepeatedIds) {
      return ranked(marked);
    }
    Column match = col(Columns.ID).equalTo(col(REPEATED));
    Dataset<Row> ids = org.apache.spark.sql.functions.broadcast(repeated);
    return marked.join(ids, match, "left_anti").unionByName(ranked(marked.join(ids, match, "left_semi")));
  }

  private static Dataset<Row> ranked(Dataset<Row> marked) {
    Column[] everyColumn =
        Arrays.stream(marked.columns())
            .filter(c -> !c.equals(Columns.REASON))
            .map(c -> col("`" + c + "`"))
            .toArray(Column[]::new);
    WindowSpec byId =
        Window.partitionBy(col(Columns.ID), col(Columns.REASON).isNull())
            .orderBy(
                length(col(Columns.TEXT)).desc(),
                col(Columns.PUBLISHED).asc_nulls_last(),
                sha2(to_json(struct(everyColumn)), 256).asc());
    return marked
        .withColumn(RANK, row_number().over(byId))
        .withColumn(
            Columns.REASON,
            when(
                    col(Columns.REASON).isNull().and(col(RANK).gt(1)),
                    lit(RejectReason.DUPLICATE_ID.code()))
                .otherwise(col(Columns.REASON)))
        .drop(RANK);
  }

  /** Both checks: {@link #markInvalidRows} then {@link #markDuplicateIds}. */
  public static Dataset<Row> markRejects(Dataset<Row> articles) {
    return markDuplicateIds(markInvalidRows(articles));
  }

  /**
   * The rows that passed, without {@link Columns#REASON} and the readers' problem columns. Byte
   * sequences in {@code text} and {@code title} that are not UTF-8 become U+FFFD (what any reader
   * of the string would see), so the tables hold valid UTF-8; {@link #findings} counts them.
   */
  public static Dataset<Row> accepted(Dataset<Row> marked) {
    Dataset<Row> ok = marked.filter(col(Columns.REASON).isNull());
    for (String c : List.of(Columns.TEXT, Columns.TITLE)) {
      if (Arrays.asList(ok.columns()).contains(c)) {
        ok = ok.withColumn(c, org.apache.spark.sql.functions.make_valid_utf8(col(c)));
      }
    }
    return ok.drop(Columns.REASON, Columns.CORRUPT_RECORD, Columns.SOURCE_PROBLEM);
  }

  /** What the clean stage will repair, where it is found (see {@link #findings}). */
  public static final String FOUND_HTML = "html_markup";
  public static final String FOUND_CONTROL = "control_characters";
  public static final String FOUND_INVALID_UTF8 = "invalid_utf8";
  public static final String FOUND_UNDATED = "undated";
  public static final String FOUND_UNPARSED_DATES = "unparsed_dates";

  /**
   * One row counting, among the accepted rows, texts that are repaired rather than rejected: HTML
   * markup (made plain by the normaliser), control characters (removed), bytes that are not UTF-8
   * (replaced); and articles without a date, of which {@code unparsed_dates} had one that could not
   * be read (kept in {@code published_raw}).
   *
   * <p>Requires {@link Columns#REASON}, {@link Columns#TEXT}, {@link Columns#PUBLISHED}.
   */
  public static Dataset<Row> findings(Dataset<Row> marked) {
    Column text = col(Columns.TEXT);
    Column unparsed = Arrays.asList(marked.columns()).contains(Conform.PUBLISHED_RAW)
        ? col(Conform.PUBLISHED_RAW).isNotNull() : lit(false);
    return marked.filter(col(Columns.REASON).isNull()).agg(
        countIf(holdsMarkup(text)).as(FOUND_HTML),
        countIf(holdsControlCharacters(text)).as(FOUND_CONTROL),
        countIf(not(org.apache.spark.sql.functions.is_valid_utf8(text))).as(FOUND_INVALID_UTF8),
        countIf(col(Columns.PUBLISHED).isNull()).as(FOUND_UNDATED),
        countIf(unparsed).as(FOUND_UNPARSED_DATES));
  }

  /**
   * Whether a text holds markup ({@link org.newsframe.text.HtmlText#MARKUP_REGEX}). Only texts with a
   * {@code <} are matched: finding one is a byte search, where the expression decodes every text to
   * UTF-16 and tries the pattern at each character. With {@link #holdsControlCharacters}, the two
   * counts over the 1M bench corpus took 14.8-22.5 s against 53.5-57.9 s (bench/FindingsCost.java).
   */
  public static Column holdsMarkup(Column text) {
    return when(text.contains("<"), text.rlike(org.newsframe.text.HtmlText.MARKUP_REGEX)).otherwise(lit(false));
  }

  /**
   * Whether a text holds a control character other than tab and line ends ({@code [\x00-\x08\x0E-\x1F\x7F]}),
   * read from its UTF-8 bytes: in UTF-8 those bytes stand for those characters alone (every byte of a
   * longer character is 0x80 or more), so no text is decoded. Null for null.
   */
  public static Column holdsControlCharacters(Column text) {
    return CONTROL_BYTES.apply(text.cast(DataTypes.BinaryType));
  }

  private static final UserDefinedFunction CONTROL_BYTES = org.apache.spark.sql.functions.udf(
      (UDF1<byte[], Boolean>) b -> b == null ? null : hasControlByte(b), DataTypes.BooleanType).withName("newsframe_control_bytes");

  /** Whether {@code utf8} holds a byte 0x00-0x08, 0x0E-0x1F or 0x7F. */
  static boolean hasControlByte(byte[] utf8) {
    for (byte b : utf8) {
      // Tab, line feed, vertical tab, form feed and carriage return (0x09-0x0D) are allowed.
      if (b >= 0 && (b < 0x09 || b > 0x0D && b < 0x20 || b == 0x7F)) {
        return true;
      }
    }
    return false;
  }

  private static Column countIf(Column c) {
    return org.apache.spark.sql.functions.sum(when(c, 1).otherwise(0)).cast("long");
  }

  /** The rows that failed, whole, with their {@link Columns#REASON}. */
  public static Dataset<Row> rejected(Dataset<Row> marked) {
    return marked.filter(col(Columns.REASON).isNotNull());
  }

  /** Characters that do not make a value non-blank (Spark's plain trim strips spaces only). */
  private static final String WHITESPACE = " \t\n\r\u000B\f\u00A0\u2007\u202F\u3000\uFEFF";

  /**
   * Characters looked at first by {@link #blankColumn}: a value with anything but whitespace among them is
   * not blank, which settles almost every text without reading it whole.
   */
  static final int BLANK_PREFIX = 64;

  /**
   * Null, or only {@link #WHITESPACE}. Spark's {@code btrim} with a set of characters indexes every
   * character of the value (two int arrays as long as its bytes) and copies what is left, so on the
   * texts it was 17 % of the validate stage's samples at 1M bench articles (4.6 GB of text): it is
   * asked of the first {@link #BLANK_PREFIX} characters, and of the whole value only when those are
   * all whitespace. A {@code CASE} evaluates only the branch it takes.
   */
  public static Column blankColumn(String column) {
    Column head = org.apache.spark.sql.functions.substring(col(column), 1, BLANK_PREFIX);
    return col(column).isNull().or(
        when(btrim(head, lit(WHITESPACE)).notEqual(""), lit(false)).otherwise(btrim(col(column), lit(WHITESPACE)).equalTo("")));
  }

  /**
   * Longer than {@link #MAX_TEXT_CHARS} characters. A character is at least one byte, so only a
   * text of more bytes than that is counted (counting a value's characters reads all of it; its
   * bytes are known).
   */
  public static Column textTooLong(Column text) {
    return org.apache.spark.sql.functions.octet_length(text).gt(MAX_TEXT_CHARS).and(length(text).gt(MAX_TEXT_CHARS));
  }
}
