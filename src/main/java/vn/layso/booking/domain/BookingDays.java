package vn.layso.booking.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The days the booking page offers for one field, from today to {@code maxDaysAhead} days ahead:
 * each open (it has sessions left and its booking has not closed) or closed with its reason
 * ({@code holiday} with the holiday's name, {@code closed}: no hours that day, or {@code cutoff}:
 * a working day whose booking closed at its cut-off, with the moment it closed). A day whose
 * booking closed and that has no session left (or none at all) is not offered. A page shows the
 * closed ones as closed rather than leaving gaps.
 */
public final class BookingDays {

  /** One day; {@code reason} and {@code holiday} are null on an open day, {@code closedAt} set only for {@code cutoff}. */
  public record Day(LocalDate date, boolean open, String reason, String holiday, Instant closedAt) {

    public Day(LocalDate date, boolean open, String reason, String holiday) {
      this(date, open, reason, holiday, null);
    }
  }

  private BookingDays() {
  }

  /**
   * @param years the office's holiday calendars by year (a missing year: no holidays known)
   */
  public static List<Day> of(BookingSettings settings, String field, Map<DayOfWeek, List<TimeRange>> officeWeek,
                             Map<Integer, HolidayYear> years, ZoneId zone, Instant now) {
    BookingWindow window = new BookingWindow(settings, zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate last = window.lastDay(now);
    List<Day> days = new ArrayList<>();
    for (LocalDate date = today; !date.isAfter(last); date = date.plusDays(1)) {
      boolean closed = !now.isBefore(window.closesAt(date));
      HolidayYear year = years.get(date.getYear());
      List<TimeRange> sessions = new BookingCalendar(settings, field, officeWeek, year).sessions(date);
      if (!sessions.isEmpty()) {
        TimeRange lastSession = sessions.get(sessions.size() - 1);
        if (date.atTime(lastSession.end()).atZone(zone).toInstant().isAfter(now)) {
          days.add(closed ? new Day(date, false, "cutoff", null, window.closesAt(date))
              : new Day(date, true, null, null));
        }
        continue;
      }
      if (closed) {
        continue;
      }
      Optional<Holiday> holiday = settings.exceptions().containsKey(date) || year == null ? Optional.empty()
          : year.on(date).filter(h -> h.kind() == Holiday.Kind.CLOSED);
      days.add(holiday.isPresent() ? new Day(date, false, "holiday", holiday.get().name())
          : new Day(date, false, "closed", null));
    }
    return days;
  }
}
