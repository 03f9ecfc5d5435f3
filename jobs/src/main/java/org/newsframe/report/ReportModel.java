package org.newsframe.report;

import java.util.List;
import java.util.Map;

/** What the report shows, collected on the driver for the stories it covers (never the corpus). */
public final class ReportModel {
  private ReportModel() {}

  /** Distinctive terms the report shows per outlet of a story. */
  public static final int TERMS_PER_OUTLET = 8;

  public record Corpus(long articles, long outlets, long rejected, long copyClusters, long stories, long multiOutletStories,
      Map<String, Long> articlesByOutlet) {}

  public record Article(String id, String outlet, String title, String published, String cleanText) {}

  public record QuoteRow(String id, int index, String speaker, String affiliation, String verb, String verbClass, int words, String quote) {}

  public record TermZ(String outlet, String term, long count, double z, boolean significant) {}

  public record EditRow(String copyId, String originId, int position, String op, String originText, String copyText, List<String> changes) {}

  public record EntityRow(String id, String entity, String type, long mentions) {}

  /**
   * A story as the report shows it: up to a cap of its {@code size} articles, each one's framing
   * features, quotes, entities and (for copies) edit diffs, and the story-scope distinctive terms of
   * the shown articles' outlets, {@link #TERMS_PER_OUTLET} each.
   */
  public record Story(String id, String label, List<Article> articles, Map<String, Map<String, String>> features,
      List<QuoteRow> quotes, List<EntityRow> entities, List<TermZ> terms, List<EditRow> edits, long size) {}
}
