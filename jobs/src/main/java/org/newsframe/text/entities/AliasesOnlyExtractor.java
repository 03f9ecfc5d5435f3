package org.newsframe.text.entities;

import java.util.List;
import org.newsframe.text.Sentences;

/**
 * No model: sentences from {@link Sentences} and no names of its own, so only the alias dictionary
 * finds entities. For runs without CoreNLP on the class path ({@code --ner aliases}) and for tests.
 */
public final class AliasesOnlyExtractor implements EntityExtractor {

  @Override
  public Tagged tag(String paragraph) {
    List<String> sentences = Sentences.split(paragraph);
    int[] starts = new int[Math.max(1, sentences.size())];
    int from = 0;
    for (int i = 0; i < sentences.size(); i++) {
      int at = paragraph.indexOf(sentences.get(i), from);
      starts[i] = Math.max(at, 0);
      from = Math.max(at, from) + sentences.get(i).length();
    }
    return new Tagged(List.of(), starts, org.newsframe.text.Words.count(paragraph));
  }

  @Override
  public String name() {
    return "aliases";
  }
}
