package org.newsframe.text.entities;

import java.util.List;

/**
 * Finds named entities in a paragraph. Implementations need not be thread-safe for construction, but
 * {@link #tag} may be called from several task threads of one executor at once.
 */
public interface EntityExtractor {

  /**
   * What a paragraph holds.
   *
   * @param mentions names as the model sees them: {@code entity} is the surface, types as the model
   *     gives them
   * @param sentenceStarts the character offset at which each sentence begins
   * @param tokens how many tokens the paragraph has (for throughput figures)
   */
  record Tagged(List<Mention> mentions, int[] sentenceStarts, int tokens) {}

  Tagged tag(String paragraph);

  /** A short name for manifests: {@code corenlp}, {@code aliases}. */
  String name();
}
