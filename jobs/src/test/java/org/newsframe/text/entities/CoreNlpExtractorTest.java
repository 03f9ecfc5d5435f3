package org.newsframe.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.newsframe.TestSpark;
import org.newsframe.text.Paragraphs;
import org.newsframe.text.TextNormalizer;

/** The real model on the seed articles, paragraph by paragraph, as the stage runs it. */
class CoreNlpExtractorTest {

  private static Map<String, String> entities(String file) throws Exception {
    String text = TextNormalizer.normalize(Files.readString(TestSpark.repo().resolve("data/seeds/" + file)));
    EntityExtractor ner = EntityExtractors.create(EntityExtractors.CORENLP);
    EntityResolver resolver = new EntityResolver(AliasDictionary.bundled());
    Map<String, String> out = new TreeMap<>();
    for (String p : Paragraphs.split(text)) {
      for (Mention m : resolver.resolve(p, ner.tag(p))) {
        out.merge(m.entity(), m.type(), (a, b) -> a.equals(b) ? a : a + "|" + b);
      }
    }
    return out;
  }

  @Test
  void seedArticlesGiveTheirPeoplePlacesAndGroups() throws Exception {
    Map<String, String> ap = entities("000_681a3d21b52c1323.txt");
    assertThat(ap).containsEntry("Sergei Surovikin", "PERSON").containsEntry("Sergei Rudskoi", "PERSON")
        .containsEntry("Vladimir Putin", "PERSON").containsEntry("Raqqa", "LOCATION").containsEntry("Palmyra", "LOCATION")
        .containsEntry("Islamic State", "ORGANIZATION").containsEntry("United States", "LOCATION")
        .containsEntry("Deir ez-Zor", "LOCATION");
    Map<String, String> voa = entities("003_05dc41cd4e506c63.txt");
    assertThat(voa).containsEntry("Steve Townsend", "PERSON").containsEntry("Nuri Mehmud", "PERSON")
        .containsEntry("Brian Williams", "PERSON").containsEntry("Syrian Democratic Forces", "ORGANIZATION")
        .containsEntry("People's Protection Units", "ORGANIZATION").containsEntry("Operation Inherent Resolve", "ORGANIZATION")
        .containsEntry("Raqqa", "LOCATION").containsEntry("Islamic State", "ORGANIZATION");
    List<String> pronouns = new ArrayList<>(new TreeSet<>(voa.keySet()));
    pronouns.retainAll(EntityResolver.PRONOUNS);
    assertThat(pronouns).isEmpty();
  }

  @Test
  void countsSentencesAndTokens() {
    EntityExtractor.Tagged t = EntityExtractors.create(EntityExtractors.CORENLP).tag("Surovikin spoke. Rudskoi agreed in Moscow.");
    assertThat(t.sentenceStarts()).containsExactly(0, 17);
    assertThat(t.tokens()).isEqualTo(8);
  }
}
