package org.newsframe.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses publication dates in the formats news data comes in. A date-time keeps the calendar date as
 * written (its own offset), since that is the day the outlet published on.
 *
 * <p>Recognised: ISO dates and date-times ({@code 2017-06-09}, {@code 2017-06-09T10:15:00Z}, {@code
 * 2017-06-09 10:15}), {@code 2017/06/09}, US numeric {@code M/D/YY} and {@code M/D/YYYY}, RFC 1123
 * ({@code Fri, 9 Jun 2017 10:15:00 GMT}), and month names ({@code June 9, 2017}, {@code 9 June 2017},
 * {@code Jun 9 2017}). Anything else is {@code null}: the caller counts it.
 */
public final class Dates {

  private static final Pattern ISO =
      Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ]\\S.*)?");
  private static final Pattern US_NUMERIC =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?:[ ,]+\\S.*)?");

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private static final List<DateTimeFormatter> NAMED_MONTH =
      List.of(
          named("MMMM d, uuuu"),
          named("MMM d, uuuu"),
          named("MMMM d uuuu"),
          named("MMM d uuuu"),
          named("d MMMM uuuu"),
          named("d MMM uuuu"),
          named("EEEE, MMMM d, uuuu"),
          named("EEE, d MMM uuuu"));

  /** Two-digit years below this are 20xx, the rest 19xx. */
  private static final int TWO_DIGIT_PIVOT = 70;

  private Dates() {}

  /** The calendar date in {@code raw}, or {@code null} when it is blank or not a recognised date. */
  public static LocalDate parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      return null;
    }
    try {
      Matcher iso = ISO.matcher(s);
      if (iso.matches()) {
        return LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3));
      }
      Matcher us = US_NUMERIC.matcher(s);
      if (us.matches()) {
        int year = num(us, 3);
        if (us.group(3).length() == 2) {
          year += year < TWO_DIGIT_PIVOT ? 2000 : 1900;
        }
        return LocalDate.of(year, num(us, 1), num(us, 2));
      }
    } catch (DateTimeException e) {
      return null; // e.g. 2017-02-30: shaped like a date, but none
    }
    LocalDate rfc = rfc1123(s);
    if (rfc != null) {
      return rfc;
    }
    String cleaned =
        s.replaceAll("(\\d)(st|nd|rd|th)\\b", "$1")
            .replace(".", "")
            .replaceAll("(?i)\\bsept\\b", "Sep"); // Java's English short form is "Sep"
    for (DateTimeFormatter f : NAMED_MONTH) {
      try {
        return LocalDate.parse(cleaned, f);
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    return null;
  }

  /** {@link #parse} as a SQL date, for Spark. */
  public static java.sql.Date parseSql(String raw) {
    LocalDate d = parse(raw);
    return d == null ? null : java.sql.Date.valueOf(d);
  }

  private static LocalDate rfc1123(String s) {
    try {
      return ZonedDateTime.parse(s, RFC_1123).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static DateTimeFormatter named(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
