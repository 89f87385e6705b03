package vn.layso.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Whether a slot may be booked now: a day D opens {@code maxDaysAhead} days before it and closes
 * at {@code cutoff} on the day {@code minDaysAhead} days before it (office time); a slot that has
 * started is never bookable, whatever the settings.
 */
public final class BookingWindow {

  public enum Verdict { OPEN, TOO_EARLY, CLOSED, PAST }

  private final BookingSettings settings;
  private final ZoneId zone;

  public BookingWindow(BookingSettings settings, ZoneId zone) {
    this.settings = settings;
    this.zone = zone;
  }

  public Verdict check(Instant now, LocalDate date, LocalTime start) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate today = local.toLocalDate();
    if (!date.atTime(start).atZone(zone).toInstant().isAfter(now)) {
      return Verdict.PAST;
    }
    if (date.isAfter(today.plusDays(settings.maxDaysAhead()))) {
      return Verdict.TOO_EARLY;
    }
    if (!now.isBefore(closesAt(date))) {
      return Verdict.CLOSED;
    }
    return Verdict.OPEN;
  }

  /** The moment booking for {@code date} closes. */
  public Instant closesAt(LocalDate date) {
    return date.minusDays(settings.minDaysAhead()).atTime(settings.cutoff()).atZone(zone).toInstant();
  }

  /** The first day that may be booked now, and the last. */
  public LocalDate lastDay(Instant now) {
    return now.atZone(zone).toLocalDate().plusDays(settings.maxDaysAhead());
  }
}
