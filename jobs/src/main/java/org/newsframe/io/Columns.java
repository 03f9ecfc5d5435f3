package org.newsframe.io;

/** Column names, declared once. Every job and stage refers to these constants. */
public final class Columns {
  public static final String ID = "id";
  public static final String OUTLET = "outlet";
  public static final String PUBLISHED = "published";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String LANG = "lang";

  /** Why a row was quarantined (see {@link RejectReason}). */
  public static final String REASON = "reason";

  /** Partition columns that {@code ingest} derives from {@link #PUBLISHED}. */
  public static final String PUBLISHED_YEAR = "published_year";
  public static final String PUBLISHED_MONTH = "published_month";

  /**
   * A {@link RejectReason} code a source reader sets for a row it already knows is bad (a text file
   * without metadata, say); validation turns it into {@link #REASON}.
   */
  public static final String SOURCE_PROBLEM = "_source_problem";

  /** Spark's column for records it could not parse (JSON/CSV PERMISSIVE mode). */
  public static final String CORRUPT_RECORD = "_corrupt_record";

  private Columns() {}
}
