package vn.layso.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A moment as the API writes it: ISO-8601 in a zone's offset at that moment, to the millisecond,
 * exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it ({@code 2026-12-07T08:30:05.12+07:00}:
 * seconds always, a fraction only when not zero and without its trailing zeros, {@code Z} for UTC).
 * Written digit by digit: the formatter's general machinery was most of a ticket's encoding on
 * every counter press (several times per call-next).
 */
public final class ApiTime {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final int SECONDS_PER_DAY = 86_400;

  private ApiTime() {
  }

  /** The moment in the zone's offset, truncated to the millisecond; null for null. */
  public static String format(Instant instant, ZoneId zone) {
    if (instant == null) {
      return null;
    }
    ZoneOffset offset = zone.getRules().getOffset(instant);
    long local = instant.getEpochSecond() + offset.getTotalSeconds();
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY));
    int year = date.getYear();
    int millis = instant.getNano() / 1_000_000;
    if (year < 0 || year > 9999) {
      // signs and wider years: the formatter's rules
      return ISO.format(instant.atZone(zone).withNano(millis * 1_000_000));
    }
    int second = (int) Math.floorMod(local, SECONDS_PER_DAY);
    StringBuilder out = new StringBuilder(35);
    digits(out, year, 4).append('-');
    digits(out, date.getMonthValue(), 2).append('-');
    digits(out, date.getDayOfMonth(), 2).append('T');
    digits(out, second / 3600, 2).append(':');
    digits(out, second / 60 % 60, 2).append(':');
    digits(out, second % 60, 2);
    if (millis != 0) {
      out.append('.');
      if (millis % 100 == 0) {
        out.append((char) ('0' + millis / 100));
      } else if (millis % 10 == 0) {
        digits(out, millis / 10, 2);
      } else {
        digits(out, millis, 3);
      }
    }
    // "Z", "+07:00", or "+hh:mm:ss" for an offset with seconds: as the formatter's offset id
    return out.append(offset.getId()).toString();
  }

  private static StringBuilder digits(StringBuilder out, int value, int width) {
    for (int div = width == 4 ? 1000 : width == 3 ? 100 : 10; div > 0; div /= 10) {
      out.append((char) ('0' + value / div % 10));
    }
    return out;
  }
}
