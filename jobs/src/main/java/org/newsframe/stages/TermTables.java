package org.newsframe.stages;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsframe.io.Columns;
import org.newsframe.text.Hashing;
import org.newsframe.text.terms.ArticleTerms;
import org.newsframe.text.terms.TermAnalyzer;
import org.newsframe.text.terms.TermGroup;
import org.newsframe.text.terms.TermTally;

/**
 * The term tables ({@code term_frequencies}, {@code distinctive_terms} and their per-story twins)
 * computed without a row per article and term: each article is analysed once in a task that sums
 * its terms per outlet and form in both counting modes ({@link TermTally}), a copy beside its
 * origin's text so what it carried is known there; the partial sums meet per term, where a term's
 * document frequency and background count are known; per-outlet totals come from the same tasks.
 * The {@link Terms} functions are the definition these tables are tested against.
 *
 * <p>What is kept: every unigram; a bigram where the outlet uses it at least {@code minBigramCount}
 * times in that mode (most bigrams are written once: at 100k articles 17.6 M of 22.1 M bigram rows
 * had a count of 1). Shares, tf-idf and z-scores are computed from every term, kept or not.
 */
public final class TermTables {

  /** How the term tables are computed. */
  public record Params(TermAnalyzer.Options analyzer, int minBigramCount, Terms.DistinctiveParams distinctive, int tallyCap)
      implements Serializable {
    /** Distinct forms of one outlet a task sums before it hands them on (bounds a task's memory). */
    public static final int TALLY_CAP = 400_000;

    public static Params of(TermAnalyzer.Options analyzer, int minBigramCount, Terms.DistinctiveParams distinctive) {
      return new Params(analyzer, minBigramCount, distinctive, TALLY_CAP);
    }

    public Params withDistinctive(Terms.DistinctiveParams d) {
      return new Params(analyzer, minBigramCount, d, tallyCap);
    }

    public Params withTallyCap(int cap) {
      return new Params(analyzer, minBigramCount, distinctive, cap);
    }
  }

  static final String KEY = "_nf_key";
  public static final String KIND = "kind";
  public static final String SURFACE_ALL = "surface_all";
  public static final String COUNT_ALL = "count_all";
  public static final String DOCUMENTS_ALL = "documents_all";
  public static final String SURFACE_WEIGHTED = "surface_weighted";
  public static final String COUNT_WEIGHTED = "count_weighted";
  public static final String DOCUMENTS_WEIGHTED = "documents_weighted";
  public static final String DF_ALL = "df_all";
  public static final String DF_WEIGHTED = "df_weighted";
  /** The term's weighted count over every outlet of the scope: its Fightin' Words background. */
  public static final String BACKGROUND = "background";
  /** On a pair row, the other outlet's weighted count. */
  public static final String VERSUS_COUNT = "versus_count";
  public static final String TOTAL_ALL = "total_all";
  public static final String TOTAL_WEIGHTED = "total_weighted";
  public static final String VERSUS_TOTAL = "versus_total";
  public static final String ARTICLES_ALL = "articles_all";
  public static final String ARTICLES_WEIGHTED = "articles_weighted";
  public static final String BACKGROUND_TOTAL = "background_total";

  /** {@link #KIND} of a row of one outlet's (or outlet pair's) use of a term. */
  public static final int TERM_ROW = 0;
  /** {@link #KIND} of a row of an outlet's totals (terms of a kind, articles) in a scope. */
  public static final int TOTALS_ROW = 1;

