package org.newsframe.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.newsframe.io.Columns;

/**
 * A dated run ({@code run --date D} or {@code --since D}): only the articles published in
 * {@code [from, to]} are read and processed; the articles of the previous output published in the
 * {@code windowDays} before {@code from} (and any after {@code to}) are carried over with their
 * syndication signatures and edges, so a copy published today joins the cluster of yesterday's
 * origin, under the same cluster id, and every aggregate is recomputed over the window.
 *
 * @param from first publication date processed
 * @param to last publication date processed; null for every date from {@code from} on
 * @param windowDays how many days before {@code from} are kept and matched against
 */
public record Nightly(LocalDate from, LocalDate to, int windowDays) {

  public Nightly {
    if (from == null) {
      throw new IllegalArgumentException("a dated run needs a first date");
    }
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("last date " + to + " is before the first " + from);
    }
    if (windowDays < 0) {
      throw new IllegalArgumentException("window of " + windowDays + " days");
    }
  }

  /** {@code --date D}: one day. */
  public static Nightly day(LocalDate d, int windowDays) {
    return new Nightly(d, d, windowDays);
  }

  /** {@code --since D}: that day and every later one. */
  public static Nightly since(LocalDate d, int windowDays) {
    return new Nightly(d, null, windowDays);
  }

  /** True for rows published on a date this run processes (false for undated rows). */
  public Column processes(Column published) {
    Column c = published.geq(lit(java.sql.Date.valueOf(from)));
    return to == null ? c : c.and(published.leq(lit(java.sql.Date.valueOf(to))));
  }

  /** The same on the corpus's partition columns, so Spark lists and reads only those months. */
  public Column processesMonths(Column year, Column month) {
    Column ym = year.multiply(100).plus(month);
    Column c = ym.geq(lit(from.getYear() * 100 + from.getMonthValue()));
    return to == null ? c : c.and(ym.leq(lit(to.getYear() * 100 + to.getMonthValue())));
  }

  /**
   * True for rows of the previous output kept in the window: published in the {@code windowDays}
   * before {@code from}, or after {@code to} (a run for an earlier date must not lose later ones).
   * Undated rows are never carried: a dated run cannot place them (a run without a date does).
   */
  public Column carries(Column published) {
    Column before = published.geq(lit(java.sql.Date.valueOf(from.minusDays(windowDays))))
        .and(published.lt(lit(java.sql.Date.valueOf(from))));
    return to == null ? before : before.or(published.gt(lit(java.sql.Date.valueOf(to))));
  }

  /** Rows this run processes, by the canonical {@link Columns#PUBLISHED} column. */
  public Column processesPublished() {
    return processes(col(Columns.PUBLISHED));
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", from.toString());
    m.put("to", to == null ? "open" : to.toString());
    m.put("window_days", windowDays);
    return m;
  }
}
