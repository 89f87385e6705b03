package vn.layso.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When an appointment's reminders go out, in the office's time zone: the day before at
 * {@code dayBeforeAt} (18:00), and {@code soonBefore} (60 minutes) before the slot. A reminder
 * whose time has passed when the booking is made is skipped, and so is the day-before one when it
 * would come after (or within the soon window of) the soon one. Java computes; the outbox sends.
 */
public record ReminderPlan(LocalTime dayBeforeAt, Duration soonBefore) {

  public ReminderPlan {
    if (soonBefore.isNegative() || soonBefore.isZero() || soonBefore.compareTo(Duration.ofHours(12)) > 0) {
      throw new IllegalArgumentException("the soon reminder must be 1 minute..12 hours before the slot");
    }
  }

  /** One reminder: which template and when. */
  public record Reminder(TemplateKey template, String suffix, Instant at) {
  }

  /** The reminders still due for a slot starting at {@code date start} in {@code zone}, as of {@code now}. */
  public List<Reminder> reminders(LocalDate date, LocalTime start, ZoneId zone, Instant now) {
    Instant slot = date.atTime(start).atZone(zone).toInstant();
    Instant soon = slot.minus(soonBefore);
    Instant dayBefore = date.minusDays(1).atTime(dayBeforeAt).atZone(zone).toInstant();
    List<Reminder> out = new ArrayList<>();
    if (dayBefore.isAfter(now) && dayBefore.isBefore(soon)) {
      out.add(new Reminder(TemplateKey.REMINDER_DAY_BEFORE, "remind-day", dayBefore));
    }
    if (soon.isAfter(now)) {
      out.add(new Reminder(TemplateKey.REMINDER_SOON, "remind-soon", soon));
    }
    return out;
  }
}