  /** A task's partial sums, as {@link #partials} emits them (totals rows: terms in the counts, articles in the documents). */
  public static final StructType PARTIALS =
      new StructType()
          .add(KEY, DataTypes.LongType, false)
          .add(KIND, DataTypes.IntegerType, false)
          .add(Terms.SCOPE, DataTypes.StringType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(Terms.TERM, DataTypes.StringType)
          .add(Terms.BIGRAM, DataTypes.BooleanType, false)
          .add(Terms.SURFACE, DataTypes.StringType)
          .add(COUNT_ALL, DataTypes.LongType, false)
          .add(DOCUMENTS_ALL, DataTypes.LongType, false)
          .add(COUNT_WEIGHTED, DataTypes.LongType, false)
          .add(DOCUMENTS_WEIGHTED, DataTypes.LongType, false);

  /**
   * One outlet's use of one term in a scope ({@link #perTerm}): both modes' counts, documents and
   * surfaces, the term's document frequencies and background count; on a pair row ({@code versus}
   * set) the other outlet's weighted count. Totals rows carry an outlet's totals as {@link #PARTIALS} do.
   */
  public static final StructType WORK =
      new StructType()
          .add(KIND, DataTypes.IntegerType, false)
          .add(Terms.SCOPE, DataTypes.StringType, false)
          .add(Columns.OUTLET, DataTypes.StringType)
          .add(Terms.VERSUS, DataTypes.StringType)
          .add(Terms.TERM, DataTypes.StringType)
          .add(Terms.BIGRAM, DataTypes.BooleanType, false)
          .add(SURFACE_ALL, DataTypes.StringType)
          .add(COUNT_ALL, DataTypes.LongType, false)
          .add(DOCUMENTS_ALL, DataTypes.LongType, false)
          .add(SURFACE_WEIGHTED, DataTypes.StringType)
          .add(COUNT_WEIGHTED, DataTypes.LongType, false)
          .add(DOCUMENTS_WEIGHTED, DataTypes.LongType, false)
          .add(DF_ALL, DataTypes.LongType, false)
          .add(DF_WEIGHTED, DataTypes.LongType, false)
          .add(BACKGROUND, DataTypes.LongType, false)
          .add(VERSUS_COUNT, DataTypes.LongType);

  /** {@link #WORK}'s term rows with their scope's totals, as {@link #withTotals} and {@link #storyWork} give them. */
  public static final StructType WITH_TOTALS =
      WORK.add(TOTAL_ALL, DataTypes.LongType).add(TOTAL_WEIGHTED, DataTypes.LongType).add(VERSUS_TOTAL, DataTypes.LongType)
          .add(ARTICLES_ALL, DataTypes.LongType).add(ARTICLES_WEIGHTED, DataTypes.LongType).add(BACKGROUND_TOTAL, DataTypes.LongType);

  private TermTables() {}

  /**
   * Partial sums of the articles' terms per scope, outlet and form, both modes (see {@link
   * TermTally}), and each outlet's totals; a task reads its articles an outlet at a time and hands
   * its sums on where an outlet's articles end, or within them at {@code tallyCap} distinct forms
   * (which bounds its memory), so later steps add up partial rows from any number of tasks.
   *
   * <p>Requires {@link Syndication#withOriginText}'s rows ({@code outlet, clean_text, origin_text,
   * is_copy}); {@code scope} names them all. Returns {@link #PARTIALS}.
   */
  public static Dataset<Row> partials(Dataset<Row> texts, String scope, Params p) {
    // A task reads its articles an outlet at a time so an outlet's sums are handed on whole: in id
    // order a batch of the cap's forms held two or three articles of each of hundreds of outlets,
    // and every batch repeated the common terms (100k articles: 3.3 GB of partial rows shuffled).
    // Forms of two outlets never add up, so a tally holds one outlet's: a smaller map to look up.
    return texts.select(col(Columns.OUTLET), col(Columns.CLEAN_TEXT), col(Syndication.ORIGIN_TEXT), col(Syndication.IS_COPY))
        .sortWithinPartitions(Columns.OUTLET)
        .mapPartitions(new PartialsFn(scope, p), Encoders.row(PARTIALS));
  }

  /**
   * The partial sums met per term (hashed to partitions by scope and term, sorted by that hash, so
   * a task reads one term's rows together): one {@link #WORK} row per outlet using the term (kept
   * or needed by a comparison: see the class comment), a row per requested pair and term either
   * outlet uses, and the totals rows as they came.
   *
   * <p>Requires {@link #PARTIALS}. Returns {@link #WORK}.
   */
  public static Dataset<Row> perTerm(Dataset<Row> partials, Params p) {
    return partials.repartition(col(KEY)).sortWithinPartitions(KEY).mapPartitions(new PerTermFn(p), Encoders.row(WORK));
  }

  /**
   * {@link #WORK}'s term rows with the totals they are divided by: the outlet's terms of the same
   * kind in each mode ({@code total_*}), the compared outlet's on a pair row, the scope's articles
   * in each mode and its weighted terms of the kind over all outlets ({@code background_total}).
   * The totals are small (a row per scope, outlet and kind) and broadcast.
   *
   * <p>Requires {@link #WORK}. Returns {@link #WITH_TOTALS}.
   */
  public static Dataset<Row> withTotals(Dataset<Row> work) {
    Dataset<Row> t = work.filter(col(KIND).equalTo(TOTALS_ROW));
    Dataset<Row> outlets = t.groupBy(Terms.SCOPE, Columns.OUTLET, Terms.BIGRAM)
        .agg(sum(COUNT_ALL).as(TOTAL_ALL), sum(COUNT_WEIGHTED).as(TOTAL_WEIGHTED));
    Dataset<Row> articles = t.groupBy(Terms.SCOPE).agg(sum(DOCUMENTS_ALL).as(ARTICLES_ALL), sum(DOCUMENTS_WEIGHTED).as(ARTICLES_WEIGHTED));
    Dataset<Row> background = outlets.groupBy(Terms.SCOPE, Terms.BIGRAM).agg(sum(TOTAL_WEIGHTED).as(BACKGROUND_TOTAL));
    Dataset<Row> versus = outlets.select(col(Terms.SCOPE), col(Columns.OUTLET).as(Terms.VERSUS), col(Terms.BIGRAM),
        col(TOTAL_WEIGHTED).as(VERSUS_TOTAL));
    return work.filter(col(KIND).equalTo(TERM_ROW))
        .join(broadcast(outlets), new String[] {Terms.SCOPE, Columns.OUTLET, Terms.BIGRAM}, "left")
        .join(broadcast(versus), new String[] {Terms.SCOPE, Terms.VERSUS, Terms.BIGRAM}, "left")
        .join(broadcast(articles), new String[] {Terms.SCOPE}, "left")
        .join(broadcast(background), new String[] {Terms.SCOPE, Terms.BIGRAM}, "left")
        .select(java.util.Arrays.stream(WITH_TOTALS.fieldNames()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /**
   * The per-story work rows, each story's terms counted in one task: articles are hashed to
   * partitions by story and sorted so a story's articles arrive together, its non-copies first, so
   * every copy meets its origin (a copy is in its origin's story) and every total is the story's
   * own. No pairs are compared within a story.
   *
   * <p>Requires articles ({@code id, outlet, clean_text}), the articles' stories ({@code id,
   * story_id}; only these articles are counted) and the clusters table. Returns {@link #WITH_TOTALS}.
   */
  public static Dataset<Row> storyWork(Dataset<Row> articles, Dataset<Row> storyOf, Dataset<Row> clusters, Params p) {
    Dataset<Row> copies = Syndication.copyList(clusters);
    // The story of each article broadcast when few enough: the texts are then shuffled once, by story,
    // rather than first by id to meet their stories (at 1M bench articles, 4.6 GB of text).
    Dataset<Row> stories = Spread.broadcastUpTo(storyOf.select(col(Columns.ID), col(Stories.STORY_ID).as(Terms.SCOPE)),
        Spread.BROADCAST_IDS);
    Dataset<Row> rows = articles.select(Columns.ID, Columns.OUTLET, Columns.CLEAN_TEXT)
        .join(stories, Columns.ID)
        .join(copies, new String[] {Columns.ID}, "left")
        .select(col(Terms.SCOPE), col(Columns.ID), col(Columns.OUTLET), col(Columns.CLEAN_TEXT), col(Columns.ORIGIN_ID),
            col(Columns.ORIGIN_ID).isNotNull().as(Syndication.IS_COPY));
    return rows.repartition(col(Terms.SCOPE)).sortWithinPartitions(Terms.SCOPE, Syndication.IS_COPY, Columns.ID)
        .mapPartitions(new StoryFn(p), Encoders.row(WITH_TOTALS));
  }

  /** Whether a count is kept in a frequency table: any unigram, a bigram used often enough. */
  private static Column kept(Column count, int minBigramCount) {
    return count.geq(when(col(Terms.BIGRAM), lit(Math.max(1, minBigramCount))).otherwise(lit(1)));
  }

  /**
   * The frequency table ({@code term_frequencies}'s columns; see {@link Terms#frequencies}) from
   * {@link #WITH_TOTALS}: a row per kept count and mode.
   */
  public static Dataset<Row> frequencies(Dataset<Row> withTotals, int minBigramCount) {
    Column all = when(kept(col(COUNT_ALL), minBigramCount), struct(lit(Terms.MODE_ALL).as(Terms.MODE), col(SURFACE_ALL).as(Terms.SURFACE),
        col(COUNT_ALL).as(Terms.COUNT), col(DOCUMENTS_ALL).as(Terms.DOCUMENTS), col(TOTAL_ALL).as("total"), col(DF_ALL).as("df"),
        col(ARTICLES_ALL).as("d")));
    Column weighted = when(kept(col(COUNT_WEIGHTED), minBigramCount), struct(lit(Terms.MODE_WEIGHTED).as(Terms.MODE),
        col(SURFACE_WEIGHTED).as(Terms.SURFACE), col(COUNT_WEIGHTED).as(Terms.COUNT), col(DOCUMENTS_WEIGHTED).as(Terms.DOCUMENTS),
        col(TOTAL_WEIGHTED).as("total"), col(DF_WEIGHTED).as("df"), col(ARTICLES_WEIGHTED).as("d")));
    Column share = col("m." + Terms.COUNT).divide(col("m.total"));
    return withTotals.filter(col(Terms.VERSUS).isNull())
        .select(col(Terms.SCOPE), col(Columns.OUTLET), col(Terms.TERM), col(Terms.BIGRAM), explode(array(all, weighted)).as("m"))
        .filter(col("m").isNotNull())
        .select(
            col(Terms.SCOPE),
            col(Columns.OUTLET),
            col(Terms.TERM),
            col("m." + Terms.SURFACE).as(Terms.SURFACE),
            col(Terms.BIGRAM),
            col("m." + Terms.COUNT).as(Terms.COUNT),
            col("m." + Terms.DOCUMENTS).as(Terms.DOCUMENTS),
            share.as(Terms.SHARE),
            share.multiply(ln(col("m.d").plus(1.0).divide(col("m.df").plus(1.0)))).as(Terms.TFIDF),
            col("m." + Terms.MODE).as(Terms.MODE));
  }

  /**
   * Fightin' Words ({@code distinctive_terms}'s columns; see {@link Terms#distinctive}) from {@link
   * #WITH_TOTALS}, the background every outlet's weighted counts, kept or not: each outlet against
   * the rest for the terms it keeps in the weighted mode, and the pair rows.
   */
  public static Dataset<Row> distinctive(Dataset<Row> withTotals, Terms.DistinctiveParams params, int minBigramCount) {
    Column fw = col(BACKGROUND).cast("double");
    Column sumF = col(BACKGROUND_TOTAL).cast("double");
    Column alpha0 = params.alpha0() > 0 ? lit(params.alpha0()) : sumF;
    Column alpha = alpha0.multiply(fw).divide(sumF);
    Column yi = col(COUNT_WEIGHTED).cast("double");
    Column ni = col(TOTAL_WEIGHTED).cast("double");
    Dataset<Row> vsRest = withTotals
        .filter(col(Terms.VERSUS).isNull().and(kept(col(COUNT_WEIGHTED), minBigramCount))
            .and(col(BACKGROUND).geq(params.minCount())).and(col(BACKGROUND_TOTAL).gt(col(TOTAL_WEIGHTED))))
        .select(col(Terms.SCOPE), col(Columns.OUTLET), lit(Terms.REST).as(Terms.VERSUS), col(Terms.TERM), yi.as("yi"), ni.as("ni"),
            fw.minus(yi).as("yj"), sumF.minus(ni).as("nj"), alpha.as("a"), alpha0.as("a0"));
    Dataset<Row> pairs = withTotals
        .filter(col(Terms.VERSUS).isNotNull().and(col(TOTAL_WEIGHTED).gt(0)).and(col(VERSUS_TOTAL).gt(0)))
        .select(col(Terms.SCOPE), col(Columns.OUTLET), col(Terms.VERSUS), col(Terms.TERM), yi.as("yi"), ni.as("ni"),
            col(VERSUS_COUNT).cast("double").as("yj"), col(VERSUS_TOTAL).cast("double").as("nj"), alpha.as("a"), alpha0.as("a0"));
    Column z = Terms.zScore(col("yi"), col("ni"), col("yj"), col("nj"), col("a"), col("a0"));
    return vsRest.unionByName(pairs).select(
        col(Terms.SCOPE),
        col(Columns.OUTLET),
        col(Terms.VERSUS),
        col(Terms.TERM),
        col("yi").cast("long").as(Terms.COUNT),
        z.as(Terms.Z),
        org.apache.spark.sql.functions.abs(z).geq(org.newsframe.text.terms.FightinWords.SIGNIFICANT).as(Terms.SIGNIFICANT));
  }

  /** The partition and sort key of a scope's term: a 64-bit hash of scope, term and kind. */
  static long groupKey(String scope, String term, boolean bigram) {
    // From the strings' own hashes, which the tally's map has already computed and the strings
    // keep: no second pass over every emitted form's characters. Two terms of a scope whose 32-bit
    // hashes collide share a key, which PerTermFn's groups tell apart.
    long h = ((long) scope.hashCode() << 32) ^ (term.hashCode() & 0xffffffffL);
    return Hashing.fmix64(h * 31 + (bigram ? 2 : 1));
  }

  /** A term of a scope, as the per-term and per-story tasks gather its partial sums. */
  record TermKey(String scope, String term, boolean bigram) {
    static final java.util.Comparator<TermKey> ORDER =
        java.util.Comparator.comparing(TermKey::scope).thenComparing(TermKey::term).thenComparing(TermKey::bigram);
  }

  /** Whether a term row is needed: an outlet's count kept in either mode, per {@link #kept}. */
  static boolean keeps(boolean bigram, long count, int minBigramCount) {
    return count >= (bigram ? Math.max(1, minBigramCount) : 1);
  }

  /** Analyses articles (and copies' origins) and sums them in a {@link TermTally}, handed on in batches. */
  static final class PartialsFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String scope;
    private final Params p;

    PartialsFn(String scope, Params p) {
      this.scope = scope;
      this.p = p;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TermAnalyzer analyzer = new TermAnalyzer(p.analyzer());
      PushBack in = new PushBack(rows);
      return new Batches(() -> {
        // A new tally each time: clearing one keeps the table of the largest outlet's forms to sweep.
        TermTally tally = new TermTally();
        String last = null;
        while (in.hasNext()) {
          Row r = in.next();
          if (handOn(tally.size(), last, r.getString(0), p.tallyCap())) {
            in.putBack(r);
            break;
          }
          last = r.getString(0);
          ArticleTerms a = ArticleTerms.of(analyzer.analyze(r.isNullAt(1) ? "" : r.getString(1)));
          long[] carried = null;
          if (r.getBoolean(3)) {
            carried = a.carriedFrom(r.isNullAt(2) ? null : ArticleTerms.of(analyzer.analyze(r.getString(2))));
          }
          tally.add(scope, r.getString(0), a, carried);
        }
        return emit(tally);
      }, in::hasNext);
    }

    /**
     * Whether to hand the sums on before the next article: where an outlet's articles end (rows
     * come sorted by outlet; {@code lastOutlet} is null before a batch's first), or at {@code cap} forms.
     */
    static boolean handOn(int held, String lastOutlet, String nextOutlet, int cap) {
      return held >= cap || lastOutlet != null && !lastOutlet.equals(nextOutlet);
    }

    static List<Row> emit(TermTally tally) {
      List<Row> out = new ArrayList<>(tally.size() + 2 * tally.totals().size());
      tally.forEachForm((scope, outlet, f, v) -> out.add(RowFactory.create(groupKey(scope, f.term(), f.bigram()), TERM_ROW, scope,
          outlet, f.term(), f.bigram(), f.surface(), v[TermTally.C_ALL], v[TermTally.D_ALL], v[TermTally.C_W], v[TermTally.D_W])));
      tally.totals().forEach((o, t) -> {
        out.add(RowFactory.create(0L, TOTALS_ROW, o.scope(), o.outlet(), null, false, null, t[TermTally.UNIGRAMS_ALL],
            t[TermTally.ARTICLES_ALL], t[TermTally.UNIGRAMS_W], t[TermTally.ARTICLES_W]));
        out.add(RowFactory.create(0L, TOTALS_ROW, o.scope(), o.outlet(), null, true, null, t[TermTally.BIGRAMS_ALL], 0L,
            t[TermTally.BIGRAMS_W], 0L));
      });
      return out;
    }
  }

  /** Reads a partition's partial rows a term (a {@link #KEY}) at a time and emits its {@link #WORK} rows. */
  static final class PerTermFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Params p;

    PerTermFn(Params p) {
      this.p = p;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      PushBack in = new PushBack(rows);
      return new Batches(() -> {
        List<Row> out = new ArrayList<>();
        // One key's rows (a term, or rarely two whose hashes collide), or a totals row as it is.
        Map<TermKey, TermGroup> groups = new TreeMap<>(TermKey.ORDER);
        long key = 0;
        boolean started = false;
        while (in.hasNext()) {
          Row r = in.next();
          if (r.getInt(1) == TOTALS_ROW) {
            out.add(RowFactory.create(TOTALS_ROW, r.getString(2), r.getString(3), null, null, r.getBoolean(5), null, r.getLong(7),
                r.getLong(8), null, r.getLong(9), r.getLong(10), 0L, 0L, 0L, null));
            if (!started) {
              return out;
            }
            continue;
          }
          if (started && r.getLong(0) != key) {
            in.putBack(r);
            break;
          }
          started = true;
          key = r.getLong(0);
          groups.computeIfAbsent(new TermKey(r.getString(2), r.getString(4), r.getBoolean(5)), k -> new TermGroup())
              .add(r.getString(3), r.getString(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10));
        }
        groups.forEach((k, g) -> termRows(k.scope(), k.term(), k.bigram(), g, p, out, null));
        return out;
      }, in::hasNext);
    }
  }

  /** Totals a story computes for itself, per outlet and kind, to fill {@link #WITH_TOTALS}. */
  record StoryTotals(Map<String, long[]> outlets, long articlesAll, long articlesWeighted, long[] background) {}

  /**
   * The {@link #WORK} rows of one term of a scope (appended to {@code out}); with {@code totals}
   * (a story counted in one task) the {@link #WITH_TOTALS} columns too.
   */
  static void termRows(String scope, String term, boolean bigram, TermGroup group, Params p, List<Row> out, StoryTotals totals) {
    List<TermGroup.OutletTerm> outlets = group.outlets();
    long[] df = TermGroup.documentFrequencies(outlets);
    long background = TermGroup.weightedCount(outlets);
    int min = p.minBigramCount();
    for (TermGroup.OutletTerm o : outlets) {
      if (keeps(bigram, o.countAll(), min) || keeps(bigram, o.countWeighted(), min)) {
        out.add(workRow(scope, o.outlet(), null, term, bigram, o, df, background, null, totals));
      }
    }
    for (String[] pair : p.distinctive().pairs()) {
      for (int side = 0; side < 2; side++) {
        String a = pair[side];
        String b = pair[1 - side];
        TermGroup.OutletTerm oa = find(outlets, a);
        TermGroup.OutletTerm ob = find(outlets, b);
        long ya = oa == null ? 0 : oa.countWeighted();
        long yb = ob == null ? 0 : ob.countWeighted();
        if ((ya > 0 || yb > 0) && ya + yb >= p.distinctive().minCount()
            && (keeps(bigram, ya, min) || keeps(bigram, yb, min))) {
          TermGroup.OutletTerm row = oa != null ? oa : new TermGroup.OutletTerm(a, null, 0, 0, null, 0, 0);
          out.add(workRow(scope, a, b, term, bigram, row, df, background, yb, totals));
        }
      }
    }
  }

  private static TermGroup.OutletTerm find(List<TermGroup.OutletTerm> outlets, String outlet) {
    for (TermGroup.OutletTerm o : outlets) {
      if (o.outlet().equals(outlet)) {
        return o;
      }
    }
    return null;
  }

  private static Row workRow(String scope, String outlet, String versus, String term, boolean bigram, TermGroup.OutletTerm o,
      long[] df, long background, Long versusCount, StoryTotals totals) {
    Object[] v = {TERM_ROW, scope, outlet, versus, term, bigram, o.surfaceAll(), o.countAll(), o.documentsAll(), o.surfaceWeighted(),
        o.countWeighted(), o.documentsWeighted(), df[0], df[1], background, versusCount};
    if (totals == null) {
      return RowFactory.create(v);
    }
    long[] mine = totals.outlets().get(outlet);
    long[] theirs = versus == null ? null : totals.outlets().get(versus);
    int kind = bigram ? 1 : 0;
    Object[] w = java.util.Arrays.copyOf(v, v.length + 6);
    w[v.length] = mine == null ? null : mine[kind];
    w[v.length + 1] = mine == null ? null : mine[2 + kind];
    w[v.length + 2] = theirs == null ? null : theirs[2 + kind];
    w[v.length + 3] = totals.articlesAll();
    w[v.length + 4] = totals.articlesWeighted();
    w[v.length + 5] = totals.background()[kind];
    return RowFactory.create(w);
  }

  /** Counts each story's articles in one go (see {@link #storyWork}). */
  static final class StoryFn implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Params p;

    StoryFn(Params p) {
      this.p = p;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TermAnalyzer analyzer = new TermAnalyzer(p.analyzer());
      PushBack in = new PushBack(rows);
      return new Batches(() -> {
        TermTally tally = new TermTally();
        Map<String, ArticleTerms> originals = new HashMap<>();
        String story = null;
        while (in.hasNext()) {
          Row r = in.next();
          if (story != null && !story.equals(r.getString(0))) {
            in.putBack(r);
            break;
          }
          story = r.getString(0);
          ArticleTerms a = ArticleTerms.of(analyzer.analyze(r.isNullAt(3) ? "" : r.getString(3)));
          long[] carried = null;
          if (r.getBoolean(5)) {
            carried = a.carriedFrom(originals.get(r.getString(4)));
          } else {
            originals.put(r.getString(1), a);
          }
          tally.add(story, r.getString(2), a, carried);
        }
        return story == null ? List.of() : storyRows(story, tally, p);
      }, in::hasNext);
    }

    static List<Row> storyRows(String story, TermTally tally, Params p) {
      Map<String, long[]> outlets = new HashMap<>();
      long articlesAll = 0;
      long articlesWeighted = 0;
      long[] background = new long[2];
      for (Map.Entry<TermTally.Outlet, long[]> e : tally.totals().entrySet()) {
        long[] t = e.getValue();
        outlets.put(e.getKey().outlet(), new long[] {t[TermTally.UNIGRAMS_ALL], t[TermTally.BIGRAMS_ALL], t[TermTally.UNIGRAMS_W],
            t[TermTally.BIGRAMS_W]});
        articlesAll += t[TermTally.ARTICLES_ALL];
        articlesWeighted += t[TermTally.ARTICLES_W];
        background[0] += t[TermTally.UNIGRAMS_W];
        background[1] += t[TermTally.BIGRAMS_W];
      }
      StoryTotals totals = new StoryTotals(outlets, articlesAll, articlesWeighted, background);
      // Gathered in a hash map and put in order once: a tree map compared strings on every form's insertion.
      Map<TermKey, TermGroup> groups = new HashMap<>();
      tally.forEachForm((scope, outlet, f, v) -> groups.computeIfAbsent(new TermKey(story, f.term(), f.bigram()), k -> new TermGroup())
          .add(outlet, f.surface(), v[TermTally.C_ALL], v[TermTally.D_ALL], v[TermTally.C_W], v[TermTally.D_W]));
      List<Map.Entry<TermKey, TermGroup>> ordered = new ArrayList<>(groups.entrySet());
      ordered.sort(Map.Entry.comparingByKey(TermKey.ORDER));
      List<Row> out = new ArrayList<>();
      for (Map.Entry<TermKey, TermGroup> e : ordered) {
        termRows(story, e.getKey().term(), e.getKey().bigram(), e.getValue(), p, out, totals);
      }
      return out;
    }
  }

  /** A partition's rows, with the one a batch read but left for the next put back. */
  static final class PushBack {
    private final Iterator<Row> rows;
    private Row back;

    PushBack(Iterator<Row> rows) {
      this.rows = rows;
    }

    boolean hasNext() {
      return back != null || rows.hasNext();
    }

    Row next() {
      if (back == null) {
        return rows.next();
      }
      Row r = back;
      back = null;
      return r;
    }

    void putBack(Row r) {
      back = r;
    }
  }

  /** An iterator over batches of rows, each made by {@code next} while {@code more} holds. */
  static final class Batches implements Iterator<Row> {
    private final java.util.function.Supplier<List<Row>> next;
    private final java.util.function.BooleanSupplier more;
    private Iterator<Row> batch = java.util.Collections.emptyIterator();

    Batches(java.util.function.Supplier<List<Row>> next, java.util.function.BooleanSupplier more) {
      this.next = next;
      this.more = more;
    }

    @Override
    public boolean hasNext() {
      while (!batch.hasNext()) {
        if (!more.getAsBoolean()) {
          return false;
        }
        batch = next.get().iterator();
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.next();
    }
  }
}
