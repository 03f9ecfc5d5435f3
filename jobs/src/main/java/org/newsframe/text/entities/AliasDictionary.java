package org.newsframe.text.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsframe.UsageException;
import org.newsframe.text.PhraseScanner;
import org.newsframe.text.TextNormalizer;

/**
 * The canonical entity dictionary ({@code data/entities/aliases.tsv}): which names are one entity,
 * and of what type. Finds every alias in a text, longest first; an alias with no lower-case letter
 * ({@code US}, {@code IS}, {@code U.S.}) matches only as written, and not on a line written in
 * capitals, where it cannot be told from a word.
 */
public final class AliasDictionary implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String BUNDLED = "/newsframe/data/entities/aliases.tsv";
  public static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

  /** One dictionary entry. */
  public record Entry(String canonical, String type) implements Serializable {}

  /** An alias found in a text. */
  public record Match(Entry entry, int start, int end) {}

  /** Words after which an all-caps "IS" is the verb of a question ("IS there ..."). */
  private static final Pattern IS_VERB_AFTER = Pattern.compile("\\s+(it|this|that|there|he|she|they|we|you|a|an|the)\\b");

  private final Map<String, Entry> exact = new HashMap<>();
  private final Map<String, Entry> folded = new HashMap<>();
  private transient PhraseScanner exactScanner;
  private transient PhraseScanner foldedScanner;

  private AliasDictionary() {}

  public static AliasDictionary bundled() {
    try (InputStream in = AliasDictionary.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + BUNDLED + " missing from the class path");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file at {@code path}, or the bundled dictionary when it is null. */
  public static AliasDictionary load(Path path) {
    if (path == null) {
      return bundled();
    }
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(r, path.toString());
    } catch (IOException e) {
      throw new UsageException("cannot read the alias dictionary " + path + ": " + e.getMessage());
    }
  }

  static AliasDictionary parse(java.io.Reader reader, String source) throws IOException {
    AliasDictionary d = new AliasDictionary();
    BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    String line;
    int n = 0;
    boolean header = false;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (!header && f[0].equals("canonical")) {
        header = true;
        continue;
      }
      if (f.length != 3 || f[0].isBlank() || !TYPES.contains(f[1])) {
        throw new UsageException(source + ":" + n + ": expected 'canonical<TAB>PERSON|ORGANIZATION|LOCATION<TAB>alias|alias...', got '" + line + "'");
      }
      Entry e = new Entry(f[0].strip(), f[1]);
      d.add(e.canonical(), e, source, n);
      for (String alias : f[2].split("\\|")) {
        if (!alias.isBlank()) {
          d.add(alias, e, source, n);
        }
      }
    }
    return d;
  }

  private void add(String rawAlias, Entry e, String source, int line) {
    String alias = TextNormalizer.normalize(rawAlias.strip());
    boolean caseSensitive = alias.chars().noneMatch(Character::isLowerCase);
    Map<String, Entry> target = caseSensitive ? exact : folded;
    String key = caseSensitive ? alias : alias.toLowerCase(Locale.ROOT);
    Entry before = target.put(key, e);
    if (before != null && !before.equals(e)) {
      throw new UsageException(source + ":" + line + ": alias '" + alias + "' is already an alias of " + before.canonical());
    }
  }

  /** The entry a name (as written) is an alias of, or null. */
  public Entry lookup(String name) {
    String n = TextNormalizer.normalize(name);
    Entry e = exact.get(n);
    return e != null ? e : folded.get(n.toLowerCase(Locale.ROOT));
  }

  /** Every alias in {@code text}, left to right, longest at each place, none overlapping. */
  public List<Match> find(String text) {
    if (exactScanner == null) {
      exactScanner = new PhraseScanner(longestFirst(exact.keySet()), false);
      foldedScanner = new PhraseScanner(longestFirst(folded.keySet()), true);
    }
    List<Match> all = new ArrayList<>();
    boolean[] shouting = org.newsframe.text.Shouting.mask(text);
    exactScanner.scan(text, (start, end) -> {
      if (!shouting[start] && !isVerb(text, start, end)) {
        all.add(new Match(exact.get(WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ")), start, end));
      }
    });
    foldedScanner.scan(text, (start, end) ->
        all.add(new Match(folded.get(WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ").toLowerCase(Locale.ROOT)), start, end)));
    // The two passes can overlap ("U.S.-led coalition" and "U.S."): keep the longest, then the first.
    all.sort(Comparator.comparingInt((Match x) -> x.end() - x.start()).reversed().thenComparingInt(Match::start));
    List<Match> kept = new ArrayList<>();
    for (Match x : all) {
      if (kept.stream().noneMatch(k -> k.start() < x.end() && x.start() < k.end())) {
        kept.add(x);
      }
    }
    kept.sort(Comparator.comparingInt(Match::start));
    return kept;
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The order the aliases are tried in at a place: longest first, then alphabetical. */
  private static List<String> longestFirst(Set<String> aliases) {
    return aliases.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
  }

  /** "IS" where it reads as the verb: before "it", "there", "the" ... */
  private static boolean isVerb(String text, int start, int end) {
    return end - start == 2 && text.startsWith("IS", start) && IS_VERB_AFTER.matcher(text).region(end, text.length()).lookingAt();
  }

  /** The aliases matched as written, and their entries (for tests). */
  Map<String, Entry> exactAliases() {
    return exact;
  }

  /** The aliases matched in any case, lower-cased, and their entries (for tests). */
  Map<String, Entry> foldedAliases() {
    return folded;
  }

  /** canonical → type, for reports. */
  public Map<String, String> types() {
    Map<String, String> m = new LinkedHashMap<>();
    exact.values().forEach(e -> m.put(e.canonical(), e.type()));
    folded.values().forEach(e -> m.put(e.canonical(), e.type()));
    return m;
  }
}
