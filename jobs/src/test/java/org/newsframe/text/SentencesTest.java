package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void splitsAtSentenceEndsButNotAbbreviations() {
    assertThat(Sentences.split("Col. Gen. Sergei Rudskoi spoke. Lt. Gen. Steve Townsend, of the U.S. Army, said so. Then \"It raises a question,\" he said."))
        .containsExactly(
            "Col. Gen. Sergei Rudskoi spoke.",
            "Lt. Gen. Steve Townsend, of the U.S. Army, said so.",
            "Then \"It raises a question,\" he said.");
    assertThat(Sentences.split("\"It is absurd.\" He left. George W. Bush agreed!  Why? 80 died."))
        .containsExactly("\"It is absurd.\"", "He left.", "George W. Bush agreed!", "Why?", "80 died.");
    assertThat(Sentences.split("A headline without a full stop")).containsExactly("A headline without a full stop");
  }
}
