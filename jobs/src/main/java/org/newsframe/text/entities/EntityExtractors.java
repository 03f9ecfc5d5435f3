package org.newsframe.text.entities;

import org.newsframe.UsageException;

/** Makes the extractor a run asks for by name. */
public final class EntityExtractors {
  public static final String CORENLP = "corenlp";
  public static final String ALIASES = "aliases";

  private EntityExtractors() {}

  /**
   * {@code corenlp} (Stanford CoreNLP, which must be on the class path: the launcher has it; on a
   * cluster add it at submit time) or {@code aliases} (the alias dictionary alone).
   */
  public static EntityExtractor create(String name) {
    switch (name) {
      case ALIASES:
        return new AliasesOnlyExtractor();
      case CORENLP:
        try {
          Class.forName("edu.stanford.nlp.pipeline.StanfordCoreNLP", false, EntityExtractors.class.getClassLoader());
          return (EntityExtractor) Class.forName("org.newsframe.text.entities.CoreNlpExtractor")
              .getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
          throw new UsageException(
              "--ner corenlp: Stanford CoreNLP is not on the class path. Add it at submit time, e.g. "
                  + "--packages edu.stanford.nlp:stanford-corenlp:4.5.10 --jars stanford-corenlp-4.5.10-models.jar "
                  + "(see README, 'Cluster submission'), or run with --ner aliases");
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot create the CoreNLP extractor", e);
        }
      default:
        throw new UsageException("--ner must be corenlp or aliases, not '" + name + "'");
    }
  }

  /** Fails early, on the driver, when the extractor cannot be made (CoreNLP missing). */
  public static void check(String name) {
    create(name); // cheap: the CoreNLP pipeline itself is built on first use
  }
}
