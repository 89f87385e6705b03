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
    return day.format(KEY);
  }

  public static LocalDate parseKey(String key) {
    return LocalDate.parse(key, KEY);
  }
}
