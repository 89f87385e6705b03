package vn.layso.checkin.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When an appointment may be checked in: from {@code earlyMinutes} before its slot start to
 * {@code lateMinutes} after it, both ends included (with the defaults 30 and 15, a 09:30 slot
 * checks in from 09:00:00 to 09:45:00, office time). After the window the booking is late: the
 * office's late-arrival policy decides (a walk-in ticket, or refused), and the no-show sweep may
 * mark it NO_SHOW.
 */
public record CheckInWindow(Instant slotStart, Instant opensAt, Instant closesAt) {

  /** Where a moment falls. */
  public enum Verdict { TOO_EARLY, OPEN, LATE }

  public CheckInWindow {
    Objects.requireNonNull(slotStart, "slotStart");
    if (opensAt.isAfter(slotStart) || closesAt.isBefore(slotStart)) {
      throw new IllegalArgumentException("the window must contain the slot start");
    }
  }

  public static CheckInWindow of(LocalDate date, LocalTime start, ZoneId zone, int earlyMinutes, int lateMinutes) {
    if (earlyMinutes < 0 || lateMinutes < 0) {
      throw new IllegalArgumentException("check-in minutes must not be negative");
    }
    Instant slot = date.atTime(start).atZone(zone).toInstant();
    return new CheckInWindow(slot, slot.minusSeconds(60L * earlyMinutes), slot.plusSeconds(60L * lateMinutes));
  }

  public Verdict judge(Instant now) {
    if (now.isBefore(opensAt)) {
      return Verdict.TOO_EARLY;
    }
    return now.isAfter(closesAt) ? Verdict.LATE : Verdict.OPEN;
  }
}
