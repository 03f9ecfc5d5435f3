package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.Sentences;

/**
 * New articles re-mixed from the sentences of real ones, for benchmarks that need more articles than
 * a real corpus has. Each remix takes a random handful of sentences (in their order) from each of
 * {@code sources} random articles, one paragraph per source, and the outlet, date and title of the
 * first. Sentences are drawn independently, so two remixes rarely share more than a sentence, and
 * no remix contains much of any one article: remixes are originals, not syndicated copies, and their
 * paragraphs are new (no paragraph repeats across outlets to be learned as furniture, none is in the
 * entity stage's paragraph cache). Labelled {@code synthetic = "remix"}.
 */
public final class Remix {

  /** The label of a remix in {@link Columns#SYNTHETIC}. */
  public static final String REMIX = "remix";

  /**
   * @param sources articles a remix draws from
   * @param keep chance that each sentence of a drawn article is kept (at least one always is)
   * @param seed every choice derives from this and the remix number
   */
  public record Params(int sources, double keep, long seed) implements Serializable {
    public static Params defaults(long seed) {
      return new Params(12, 0.075, seed);
    }
  }

  private static final String SOURCE = "_nf_source";
  private static final String SLOT = "_nf_slot";
  private static final String REMIX_NO = "_nf_remix";
  private static final String SENTENCES = "_nf_sentences";

  private static final StructType BLOCK =
      new StructType()
          .add(REMIX_NO, DataTypes.LongType)
          .add(SLOT, DataTypes.IntegerType)
          .add(SOURCE, DataTypes.LongType)
          .add("block", DataTypes.StringType)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(Columns.PUBLISHED, DataTypes.DateType)
          .add(Columns.TITLE, DataTypes.StringType)
          .add(Columns.LANG, DataTypes.StringType);

  private Remix() {}

  /**
   * {@code count} remixes of {@code articles}. Requires the canonical columns; returns {@link
   * Generate#GENERATED} rows with ids {@code remix-<n>}. Nothing is collected to the driver: sources
   * are numbered by {@code zipWithIndex} and joined to the remix slots that drew them.
   */
  public static Dataset<Row> remixes(SparkSession spark, Dataset<Row> articles, long count, Params params) {
    StructType numbered = new StructType().add(SOURCE, DataTypes.LongType)
        .add(Columns.OUTLET, DataTypes.StringType).add(Columns.PUBLISHED, DataTypes.DateType)
        .add(Columns.TITLE, DataTypes.StringType).add(Columns.LANG, DataTypes.StringType)
        .add(SENTENCES, DataTypes.createArrayType(DataTypes.StringType));
    var rdd = articles.select(Columns.ID, Columns.OUTLET, Columns.PUBLISHED, Columns.TITLE, Columns.LANG, Columns.TEXT)
        .orderBy(Columns.ID).javaRDD().zipWithIndex()
        .map(t -> RowFactory.create(t._2(), t._1().get(1), t._1().get(2), t._1().get(3), t._1().get(4),
            sentences(t._1().getString(5)).toArray(String[]::new)));
    Dataset<Row> sources = spark.createDataFrame(rdd, numbered);
    long n = articles.count();
    if (n == 0 || count <= 0) {
      return spark.createDataFrame(List.of(), Generate.GENERATED);
    }
    Dataset<Row> slots = spark.range(count).select(col("id").as(REMIX_NO))
        .withColumn(SLOT, explode(sequence(lit(0), lit(params.sources() - 1))))
        .withColumn(SOURCE, pmod(xxhash64(col(REMIX_NO), col(SLOT), lit(params.seed())), lit(n)));
    Dataset<Row> blocks = slots.join(sources, SOURCE)
        .select(col(REMIX_NO), col(SLOT), col(SOURCE), col(SENTENCES), col(Columns.OUTLET), col(Columns.PUBLISHED),
            col(Columns.TITLE), col(Columns.LANG))
        .mapPartitions(new BlockFn(params), Encoders.row(BLOCK));
    Dataset<Row> grouped = blocks.groupBy(col(REMIX_NO))
        .agg(sort_array(collect_list(struct(col(SLOT), col(SOURCE), col("block"), col(Columns.OUTLET), col(Columns.PUBLISHED),
            col(Columns.TITLE), col(Columns.LANG)))).as("blocks"));
    return grouped.map(new AssembleFn(), Encoders.row(Generate.GENERATED));
  }

  /** An article's sentences, paragraph by paragraph. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String p : Paragraphs.split(text.replace("\r", ""))) {
      out.addAll(Sentences.split(p));
    }
    return out;
  }

  /** One remix slot's paragraph: a seeded choice of its source's sentences, in their order. */
  static final class BlockFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Params params;

    BlockFn(Params params) {
      this.params = params;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return Clean.mapped(rows, r -> {
        long remix = r.getLong(0);
        int slot = r.getInt(1);
        List<String> sentences = r.getList(3);
        return RowFactory.create(remix, slot, r.get(2), block(sentences, remix, slot, params), r.get(4), r.get(5), r.get(6), r.get(7));
      });
    }

    static String block(List<String> sentences, long remix, int slot, Params params) {
      if (sentences.isEmpty()) {
        return "";
      }
      SplittableRandom random = new SplittableRandom(params.seed() * 31 + remix * params.sources() + slot);
      StringBuilder sb = new StringBuilder();
      for (String s : sentences) {
        if (random.nextDouble() < params.keep()) {
          sb.append(sb.isEmpty() ? "" : " ").append(s);
        }
      }
      if (sb.isEmpty()) {
        sb.append(sentences.get(random.nextInt(sentences.size())));
      }
      return sb.toString();
    }
  }

  /** A remix's slots, in order, as one generated article. */
  static final class AssembleFn implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Row r) {
      List<Row> blocks = r.getList(1);
      List<String> paragraphs = new ArrayList<>();
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (Row b : blocks) {
        // A source drawn twice contributes once: no remix holds much of any one article.
        if (seen.add(b.getLong(1)) && !b.getString(2).isEmpty()) {
          paragraphs.add(b.getString(2));
        }
      }
      Row first = blocks.get(0);
      Object[] values = new Object[Generate.GENERATED.size()];
      values[0] = String.format(java.util.Locale.ROOT, "remix-%08d", r.getLong(0));
      values[1] = first.get(3);
      values[2] = first.get(4);
      values[3] = first.get(5);
      values[4] = String.join("\n\n", paragraphs);
      values[5] = null;
      values[6] = first.get(6);
      values[7] = null;
      values[8] = null;
      values[9] = REMIX;
      return RowFactory.create(values);
    }
  }
}
