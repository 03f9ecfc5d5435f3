package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.ArticleSchema;
import org.newsframe.io.Columns;
import org.newsframe.text.CopyMaker;
import org.newsframe.text.Hashing;

/** The stages of {@code generate-copies}: labelled syndicated copies and distractors. */
public final class Generate {

  /**
   * How many copies and distractors to make.
   *
   * @param originShare share of articles that get copies
   * @param minCopies fewest copies of an origin
   * @param maxCopies most copies of an origin
   * @param distractorShare share of articles that get a distractor
   * @param seed every random choice derives from this and the article id
   */
  public record Params(double originShare, int minCopies, int maxCopies, double distractorShare, long seed)
      implements Serializable {}

  /** The generated rows: canonical columns plus the labels. */
  public static final StructType GENERATED =
      ArticleSchema.STRUCT
          .add(Columns.COPY_OF, DataTypes.StringType)
          .add(Columns.COPY_EDITS, DataTypes.createArrayType(DataTypes.StringType))
          .add(Columns.SYNTHETIC, DataTypes.StringType);

  private Generate() {}

  /**
   * The source articles with empty labels. Requires the canonical columns; returns {@link
   * #GENERATED}.
   */
  public static Dataset<Row> originals(Dataset<Row> articles) {
    List<Column> cols = new ArrayList<>();
    for (String name : ArticleSchema.NAMES) {
      cols.add(col(name));
    }
    cols.add(lit(null).cast(DataTypes.StringType).as(Columns.COPY_OF));
    cols.add(lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)).as(Columns.COPY_EDITS));
    cols.add(lit(null).cast(DataTypes.StringType).as(Columns.SYNTHETIC));
    return articles.select(cols.toArray(Column[]::new));
  }

  /**
   * Copies of a share of the articles, each under another outlet from {@code outlets}, dated the
   * same day to two days later (or undated). Requires the canonical columns; returns {@link
   * #GENERATED}.
   */
  public static Dataset<Row> copies(Dataset<Row> articles, Params params, List<String> outlets) {
    return articles
        .select(ArticleSchema.NAMES.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .flatMap(new CopiesFn(params, outlets), Encoders.row(GENERATED));
  }

  /**
   * Distractors of a share of the articles, built from three other articles of the same outlet
   * (neighbours in a seeded shuffle). Requires the canonical columns; returns {@link #GENERATED}.
   */
  public static Dataset<Row> distractors(Dataset<Row> articles, Params params, List<String> outlets) {
    var byOutlet = Window.partitionBy(col(Columns.OUTLET)).orderBy(col("_nf_shuffle"), col(Columns.ID));
    Dataset<Row> withOthers =
        articles
            .withColumn("_nf_shuffle", xxhash64(col(Columns.ID), lit(params.seed())))
            .withColumn("_nf_o1", lead(col(Columns.TEXT), 1).over(byOutlet))
            .withColumn("_nf_o2", lead(col(Columns.TEXT), 2).over(byOutlet))
            .withColumn("_nf_o3", lag(col(Columns.TEXT), 1).over(byOutlet));
    List<Column> cols = new ArrayList<>();
    for (String name : ArticleSchema.NAMES) {
      cols.add(col(name));
    }
    cols.add(col("_nf_o1"));
    cols.add(col("_nf_o2"));
    cols.add(col("_nf_o3"));
    return withOthers.select(cols.toArray(Column[]::new)).flatMap(new DistractorFn(params, outlets), Encoders.row(GENERATED));
  }

  static SplittableRandom randomFor(String id, long seed, long salt) {
    return new SplittableRandom(Hashing.hash64(id) ^ seed ^ salt);
  }

  static String otherOutlet(String outlet, List<String> outlets, SplittableRandom random) {
    if (outlets.size() < 2) {
      return outlet + " (copy)";
    }
    String pick;
    do {
      pick = outlets.get(random.nextInt(outlets.size()));
    } while (pick.equals(outlet));
    return pick;
  }

  static java.sql.Date shift(java.sql.Date d, SplittableRandom random) {
    if (d == null || random.nextDouble() < 0.2) {
      return null;
    }
    LocalDate day = d.toLocalDate().plusDays(random.nextInt(3));
    return java.sql.Date.valueOf(day);
  }

  /** Zero or more copies of one article. */
  static final class CopiesFn implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Params params;
    private final List<String> outlets;
    private final CopyMaker maker = new CopyMaker();

    CopiesFn(Params params, List<String> outlets) {
      this.params = params;
      this.outlets = List.copyOf(outlets);
    }

    @Override
    public Iterator<Row> call(Row a) {
      String id = a.getString(0);
      SplittableRandom random = randomFor(id, params.seed(), 0x1L);
      List<Row> out = new ArrayList<>();
      if (random.nextDouble() >= params.originShare()) {
        return out.iterator();
      }
      int n = params.minCopies() + random.nextInt(params.maxCopies() - params.minCopies() + 1);
      for (int k = 1; k <= n; k++) {
        CopyMaker.Made m = maker.copy(a.getString(3), a.getString(4), random);
        out.add(RowFactory.create(
            id + "~copy" + k, otherOutlet(a.getString(1), outlets, random), shift(a.getDate(2), random),
            m.title(), m.text(), null, a.getString(6), id, Clean.seq(m.edits()), "copy"));
      }
      return out.iterator();
    }
  }

  /** Zero or one distractor of one article. */
  static final class DistractorFn implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Params params;
    private final List<String> outlets;
    private final CopyMaker maker = new CopyMaker();

    DistractorFn(Params params, List<String> outlets) {
      this.params = params;
      this.outlets = List.copyOf(outlets);
    }

    @Override
    public Iterator<Row> call(Row a) {
      String id = a.getString(0);
      SplittableRandom random = randomFor(id, params.seed(), 0x2L);
      if (random.nextDouble() >= params.distractorShare()) {
        return java.util.Collections.emptyIterator();
      }
      List<String> others = new ArrayList<>();
      for (int i = 7; i <= 9; i++) {
        if (!a.isNullAt(i)) {
          others.add(a.getString(i));
        }
      }
      CopyMaker.Made m = maker.distractor(a.getString(3), a.getString(4), others, random);
      if (m.text().isBlank()) {
        return java.util.Collections.emptyIterator();
      }
      return List.of(RowFactory.create(
              id + "~distractor", otherOutlet(a.getString(1), outlets, random), a.getDate(2),
              m.title(), m.text(), null, a.getString(6), null, Clean.seq(m.edits()), "distractor"))
          .iterator();
    }
  }
}
