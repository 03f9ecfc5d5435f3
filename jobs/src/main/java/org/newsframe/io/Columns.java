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

  /** Added by the clean stage: the text without boilerplate, normalised. */
  public static final String CLEAN_TEXT = "clean_text";
  /** Added by the clean stage: what was removed, {@code array<struct<paragraph, text, reason>>}. */
  public static final String REMOVED = "removed";

  /** Syndication: the cluster of copies an article belongs to (every article has one). */
  public static final String CLUSTER_ID = "cluster_id";
  public static final String CLUSTER_SIZE = "cluster_size";
  public static final String ORIGIN_ID = "origin_id";
  public static final String IS_ORIGIN = "is_origin";
  public static final String ORIGIN_EVIDENCE = "origin_evidence";
  public static final String CONTAINMENT = "containment";
  public static final String JACCARD = "jaccard";
  public static final String ID_A = "id_a";
  public static final String ID_B = "id_b";

  /** Labels of generated copies ({@code generate-copies}): the original a copy was made from. */
  public static final String COPY_OF = "copy_of";
  /** What was done to make a copy or distractor, e.g. {@code [trim:0.62, rename:ISIS→IS]}. */
  public static final String COPY_EDITS = "copy_edits";
  /** {@code copy}, {@code distractor}, or null for an article of the source corpus. */
  public static final String SYNTHETIC = "synthetic";

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
