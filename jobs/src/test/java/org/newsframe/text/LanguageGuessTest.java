package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

  private static final String ENGLISH =
      "The Russian military said on Friday that the U.S.-led coalition had allowed Islamic State fighters to leave "
          + "Raqqa, a claim the coalition rejected. It said the fighters were moving toward Palmyra and that this was "
          + "not the first time such a thing had happened, according to a statement from the ministry which was read "
          + "by a spokesman. The coalition said it has no deal with them.";
  private static final String SPANISH =
      "El presidente del gobierno anunció el martes que presentará una ley sobre la reforma de las pensiones. Según "
          + "los sindicatos, esta reforma es injusta y convocan una huelga general la próxima semana en toda España. Las "
          + "negociaciones con el ministro no han dado resultado y la tensión crece en el país, dijo el portavoz oficial.";
  private static final String GERMAN =
      "Der Präsident hat am Dienstag angekündigt, dass die Regierung ein Gesetz zur Reform der Renten vorlegen wird. "
          + "Laut den Gewerkschaften ist diese Reform ungerecht und sie rufen in der nächsten Woche zu einem Generalstreik "
          + "in ganz Deutschland auf. Die Verhandlungen mit dem Minister sind gescheitert und die Spannung im Land wächst.";
  private static final String RUSSIAN = ("Министерство обороны России заявило в пятницу, что возглавляемая США коалиция "
      + "позволила боевикам покинуть Ракку. ").repeat(3);

  @Test
  void englishProseIsEnglishOtherLanguagesAreNot() {
    assertThat(LanguageGuess.english(null, ENGLISH)).isTrue();
    assertThat(LanguageGuess.english(null, SPANISH)).isFalse();
    assertThat(LanguageGuess.english(null, GERMAN)).isFalse();
    assertThat(LanguageGuess.english(null, RUSSIAN)).isFalse();
  }

  @Test
  void aDeclaredLanguageDecides() {
    assertThat(LanguageGuess.english("en-GB", SPANISH)).isTrue();
    assertThat(LanguageGuess.english("English", SPANISH)).isTrue();
    assertThat(LanguageGuess.english("fr", ENGLISH)).isFalse();
    assertThat(LanguageGuess.english(" ", SPANISH)).as("blank is undeclared").isFalse();
  }

  @Test
  void shortTextsAndListsOfNamesAreGivenTheBenefitOfTheDoubt() {
    assertThat(LanguageGuess.english(null, "Raqqa, Palmyra, Deir ez-Zor.")).isTrue();
    assertThat(LanguageGuess.english(null, null)).isTrue();
  }
}
