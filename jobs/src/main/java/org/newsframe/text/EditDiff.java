package org.newsframe.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Aligns a copy with its origin sentence by sentence: each origin sentence is {@code kept} (same
 * words), {@code edited} (the best-matching copy sentence shares at least half its words, after
 * folding name variants) or {@code cut}; copy sentences matched by none are {@code added}. Edited
 * sentences carry their word-level changes ({@code ISIS→IS}). Matching is by content, not position,
 * so reordered and merged paragraphs still align.
 */
public final class EditDiff implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String KEPT = "kept";
  public static final String EDITED = "edited";
  public static final String CUT = "cut";
  public static final String ADDED = "added";

  /** Sentences whose folded words overlap at least this much (Dice) are the same sentence, edited. */
  static final double MATCH = 0.5;

  /** One line of the diff, in reading order. */
  public record Op(
      int position, String op, Integer originSentence, Integer copySentence, String originText, String copyText,
      List<String> changes) implements Serializable {}

  private final Shingler matcher;

  public EditDiff(Shingler matcher) {
    this.matcher = matcher;
  }

  /** The diff of {@code copy} against {@code origin} (both normalised, cleaned texts). */
  public List<Op> diff(String origin, String copy) {
    List<String> o = sentences(origin);
    List<String> c = sentences(copy);
    // Each sentence as its sorted distinct word ids: every origin sentence meets every copy
    // sentence, and a merge of two int arrays is many times cheaper than set lookups of strings.
    Map<String, Integer> ids = new HashMap<>();
    List<int[]> of = o.stream().map(x -> foldedWords(x, ids)).toList();
    List<int[]> cf = c.stream().map(x -> foldedWords(x, ids)).toList();

    record Pair(int o, int c, double sim) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < o.size(); i++) {
      for (int j = 0; j < c.size(); j++) {
        // Dice ≥ 1/2 needs the smaller set to be at least a quarter of both together.
        int a = of.get(i).length;
        int b = cf.get(j).length;
        if (4 * Math.min(a, b) < a + b) {
          continue;
        }
        double sim = dice(of.get(i), cf.get(j));
        if (sim >= MATCH) {
          pairs.add(new Pair(i, j, sim));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble((Pair p) -> -p.sim()).thenComparingInt(p -> Math.abs(p.o() - p.c())).thenComparingInt(Pair::o));
    int[] copyOf = new int[o.size()];
    int[] originOf = new int[c.size()];
    Arrays.fill(copyOf, -1);
    Arrays.fill(originOf, -1);
    for (Pair p : pairs) {
      if (copyOf[p.o()] < 0 && originOf[p.c()] < 0) {
        copyOf[p.o()] = p.c();
        originOf[p.c()] = p.o();
      }
    }

    List<Op> ops = new ArrayList<>();
    int position = 0;
    int nextCopy = 0; // copy sentences before this one are already placed
    for (int i = 0; i < o.size(); i++) {
      int j = copyOf[i];
      if (j >= 0) {
        // Added copy sentences that come before this match are placed here.
        for (; nextCopy < j; nextCopy++) {
          if (originOf[nextCopy] < 0) {
            ops.add(new Op(position++, ADDED, null, nextCopy, null, c.get(nextCopy), List.of()));
          }
        }
        nextCopy = Math.max(nextCopy, j + 1);
        // Most sentences of a copy are kept as they were: their word diff is not needed.
        boolean kept = WordDiff.sameWords(o.get(i), c.get(j));
        ops.add(new Op(position++, kept ? KEPT : EDITED, i, j, o.get(i), c.get(j),
            kept ? List.of() : WordDiff.changes(o.get(i), c.get(j))));
      } else {
        ops.add(new Op(position++, CUT, i, null, o.get(i), null, List.of()));
      }
    }
    for (int j = 0; j < c.size(); j++) {
      if (originOf[j] < 0 && j >= nextCopy) {
        ops.add(new Op(position++, ADDED, null, j, null, c.get(j), List.of()));
      }
    }
    // Added sentences skipped over by a reordering (before nextCopy, never placed) go at the end.
    Set<Integer> placed = new HashSet<>();
    for (Op op : ops) {
      if (op.copySentence() != null) {
        placed.add(op.copySentence());
      }
    }
    for (int j = 0; j < c.size(); j++) {
      if (!placed.contains(j)) {
        ops.add(new Op(position++, ADDED, null, j, null, c.get(j), List.of()));
      }
    }
    return ops;
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String p : Paragraphs.split(text)) {
      out.addAll(Sentences.split(p));
    }
    return out;
  }

  private int[] foldedWords(String sentence, Map<String, Integer> ids) {
    return matcher.tokens(sentence).words().stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size()))
        .sorted().distinct().toArray();
  }

  /** Dice overlap of two sorted sets of word ids. */
  static double dice(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    int common = MinHash.common(a, b);
    return 2.0 * common / (a.length + b.length);
  }

  /** Word-level changes inside one edited sentence. */
  static final class WordDiff {
    private WordDiff() {}

    /** Same words, ignoring surrounding punctuation: "Col. Gen." and "Col Gen" are the same. */
    static boolean sameWords(String origin, String copy) {
      return Arrays.equals(cores(origin), cores(copy));
    }

    private static String[] cores(String sentence) {
      return Arrays.stream(WHITESPACE.split(sentence.strip())).map(WordDiff::core).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    static List<String> changes(String origin, String copy) {
      String[] a = WHITESPACE.split(origin);
      String[] b = WHITESPACE.split(copy);
      String[] ak = Arrays.stream(a).map(WordDiff::core).toArray(String[]::new);
      String[] bk = Arrays.stream(b).map(WordDiff::core).toArray(String[]::new);
      int[][] lcs = new int[a.length + 1][b.length + 1];
      for (int i = a.length - 1; i >= 0; i--) {
        for (int j = b.length - 1; j >= 0; j--) {
          lcs[i][j] = ak[i].equals(bk[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      List<String> out = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && ak[i].equals(bk[j])) {
          i++;
          j++;
          continue;
        }
        int i0 = i;
        int j0 = j;
        while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && ak[i].equals(bk[j]))) {
          if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
            i++;
          } else {
            j++;
          }
        }
        out.add(hunk(ak, bk, i0, i, j0, j));
      }
      return out;
    }

    private static String hunk(String[] a, String[] b, int i0, int i1, int j0, int j1) {
      List<String> from = new ArrayList<>(Arrays.asList(a).subList(i0, i1));
      List<String> to = new ArrayList<>(Arrays.asList(b).subList(j0, j1));
      // A name particle ("al-Zor") reads better with the name it belongs to: "Deir al-Zor".
      if (!from.isEmpty() && !to.isEmpty() && i0 > 0 && j0 > 0 && isParticleName(from.get(0))
          && startsUpper(a[i0 - 1]) && a[i0 - 1].equals(b[j0 - 1])) {
        from.add(0, a[i0 - 1]);
        to.add(0, b[j0 - 1]);
      }
      // "U.S.-led" → "US-led" is the change "U.S." → "US".
      if (from.size() == 1 && to.size() == 1) {
        String x = from.get(0);
        String y = to.get(0);
        int dx = x.lastIndexOf('-');
        int dy = y.lastIndexOf('-');
        if (dx > 0 && dy > 0 && x.substring(dx).equals(y.substring(dy))) {
          from.set(0, x.substring(0, dx));
          to.set(0, y.substring(0, dy));
        }
      }
      String f = String.join(" ", from);
      String t = String.join(" ", to);
      if (f.isEmpty()) {
        return "+" + t;
      }
      if (t.isEmpty()) {
        return "-" + f;
      }
      return f + "→" + t;
    }

    private static boolean isParticleName(String w) {
      return w.indexOf('-') > 0 && Character.isLowerCase(w.charAt(0));
    }

    private static boolean startsUpper(String w) {
      return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
    }

    // Compiled once: a diff looks at every word of every aligned sentence.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DOTTED = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final String OPENING = "\"'([";
    private static final String CLOSING = "\"')],;:!?";

    /** A word without surrounding punctuation; a dotted abbreviation keeps its dots ("U.S."). */
    static String core(String w) {
      int from = 0;
      while (from < w.length() && OPENING.indexOf(w.charAt(from)) >= 0) {
        from++;
      }
      int to = w.length();
      while (to > from && CLOSING.indexOf(w.charAt(to - 1)) >= 0) {
        to--;
      }
      String s = w.substring(from, to);
      if (s.endsWith(".") && !DOTTED.matcher(s).matches()) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }
  }
}
