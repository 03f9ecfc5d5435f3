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

  /** The share of function words as first written (a string a word), the definition the scan keeps. */
  private static boolean definition(String text) {
    java.util.Set<String> english = java.util.Set.of("the", "of", "and", "to", "that", "is", "for", "with", "said", "he", "his",
        "it", "by", "from", "have", "has", "are", "were", "this", "be", "which", "not", "they", "but", "their", "who");
    int letters = 0;
    int latin = 0;
    int words = 0;
    int function = 0;
    StringBuilder w = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        letters++;
        latin += Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 1 : 0;
        w.append(Character.toLowerCase(c));
      } else if (w.length() > 0) {
        words++;
        function += english.contains(w.toString()) ? 1 : 0;
        w.setLength(0);
      }
    }
    if (letters >= 200 && latin < letters / 2) {
      return false;
    }
    return words < 50 || (double) function / words >= 0.01;
  }

  @Test
  void theScanDecidesAsTheDefinition() {
    String[] words = {"the", "The", "THE", "is", "\u0130s", "which", "whichever", "der", "ракка", "Ракка", "said", "la", "x", "e\u0301"};
    java.util.Random random = new java.util.Random(11);
    int english = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder b = new StringBuilder();
      int rarity = 1 + random.nextInt(100); // near the 1 % threshold for some texts, far for others
      for (int i = random.nextInt(300); i > 0; i--) {
        b.append(random.nextInt(rarity) == 0 ? words[random.nextInt(words.length)] : "word").append(random.nextInt(9) == 0 ? ", " : " ");
      }
      boolean expected = definition(b.toString());
      english += expected ? 1 : 0;
      assertThat(LanguageGuess.english(null, b.toString())).as(b.toString()).isEqualTo(expected);
    }
    assertThat(english).as("both answers occur").isBetween(100, 4_900);
    for (String text : new String[] {ENGLISH, SPANISH, GERMAN, RUSSIAN}) {
      assertThat(LanguageGuess.english(null, text)).isEqualTo(definition(text));
    }
  }
}
