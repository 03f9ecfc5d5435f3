package org.newsframe.stages;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.Hashing;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.entities.AliasDictionary;
import org.newsframe.text.entities.EntityExtractor;
import org.newsframe.text.entities.EntityExtractors;
import org.newsframe.text.entities.EntityResolver;
import org.newsframe.text.entities.Mention;

/**
 * The {@code entities} stage: people, organisations and places each outlet names, as canonical
 * entities ({@code ISIS}, {@code IS} and {@code Islamic State} are one), and the alias each outlet
 * prefers.
 *
 * <p>NER runs per paragraph, and — with the paragraph cache — once per distinct paragraph: a wire
 * paragraph carried by twenty outlets is tagged once and its mentions joined back to all twenty.
 */
public final class Entities {
  public static final String PARAGRAPH_INDEX = "paragraph_index";
  public static final String PARAGRAPH_START = "paragraph_start";
  public static final String PARAGRAPH_HASH = "paragraph_hash";
  public static final String PARAGRAPH = "paragraph";
  public static final String SENTENCES = "sentences";
  public static final String TOKENS = "tokens";
  public static final String MENTIONS_ARRAY = "found";

  public static final String ENTITY = "entity";
  public static final String TYPE = "type";
  public static final String SURFACE = "surface";
  public static final String SENTENCE_INDEX = "sentence_index";
  public static final String CHAR_START = "char_start";
  public static final String SOURCE = "source";
  public static final String MENTIONS = "mentions";
  public static final String SURFACES = "surfaces";

