package org.newsframe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Deterministic made-up prose for fixtures: unrelated texts share almost no five-word shingles. */
public final class TextGen {
  private final SplittableRandom random;

  public TextGen(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Up to {@code maxParts - 1} of {@code parts}, drawn with repeats and joined: edge cases mixed at random. */
  public String pieces(String[] parts, int maxParts) {
    StringBuilder b = new StringBuilder();
    for (int k = random.nextInt(maxParts); k > 0; k--) {
      b.append(parts[random.nextInt(parts.length)]);
    }
    return b.toString();
  }

  public String word() {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    StringBuilder b = new StringBuilder();
    int syllables = 1 + random.nextInt(3);
    for (int i = 0; i < syllables; i++) {
      b.append(consonants.charAt(random.nextInt(consonants.length())));
      b.append(vowels.charAt(random.nextInt(vowels.length())));
    }
    return b.toString();
  }

  /**
   * A sentence of {@code words} made-up words, with "the" after every third (not drawn from the
   * random stream): English function words at about the rate of English prose, so validation's
   * language check takes the fixtures for English, as it takes news articles.
   */
  public String sentence(int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = word();
      b.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      if (i % 3 == 2 && i + 1 < words) {
        b.append(" the");
      }
      b.append(i + 1 < words ? " " : ".");
    }
    return b.toString();
  }

  /** {@code n} paragraphs of two sentences each. */
  public List<String> paragraphs(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(sentence(8 + random.nextInt(8)) + " " + sentence(8 + random.nextInt(8)));
    }
    return out;
  }

  public String article(int paragraphs) {
    return String.join("\n\n", paragraphs(paragraphs));
  }

  /**
   * A text for testing a phrase scanner against the regular expression it replaces: one to {@code
   * maxPieces} phrases drawn from {@code phrases}, each changed by {@code vary} (given the phrase
   * and this generator's random stream: case, spacing, a cut) and set between two pieces of {@code
   * glue} drawn at random.
   */
  public String phrases(List<String> phrases, String[] glue, int maxPieces, BiFunction<String, SplittableRandom, String> vary) {
    StringBuilder b = new StringBuilder();
    for (int k = 1 + random.nextInt(maxPieces); k > 0; k--) {
      String p = vary.apply(phrases.get(random.nextInt(phrases.size())), random);
      b.append(glue[random.nextInt(glue.length)]).append(p).append(glue[random.nextInt(glue.length)]);
    }
    return b.toString();
  }
}
