package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.Boilerplate;
import org.newsframe.text.Hashing;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.TextNormalizer;

/**
 * The {@code clean} stage: normalised text without boilerplate. Boilerplate is found by rule, as
 * short paragraphs repeated inside an article (captions), and by learning: a paragraph one outlet
 * repeats across several unrelated articles (distinct openings) is that outlet's site furniture,
 * and is removed wherever it appears, including copies other outlets made of its articles. Wire
 * text that recurs across outlets is content and stays: each outlet carries a story once, and an
 * outlet's updates of one story share their opening.
 */
public final class Clean {

  /** The outlet of furniture learned across a network of outlets. */
  public static final String ANY_OUTLET = "*";

  /** Reason for paragraphs learned to be an outlet's furniture. */
  public static final String LEARNED_FURNITURE = "site_furniture_learned";

  /** Schema of one entry of {@link Columns#REMOVED}. */
  public static final StructType REMOVED_ENTRY =
      new StructType()
          .add("paragraph", DataTypes.IntegerType, false)
          .add("text", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, false);

  /**
   * A 64-bit hash of an article's opening ({@link Paragraphs#opening}: its first clean paragraph of
   * 12 words or more, else its first 200 characters), which {@link #learnFurniture} counts distinct
   * values of. In Java because Spark's {@code split} of every text into paragraphs and of each into
   * words made an object a word (59.9-72.0 s of CPU on the 1M bench articles' texts, 14.6-15.1 s
   * this way: bench/LeadCost.java); a hash because every paragraph's row carried its article's
   * opening through the shuffle and the distinct counts (7.8 GB shuffled in the clean stage at 1M).
   * Learning the furniture of the 1M bench corpus took 78.3 s, 203.0 s before (bench/FurnitureCost.java).
   * Any two of a million articles' openings share a hash with odds of about 3 in 10^8.
   */
  public static org.apache.spark.sql.Column openingPrint(org.apache.spark.sql.Column cleanText) {
    return OPENING_PRINT.apply(cleanText);
  }

  private static final UserDefinedFunction OPENING_PRINT =
      udf(new OpeningPrintFn(), DataTypes.LongType).withName("newsframe_opening_print");

