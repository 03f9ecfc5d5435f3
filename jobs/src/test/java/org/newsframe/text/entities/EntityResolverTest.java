package org.newsframe.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsframe.UsageException;

class EntityResolverTest {

  private static final AliasDictionary ALIASES = AliasDictionary.bundled();
  private final EntityResolver resolver = new EntityResolver(ALIASES);

  /** A model mention of {@code name} at its first place in {@code text}. */
  private static Mention model(String text, String name, String type) {
    int at = text.indexOf(name);
    return new Mention(name, type, name, 0, at, at + name.length(), Mention.MODEL);
  }

  private List<String> resolve(String text, Mention... model) {
    return resolver.resolve(text, new EntityExtractor.Tagged(List.of(model), new int[] {0}, 0)).stream()
        .map(m -> m.entity() + "/" + m.type() + "/" + m.surface()).toList();
  }

  @Test
  void isIsTheGroupOnlyWhereItCannotBeTheVerb() {
    assertThat(resolve("Raqqa remains under IS control, and the claim is false."))
        .containsExactly("Raqqa/LOCATION/Raqqa", "Islamic State/ORGANIZATION/IS");
    assertThat(resolve("IS there a deal? This is it.")).isEmpty();
    // In a shouted line "IS" is a word; names that are not acronyms still match.
    assertThat(resolve("WHAT IS THE DEAL WITH RAQQA")).containsExactly("Raqqa/LOCATION/RAQQA");
  }

  @Test
  void aliasesMergeNamesAndFixTypes() {
    String text = "ISIS, ISIL and Islamic State left Raqqa for Deir al-Zor, the U.S. said.";
    assertThat(resolve(text, model(text, "ISIS", "ORGANIZATION"), model(text, "Raqqa", "PERSON"), model(text, "Deir al-Zor", "PERSON")))
        .containsExactly("Islamic State/ORGANIZATION/ISIS", "Islamic State/ORGANIZATION/ISIL",
            "Islamic State/ORGANIZATION/Islamic State", "Raqqa/LOCATION/Raqqa", "Deir ez-Zor/LOCATION/Deir al-Zor",
            "United States/LOCATION/U.S.");
  }

  @Test
  void aNameMadeOfAliasesIsSplitIntoThem() {
    String text = "the Democratic Forces Union [Syrian Democratic Forces] controlled by it";
    assertThat(resolve(text, model(text, "Democratic Forces Union [Syrian Democratic Forces", "ORGANIZATION")))
        .containsExactly("Syrian Democratic Forces/ORGANIZATION/Democratic Forces Union",
            "Syrian Democratic Forces/ORGANIZATION/Syrian Democratic Forces");
    String cc = "the Central Command of Operation Inherent Resolve announced";
    assertThat(resolve(cc, model(cc, "Central Command of Operation Inherent Resolve", "ORGANIZATION")))
        .containsExactly("US Central Command/ORGANIZATION/Central Command",
            "Operation Inherent Resolve/ORGANIZATION/Operation Inherent Resolve");
  }

  @Test
  void aLongerNameKeepsItselfAndSwallowsTheAliasInside() {
    String text = "The Russian Defense Ministry's statement and the Syrian Observatory for Human Rights";
    assertThat(resolve(text, model(text, "Russian Defense Ministry", "ORGANIZATION"), model(text, "Syrian Observatory for Human Rights", "ORGANIZATION")))
        .containsExactly("Russian Defense Ministry/ORGANIZATION/Russian Defense Ministry",
            "Syrian Observatory for Human Rights/ORGANIZATION/Syrian Observatory for Human Rights");
  }

  @Test
  void theAliasAroundAModelNameWins() {
    String text = "the U.S.-led coalition in Syria";
    assertThat(resolve(text, model(text, "U.S.", "LOCATION"), model(text, "Syria", "LOCATION")))
        .containsExactly("US-led coalition/ORGANIZATION/U.S.-led coalition", "Syria/LOCATION/Syria");
  }

  @Test
  void pronounsAreDroppedAndUnknownNamesTidied() {
    String text = "He met the Syrian Observatory's director";
    assertThat(resolve(text, model(text, "He", "PERSON"), model(text, "the Syrian Observatory's", "ORGANIZATION")))
        .containsExactly("Syrian Observatory/ORGANIZATION/the Syrian Observatory's");
  }

  @Test
  void lowerCaseUsIsNotTheCountry() {
    assertThat(resolve("He told us that the US would act")).containsExactly("United States/LOCATION/US");
  }

  @Test
  void sentenceIndexesComeFromTheSentenceStarts() {
    String text = "Troops left. Then ISIS came.";
    List<Mention> m = resolver.resolve(text, new EntityExtractor.Tagged(List.of(), new int[] {0, 13}, 6));
    assertThat(m).singleElement().satisfies(x -> {
      assertThat(x.sentence()).isEqualTo(1);
      assertThat(x.start()).isEqualTo(18);
      assertThat(x.source()).isEqualTo(Mention.DICTIONARY);
    });
  }

  @Test
  void badDictionaryLinesAreNamed() {
    assertThatThrownBy(() -> AliasDictionary.parse(new StringReader("canonical\ttype\taliases\nISIS\tGROUP\tIS\n"), "x.tsv"))
        .isInstanceOf(UsageException.class).hasMessageContaining("x.tsv:2");
    assertThatThrownBy(() -> AliasDictionary.parse(new StringReader("A\tPERSON\tX\nB\tPERSON\tX\n"), "y.tsv"))
        .isInstanceOf(UsageException.class).hasMessageContaining("already an alias of A");
  }
}
