package org.newsframe.stages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.sqrt;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newsframe.io.Columns;
import org.newsframe.text.terms.FightinWords;

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
 *
 * <p>The tables' column names and the z-score live here; {@link TermTables} computes the tables.
 */
public final class Terms {
  public static final String TERM = "term";
  public static final String SURFACE = "surface";
  public static final String BIGRAM = "bigram";
  public static final String COUNT = "count";
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

  private Terms() {}

  /** Article rows ({@code id, ...}) scoped to their story: adds {@code scope} = the story id. */
  public static Dataset<Row> withStories(Dataset<Row> articleRows, Dataset<Row> stories) {
    return articleRows.join(stories.select(col(Columns.ID), col(Stories.STORY_ID).as(SCOPE)), Columns.ID);
  }

  /**
   * Settings of the Fightin' Words comparison ({@link TermTables#distinctive}): the prior's α₀ (0:
   * the scope's own total), the fewest uses of a term in the groups compared, the outlet pairs.
   */
  public record DistinctiveParams(double alpha0, long minCount, List<String[]> pairs) implements Serializable {
    public static DistinctiveParams defaults() {
      return new DistinctiveParams(0, 3, List.of());
    }
  }

  /** {@link FightinWords#z} as a column expression, so Spark computes it without a UDF. */
  static Column zScore(Column yi, Column ni, Column yj, Column nj, Column a, Column a0) {
    Column delta =
        ln(yi.plus(a).divide(ni.plus(a0).minus(yi).minus(a)))
            .minus(ln(yj.plus(a).divide(nj.plus(a0).minus(yj).minus(a))));
    Column variance = lit(1.0).divide(yi.plus(a)).plus(lit(1.0).divide(yj.plus(a)));
    return delta.divide(sqrt(variance));
  }
}
