package org.newsframe.stages;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.terms.FightinWords;
import org.newsframe.text.terms.TermAnalyzer;

/**
 * The {@code terms} stage: what words each outlet uses, counted so that wire copy carried by many
 * outlets does not drown each outlet's own voice, and which words set an outlet apart (Fightin'
 * Words z-scores).
 *
 * <p>Counting modes ({@link #MODE}):
 *
 * <ul>
 *   <li>{@code all}: every article counts in full for its outlet;
 *   <li>{@code syndication_weighted}: an origin (or an article no one copied) counts in full; a copy
 *       counts, per term and surface form, only what it has beyond its origin — {@code max(0, copy
 *       − origin)}: the words it added or substituted ({@code IS} for {@code ISIS}), not the wire
 *       text it carried unchanged.
 * </ul>
 */
public final class Terms {
  public static final String TERM = "term";
  public static final String SURFACE = "surface";
  public static final String BIGRAM = "bigram";
  public static final String COUNT = "count";
  /** 1 on the row of an article's most used form of a term, 0 on its other forms' rows. */
  public static final String PRIMARY = "primary";
  public static final String DOCUMENTS = "documents";
  public static final String SHARE = "share";
  public static final String TFIDF = "tfidf";
  public static final String MODE = "mode";
  public static final String SCOPE = "scope";
  public static final String VERSUS = "versus";
  public static final String Z = "z";
  public static final String SIGNIFICANT = "significant";

  public static final String MODE_ALL = "all";
  public static final String MODE_WEIGHTED = "syndication_weighted";
  /** The scope of corpus-wide tables; the stories stage adds {@code story:<id>} scopes. */
  public static final String SCOPE_CORPUS = "corpus";
  /** {@link #VERSUS} of an outlet compared with all the others together. */
  public static final String REST = "(rest)";

