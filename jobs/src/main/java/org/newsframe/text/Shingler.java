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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern TOKEN = Pattern.compile("(?:\\p{L}\\.){2,}|[\\p{L}\\p{N}]+|\"");

  /** A multi-word or single-word variant and what it folds to. */
  private record Fold(String[] words, boolean caseSensitive, String folded) implements Serializable {}

  /** Shingles of one text: hashes, and which of them lie inside quotations. */
  public record Shingles(long[] hashes, boolean[] quoted) {
    /** Distinct hashes of the shingles outside quotations, sorted; all of them if too few are. */
    public long[] matchingSet(int minUnquoted) {
      long[] outside = Arrays.stream(indexes(false)).mapToLong(i -> hashes[i]).toArray();
      long[] chosen = outside.length >= minUnquoted ? outside : hashes.clone();
      return Arrays.stream(chosen).sorted().distinct().toArray();
    }

    private int[] indexes(boolean wantQuoted) {
      return java.util.stream.IntStream.range(0, hashes.length).filter(i -> quoted[i] == wantQuoted).toArray();
    }
  }

  private final int k;
  private final Map<String, List<Fold>> foldsByFirstWord;

  private Shingler(int k, Map<String, List<Fold>> foldsByFirstWord) {
    if (k < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1, got " + k);
    }
    this.k = k;
    this.foldsByFirstWord = foldsByFirstWord;
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
    List<String> raw = new ArrayList<>();
    List<Boolean> quoted = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      boolean inQuote = false; // a quotation spanning paragraphs re-opens each one with a mark
      Matcher m = TOKEN.matcher(paragraph);
      while (m.find()) {
        String t = m.group();
        if (t.equals("\"")) {
          inQuote = !inQuote;
          continue;
        }
        raw.add(t.indexOf('.') >= 0 ? t.replace(".", "") : t);
        quoted.add(inQuote);
      }
    }
    List<String> words = new ArrayList<>(raw.size());
    List<Boolean> q = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); ) {
      Fold hit = fold(raw, i);
      if (hit != null) {
        words.add(hit.folded());
        q.add(quoted.get(i));
        i += hit.words().length;
      } else {
        words.add(raw.get(i).toLowerCase(Locale.ROOT));
        q.add(quoted.get(i));
        i++;
      }
    }
    return new Tokens(words, q);
  }

  private Fold fold(List<String> raw, int i) {
    List<Fold> candidates = foldsByFirstWord.get(raw.get(i).toLowerCase(Locale.ROOT));
    if (candidates == null) {
      return null;
    }
    for (Fold f : candidates) {
      if (i + f.words().length > raw.size()) {
        continue;
      }
      boolean match = true;
      for (int j = 0; j < f.words().length && match; j++) {
        String have = raw.get(i + j);
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
    Tokens t = tokens(text);
    List<String> w = t.words();
    if (w.isEmpty()) {
      return new Shingles(new long[0], new boolean[0]);
    }
    long[] tokenHashes = new long[w.size()];
    for (int i = 0; i < w.size(); i++) {
      tokenHashes[i] = Hashing.hash64(w.get(i));
    }
    int n = Math.max(1, w.size() - k + 1);
    int width = Math.min(k, w.size());
    long[] hashes = new long[n];
    boolean[] quoted = new boolean[n];
    for (int i = 0; i < n; i++) {
      long h = 0;
      for (int j = 0; j < width; j++) {
        h = Long.rotateLeft(h, 23) ^ tokenHashes[i + j];
      }
      hashes[i] = Hashing.fmix64(h);
      quoted[i] = t.quoted().get(i) && t.quoted().get(i + width - 1);
    }
    return new Shingles(hashes, quoted);
  }

  public int k() {
    return k;
  }
}