  /** Schema of {@link #paragraphs}. */
  public static final StructType PARAGRAPHS =
      new StructType()
          .add(Columns.ID, DataTypes.StringType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(PARAGRAPH_INDEX, DataTypes.IntegerType, false)
          .add(PARAGRAPH_START, DataTypes.IntegerType, false)
          .add(PARAGRAPH_HASH, DataTypes.LongType, false)
          .add(PARAGRAPH, DataTypes.StringType, false);

  /** One resolved mention inside a paragraph. */
  public static final StructType FOUND =
      new StructType()
          .add(ENTITY, DataTypes.StringType, false)
          .add(TYPE, DataTypes.StringType, false)
          .add(SURFACE, DataTypes.StringType, false)
          .add("sentence", DataTypes.IntegerType, false)
          .add("start", DataTypes.IntegerType, false)
          .add(SOURCE, DataTypes.StringType, false);

  /** What tagging a paragraph gives. */
  public static final StructType TAGGED =
      new StructType()
          .add(PARAGRAPH_HASH, DataTypes.LongType, false)
          .add(SENTENCES, DataTypes.IntegerType, false)
          .add(TOKENS, DataTypes.IntegerType, false)
          .add(MENTIONS_ARRAY, DataTypes.createArrayType(FOUND, false), false);

  private Entities() {}

  /**
   * Articles as paragraphs.
   *
   * <p>Requires {@link Columns#ID}, {@link Columns#OUTLET}, {@link Columns#CLEAN_TEXT}. Returns
   * {@link #PARAGRAPHS}: each paragraph with its offset in the clean text and a hash of its exact
   * (normalised) text, the paragraph cache's key.
   */
  public static Dataset<Row> paragraphs(Dataset<Row> articles) {
    return articles.select(Columns.ID, Columns.OUTLET, Columns.CLEAN_TEXT)
        .flatMap(new ParagraphsFn(), Encoders.row(PARAGRAPHS));
  }

  /**
   * Tags paragraphs: with {@code cache}, each distinct paragraph once; without, every paragraph.
   *
   * <p>Requires {@link #PARAGRAPHS}. Returns the paragraphs' {@code id, outlet, paragraph_index,
   * paragraph_start, paragraph_hash} (without the cache, a key of its own per paragraph) with
   * {@link #TAGGED}'s {@code sentences, tokens, found}.
   */
  public static Dataset<Row> tag(Dataset<Row> paragraphs, String extractor, AliasDictionary aliases, boolean cache) {
    TagFn fn = new TagFn(extractor, aliases);
    Dataset<Row> input = paragraphs;
    if (!cache) {
      // Every paragraph its own key, so nothing is shared: the cost of tagging without the cache.
      input = paragraphs.withColumn(PARAGRAPH_HASH, org.apache.spark.sql.functions.xxhash64(col(Columns.ID), col(PARAGRAPH_INDEX)));
    }
    Dataset<Row> keys = input.select(Columns.ID, Columns.OUTLET, PARAGRAPH_INDEX, PARAGRAPH_START, PARAGRAPH_HASH);
    // Hashed by key, so every copy of a paragraph is in one task, which tags the first it meets and
    // skips the rest: equal hashes are equal texts (64 bits; a collision among a billion paragraphs
    // has odds of about 1 in 30). One shuffle of the text: a group-by picking a representative (a
    // string minimum, so a sort-based aggregate of every paragraph) and a round-robin to spread the
    // distinct ones were two: tagging the 1M bench's 10.1 M paragraphs took 174.0 s, 141.6 s this
    // way (bench/TagCost.java).
    Dataset<Row> tagged = Spread.byKey(input.select(PARAGRAPH_HASH, PARAGRAPH), PARAGRAPH_HASH)
        .mapPartitions(new FirstOfKeyFn(fn), Encoders.row(TAGGED));
    return keys.join(tagged, PARAGRAPH_HASH);
  }

  /**
   * Mentions with article-level positions, each name linked to its entity.
   *
   * <p>Requires {@link #tag}'s rows. Returns {@code id, outlet, entity, type, surface,
   * sentence_index, char_start, source}. Within an article, a one-word person the dictionary does
   * not know ("Mehmud") becomes the longer person it ends ("Nuri Mehmud"); an entity the model typed
   * differently in different places takes its most frequent type.
   */
  public static Dataset<Row> mentions(Dataset<Row> tagged) {
    Column sentencesBefore =
        coalesce(sum(SENTENCES).over(Window.partitionBy(Columns.ID).orderBy(PARAGRAPH_INDEX)
            .rowsBetween(Window.unboundedPreceding(), -1)), lit(0L));
    // The window first, on paragraph rows: over exploded mention rows it would count mentions.
    Dataset<Row> raw =
        tagged.select(col(Columns.ID), col(Columns.OUTLET), col(PARAGRAPH_START), sentencesBefore.as("before"), col(MENTIONS_ARRAY))
            .select(col(Columns.ID), col(Columns.OUTLET), col(PARAGRAPH_START), col("before"), explode(col(MENTIONS_ARRAY)).as("m"))
            .select(
                col(Columns.ID), col(Columns.OUTLET), col("m." + ENTITY).as(ENTITY), col("m." + TYPE).as(TYPE),
                col("m." + SURFACE).as(SURFACE),
                col("before").plus(col("m.sentence")).cast("int").as(SENTENCE_INDEX),
                col(PARAGRAPH_START).plus(col("m.start")).as(CHAR_START),
                col("m." + SOURCE).as(SOURCE));
    return majorityType(linkSurnames(raw));
  }

  /** "Mehmud" → "Nuri Mehmud" within an article, for model-found persons only. */
  static Dataset<Row> linkSurnames(Dataset<Row> mentions) {
    Dataset<Row> full =
        mentions.filter(col(TYPE).equalTo("PERSON").and(col(ENTITY).contains(" ")))
            .select(col(Columns.ID).as("full_id"),
                org.apache.spark.sql.functions.element_at(split(col(ENTITY), " "), -1).as("last"),
                col(ENTITY).as("full"))
            .groupBy("full_id", "last")
            // Two different people with one surname in an article: the alphabetically first; rare.
            .agg(min("full").as("full"));
    Dataset<Row> m = mentions.as("m");
    return m.join(full,
            col("m." + Columns.ID).equalTo(col("full_id"))
                .and(col("m." + ENTITY).equalTo(col("last")))
                .and(col("m." + TYPE).equalTo("PERSON"))
                .and(col("m." + SOURCE).equalTo(Mention.MODEL)),
            "left")
        .select(
            col("m." + Columns.ID), col("m." + Columns.OUTLET),
            coalesce(col("full"), col("m." + ENTITY)).as(ENTITY),
            col("m." + TYPE), col("m." + SURFACE), col("m." + SENTENCE_INDEX), col("m." + CHAR_START),
            col("m." + SOURCE));
  }

  /** Each entity's most frequent type across the corpus (ties: alphabetical). */
  static Dataset<Row> majorityType(Dataset<Row> mentions) {
    Dataset<Row> types =
        mentions.groupBy(ENTITY, TYPE).agg(negate(count(lit(1))).as("n"))
            .groupBy(ENTITY).agg(min(struct(col("n"), col(TYPE))).as("best"))
            .select(col(ENTITY), col("best." + TYPE).as("majority"));
    return mentions.join(types, ENTITY)
        .select(col(Columns.ID), col(Columns.OUTLET), col(ENTITY), col("majority").as(TYPE), col(SURFACE),
            col(SENTENCE_INDEX), col(CHAR_START), col(SOURCE));
  }

  /**
   * Per-article counts: {@code id, outlet, entity, type, surface, count}, from {@link #mentions}.
   */
  public static Dataset<Row> articleCounts(Dataset<Row> mentions) {
    return mentions.groupBy(Columns.ID, Columns.OUTLET, ENTITY, TYPE, SURFACE).agg(count(lit(1)).as(Terms.COUNT));
  }

  /**
   * {@code syndication_weighted} counts: a copy keeps, per entity and surface, only what it has
   * beyond its origin (so Business Standard's "IS" for AP's "ISIS" counts for Business Standard).
   * Requires {@link #articleCounts} and the clusters table.
   */
  public static Dataset<Row> syndicationWeighted(Dataset<Row> articleCounts, Dataset<Row> clusters) {
    return Syndication.beyondOrigin(articleCounts, clusters, ENTITY, SURFACE);
  }

  /**
   * Entity frequencies per outlet: {@code scope, outlet, entity, type, mentions, documents, share,
   * mode, surfaces} where {@code share} is the entity's part of the outlet's mentions and {@code
   * surfaces} the names the outlet used for it, most used first ({@code [{surface: IS, mentions:
   * 7}, ...]}).
   */
  public static Dataset<Row> frequencies(Dataset<Row> articleCounts, String mode) {
    // Per scope: the whole corpus, or (with a scope column, see Terms#withStories) each story apart.
    Dataset<Row> c = java.util.Arrays.asList(articleCounts.columns()).contains(Terms.SCOPE)
        ? articleCounts : articleCounts.withColumn(Terms.SCOPE, lit(Terms.SCOPE_CORPUS));
    Dataset<Row> bySurface =
        c.groupBy(Terms.SCOPE, Columns.OUTLET, ENTITY, TYPE, SURFACE).agg(sum(Terms.COUNT).as(MENTIONS));
    Dataset<Row> surfaces =
        bySurface.groupBy(Terms.SCOPE, Columns.OUTLET, ENTITY)
            .agg(sort_array(collect_list(struct(negate(col(MENTIONS)).as("order"), col(SURFACE), col(MENTIONS)))).as("s"))
            .select(col(Terms.SCOPE), col(Columns.OUTLET), col(ENTITY),
                org.apache.spark.sql.functions.transform(col("s"), x -> struct(x.getField(SURFACE).as(SURFACE), x.getField(MENTIONS).as(MENTIONS))).as(SURFACES));
    Dataset<Row> perOutlet =
        c.groupBy(Terms.SCOPE, Columns.ID, Columns.OUTLET, ENTITY, TYPE).agg(sum(Terms.COUNT).as(MENTIONS))
            .groupBy(Terms.SCOPE, Columns.OUTLET, ENTITY, TYPE).agg(sum(MENTIONS).as(MENTIONS), count(lit(1)).as(Terms.DOCUMENTS));
    return perOutlet.join(surfaces, new String[] {Terms.SCOPE, Columns.OUTLET, ENTITY})
        .select(
            col(Terms.SCOPE), col(Columns.OUTLET), col(ENTITY), col(TYPE), col(MENTIONS),
            col(Terms.DOCUMENTS),
            col(MENTIONS).divide(sum(MENTIONS).over(Window.partitionBy(Terms.SCOPE, Columns.OUTLET))).as(Terms.SHARE),
            lit(mode).as(Terms.MODE), col(SURFACES));
  }

  /** Splits clean text into paragraphs with their offsets and hashes. */
  static final class ParagraphsFn implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Row r) {
      List<Row> out = new ArrayList<>();
      if (r.isNullAt(2)) {
        return out.iterator();
      }
      String text = r.getString(2);
      int from = 0;
      int index = 0;
      for (String p : Paragraphs.split(text)) {
        int at = text.indexOf(p, from);
        out.add(RowFactory.create(r.getString(0), r.getString(1), index++, at, Hashing.hash64(p), p));
        from = at + p.length();
      }
      return out.iterator();
    }
  }

  /**
   * Hands {@code then} only the first row of each key (column 0, a long) a task meets: with rows
   * hashed by that key, each distinct key once.
   */
  static final class FirstOfKeyFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final MapPartitionsFunction<Row, Row> then;

    FirstOfKeyFn(MapPartitionsFunction<Row, Row> then) {
      this.then = then;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws Exception {
      java.util.Set<Long> seen = new java.util.HashSet<>();
      Iterator<Row> first = new Iterator<>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            Row r = rows.next();
            if (seen.add(r.getLong(0))) {
              next = r;
            }
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }
      };
      return then.call(first);
    }
  }

  /** Tags paragraphs with one extractor per task (the CoreNLP pipeline itself is one per JVM). */
  static final class TagFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String extractor;
    private final AliasDictionary aliases;

    TagFn(String extractor, AliasDictionary aliases) {
      this.extractor = extractor;
      this.aliases = aliases;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      EntityExtractor ner = EntityExtractors.create(extractor);
      EntityResolver resolver = new EntityResolver(aliases);
      return Clean.mapped(rows, r -> {
        String p = r.getString(1);
        EntityExtractor.Tagged t = ner.tag(p);
        List<Row> found = new ArrayList<>();
        for (Mention m : resolver.resolve(p, t)) {
          found.add(RowFactory.create(m.entity(), m.type(), m.surface(), m.sentence(), m.start(), m.source()));
        }
        return RowFactory.create(r.getLong(0), t.sentenceStarts().length, t.tokens(), Clean.seq(found));
      });
    }
  }
}
