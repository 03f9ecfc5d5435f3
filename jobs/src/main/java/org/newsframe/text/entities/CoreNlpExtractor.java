package org.newsframe.text.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP's 3-class CRF (PERSON, ORGANIZATION, LOCATION) with only {@code
 * tokenize,ssplit,ner}: no numeric classifiers, SUTime or fine-grained tags, which would make it
 * about 15 times slower for types newsframe does not use. One pipeline per JVM (an executor), built
 * on first use: the model takes about 256 MB and a second or two to load. CoreNLP is GPL-3.0 and is
 * not in the job jar; {@link EntityExtractors} loads this class by name.
 */
public final class CoreNlpExtractor implements EntityExtractor {

  public static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private static volatile StanfordCoreNLP pipeline;

  static StanfordCoreNLP pipeline() {
    StanfordCoreNLP p = pipeline;
    if (p == null) {
      synchronized (CoreNlpExtractor.class) {
        p = pipeline;
        if (p == null) {
          Properties props = new Properties();
          props.setProperty("annotators", "tokenize,ssplit,ner");
          props.setProperty("ner.model", MODEL);
          props.setProperty("ner.applyNumericClassifiers", "false");
          props.setProperty("ner.useSUTime", "false");
          props.setProperty("ner.applyFineGrained", "false");
          props.setProperty("ner.buildEntityMentions", "true");
          // Paragraphs are already split; one newline would not end a sentence anyway.
          props.setProperty("ssplit.newlineIsSentenceBreak", "two");
          pipeline = p = new StanfordCoreNLP(props);
        }
      }
    }
    return p;
  }

  @Override
  public Tagged tag(String paragraph) {
    CoreDocument doc = new CoreDocument(paragraph);
    pipeline().annotate(doc);
    List<CoreSentence> sentences = doc.sentences();
    int[] starts = new int[Math.max(1, sentences.size())];
    for (int i = 0; i < sentences.size(); i++) {
      starts[i] = sentences.get(i).charOffsets().first();
    }
    List<Mention> mentions = new ArrayList<>();
    for (CoreEntityMention m : doc.entityMentions()) {
      Pair<Integer, Integer> at = m.charOffsets();
      Integer sentence = m.coreMap().get(CoreAnnotations.SentenceIndexAnnotation.class);
      mentions.add(new Mention(m.text(), m.entityType(), m.text(), sentence == null ? 0 : sentence,
          at.first(), at.second(), Mention.MODEL));
    }
    return new Tagged(mentions, starts, doc.tokens().size());
  }

  @Override
  public String name() {
    return "corenlp";
  }
}
