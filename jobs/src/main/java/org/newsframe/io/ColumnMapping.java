package org.newsframe.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which input column becomes which canonical column. Explicit pairs ({@code --map id=doc_id}) win;
 * otherwise the first input column whose name (case-insensitive, ignoring {@code -}, {@code _} and
 * spaces) is one of the common names below is taken.
 */
public final class ColumnMapping {

  /** Common names for each canonical column, most specific first. */
  static final Map<String, List<String>> COMMON_NAMES = commonNames();

  private final Map<String, String> canonicalToSource;

  private ColumnMapping(Map<String, String> canonicalToSource) {
    this.canonicalToSource = canonicalToSource;
  }

  /**
   * Resolves the mapping for an input with {@code inputColumns}.
   *
   * @param explicit canonical name to input column, from {@code --map}
   * @throws IllegalArgumentException when an explicit pair names an unknown canonical column or an
   *     input column that does not exist
   */
  public static ColumnMapping resolve(List<String> inputColumns, Map<String, String> explicit) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : explicit.entrySet()) {
      if (!ArticleSchema.isCanonical(e.getKey())) {
        throw new IllegalArgumentException(
            "--map " + e.getKey() + "=" + e.getValue() + ": '" + e.getKey()
                + "' is not an article column; article columns are " + ArticleSchema.NAMES);
      }
      if (!inputColumns.contains(e.getValue())) {
        throw new IllegalArgumentException(
            "--map " + e.getKey() + "=" + e.getValue() + ": the input has no column '"
                + e.getValue() + "'; columns found: " + inputColumns);
      }
      result.put(e.getKey(), e.getValue());
    }
    for (String canonical : ArticleSchema.NAMES) {
      if (result.containsKey(canonical)) {
        continue;
      }
      find(inputColumns, canonical, result).ifPresent(src -> result.put(canonical, src));
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String canonical : ArticleSchema.NAMES) {
      if (result.containsKey(canonical)) {
        ordered.put(canonical, result.get(canonical));
      }
    }
    return new ColumnMapping(java.util.Collections.unmodifiableMap(ordered));
  }

  private static Optional<String> find(
      List<String> inputColumns, String canonical, Map<String, String> taken) {
    for (String name : COMMON_NAMES.get(canonical)) {
      for (String column : inputColumns) {
        if (squash(column).equals(squash(name)) && !taken.containsValue(column)) {
          return Optional.of(column);
        }
      }
    }
    return Optional.empty();
  }

  /** The input column for a canonical one, if any. */
  public Optional<String> source(String canonical) {
    return Optional.ofNullable(canonicalToSource.get(canonical));
  }

  /** The common names looked for, for messages. */
  public static List<String> commonNames(String canonical) {
    return COMMON_NAMES.getOrDefault(canonical, List.of());
  }

  /** Every (canonical, input) pair. */
  public Map<String, String> asMap() {
    return canonicalToSource;
  }

  /** Parses {@code id=doc_id,text=body} (also repeated options, already split). */
  public static Map<String, String> parsePairs(List<String> specs) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String spec : specs) {
      for (String pair : spec.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException(
              "--map: '" + pair.strip() + "' is not of the form canonical=input_column");
        }
        pairs.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return pairs;
  }

  private static String squash(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
  }

  private static Map<String, List<String>> commonNames() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(Columns.ID, names("id", "doc_id", "document_id", "article_id", "docid", "uuid", "guid"));
    m.put(Columns.OUTLET, names("outlet", "source", "publisher", "source_name", "publication",
        "outlet_name", "site", "site_name", "media", "newspaper", "domain", "outlet_host"));
    m.put(Columns.PUBLISHED, names("published", "date", "published_at", "publish_date",
        "publication_date", "pub_date", "published_date", "date_published", "datetime", "timestamp",
        "created_at"));
    m.put(Columns.TITLE, names("title", "headline", "heading"));
    m.put(Columns.TEXT, names("text", "body", "content", "article", "article_text", "full_text",
        "fulltext", "story", "maintext", "body_text"));
    m.put(Columns.URL, names("url", "link", "article_url", "source_url", "uri", "permalink"));
    m.put(Columns.LANG, names("lang", "language", "language_code", "locale"));
    return Map.copyOf(m);
  }

  private static List<String> names(String... names) {
    return List.of(names);
  }
}
