package org.newsframe.text.entities;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what the model found in a paragraph into canonical entities with the alias dictionary:
 *
 * <ul>
 *   <li>a model name that is an alias takes the dictionary's entity and type (Raqqa, tagged as a
 *       person, is a location);
 *   <li>a model name mostly made of aliases is replaced by them ("Democratic Forces Union [Syrian
 *       Democratic Forces" is two mentions of one entity); one that only contains an alias keeps
 *       its own name ("Russian Defense Ministry" is not Russia);
 *   <li>aliases the model missed are added ("IS", "U.S.-led coalition");
 *   <li>pronouns ("he", "they"), which CoreNLP's mention builder reports, are dropped.
 * </ul>
 */
public final class EntityResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A model name is replaced by the aliases inside it when they cover at least this share of it. */
  static final double REPLACE_COVER = 0.8;

  static final Set<String> PRONOUNS =
      Set.of("i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his",
          "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "himself", "herself", "itself",
          "themselves", "ourselves", "yourself", "who", "whom", "whose", "this", "that", "these", "those");

  private final AliasDictionary aliases;

  public EntityResolver(AliasDictionary aliases) {
    this.aliases = aliases;
  }

  /** Canonical mentions of a tagged paragraph, in text order. */
  public List<Mention> resolve(String paragraph, EntityExtractor.Tagged tagged) {
    List<AliasDictionary.Match> matches = aliases.find(paragraph);
    boolean[] used = new boolean[matches.size()];
    List<Mention> out = new ArrayList<>();
    for (Mention m : tagged.mentions()) {
      if (PRONOUNS.contains(m.surface().toLowerCase(Locale.ROOT))) {
        continue;
      }
      List<Integer> inside = new ArrayList<>();
      int covered = 0;
      AliasDictionary.Match exact = null;
      for (int i = 0; i < matches.size(); i++) {
        AliasDictionary.Match a = matches.get(i);
        if (a.start() < m.end() && m.start() < a.end()) {
          inside.add(i);
          covered += Math.min(a.end(), m.end()) - Math.max(a.start(), m.start());
          if (a.start() <= m.start() && a.end() >= m.end()) {
            exact = a;
          }
        }
      }
      int length = m.end() - m.start();
      if (exact != null) {
        // The alias spans the whole name (or more: "U.S.-led coalition" around "U.S."): the alias wins.
        used[matches.indexOf(exact)] = true;
        out.add(fromAlias(paragraph, exact, tagged, Mention.BOTH));
        inside.forEach(i -> used[i] = true);
      } else if (!inside.isEmpty() && covered >= REPLACE_COVER * length) {
        for (int i : inside) {
          used[i] = true;
          out.add(fromAlias(paragraph, matches.get(i), tagged, Mention.BOTH));
        }
      } else {
        inside.forEach(i -> used[i] = true); // "Russia" inside "Russian Defense Ministry" is not a mention of Russia
        out.add(new Mention(tidy(m.surface()), m.type(), m.surface(), m.sentence(), m.start(), m.end(), Mention.MODEL));
      }
    }
    for (int i = 0; i < matches.size(); i++) {
      if (!used[i]) {
        out.add(fromAlias(paragraph, matches.get(i), tagged, Mention.DICTIONARY));
      }
    }
    out.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
    // Two model mentions can both take one alias that spans them; keep each span once.
    List<Mention> distinct = new ArrayList<>(out.size());
    for (Mention m : out) {
      Mention last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
      if (last == null || last.start() != m.start() || last.end() != m.end()) {
        distinct.add(m);
      }
    }
    return distinct;
  }

  private static Mention fromAlias(String paragraph, AliasDictionary.Match a, EntityExtractor.Tagged tagged, String source) {
    return new Mention(a.entry().canonical(), a.entry().type(), paragraph.substring(a.start(), a.end()),
        sentenceAt(tagged.sentenceStarts(), a.start()), a.start(), a.end(), source);
  }

  static int sentenceAt(int[] starts, int offset) {
    int s = 0;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] <= offset) {
        s = i;
      }
    }
    return s;
  }

  /** A name as an entity: spaces collapsed, no leading "the", no possessive. */
  static String tidy(String surface) {
    String s = surface.strip().replaceAll("\\s+", " ");
    if (s.regionMatches(true, 0, "the ", 0, 4)) {
      s = s.substring(4);
    }
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }
}
