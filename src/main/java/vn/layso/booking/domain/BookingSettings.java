package vn.layso.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An office's booking rules (the optional {@code "booking"} object of the office JSON).
 *
 * <ul>
 *   <li>{@code slotMinutes}: length of a slot; {@code appointmentShare}: percent of a slot's
 *       serving capacity that booking may take (the rest stays for walk-ins).</li>
 *   <li>The booking window: a day D can be booked from {@code maxDaysAhead} days before it until
 *       {@code cutoff} (local time) on the day {@code minDaysAhead} days before it. With the
 *       defaults (1, 14, 16:00): up to two weeks ahead, and bookings for a day close at 16:00 the
 *       day before.</li>
 *   <li>{@code holdMinutes}: how long a place is held while the form is filled.</li>
 *   <li>{@code maxPerDay}, {@code maxPerField}: per-citizen limits (by phone and by CCCD), per office.</li>
 *   <li>Check-in window: from {@code checkInEarlyMinutes} before the slot start to
 *       {@code checkInLateMinutes} after it; later arrivals follow {@code lateArrival}.</li>
 *   <li>{@code retentionDays}: days after the appointment's day its record (with the personal data) is deleted.</li>
 *   <li>{@code fieldHours}: per-field weekly hours replacing the office's opening hours for booking;
 *       {@code exceptions}: dates with special hours (an empty list: closed), for every field.</li>
 *   <li>{@code verifyPhone}: a booking's phone must be proven by a one-time code (Zalo ZNS, or the
 *       SMS gateway hook) before the held place is booked; the per-citizen limits then count
 *       verified phones.</li>
 *   <li>{@code holdsPerAddress}: live holds one client address may have at once (each browser
 *       session holds at most one place, whatever this says).</li>
 * </ul>
 */
public record BookingSettings(int slotMinutes, int appointmentShare, int minDaysAhead, int maxDaysAhead,
                              LocalTime cutoff, int holdMinutes, int maxPerDay, int maxPerField,
                              int checkInEarlyMinutes, int checkInLateMinutes, LateArrival lateArrival,
                              int retentionDays, Map<String, Map<DayOfWeek, List<TimeRange>>> fieldHours,
                              Map<LocalDate, List<TimeRange>> exceptions, boolean verifyPhone,
                              int holdsPerAddress) {

  public static final BookingSettings DEFAULTS = new BookingSettings(30, 50, 1, 14, LocalTime.of(16, 0), 5, 2, 1,
      30, 15, LateArrival.WALK_IN, 30, Map.of(), Map.of(), false, 20);

  /** The settings before phone verification and hold limits: those take their defaults. */
  public BookingSettings(int slotMinutes, int appointmentShare, int minDaysAhead, int maxDaysAhead,
                         LocalTime cutoff, int holdMinutes, int maxPerDay, int maxPerField,
                         int checkInEarlyMinutes, int checkInLateMinutes, LateArrival lateArrival,
                         int retentionDays, Map<String, Map<DayOfWeek, List<TimeRange>>> fieldHours,
                         Map<LocalDate, List<TimeRange>> exceptions) {
    this(slotMinutes, appointmentShare, minDaysAhead, maxDaysAhead, cutoff, holdMinutes, maxPerDay, maxPerField,
        checkInEarlyMinutes, checkInLateMinutes, lateArrival, retentionDays, fieldHours, exceptions, false, 20);
  }

  public BookingSettings {
    range("slotMinutes", slotMinutes, 5, 240);
    range("appointmentShare", appointmentShare, 0, 100);
    range("minDaysAhead", minDaysAhead, 0, 60);
    range("maxDaysAhead", maxDaysAhead, minDaysAhead, 366);
    range("holdMinutes", holdMinutes, 1, 60);
    range("maxPerDay", maxPerDay, 1, 20);
    range("maxPerField", maxPerField, 1, maxPerDay);
    range("checkInEarlyMinutes", checkInEarlyMinutes, 0, 240);
    range("checkInLateMinutes", checkInLateMinutes, 0, 240);
    range("retentionDays", retentionDays, 1, 3650);
    range("holdsPerAddress", holdsPerAddress, 1, 10000);
    if (cutoff == null || lateArrival == null) {
      throw new IllegalArgumentException("booking.cutoff and booking.lateArrival are required");
    }
    var fields = new TreeMap<String, Map<DayOfWeek, List<TimeRange>>>();
    fieldHours.forEach((field, week) -> fields.put(field, week(week)));
    fieldHours = Collections.unmodifiableMap(fields);
    var days = new TreeMap<LocalDate, List<TimeRange>>();
    exceptions.forEach((day, sessions) -> days.put(day, sessions(sessions)));
    exceptions = Collections.unmodifiableMap(days);
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException("booking." + name + " must be " + min + ".." + max + ", not " + value);
    }
  }

  /** A weekly schedule, checked: each day's sessions in order, not overlapping. */
  public static Map<DayOfWeek, List<TimeRange>> week(Map<DayOfWeek, List<TimeRange>> week) {
    var copy = new EnumMap<DayOfWeek, List<TimeRange>>(DayOfWeek.class);
    week.forEach((day, sessions) -> copy.put(day, sessions(sessions)));
    return Collections.unmodifiableMap(copy);
  }

  private static List<TimeRange> sessions(List<TimeRange> sessions) {
    for (int i = 1; i < sessions.size(); i++) {
      if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
        throw new IllegalArgumentException("booking sessions overlap or are out of order: " + sessions);
      }
    }
    return List.copyOf(sessions);
  }
}
