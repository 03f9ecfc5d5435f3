package org.newsframe.stages;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.newsframe.stages.Terms.BIGRAM;
import static org.newsframe.stages.Terms.COUNT;
import static org.newsframe.stages.Terms.DOCUMENTS;
import static org.newsframe.stages.Terms.MODE;
import static org.newsframe.stages.Terms.REST;
import static org.newsframe.stages.Terms.SCOPE;
import static org.newsframe.stages.Terms.SCOPE_CORPUS;
import static org.newsframe.stages.Terms.SHARE;
import static org.newsframe.stages.Terms.SIGNIFICANT;
import static org.newsframe.stages.Terms.SURFACE;
import static org.newsframe.stages.Terms.TERM;
import static org.newsframe.stages.Terms.TFIDF;
import static org.newsframe.stages.Terms.VERSUS;
import static org.newsframe.stages.Terms.Z;
import static org.newsframe.stages.Terms.zScore;

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
import org.newsframe.stages.Terms.DistinctiveParams;

/**
 * The term tables by their definition, for {@link TermTablesTest} to check {@link TermTables}
 * against: a row per article, term and surface form ({@link #articleTerms}), each counting mode
 * aggregated on its own article rows (the weighted mode's from {@link #syndicationWeighted}), and
 * Fightin' Words from the frequency rows by joins. Plain and slow — this was the job's own code
 * until the per-article rows (hundreds an article) cost more than anything else in the run.
 */
final class TermsDefinition {
  /** 1 on the row of an article's most used form of a term, 0 on its other forms' rows. */
  static final String PRIMARY = "primary";

  private TermsDefinition() {}

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
