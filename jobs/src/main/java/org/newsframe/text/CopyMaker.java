package org.newsframe.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes labelled syndicated copies and same-topic distractors of articles, for measuring the
 * syndication stage at any size. A copy is what a republishing outlet does to wire copy: it keeps
 * the lead 40-90 % of the paragraphs, may drop, merge or reorder paragraphs, renames (ISIS → IS,
 * U.S. → US), makes typos, retitles, and appends paywall or disclaimer text. Every change is listed
 * in the copy's label. A distractor is about the same thing but is not a copy: its paragraphs come
 * from three other articles (about a quarter from each) around one quoted sentence of the
 * original and a title that reuses the original's words.
 */
public final class CopyMaker implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Renamings a copy desk makes; each applies to whole words. */
  static final String[][] RENAMINGS = {
    {"ISIS", "IS"}, {"ISIL", "ISIS"}, {"U.S.", "US"}, {"U.N.", "UN"}, {"U.K.", "UK"},
    {"United States", "US"}, {"Islamic State", "IS"}, {"al-Qaeda", "al-Qaida"}, {"Kiev", "Kyiv"},
    {"Gadhafi", "Gaddafi"}, {"Pyongyang", "North Korea's capital Pyongyang"}, {"percent", "per cent"},
    {"Washington", "Washington DC"}, {"President Trump", "US President Donald Trump"},
  };

  /** Text outlets append to copies; the clean stage's rules recognise these. */
  static final String[][] APPENDED = {
    {"Disclaimer: No Copydesk Journalist was involved in creation of this content"},
    {"You've reached your limit of 5 free articles this month.", "Subscribe now for unlimited access.",
        "Already subscribed? Log in", "₹300/Month", "1 Year", "Renews automatically, cancel anytime"},
    {"Sign up for our daily newsletter", "Follow us on Twitter"},
    {"(Only the headline and picture of this report may have been reworked by the staff; the rest of the content is auto-generated from a syndicated feed.)"},
  };

  /** A made copy: new title and text, and the list of what was done. */
  public record Made(String title, String text, List<String> edits) {}

  /** The copy of one article. {@code random} decides every choice: same seed, same copy. */
  public Made copy(String title, String text, SplittableRandom random) {
    List<String> edits = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>(Paragraphs.split(TextNormalizer.normalize(text)));
    if (paragraphs.size() >= 3) {
      double keep = 0.4 + 0.5 * random.nextDouble();
      int n = Math.max(2, (int) Math.ceil(keep * paragraphs.size()));
      if (n < paragraphs.size()) {
        paragraphs = new ArrayList<>(paragraphs.subList(0, n));
        edits.add(String.format(Locale.ROOT, "trim:%.2f", (double) n / Paragraphs.split(TextNormalizer.normalize(text)).size()));
      }
    }
    if (paragraphs.size() >= 4 && random.nextDouble() < 0.4) {
      int i = 1 + random.nextInt(paragraphs.size() - 1);
      paragraphs.remove(i);
      edits.add("drop:" + i);
    }
    if (paragraphs.size() >= 4 && random.nextDouble() < 0.3) {
      int i = 1 + random.nextInt(paragraphs.size() - 2);
      String p = paragraphs.get(i);
      paragraphs.set(i, paragraphs.get(i + 1));
      paragraphs.set(i + 1, p);
      edits.add("reorder:" + i);
    }
    if (paragraphs.size() >= 3 && random.nextDouble() < 0.3) {
      int i = random.nextInt(paragraphs.size() - 1);
      paragraphs.set(i, paragraphs.get(i) + " " + paragraphs.remove(i + 1));
      edits.add("merge:" + i);
    }
    String body = String.join("\n\n", paragraphs);
    for (String[] r : RENAMINGS) {
      if (random.nextDouble() < 0.7) {
        Pattern p = Pattern.compile("(?<![\\p{L}.])" + Pattern.quote(r[0]) + "(?![\\p{L}])");
        Matcher m = p.matcher(body);
        if (m.find()) {
          body = m.replaceAll(Matcher.quoteReplacement(r[1]));
          edits.add("rename:" + r[0] + "→" + r[1]);
        }
      }
    }
    int typos = random.nextInt(4);
    for (int t = 0; t < typos; t++) {
      String typoed = typo(body, random);
      if (!typoed.equals(body)) {
        body = typoed;
        edits.add("typo");
      }
    }
    String newTitle = title;
    if (title != null && random.nextDouble() < 0.5) {
      newTitle = retitle(title, random);
      edits.add("retitle");
    }
    if (random.nextDouble() < 0.6) {
      String[] block = APPENDED[random.nextInt(APPENDED.length)];
      body = body + "\n\n" + String.join("\n", block);
      edits.add("boilerplate");
    }
    return new Made(newTitle, body, edits);
  }

  /** Words a distractor takes from each source, about: a third of it or less from any one. */
  static final int WORDS_PER_SOURCE = 35;

  /**
   * A distractor for an article: not a copy, but the same topic and one quoted sentence. It takes a
   * passage of about {@value #WORDS_PER_SOURCE} words from each of three other articles, so no
   * source makes up half of it. With fewer than three usable sources it is empty.
   */
  public Made distractor(String title, String text, List<String> others, SplittableRandom random) {
    List<String> paragraphs = new ArrayList<>();
    for (String other : others) {
      String passage = passage(Paragraphs.split(TextNormalizer.normalize(other == null ? "" : other)), random);
      if (passage != null) {
        paragraphs.add(passage);
      }
    }
    if (paragraphs.size() < 3) {
      return new Made(title, "", List.of());
    }
    List<String> original = Paragraphs.split(TextNormalizer.normalize(text));
    if (!original.isEmpty()) {
      List<String> sentences = Sentences.split(original.get(0));
      String quoted = firstWords(sentences.isEmpty() ? original.get(0) : sentences.get(0), QUOTE_WORDS);
      paragraphs.add(1, "As another outlet reported, \"" + quoted.replace("\"", "'") + "\"");
    }
    String newTitle = title == null ? null : "What we know: " + title;
    return new Made(newTitle, String.join("\n\n", paragraphs), List.of("distractor:" + (paragraphs.size() - 1) + " sources"));
  }

  /** The quoted sentence of the original is cut to this many words (some "sentences" run on). */
  static final int QUOTE_WORDS = 25;

  /**
   * About {@value #WORDS_PER_SOURCE} words of whole sentences from a random paragraph on, running
   * into the next paragraphs if needed; null when the source is too short to give that many.
   */
  private static String passage(List<String> paragraphs, SplittableRandom random) {
    if (paragraphs.size() < 2) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int words = 0;
    for (int p = random.nextInt(paragraphs.size()); p < paragraphs.size() && words < WORDS_PER_SOURCE; p++) {
      for (String sentence : Sentences.split(paragraphs.get(p))) {
        int n = sentence.split("\\s+").length;
        if (words + n > WORDS_PER_SOURCE * 1.3) {
          String cut = firstWords(sentence, (int) (WORDS_PER_SOURCE * 1.3) - words);
          out.append(words == 0 ? "" : " ").append(cut);
          words += cut.split("\\s+").length;
          break;
        }
        out.append(words == 0 ? "" : " ").append(sentence);
        words += n;
        if (words >= WORDS_PER_SOURCE) {
          break;
        }
      }
    }
    return words >= WORDS_PER_SOURCE * 0.7 ? out.toString() : null;
  }

  private static String firstWords(String s, int n) {
    String[] w = s.strip().split("\\s+");
    return w.length <= n ? s.strip() : String.join(" ", java.util.Arrays.copyOf(w, n));
  }

  private static String typo(String body, SplittableRandom random) {
    Matcher m = Pattern.compile("\\b\\p{Ll}{6,}\\b").matcher(body);
    List<int[]> words = new ArrayList<>();
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    if (words.isEmpty()) {
      return body;
    }
    int[] w = words.get(random.nextInt(words.size()));
    String word = body.substring(w[0], w[1]);
    String changed =
        switch (random.nextInt(3)) {
          case 0 -> word + "g"; // a stray key, as in "hailedg"
          case 1 -> word.substring(0, 2) + word.charAt(3) + word.charAt(2) + word.substring(4);
          default -> word.substring(0, 3) + word.substring(4);
        };
    return body.substring(0, w[0]) + changed + body.substring(w[1]);
  }

  private static String retitle(String title, SplittableRandom random) {
    String[] words = title.strip().split("\\s+");
    if (words.length > 4 && random.nextBoolean()) {
      return String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - 1));
    }
    return title.strip() + " - report";
  }
}
