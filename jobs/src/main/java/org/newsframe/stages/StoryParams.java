package org.newsframe.stages;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the {@code stories} stage.
 *
 * @param minCosine TF-IDF cosine two stories' units need to be the same story
 * @param minSharedEntities canonical entities they must share (when both have any)
 * @param dateWindowDays dated units further apart are never the same story
 * @param topTerms each unit's highest-weighted terms used to find candidates
 * @param minSharedTopTerms top terms two units must share to be compared
 * @param maxPosting terms in more units than this are too common to find candidates with
 * @param neighbours a unit links to at most this many most similar others (limits chaining)
 */
public record StoryParams(
    double minCosine, int minSharedEntities, int dateWindowDays, int topTerms, int minSharedTopTerms,
    int maxPosting, int neighbours) implements Serializable {

  public static StoryParams defaults() {
    return new StoryParams(0.30, 1, 7, 20, 2, 2000, 5);
  }

  public StoryParams withMinCosine(double c) {
    return new StoryParams(c, minSharedEntities, dateWindowDays, topTerms, minSharedTopTerms, maxPosting, neighbours);
  }

  public StoryParams withDateWindow(int days) {
    return new StoryParams(minCosine, minSharedEntities, days, topTerms, minSharedTopTerms, maxPosting, neighbours);
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("min_cosine", minCosine);
    m.put("min_shared_entities", minSharedEntities);
    m.put("date_window_days", dateWindowDays);
    m.put("top_terms", topTerms);
    m.put("min_shared_top_terms", minSharedTopTerms);
    m.put("max_posting", maxPosting);
    m.put("neighbours", neighbours);
    return m;
  }
}
