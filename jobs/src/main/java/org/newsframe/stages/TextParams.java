package org.newsframe.stages;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsframe.text.entities.EntityExtractors;
import org.newsframe.text.terms.TermAnalyzer;

/**
 * Settings of the {@code terms}, {@code entities}, {@code stories} and {@code framing} stages.
 *
 * @param analyzer how text becomes terms
 * @param distinctive Fightin' Words prior, minimum count and outlet pairs
 * @param minBigramCount a bigram is in an outlet's frequency rows (and compared) when the outlet
 *     uses it at least this often; every unigram is
 * @param ner {@code corenlp} or {@code aliases}
 * @param aliases the alias dictionary; null for the bundled {@code data/entities/aliases.tsv}
 * @param paragraphCache tag each distinct paragraph once
 * @param stories settings of the stories stage
 * @param sources speaker affiliations; null for the bundled {@code data/sources.tsv}
 */
public record TextParams(
    TermAnalyzer.Options analyzer,
    Terms.DistinctiveParams distinctive,
    int minBigramCount,
    String ner,
    Path aliases,
    boolean paragraphCache,
    StoryParams stories,
    Path sources) implements Serializable {

  /** Most bigrams are written once by an outlet (17.6 M of 22.1 M bigram rows at 100k articles). */
  public static final int DEFAULT_MIN_BIGRAM_COUNT = 2;

  public static TextParams defaults() {
    return new TextParams(TermAnalyzer.Options.defaults(), Terms.DistinctiveParams.defaults(), DEFAULT_MIN_BIGRAM_COUNT, EntityExtractors.CORENLP, null, true, StoryParams.defaults(), null);
  }

  public TextParams withNer(String name) {
    return new TextParams(analyzer, distinctive, minBigramCount, name, aliases, paragraphCache, stories, sources);
  }

  public TextParams withParagraphCache(boolean on) {
    return new TextParams(analyzer, distinctive, minBigramCount, ner, aliases, on, stories, sources);
  }

  public TextParams withStories(StoryParams s) {
    return new TextParams(analyzer, distinctive, minBigramCount, ner, aliases, paragraphCache, s, sources);
  }

  /** The term tables' settings for the corpus scope. */
  public TermTables.Params termTables() {
    return TermTables.Params.of(analyzer, minBigramCount, distinctive);
  }

  public Map<String, Object> describeTerms() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stopwords", analyzer.stopwords() ? "snowball english" : "none");
    m.put("stemming", analyzer.stemming().name().toLowerCase(java.util.Locale.ROOT));
    m.put("bigrams", analyzer.bigrams());
    m.put("min_bigram_count", minBigramCount);
    m.put("alpha0", distinctive.alpha0() > 0 ? distinctive.alpha0() : "corpus size (alpha_w = corpus count)");
    m.put("min_count", distinctive.minCount());
    m.put("pairs", distinctive.pairs().stream().map(p -> p[0] + " vs " + p[1]).collect(Collectors.toList()));
    return m;
  }

  public Map<String, Object> describeEntities() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ner", ner);
    m.put("aliases", aliases == null ? "bundled data/entities/aliases.tsv" : aliases.toString());
    m.put("paragraph_cache", paragraphCache);
    return m;
  }

  /** Pairs as {@code A,B} strings, for equality in tests. */
  public List<String> pairNames() {
    return distinctive.pairs().stream().map(p -> p[0] + "," + p[1]).toList();
  }
}
