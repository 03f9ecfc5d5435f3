package org.newsframe.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2017-06-09|2017-06-09",
        "2017-6-9|2017-06-09",
        "2017/06/09|2017-06-09",
        "2017-06-09T23:30:00Z|2017-06-09",
        "2017-06-09T23:30:00-05:00|2017-06-09",
        "2017-06-09 10:15:00.123|2017-06-09",
        "  2017-06-09  |2017-06-09",
        "6/9/17|2017-06-09",
        "06/09/2017|2017-06-09",
        "12/31/99|1999-12-31",
        "6/9/2017 10:15 AM|2017-06-09",
        "'Fri, 9 Jun 2017 10:15:00 GMT'|2017-06-09",
        "'Fri, 09 Jun 2017 23:59:59 +0300'|2017-06-09",
        "'June 9, 2017'|2017-06-09",
        "'Jun 9, 2017'|2017-06-09",
        "'Sept. 9, 2017'|2017-09-09",
        "'9 June 2017'|2017-06-09",
        "'June 9th, 2017'|2017-06-09",
        "'Friday, June 9, 2017'|2017-06-09",
      })
  void parsesTheUsualFormats(String raw, String expected) {
    assertThat(Dates.parse(raw))
        .as("parse(%s)", raw)
        .isEqualTo(expected == null ? null : LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "yesterday", "2017-02-30", "13/45/2017", "2017", "n/a", "June 31, 2017"})
  void unreadableDatesAreNull(String raw) {
    assertThat(Dates.parse(raw)).as("parse(%s)", raw).isNull();
  }

  @org.junit.jupiter.api.Test
  void nullIsNull() {
    assertThat(Dates.parse(null)).isNull();
    assertThat(Dates.parseSql(null)).isNull();
    assertThat(Dates.parseSql("2017-06-09")).isEqualTo(java.sql.Date.valueOf("2017-06-09"));
  }
}
