package org.newsframe.text.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.newsframe.text.Boilerplate;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.TextNormalizer;

/**
 * The paragraphs quote extraction reads: the article's clean paragraphs, plus the image captions the
 * clean stage removed, as context only — a caption naming "Gen. Sergei Surovikin" above a quote is
 * how a page says who spoke.
 */
public record QuoteContext(List<String> paragraphs, Set<Integer> contextOnly) {

  /**
   * @param text the article's original text
   * @param removed paragraph index (of the normalised text) → reason, from the clean stage
   */
  public static QuoteContext of(String text, Map<Integer, String> removed) {
    List<String> all = Paragraphs.split(TextNormalizer.normalize(text));
    List<String> paragraphs = new ArrayList<>();
    Set<Integer> context = new TreeSet<>();
    for (int i = 0; i < all.size(); i++) {
      String reason = removed.get(i);
      if (reason == null) {
        paragraphs.add(all.get(i));
      } else if (reason.equals(Boilerplate.REPEATED_CAPTION)) {
        context.add(paragraphs.size());
        paragraphs.add(all.get(i));
      }
    }
    return new QuoteContext(paragraphs, context);
  }
}
