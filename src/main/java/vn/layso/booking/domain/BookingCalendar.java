package vn.layso.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * When one field of an office takes appointments on a given date. In order of precedence:
 * the office's date exceptions ({@code booking.exceptions}); the holiday calendar (a closed day, or
 * a make-up working day in its own hours or the Monday hours); the field's weekly hours
 * ({@code booking.fieldHours}) or else the office's opening hours.
 */
public final class BookingCalendar {

  private final Map<DayOfWeek, List<TimeRange>> week;
  private final Map<LocalDate, List<TimeRange>> exceptions;
  private final HolidayYear holidays;

  /**
   * @param officeWeek the office's opening hours, used unless the field has its own
   * @param holidays the holiday calendar of the year the dates asked about fall in
   */
  public BookingCalendar(BookingSettings settings, String field, Map<DayOfWeek, List<TimeRange>> officeWeek,
                         HolidayYear holidays) {
    this.week = settings.fieldHours().getOrDefault(field, officeWeek);
    this.exceptions = settings.exceptions();
    this.holidays = holidays;
  }

  /** The sessions of that date; empty when closed. */
  public List<TimeRange> sessions(LocalDate date) {
    List<TimeRange> special = exceptions.get(date);
    if (special != null) {
      return special;
    }
    if (holidays != null && holidays.year() == date.getYear()) {
      var holiday = holidays.on(date);
      if (holiday.isPresent()) {
        Holiday h = holiday.get();
        if (h.kind() == Holiday.Kind.CLOSED) {
          return List.of();
        }
        return h.hours().isEmpty() ? week.getOrDefault(DayOfWeek.MONDAY, List.of()) : h.hours();
      }
    }
    return week.getOrDefault(date.getDayOfWeek(), List.of());
  }

  public boolean isClosed(LocalDate date) {
    return sessions(date).isEmpty();
  }
}
