package org.newsframe.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word shingles for syndication matching. Tokens are runs of letters and digits, lower-cased, with
 * dotted abbreviations closed up ({@code U.S.} is {@code us}) and name variants folded through
 * {@code data/syndication/fold.tsv} ({@code IS}, {@code ISIL}, {@code Islamic State} are all {@code
 * isis}). Each shingle of {@code k} consecutive tokens is hashed to 64 bits and marked as quoted when
 * it lies inside double quotes, so that two stories quoting the same statement are not taken for
 * copies of each other.
 */
public final class Shingler implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String BUNDLED_FOLDS = "/newsframe/data/syndication/fold.tsv";


  /** A multi-word or single-word variant and what it folds to. */
  private record Fold(String[] words, boolean caseSensitive, String folded) implements Serializable {}

  /** Shingles of one text: hashes, and which of them lie inside quotations. */
  public record Shingles(long[] hashes, boolean[] quoted) {
    /**
     * Distinct hashes of the shingles outside quotations, sorted — or of all shingles when fewer
     * than {@code minUnquoted}, or fewer than half, lie outside: an article that is mostly quotes
     * is matched on all of it, since what is left would not represent it.
     */
    public long[] matchingSet(int minUnquoted) {
      int outside = 0;
      for (boolean q : quoted) {
        if (!q) {
          outside++;
        }
      }
      boolean enough = outside >= minUnquoted && 2L * outside >= hashes.length;
      long[] chosen;
      if (enough) {
        chosen = new long[outside];
        for (int i = 0, k = 0; i < hashes.length; i++) {
          if (!quoted[i]) {
            chosen[k++] = hashes[i];
          }
        }
      } else {
        chosen = hashes.clone();
      }
      Arrays.sort(chosen);
      int distinct = 0;
      for (int i = 0; i < chosen.length; i++) {
        if (i == 0 || chosen[i] != chosen[i - 1]) {
          chosen[distinct++] = chosen[i];
        }
      }
      return Arrays.copyOf(chosen, distinct);
    }
  }

  private final int k;
  private final Map<String, List<Fold>> foldsByFirstWord;

  private final int maxFoldWordLength;

  private Shingler(int k, Map<String, List<Fold>> foldsByFirstWord) {
    if (k < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1, got " + k);
    }
    this.k = k;
    this.foldsByFirstWord = foldsByFirstWord;
    this.maxFoldWordLength = foldsByFirstWord.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** Shingles of {@code k} words with the bundled folds. */
  public static Shingler bundled(int k) {
    InputStream in = Shingler.class.getResourceAsStream(BUNDLED_FOLDS);
    if (in == null) {
      throw new IllegalStateException(BUNDLED_FOLDS + " is missing from the jar");
    }
    return new Shingler(k, readFolds(new InputStreamReader(in, StandardCharsets.UTF_8)));
  }

  /** Shingles of {@code k} words with the folds read from {@code folds}. */
  public static Shingler of(int k, Reader folds) {
    return new Shingler(k, readFolds(folds));
  }

  private static Map<String, List<Fold>> readFolds(Reader source) {
    Map<String, List<Fold>> m = new HashMap<>();
    try (BufferedReader in = new BufferedReader(source)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("variant\t")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 2) {
          throw new IllegalArgumentException("fold table: expected 'variant<TAB>folded', got '" + line + "'");
        }
        String[] words = f[0].strip().split("\\s+");
        boolean caseSensitive = words.length == 1 && words[0].equals(words[0].toUpperCase(Locale.ROOT));
        Fold fold = new Fold(words, caseSensitive, f[1].strip().toLowerCase(Locale.ROOT));
        m.computeIfAbsent(words[0].toLowerCase(Locale.ROOT), w -> new ArrayList<>()).add(fold);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Longest variants first, so "Islamic State" wins over a one-word variant starting the same way.
    m.values().forEach(l -> l.sort((a, b) -> b.words().length - a.words().length));
    return m;
  }

  /** Matching tokens of a text, with a flag per token for "inside double quotes". */
  public record Tokens(List<String> words, List<Boolean> quoted) {}

  public Tokens tokens(String text) {
    Scan scan = scan(text);
    List<Boolean> quoted = new ArrayList<>(scan.size);
    for (int i = 0; i < scan.size; i++) {
      quoted.add(scan.quoted[i]);
    }
    return new Tokens(Arrays.asList(Arrays.copyOf(scan.words, scan.size)), quoted);
  }

  /** Tokens of a text in arrays (the hot path of the syndication stage). */
  private static final class Scan {
    String[] words = new String[64];
    boolean[] quoted = new boolean[64];
    int size;

    void add(String w, boolean q) {
      if (size == words.length) {
        words = Arrays.copyOf(words, size * 2);
        quoted = Arrays.copyOf(quoted, size * 2);
      }
      words[size] = w;
      quoted[size++] = q;
    }
  }

  /**
   * Scans letters-and-digits runs by hand (a regex costs several times as much here): a run of
   * single letters each followed by a dot ({@code U.S.}) is one token without dots; {@code "}
   * toggles the quotation state, which each new line resets. Variants are then folded and the
   * rest lower-cased.
   */
  private Scan scan(String text) {
    Scan raw = new Scan();
    boolean inQuote = false;
    int n = text.length();
    int i = 0;
    StringBuilder b = new StringBuilder(32);
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        inQuote = false;
        i++;
        continue;
      }
      if (c == '"') {
        inQuote = !inQuote;
        i++;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      // Dotted abbreviation: letter '.' letter '.' ...
      int j = i;
      b.setLength(0);
      while (j + 1 < n && Character.isLetter(text.charAt(j)) && text.charAt(j + 1) == '.'
          && (j + 2 >= n || !Character.isLetterOrDigit(text.charAt(j + 2)) || (j + 3 < n && text.charAt(j + 3) == '.'))) {
        b.append(text.charAt(j));
        j += 2;
      }
      if (b.length() >= 2) {
        raw.add(b.toString(), inQuote);
        i = j;
        continue;
      }
      b.setLength(0);
      j = i;
      while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
        j++;
      }
      raw.add(text.substring(i, j), inQuote);
      i = j;
    }
    Scan out = new Scan();
    for (int k = 0; k < raw.size; ) {
      Fold hit = fold(raw, k);
      if (hit != null) {
        out.add(hit.folded(), raw.quoted[k]);
        k += hit.words().length;
      } else {
        out.add(raw.words[k].toLowerCase(Locale.ROOT), raw.quoted[k]);
        k++;
      }
    }
    return out;
  }

  private Fold fold(Scan raw, int i) {
    String first = raw.words[i];
    // Fold keys are words of letters only; most tokens are not keys, so skip the lookup cheaply.
    if (first.length() > maxFoldWordLength) {
      return null;
    }
    List<Fold> candidates = foldsByFirstWord.get(first.toLowerCase(Locale.ROOT));
    if (candidates == null) {
      return null;
    }
    for (Fold f : candidates) {
      if (i + f.words().length > raw.size) {
        continue;
      }
      boolean match = true;
      for (int j = 0; j < f.words().length && match; j++) {
        String have = raw.words[i + j];
        match = f.caseSensitive() ? have.equals(f.words()[j]) : have.equalsIgnoreCase(f.words()[j]);
      }
      if (match) {
        return f;
      }
    }
    return null;
  }

  /** The shingles of a text; a text shorter than {@code k} words is one shingle. */
  public Shingles shingles(String text) {
    Scan t = scan(text);
    if (t.size == 0) {
      return new Shingles(new long[0], new boolean[0]);
    }
    long[] tokenHashes = new long[t.size];
    for (int i = 0; i < t.size; i++) {
      tokenHashes[i] = Hashing.hash64(t.words[i]);
    }
    int n = Math.max(1, t.size - k + 1);
    int width = Math.min(k, t.size);
    long[] hashes = new long[n];
    boolean[] quoted = new boolean[n];
    for (int i = 0; i < n; i++) {
      long h = 0;
      for (int j = 0; j < width; j++) {
        h = Long.rotateLeft(h, 23) ^ tokenHashes[i + j];
      }
      hashes[i] = Hashing.fmix64(h);
      quoted[i] = t.quoted[i] && t.quoted[i + width - 1];
    }
    return new Shingles(hashes, quoted);
  }

  public int k() {
    return k;
  }
}
