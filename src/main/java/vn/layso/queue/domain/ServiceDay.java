package vn.layso.queue.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The office's calendar day: numbering and queues start afresh at local midnight. */
public final class ServiceDay {

  private static final DateTimeFormatter KEY = DateTimeFormatter.BASIC_ISO_DATE;

  private ServiceDay() {
  }

  public static LocalDate of(Clock clock, ZoneId zone) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** The compact form used in keys: 20261123. */
  public static String key(LocalDate day) {
    int year = day.getYear();
    if (year < 0 || year > 9999) {
      return day.format(KEY);
    }
    // digit by digit: on every ticket read and key built, where the formatter's machinery showed
    int n = year * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    char[] out = new char[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (char) ('0' + n % 10);
      n /= 10;
    }
    return new String(out);
  }

  /** The day of a key written by {@link #key}; anything else as {@link DateTimeFormatter#BASIC_ISO_DATE} reads it. */
  public static LocalDate parseKey(String key) {
    if (key.length() == 8) {
      int n = 0;
      for (int i = 0; i < 8; i++) {
        char c = key.charAt(i);
        if (c < '0' || c > '9') {
          return LocalDate.parse(key, KEY);
        }
        n = n * 10 + (c - '0');
      }
      int year = n / 10_000;
      int month = n / 100 % 100;
      int day = n % 100;
      if (month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(key, KEY);
  }
}
