package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireCreditsTest {
  @Test
  void findsCredits() {
    assertThat(WireCredits.find("MOSCOW (AP) - The Russian military")).containsExactly("AP");
    assertThat(WireCredits.find("LONDON (Reuters) - x. Reporting by A; Editing by B")).containsExactly("Reuters");
    assertThat(WireCredits.find("Agence France-Presse and The Associated Press contributed")).containsExactly("AP", "AFP");
    assertThat(WireCredits.find("The APT group and AFPX")).isEmpty();
    assertThat(WireCredits.find(null)).isEmpty();
  }
}
