package vn.layso.checkin.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The score of an appointment in the office's due index: its slot start as the number
 * yyyyMMddHHmm (office time), which a Lua script can compute from the record's date and start.
 */
public final class DueKey {

  private DueKey() {
  }

  public static long of(LocalDate date, LocalTime start) {
    return (date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth()) * 10_000L
        + start.getHour() * 100L + start.getMinute();
  }

  /**
   * The highest score whose check-in window has ended at {@code now}: a slot start {@code s} has
   * ended when {@code now > s + lateMinutes}, that is {@code s < now − lateMinutes}.
   */
  public static long endedBy(Instant now, ZoneId zone, int lateMinutes) {
    LocalDateTime limit = LocalDateTime.ofInstant(now.minusSeconds(60L * lateMinutes), zone);
    LocalDateTime minute = limit.truncatedTo(ChronoUnit.MINUTES);
    if (minute.equals(limit)) {
      minute = minute.minusMinutes(1);
    }
    return of(minute.toLocalDate(), minute.toLocalTime());
  }
}
