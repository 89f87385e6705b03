package vn.layso.booking.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An office's holiday calendar for one year, as the admin entered it. Until the admin saves a
 * year, it holds the fixed-date public holidays of the Labour Code (1/1, 30/4, 1/5, 2/9); the
 * lunar ones (Tết, Giỗ Tổ Hùng Vương), the day next to 2/9, swapped days and make-up Saturdays
 * are announced by the government each year and entered by the admin.
 */
public record HolidayYear(int year, List<Holiday> days) {

  public static final int MAX_DAYS = 120;

  public HolidayYear {
    if (year < 2000 || year > 2100) {
      throw new IllegalArgumentException("year must be 2000..2100");
    }
    if (days.size() > MAX_DAYS) {
      throw new IllegalArgumentException("at most " + MAX_DAYS + " entries a year");
    }
    var seen = new HashSet<LocalDate>();
    for (Holiday d : days) {
      if (d.date().getYear() != year) {
        throw new IllegalArgumentException(d.date() + " is not in " + year);
      }
      if (!seen.add(d.date())) {
        throw new IllegalArgumentException(d.date() + " is listed twice");
      }
    }
    days = days.stream().sorted(Comparator.comparing(Holiday::date)).toList();
  }

  /** The fixed-date public holidays only: what a year holds before the admin edits it. */
  public static HolidayYear fixed(int year) {
    return new HolidayYear(year, List.of(
        Holiday.closed(LocalDate.of(year, 1, 1), "Tết Dương lịch"),
        Holiday.closed(LocalDate.of(year, 4, 30), "Ngày Chiến thắng"),
        Holiday.closed(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động"),
        Holiday.closed(LocalDate.of(year, 9, 2), "Quốc khánh")));
  }

  public Optional<Holiday> on(LocalDate date) {
    return days.stream().filter(d -> d.date().equals(date)).findFirst();
  }
}