  /** {@link Paragraphs#opening}'s {@link Hashing#hash64} as a Spark function (null for null). */
  static final class OpeningPrintFn implements UDF1<String, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long call(String cleanText) {
      String opening = Paragraphs.opening(cleanText);
      return opening == null ? null : Hashing.hash64(opening);
    }
  }

  private static final String PARAGRAPHS = "_nf_paragraphs";
  private static final String PRINTS = "_nf_prints";

  private Clean() {}

  /**
   * Normalises each article and removes rule-based boilerplate.
   *
   * <p>Requires {@link Columns#TEXT}. Adds {@link Columns#CLEAN_TEXT}, {@link Columns#REMOVED} and
   * two working columns ({@code _nf_paragraphs}, {@code _nf_prints}: the normalised paragraphs and
   * their fingerprints) that {@link #removeFurniture} consumes.
   */
  public static Dataset<Row> applyRules(Dataset<Row> articles, Boilerplate rules) {
    StructType result =
        new StructType()
            .add(Columns.CLEAN_TEXT, DataTypes.StringType)
            .add(Columns.REMOVED, DataTypes.createArrayType(REMOVED_ENTRY))
            .add(PARAGRAPHS, DataTypes.createArrayType(DataTypes.StringType))
            .add(PRINTS, DataTypes.createArrayType(DataTypes.LongType));
    UserDefinedFunction clean = udf(new CleanFn(rules), result).withName("newsframe_clean");
    return articles
        .withColumn("_nf_clean", clean.apply(col(Columns.TEXT)))
        .select(col("*"), col("_nf_clean.*"))
        .drop("_nf_clean");
  }

  /**
   * Paragraphs that are site furniture: carried by at least {@code minArticles} articles of one
   * outlet with distinct openings (the first paragraph of at least 12 words: short lines at the
   * top are often furniture themselves), or by articles of several outlets with at least twice as
   * many distinct openings (outlet {@value #ANY_OUTLET}).
   *
   * <p>Requires the output of {@link #applyRules} and {@link Columns#OUTLET}, one row per {@link
   * Columns#ID} (as validation leaves them). Returns {@code outlet, fingerprint, articles}.
   */
  public static Dataset<Row> learnFurniture(Dataset<Row> ruled, int minArticles) {
    // The opening is computed once an article, before the paragraphs are exploded into rows. A row
    // is then an article's use of a paragraph (an article has one outlet and one opening), so a
    // group's rows are its distinct articles: counted, not de-duplicated again (each distinct count
    // in an aggregation is another copy of every row).
    Dataset<Row> occurrences =
        ruled
            .select(col(Columns.ID), col(Columns.OUTLET), openingPrint(col(Columns.CLEAN_TEXT)).as("opening"), col(PRINTS))
            .select(col(Columns.ID), col(Columns.OUTLET), col("opening"), explode(col(PRINTS)).as("fingerprint"))
            .distinct();
    Dataset<Row> perOutlet =
        occurrences
            .groupBy(col(Columns.OUTLET), col("fingerprint"))
            .agg(count(lit(1)).as("articles"), countDistinct(col("opening")).as("openings"))
            .filter(col("articles").geq(minArticles).and(col("openings").geq(minArticles)))
            .select(col(Columns.OUTLET), col("fingerprint"), col("articles"));
    // Sites of one network (a publisher's local stations) share furniture too: across outlets, a
    // paragraph needs twice as many unrelated openings, since a wire story's copies share theirs.
    Dataset<Row> network =
        occurrences
            .groupBy(col("fingerprint"))
            .agg(count(lit(1)).as("articles"), countDistinct(col("opening")).as("openings"),
                countDistinct(col(Columns.OUTLET)).as("outlets"))
            .filter(col("outlets").geq(2).and(col("openings").geq(2L * minArticles)))
            .select(org.apache.spark.sql.functions.lit(ANY_OUTLET).as(Columns.OUTLET), col("fingerprint"), col("articles"));
    return perOutlet.unionByName(network);
  }

  /**
   * Removes learned furniture paragraphs from {@link Columns#CLEAN_TEXT} of every article, whatever
   * its outlet, recording them in {@link Columns#REMOVED}, and drops the working columns of {@link
   * #applyRules}.
   *
   * @param furniture outlet to paragraph fingerprints, from {@link #learnFurniture} (small: it is
   *     collected and shipped to the executors)
   */
  public static Dataset<Row> removeFurniture(Dataset<Row> ruled, Map<String, Set<Long>> furniture) {
    StructType result =
        new StructType()
            .add(Columns.CLEAN_TEXT, DataTypes.StringType)
            .add(Columns.REMOVED, DataTypes.createArrayType(REMOVED_ENTRY));
    UserDefinedFunction strip = udf(new StripFurnitureFn(furniture), result).withName("newsframe_strip_furniture");
    return ruled
        .withColumn("_nf_strip", strip.apply(org.apache.spark.sql.functions.struct(
            col(Columns.CLEAN_TEXT), col(Columns.REMOVED), col(PARAGRAPHS), col(PRINTS))))
        .withColumn(Columns.CLEAN_TEXT, col("_nf_strip." + Columns.CLEAN_TEXT))
        .withColumn(Columns.REMOVED, col("_nf_strip." + Columns.REMOVED))
        .drop("_nf_strip", PARAGRAPHS, PRINTS);
  }

  /** Collects {@link #learnFurniture}'s table as outlet → fingerprints. */
  public static Map<String, Set<Long>> furnitureByOutlet(Dataset<Row> furniture) {
    Map<String, Set<Long>> m = new HashMap<>();
    for (Row r : furniture.select(Columns.OUTLET, "fingerprint").collectAsList()) {
      m.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getLong(1));
    }
    return m;
  }

  /** Text → (clean text, removed, paragraphs, fingerprints of kept paragraphs by position). */
  static final class CleanFn implements UDF1<String, Row> {
    private static final long serialVersionUID = 1L;
    private final Boilerplate rules;

    CleanFn(Boilerplate rules) {
      this.rules = rules;
    }

    @Override
    public Row call(String text) {
      List<String> paragraphs = Paragraphs.split(TextNormalizer.normalize(text == null ? "" : text));
      Boilerplate.Result r = rules.clean(paragraphs, Set.of(), null);
      List<Row> removed = new ArrayList<>();
      for (Boilerplate.Removed x : r.removed()) {
        removed.add(RowFactory.create(x.paragraph(), x.text(), x.reason()));
      }
      return RowFactory.create(r.text(), seq(removed), seq(paragraphs), seq(r.keptPrints()));
    }
  }

  /** Removes learned furniture paragraphs from an already rule-cleaned article. */
  static final class StripFurnitureFn implements UDF1<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Set<Long> furniture = new HashSet<>();

    StripFurnitureFn(Map<String, Set<Long>> byOutlet) {
      byOutlet.values().forEach(furniture::addAll);
    }

    @Override
    public Row call(Row in) {
      String clean = in.getString(0);
      List<Row> removed = new ArrayList<>(in.getList(1));
      if (furniture.isEmpty()) {
        return RowFactory.create(clean, seq(removed));
      }
      List<String> paragraphs = in.getList(2);
      List<Long> keptPrints = in.getList(3);
      // Kept paragraphs are those not in `removed`, in order; their fingerprints are keptPrints.
      Set<Integer> removedIdx = new HashSet<>();
      for (Row r : removed) {
        removedIdx.add(r.getInt(0));
      }
      List<String> kept = new ArrayList<>();
      int k = 0;
      for (int i = 0; i < paragraphs.size(); i++) {
        if (removedIdx.contains(i)) {
          continue;
        }
        long print = keptPrints.get(k++);
        if (furniture.contains(print)) {
          removed.add(RowFactory.create(i, paragraphs.get(i), LEARNED_FURNITURE));
        } else {
          kept.add(paragraphs.get(i));
        }
      }
      removed.sort(java.util.Comparator.comparingInt(r -> r.getInt(0)));
      return RowFactory.create(Paragraphs.join(kept), seq(removed));
    }
  }

  /**
   * {@code rows} mapped one by one as they are read, for {@code mapPartitions} functions that set up
   * per-task state (a shingler, an analyzer, an NER pipeline) and then transform each row.
   */
  static <A, B> java.util.Iterator<B> mapped(java.util.Iterator<A> rows, java.util.function.Function<A, B> f) {
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public B next() {
        return f.apply(rows.next());
      }
    };
  }

  static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
    return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
  }
}
