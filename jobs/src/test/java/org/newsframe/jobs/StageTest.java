package org.newsframe.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsframe.UsageException;

class StageTest {

  @Test
  void prerequisitesArePulledIn() {
    assertThat(Stage.withPrerequisites(List.of(Stage.FRAMING)))
        .containsExactlyInAnyOrder(
            Stage.CLEAN, Stage.SYNDICATION, Stage.TERMS, Stage.ENTITIES, Stage.STORIES, Stage.FRAMING);
    assertThat(Stage.withPrerequisites(List.of(Stage.CLEAN))).containsExactly(Stage.CLEAN);
  }

  @Test
  void allMeansEveryAvailableStage() {
    assertThat(Stage.parse("all")).isEqualTo(Stage.allAvailable());
    assertThat(Stage.parse("")).isEmpty();
  }

  @Test
  void unknownStagesAreUsageErrorsNamingTheValue() {
    assertThatThrownBy(() -> Stage.parse("clean,bogus"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--stages")
        .hasMessageContaining("'bogus'")
        .hasMessageContaining("syndication");
  }

  @Test
  void unavailableStagesAreUsageErrors() {
    for (Stage s : EnumSet.complementOf(EnumSet.copyOf(withNone(Stage.allAvailable())))) {
      assertThatThrownBy(() -> Stage.parse(s.label()))
          .as("stage %s", s)
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("not available");
    }
  }

  private static java.util.Set<Stage> withNone(java.util.Set<Stage> s) {
    // EnumSet.copyOf needs an element type even when the set is empty
    return s.isEmpty() ? EnumSet.noneOf(Stage.class) : s;
  }
}
