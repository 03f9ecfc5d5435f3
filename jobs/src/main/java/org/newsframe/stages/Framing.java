package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.framing.FramingFeatures;
import org.newsframe.text.lexicons.Lexicons;
import org.newsframe.text.quotes.QuoteContext;
import org.newsframe.text.quotes.QuoteExtractor;

/** The {@code framing} stage: quotes with their speakers, and framing features per article. */
public final class Framing {
  public static final String QUOTE_INDEX = "quote_index";
  public static final String SPEAKER = "speaker";
  public static final String AFFILIATION = "affiliation";
  public static final String VERB = "verb";
  public static final String VERB_CLASS = "verb_class";
  public static final String WORDS = "words";
  public static final String QUOTE = "quote";
  public static final String PARAGRAPH = "paragraph";
  public static final String FEATURE = "feature";
  public static final String VALUE = "value";

  /** Schema of the {@code quotes} table. */
  public static final StructType QUOTES =
      new StructType()
          .add(Columns.ID, DataTypes.StringType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(QUOTE_INDEX, DataTypes.IntegerType, false)
          .add(SPEAKER, DataTypes.StringType)
          .add(AFFILIATION, DataTypes.StringType, false)
          .add(VERB, DataTypes.StringType)
          .add(VERB_CLASS, DataTypes.StringType)
          .add(WORDS, DataTypes.IntegerType, false)
          .add(QUOTE, DataTypes.StringType, false)
          .add(PARAGRAPH, DataTypes.IntegerType, false);

  /** Schema of the {@code framing} table. */
  public static final StructType FRAMING =
      new StructType()
          .add(Stories.STORY_ID, DataTypes.StringType, false)
          .add(Columns.ID, DataTypes.StringType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(FEATURE, DataTypes.StringType, false)
          .add(VALUE, DataTypes.StringType);

  private Framing() {}

  /**
   * Direct quotes and their speakers ({@link QuoteExtractor}), with the speaker's affiliation from
   * {@code data/sources.tsv}.
   *
   * <p>Requires articles ({@code id, outlet, text, removed}) and {@code entity_mentions}. Returns
   * {@link #QUOTES}.
   */
  public static Dataset<Row> quotes(Dataset<Row> articles, Dataset<Row> mentions, Lexicons lexicons) {
    // Both sides hashed by id alike: the join needs no shuffle of its own, so the text is shuffled
    // once (it was twice: to meet the names, then round-robin over the cores).
    Dataset<Row> names = Spread.byKey(mentions.select(Columns.ID, Entities.SURFACE, Entities.ENTITY, Entities.TYPE), Columns.ID)
        .groupBy(Columns.ID)
        .agg(collect_set(struct(col(Entities.SURFACE), col(Entities.ENTITY), col(Entities.TYPE))).as("names"));
    return Spread.byKey(articles.select(Columns.ID, Columns.OUTLET, Columns.TEXT, Columns.REMOVED), Columns.ID)
        .join(names, new String[] {Columns.ID}, "left")
        .flatMap(new QuotesFn(lexicons), Encoders.row(QUOTES));
  }

  /**
   * Framing features of every article that shares its story with another outlet.
   *
   * <p>Requires articles ({@code id, outlet, title, clean_text}), {@code stories}, {@code
   * syndication_clusters}, {@code quotes} and {@code entity_mentions}. Returns {@link #FRAMING}.
   */
  public static Dataset<Row> features(Dataset<Row> articles, Dataset<Row> stories, Dataset<Row> clusters,
      Dataset<Row> quotes, Dataset<Row> mentions, Lexicons lexicons) {
    Dataset<Row> multiOutlet =
        stories.groupBy(Stories.STORY_ID).agg(org.apache.spark.sql.functions.countDistinct(col(Columns.OUTLET)).as("outlets"))
            .filter(col("outlets").gt(1)).select(Stories.STORY_ID);
    Dataset<Row> shared = stories.join(multiOutlet, Stories.STORY_ID).select(Columns.ID, Stories.STORY_ID, Stories.STORY_TERMS);
    Dataset<Row> originOutlet = clusters.select(col(Columns.ID).as(Columns.ORIGIN_ID), col(Columns.OUTLET).as("origin_outlet"));
    Dataset<Row> roles =
        clusters.join(originOutlet, Columns.ORIGIN_ID)
            .select(col(Columns.ID),
                when(col(Columns.CLUSTER_SIZE).equalTo(1), lit("independent"))
                    .when(col(Columns.IS_ORIGIN), lit("origin"))
                    .otherwise(concat(lit("copy of "), col("origin_outlet"))).as("role"));
    Dataset<Row> q = Spread.byKey(quotes.select(Columns.ID, QUOTE_INDEX, SPEAKER, AFFILIATION, VERB, WORDS), Columns.ID)
        .groupBy(Columns.ID).agg(collect_list(struct(col(QUOTE_INDEX), col(SPEAKER), col(AFFILIATION), col(VERB), col(WORDS))).as("quotes"));
    Dataset<Row> n = Spread.byKey(mentions.select(Columns.ID, Entities.ENTITY, Entities.SURFACE), Columns.ID)
        .groupBy(Columns.ID).agg(collect_list(struct(col(Entities.ENTITY), col(Entities.SURFACE))).as("names"));
    // Only the texts of the stories' articles are shuffled (the ids broadcast when few enough), once:
    // every side is hashed by id alike, so the joins add no shuffle and the rows stay spread.
    Dataset<Row> texts = articles.select(Columns.ID, Columns.OUTLET, Columns.TITLE, Columns.CLEAN_TEXT)
        .join(Spread.broadcastUpTo(shared.select(Columns.ID), Spread.BROADCAST_IDS), new String[] {Columns.ID}, "left_semi");
    return Spread.byKey(shared, Columns.ID)
        .join(Spread.byKey(texts, Columns.ID), Columns.ID)
        .join(Spread.byKey(roles, Columns.ID), Columns.ID)
        .join(q, new String[] {Columns.ID}, "left")
        .join(n, new String[] {Columns.ID}, "left")
        .select(Stories.STORY_ID, Columns.ID, Columns.OUTLET, Columns.TITLE, Columns.CLEAN_TEXT, "role", Stories.STORY_TERMS, "quotes", "names")
        .flatMap(new FeaturesFn(lexicons), Encoders.row(FRAMING));
  }

  static final class QuotesFn implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Lexicons lexicons;
    private transient QuoteExtractor extractor;

    QuotesFn(Lexicons lexicons) {
      this.lexicons = lexicons;
    }

    @Override
    public Iterator<Row> call(Row r) {
      if (extractor == null) {
        extractor = new QuoteExtractor(lexicons.attributionVerbs().keySet());
      }
      Map<Integer, String> removed = new TreeMap<>();
      if (!r.isNullAt(3)) {
        for (Object o : r.getList(3)) {
          Row x = (Row) o;
          removed.put(x.getInt(x.fieldIndex("paragraph")), x.getString(x.fieldIndex("reason")));
        }
      }
      List<QuoteExtractor.Name> names = new ArrayList<>();
      if (!r.isNullAt(4)) {
        for (Object o : r.getList(4)) {
          Row x = (Row) o;
          names.add(new QuoteExtractor.Name(x.getString(0), x.getString(1), x.getString(2)));
        }
      }
      String text = r.isNullAt(2) ? "" : r.getString(2);
      QuoteContext c = QuoteContext.of(text, removed);
      List<Row> out = new ArrayList<>();
      for (QuoteExtractor.Quote q : extractor.extract(c.paragraphs(), c.contextOnly(), names)) {
        out.add(RowFactory.create(r.getString(0), r.getString(1), q.index(), q.speaker(), lexicons.affiliation(q.speaker()),
            q.verb(), lexicons.verbClass(q.verb()), q.words(), q.text(), q.paragraph()));
      }
      return out.iterator();
    }
  }

  static final class FeaturesFn implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Lexicons lexicons;
    private transient FramingFeatures features;

    FeaturesFn(Lexicons lexicons) {
      this.lexicons = lexicons;
    }

    @Override
    public Iterator<Row> call(Row r) {
      if (features == null) {
        features = new FramingFeatures(lexicons);
      }
      List<FramingFeatures.QuoteInfo> quotes = new ArrayList<>();
      if (!r.isNullAt(7)) {
        for (Object o : r.getList(7)) {
          Row x = (Row) o;
          quotes.add(new FramingFeatures.QuoteInfo(x.getInt(0), x.getString(1), x.getString(2), x.getString(3), x.getInt(4)));
        }
        quotes.sort(java.util.Comparator.comparingInt(FramingFeatures.QuoteInfo::index));
      }
      List<FramingFeatures.NameUse> names = new ArrayList<>();
      if (!r.isNullAt(8)) {
        for (Object o : r.getList(8)) {
          Row x = (Row) o;
          names.add(new FramingFeatures.NameUse(x.getString(0), x.getString(1)));
        }
      }
      List<String> claim = r.isNullAt(6) ? List.of() : r.getList(6);
      Map<String, String> f = features.compute(r.isNullAt(3) ? null : r.getString(3), r.isNullAt(4) ? "" : r.getString(4),
          quotes, names, claim, r.getString(5));
      List<Row> out = new ArrayList<>(f.size());
      f.forEach((k, v) -> out.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), k, v)));
      return out.iterator();
    }
  }
}
