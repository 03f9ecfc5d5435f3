package org.newsframe.io;

/** The reasons a row goes to the {@code rejects} table instead of {@code articles}. */
public enum RejectReason {
  /** The source line or CSV record could not be parsed at all. */
  MALFORMED_RECORD("malformed_record"),
  /** {@code id} is null or blank. */
  MISSING_ID("missing_id"),
  /** {@code outlet} is null or blank and no URL host could stand in for it. */
  MISSING_OUTLET("missing_outlet"),
  /** {@code text} is null or blank. */
  EMPTY_TEXT("empty_text"),
  /** {@code text} is longer than {@link org.newsframe.stages.Validation#MAX_TEXT_CHARS}. */
  TEXT_TOO_LONG("text_too_long"),
  /** {@code lang} names another language, or the text is clearly not English (see {@code LanguageGuess}). */
  NOT_ENGLISH("not_english"),
  /** Another row has the same {@code id}; the kept one is chosen deterministically. */
  DUPLICATE_ID("duplicate_id"),
  /** A text file in an {@code ingest} directory has no row in the metadata file. */
  NO_METADATA("no_metadata"),
  /** A metadata row names a text file that does not exist. */
  MISSING_FILE("missing_file");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The value written to the {@code reason} column. */
  public String code() {
    return code;
  }
}