  /** Schema of {@link #articleTerms}. */
  public static final StructType ARTICLE_TERMS =
      new StructType()
          .add(Columns.ID, DataTypes.StringType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(TERM, DataTypes.StringType, false)
          .add(SURFACE, DataTypes.StringType, false)
          .add(BIGRAM, DataTypes.BooleanType, false)
          .add(COUNT, DataTypes.LongType, false)
          .add(PRIMARY, DataTypes.IntegerType, false);

  private Terms() {}

  /**
   * Each article's terms, analysed once: one row per article, term and surface form; {@link
   * #PRIMARY} marks one row per article and term, so a sum of it counts articles.
   *
   * <p>Requires {@link Columns#ID}, {@link Columns#OUTLET}, {@link Columns#CLEAN_TEXT} (so
   * boilerplate such as paywall text contributes nothing). Returns {@link #ARTICLE_TERMS}.
   */
  public static Dataset<Row> articleTerms(Dataset<Row> articles, TermAnalyzer.Options options) {
    return Spread.overCores(articles.select(Columns.ID, Columns.OUTLET, Columns.CLEAN_TEXT))
        .flatMap(new AnalyzeFn(options), Encoders.row(ARTICLE_TERMS));
  }

  /**
   * The terms each article contributes in {@code syndication_weighted} mode (see the class comment).
   *
   * <p>Requires {@link #ARTICLE_TERMS} and the {@code syndication_clusters} table ({@code id,
   * origin_id, is_origin}); returns {@link #ARTICLE_TERMS}. An article missing from the clusters
   * table counts in full.
   */
  public static Dataset<Row> syndicationWeighted(Dataset<Row> articleTerms, Dataset<Row> clusters) {
    return Syndication.beyondOrigin(articleTerms, clusters, TERM, SURFACE);
  }

  /**
   * Term frequencies per outlet.
   *
   * <p>Requires {@link #ARTICLE_TERMS}. Returns {@code scope, outlet, term, surface, bigram, count,
   * documents, share, tfidf, mode}: {@code count} occurrences in the outlet's articles, {@code
   * documents} how many of them use the term (in {@code syndication_weighted} mode: whose most used
   * form of it is beyond their origin's), {@code share} = count over the outlet's total of
   * terms of the same kind (unigram or bigram), {@code tfidf} = share × ln((D+1)/(d+1)) with D the
   * articles counted in this mode and d those using the term; {@code surface} is the form the outlet
   * writes most often (ties: the alphabetically first).
   */
  public static Dataset<Row> frequencies(Dataset<Row> articleTerms, String mode) {
    return frequenciesOf(outletCounts(articleTerms).withColumn(MODE, lit(mode)),
        documentsPerScope(articleTerms).withColumn(MODE, lit(mode)));
  }

  /**
   * The copies' article rows with what their origin has too ({@link Syndication#carried}), for
   * {@link #frequenciesBothModes}; a job persists it, as two aggregates read it.
   *
   * <p>Requires {@link #ARTICLE_TERMS} (with or without {@link #SCOPE}) and the {@code
   * syndication_clusters} table. Returns the copies' rows with {@code origin_id} and {@link
   * Syndication#CARRIED} added.
   */
  public static Dataset<Row> carried(Dataset<Row> articleTerms, Dataset<Row> clusters) {
    return Syndication.carried(articleTerms, clusters, TERM, SURFACE);
  }

  /**
   * {@link #frequencies} in both modes from one aggregation of the article rows: the same rows as
   * {@code frequencies(articleTerms, all)} ∪ {@code frequencies(syndicationWeighted(articleTerms),
   * syndication_weighted)}. The weighted counts are the full counts less what copies carried from
   * their origins, so only the copies' rows are read a second time — not every article's rows
   * rebuilt, kept and aggregated again.
   *
   * <p>Requires {@link #ARTICLE_TERMS} (with or without {@link #SCOPE}) and its {@link #carried}
   * rows. Returns the columns of {@link #frequencies}. A job persists the two aggregates apart
   * ({@link #outletCountsBothModes}, {@link #frequenciesOf}): each feeds several branches of the plan.
   */
  public static Dataset<Row> frequenciesBothModes(Dataset<Row> articleTerms, Dataset<Row> carried) {
    return frequenciesOf(outletCountsBothModes(articleTerms, carried), documentsBothModes(articleTerms, carried));
  }

  /**
   * {@link #outletCounts} in both modes ({@link #MODE} added): per scope, mode, outlet and term.
   *
   * <p>Requires {@link #ARTICLE_TERMS} and its {@link #carried} rows; returns {@code scope, outlet,
   * term, bigram, mode, count, documents, surface}.
   */
  public static Dataset<Row> outletCountsBothModes(Dataset<Row> articleTerms, Dataset<Row> carried) {
    Column[] surfaceKey = {col(SCOPE), col(Columns.OUTLET), col(TERM), col(BIGRAM), col(SURFACE)};
    Dataset<Row> lost = lostRows(carried).filter(col(Syndication.CARRIED).gt(0)).groupBy(surfaceKey)
        .agg(sum(Syndication.CARRIED).as("lost"), sum("lost_primary").cast("long").as("lost_documents"));
    Dataset<Row> bySurface = scoped(articleTerms).groupBy(surfaceKey)
        .agg(sum(COUNT).as(COUNT), sum(PRIMARY).cast("long").as(DOCUMENTS))
        .join(lost, new String[] {SCOPE, Columns.OUTLET, TERM, BIGRAM, SURFACE}, "left")
        .select(col(SCOPE), col(Columns.OUTLET), col(TERM), col(BIGRAM), col(SURFACE), col(COUNT), col(DOCUMENTS),
            col(COUNT).minus(coalesce(col("lost"), lit(0L))).as("w_count"),
            col(DOCUMENTS).minus(coalesce(col("lost_documents"), lit(0L))).as("w_documents"));
    return bySurface.groupBy(SCOPE, Columns.OUTLET, TERM, BIGRAM)
        .agg(sum(COUNT).as("a_count"), sum(DOCUMENTS).as("a_documents"), mostWritten(col(COUNT)).as("a_best"),
            sum("w_count").as("w_count"), sum("w_documents").as("w_documents"),
            mostWritten(when(col("w_count").gt(0), col("w_count"))).as("w_best"))
        .select(col(SCOPE), col(Columns.OUTLET), col(TERM), col(BIGRAM), explode(array(
            struct(lit(MODE_ALL).as(MODE), col("a_count").as(COUNT), col("a_documents").as(DOCUMENTS), col("a_best." + SURFACE).as(SURFACE)),
            struct(lit(MODE_WEIGHTED).as(MODE), col("w_count").as(COUNT), col("w_documents").as(DOCUMENTS), col("w_best." + SURFACE).as(SURFACE))))
            .as("m"))
        .select(col(SCOPE), col(Columns.OUTLET), col(TERM), col(BIGRAM), col("m.*"))
        .filter(col(COUNT).gt(0));
  }

  /**
   * {@link #documentsPerScope} in both modes: {@code scope, mode, d}. A copy drops out of the
   * weighted mode's articles when every one of its primary rows is lost.
   *
   * <p>Requires {@link #ARTICLE_TERMS} and its {@link #carried} rows.
   */
  public static Dataset<Row> documentsBothModes(Dataset<Row> articleTerms, Dataset<Row> carried) {
    Dataset<Row> all = documentsPerScope(articleTerms);
    Dataset<Row> goneCopies = lostRows(carried).groupBy(SCOPE, Columns.ID)
        .agg(sum(PRIMARY).as("p"), sum("lost_primary").as("lp"))
        .filter(col("p").gt(0).and(col("p").equalTo(col("lp"))))
        .groupBy(SCOPE).agg(count(lit(1)).as("gone"));
    Dataset<Row> weighted = all.join(goneCopies, new String[] {SCOPE}, "left")
        .select(col(SCOPE), col("d").minus(coalesce(col("gone"), lit(0L))).as("d"));
    return all.withColumn(MODE, lit(MODE_ALL)).unionByName(weighted.withColumn(MODE, lit(MODE_WEIGHTED)));
  }

  /** A copy row loses what it carried; its PRIMARY mark goes when nothing of the row is left. */
  private static Dataset<Row> lostRows(Dataset<Row> carried) {
    return scoped(carried)
        .withColumn("lost_primary", when(col(COUNT).equalTo(col(Syndication.CARRIED)), col(PRIMARY)).otherwise(lit(0)));
  }

  /**
   * The most written surface form: the smallest (-count, surface), so ties go the same way every
   * run; rows whose count is null take no part.
   */
  private static Column mostWritten(Column count) {
    return min(when(count.isNotNull(), struct(org.apache.spark.sql.functions.negate(count).as("n"), col(SURFACE))));
  }

  /**
   * {@link #frequencies}' shares and tf-idf from per-outlet counts ({@code scope, mode, outlet, term,
   * bigram, surface, count, documents}) and the articles counted per scope and mode ({@code scope,
   * mode, d}). The counts are read three times (the rows, the outlet totals, the df): persist them.
   */
  public static Dataset<Row> frequenciesOf(Dataset<Row> outletCounts, Dataset<Row> documentsPerScope) {
    // An article has one outlet, so a term's documents summed over outlets is its df.
    Dataset<Row> df = outletCounts.groupBy(SCOPE, MODE, TERM).agg(sum(DOCUMENTS).as("df"));
    Dataset<Row> totals = outletCounts.groupBy(SCOPE, MODE, Columns.OUTLET, BIGRAM).agg(sum(COUNT).as("total"));
    Column share = col(COUNT).divide(col("total"));
    return outletCounts
        .join(totals, new String[] {SCOPE, MODE, Columns.OUTLET, BIGRAM})
        .join(df, new String[] {SCOPE, MODE, TERM})
        .join(documentsPerScope, new String[] {SCOPE, MODE})
        .select(
            col(SCOPE),
            col(Columns.OUTLET),
            col(TERM),
            col(SURFACE),
            col(BIGRAM),
            col(COUNT),
            col(DOCUMENTS),
            share.as(SHARE),
            share.multiply(ln(col("d").plus(1.0).divide(col("df").plus(1.0)))).as(TFIDF),
            col(MODE));
  }

  /**
   * Per scope, outlet and term: {@code count}, {@code documents} and the most written {@code
   * surface}. Requires {@link #ARTICLE_TERMS} (and {@link #SCOPE}, or the corpus scope is added).
   */
  public static Dataset<Row> outletCounts(Dataset<Row> articleTerms) {
    // The article rows (hundreds an article) are read once, into an aggregate with no article id in
    // its key, so Spark combines them before the shuffle; documents come from the PRIMARY marks.
    Dataset<Row> bySurface = scoped(articleTerms).groupBy(SCOPE, Columns.OUTLET, TERM, BIGRAM, SURFACE)
        .agg(sum(COUNT).as(COUNT), sum(PRIMARY).cast("long").as(DOCUMENTS));
    return bySurface.groupBy(SCOPE, Columns.OUTLET, TERM, BIGRAM)
        .agg(sum(COUNT).as(COUNT), sum(DOCUMENTS).as(DOCUMENTS), mostWritten(col(COUNT)).as("best"))
        .withColumn(SURFACE, col("best." + SURFACE))
        .drop("best");
  }

  /** {@code scope, d}: how many articles have terms in each scope. Requires {@link #ARTICLE_TERMS}. */
  public static Dataset<Row> documentsPerScope(Dataset<Row> articleTerms) {
    return scoped(articleTerms).filter(col(PRIMARY).equalTo(1)).select(SCOPE, Columns.ID).distinct()
        .groupBy(SCOPE).agg(count(lit(1)).as("d"));
  }

  /** Per scope: the whole corpus, or (with a scope column, see #withStories) each story apart. */
  private static Dataset<Row> scoped(Dataset<Row> articleTerms) {
    return java.util.Arrays.asList(articleTerms.columns()).contains(SCOPE)
        ? articleTerms : articleTerms.withColumn(SCOPE, lit(SCOPE_CORPUS));
  }

  /** Article rows ({@code id, ...}) scoped to their story: adds {@code scope} = the story id. */
  public static Dataset<Row> withStories(Dataset<Row> articleRows, Dataset<Row> stories) {
    return articleRows.join(stories.select(col(Columns.ID), col(Stories.STORY_ID).as(SCOPE)), Columns.ID);
  }

  /** Settings of {@link #distinctive}. */
  public record DistinctiveParams(double alpha0, long minCount, List<String[]> pairs) implements Serializable {
    public static DistinctiveParams defaults() {
      return new DistinctiveParams(0, 3, List.of());
    }
  }

  /**
   * Fightin' Words z-scores ({@link FightinWords}): each outlet against all the others, and each
   * requested pair of outlets against each other (both directions), unigrams and bigrams separately.
   * The prior is the corpus of the frequencies given: α_w = α₀·f_w/Σf, with α₀ = Σf (each term's
   * prior count is its corpus count) when {@code alpha0} is 0.
   *
   * <p>Requires {@link #frequencies} rows ({@code scope, outlet, term, bigram, count}). Returns {@code
   * scope, outlet, versus, term, count, z, significant} for terms seen at least {@code minCount}
   * times in the two groups compared together: against the rest, the terms the outlet uses; in a
   * pair, every term either uses. Nothing is compared when there is only one outlet.
   */
  public static Dataset<Row> distinctive(Dataset<Row> frequencies, DistinctiveParams params) {
    // Everything is per scope: the corpus, or one story (its outlets compared among themselves).
    Dataset<Row> f = frequencies.select(col(SCOPE), col(Columns.OUTLET), col(TERM), col(BIGRAM), col(COUNT).cast("double").as("y"));
    // Scope totals by aggregate and join, not a window: the corpus scope would be one window
    // partition holding every term, on one task.
    Dataset<Row> termTotals = f.groupBy(SCOPE, TERM, BIGRAM).agg(sum("y").as("fw"));
    Dataset<Row> background =
        termTotals.join(termTotals.groupBy(SCOPE, BIGRAM).agg(sum("fw").as("sum_f")), new String[] {SCOPE, BIGRAM});
    Dataset<Row> outletTotals = f.groupBy(SCOPE, Columns.OUTLET, BIGRAM).agg(sum("y").as("n"));
    Column alpha0 = params.alpha0() > 0 ? lit(params.alpha0()) : col("sum_f");
    Column alpha = alpha0.multiply(col("fw")).divide(col("sum_f"));

    Dataset<Row> vsRest =
        f.join(background, new String[] {SCOPE, TERM, BIGRAM})
            .join(outletTotals, new String[] {SCOPE, Columns.OUTLET, BIGRAM})
            .filter(col("sum_f").gt(col("n"))) // an outlet alone in its scope has no rest
            .filter(col("fw").geq(params.minCount()))
            .select(
                col(SCOPE), col(Columns.OUTLET), lit(REST).as(VERSUS), col(TERM), col("y").as("yi"), col("n").as("ni"),
                col("fw").minus(col("y")).as("yj"), col("sum_f").minus(col("n")).as("nj"),
                alpha.as("a"), alpha0.as("a0"));
    Dataset<Row> compared = vsRest;
    for (String[] pair : params.pairs()) {
      compared = compared.unionByName(pair(f, background, outletTotals, pair[0], pair[1], params, alpha, alpha0))
          .unionByName(pair(f, background, outletTotals, pair[1], pair[0], params, alpha, alpha0));
    }
    Column z = zScore(col("yi"), col("ni"), col("yj"), col("nj"), col("a"), col("a0"));
    return compared.select(
        col(SCOPE),
        col(Columns.OUTLET),
        col(VERSUS),
        col(TERM),
        col("yi").cast("long").as(COUNT),
        z.as(Z),
        abs(z).geq(FightinWords.SIGNIFICANT).as(SIGNIFICANT));
  }

  private static Dataset<Row> pair(
      Dataset<Row> f, Dataset<Row> background, Dataset<Row> outletTotals, String a, String b,
      DistinctiveParams params, Column alpha, Column alpha0) {
    Dataset<Row> ya = f.filter(col(Columns.OUTLET).equalTo(a)).select(col(SCOPE), col(TERM), col(BIGRAM), col("y").as("yi"));
    Dataset<Row> yb = f.filter(col(Columns.OUTLET).equalTo(b)).select(col(SCOPE), col(TERM), col(BIGRAM), col("y").as("yj"));
    Dataset<Row> na = outletTotals.filter(col(Columns.OUTLET).equalTo(a)).select(col(SCOPE), col(BIGRAM), col("n").as("ni"));
    Dataset<Row> nb = outletTotals.filter(col(Columns.OUTLET).equalTo(b)).select(col(SCOPE), col(BIGRAM), col("n").as("nj"));
    return ya.join(yb, new String[] {SCOPE, TERM, BIGRAM}, "full_outer")
        .join(background, new String[] {SCOPE, TERM, BIGRAM})
        .join(na, new String[] {SCOPE, BIGRAM})
        .join(nb, new String[] {SCOPE, BIGRAM})
        .select(
            col(SCOPE), lit(a).as(Columns.OUTLET), lit(b).as(VERSUS), col(TERM),
            coalesce(col("yi"), lit(0.0)).as("yi"), col("ni"), coalesce(col("yj"), lit(0.0)).as("yj"), col("nj"),
            alpha.as("a"), alpha0.as("a0"))
        .filter(col("yi").plus(col("yj")).geq(params.minCount()));
  }

  /** {@link FightinWords#z} as a column expression, so Spark computes it without a UDF. */
  static Column zScore(Column yi, Column ni, Column yj, Column nj, Column a, Column a0) {
    Column delta =
        ln(yi.plus(a).divide(ni.plus(a0).minus(yi).minus(a)))
            .minus(ln(yj.plus(a).divide(nj.plus(a0).minus(yj).minus(a))));
    Column variance = lit(1.0).divide(yi.plus(a)).plus(lit(1.0).divide(yj.plus(a)));
    return delta.divide(sqrt(variance));
  }

  /** Analyses each article once and emits its terms, counted per surface form. */
  static final class AnalyzeFn implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final TermAnalyzer.Options options;
    private transient TermAnalyzer analyzer;

    AnalyzeFn(TermAnalyzer.Options options) {
      this.options = options;
    }

    @Override
    public Iterator<Row> call(Row r) {
      if (analyzer == null) {
        analyzer = new TermAnalyzer(options);
      }
      String id = r.getString(0);
      String outlet = r.getString(1);
      Map<TermAnalyzer.Term, long[]> counts = new HashMap<>();
      for (TermAnalyzer.Term t : analyzer.analyze(r.isNullAt(2) ? "" : r.getString(2))) {
        counts.computeIfAbsent(t, k -> new long[1])[0]++;
      }
      // The primary form of each term: most used, ties to the alphabetically first.
      Map<String, TermAnalyzer.Term> primary = new HashMap<>();
      counts.forEach((t, n) -> primary.merge((t.bigram() ? "2" : "1") + t.term(), t, (a, b) -> {
        long ca = counts.get(a)[0];
        long cb = counts.get(b)[0];
        return ca != cb ? (ca > cb ? a : b) : (a.surface().compareTo(b.surface()) <= 0 ? a : b);
      }));
      List<Row> out = new ArrayList<>(counts.size());
      counts.forEach((t, n) -> out.add(RowFactory.create(id, outlet, t.term(), t.surface(), t.bigram(), n[0],
          primary.get((t.bigram() ? "2" : "1") + t.term()) == t ? 1 : 0)));
      return out.iterator();
    }
  }
}
