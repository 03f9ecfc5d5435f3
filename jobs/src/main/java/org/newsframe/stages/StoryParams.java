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
 * @param maxUndatedPosting an undated unit finds candidates only through terms among the top terms
 *     of at most this many units (rare names, mostly). With no date it is in every unit's window,
 *     so through a term it pairs with the whole posting list where a dated unit pairs with the
 *     week's share of it: the pairs grew with the square of the corpus, and on GVA with one
 *     article in six undated the undated ones chained different incidents into one story (pair
 *     precision 0.02 at cosine 0.30; 0.81 with this cap at 5, 0.78 with every date known)
 * @param neighbours a unit links to at most this many most similar others (limits chaining)
 * @param maxUnits a connected component of more units than this is split again on its stronger
 *     edges: at 100k articles the components of similar-enough pairs chained 37,902 articles of
 *     478 outlets into one "story"
 */
public record StoryParams(
    double minCosine, int minSharedEntities, int dateWindowDays, int topTerms, int minSharedTopTerms,
    int maxPosting, int maxUndatedPosting, int neighbours, int maxUnits) implements Serializable {

  public StoryParams {
    if (maxUndatedPosting < 0) {
      throw new IllegalArgumentException("the undated units' posting cap cannot be negative, not " + maxUndatedPosting);
    }
  }

  public static StoryParams defaults() {
    return new StoryParams(0.30, 1, 7, 20, 2, 2000, DEFAULT_MAX_UNDATED_POSTING, 5, 1000);
  }

  public static final int DEFAULT_MAX_UNDATED_POSTING = 5;

  public StoryParams withMinCosine(double c) {
    return new StoryParams(c, minSharedEntities, dateWindowDays, topTerms, minSharedTopTerms, maxPosting, maxUndatedPosting, neighbours, maxUnits);
  }

  public StoryParams withDateWindow(int days) {
    return new StoryParams(minCosine, minSharedEntities, days, topTerms, minSharedTopTerms, maxPosting, maxUndatedPosting, neighbours, maxUnits);
  }

  public StoryParams withMaxUnits(int units) {
    if (units < 2) {
      throw new IllegalArgumentException("a story's unit cap must be at least 2, not " + units);
    }
    return new StoryParams(minCosine, minSharedEntities, dateWindowDays, topTerms, minSharedTopTerms, maxPosting, maxUndatedPosting, neighbours, units);
  }

  public StoryParams withMaxUndatedPosting(int units) {
    return new StoryParams(minCosine, minSharedEntities, dateWindowDays, topTerms, minSharedTopTerms, maxPosting, units, neighbours, maxUnits);
  }

  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("min_cosine", minCosine);
    m.put("min_shared_entities", minSharedEntities);
    m.put("date_window_days", dateWindowDays);
    m.put("top_terms", topTerms);
    m.put("min_shared_top_terms", minSharedTopTerms);
    m.put("max_posting", maxPosting);
    m.put("max_undated_posting", maxUndatedPosting);
    m.put("neighbours", neighbours);
    m.put("max_units", maxUnits);
    return m;
  }
}
