package vn.layso.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingDaysTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final List<TimeRange> DAY = List.of(new TimeRange(LocalTime.of(7, 30), LocalTime.of(11, 30)),
      new TimeRange(LocalTime.of(13, 30), LocalTime.of(17, 0)));
  private static final Map<DayOfWeek, List<TimeRange>> WEEK = Map.of(DayOfWeek.MONDAY, DAY, DayOfWeek.TUESDAY, DAY,
      DayOfWeek.WEDNESDAY, DAY, DayOfWeek.THURSDAY, DAY, DayOfWeek.FRIDAY, DAY,
      DayOfWeek.SATURDAY, List.of(new TimeRange(LocalTime.of(7, 30), LocalTime.of(11, 30))));

  /** Monday 23/11/2026, 09:00 in Hà Nội. */
  private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T02:00:00Z");

  @Test
  void theWindowStartsTomorrowBeforeTheCutOffAndRunsTwoWeeksWithSundaysClosed() {
    var days = BookingDays.of(BookingSettings.DEFAULTS, "dat-dai", WEEK, Map.of(), HANOI, MONDAY_MORNING);
    // today is open at the office, but its booking closed at 16:00 yesterday: shown closed, with when
    assertThat(days.get(0)).isEqualTo(new BookingDays.Day(LocalDate.of(2026, 11, 23), false, "cutoff", null,
        Instant.parse("2026-11-22T09:00:00Z")));
    assertThat(days.get(1)).isEqualTo(new BookingDays.Day(LocalDate.of(2026, 11, 24), true, null, null));
    assertThat(days.get(days.size() - 1).date()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(days).hasSize(15);
    assertThat(days.stream().filter(d -> !d.open() && !"cutoff".equals(d.reason())).map(BookingDays.Day::date))
        .containsExactly(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 6));
    assertThat(days.stream().filter(d -> !d.open()).map(BookingDays.Day::reason)).containsOnly("closed", "cutoff");
  }

  @Test
  void afterTheCutOffTomorrowIsShownClosedWithTheMomentItClosed() {
    Instant evening = Instant.parse("2026-11-23T09:00:00Z"); // 16:00 in Hà Nội
    var days = BookingDays.of(BookingSettings.DEFAULTS, "dat-dai", WEEK, Map.of(), HANOI, evening);
    assertThat(days.get(1)).isEqualTo(new BookingDays.Day(LocalDate.of(2026, 11, 24), false, "cutoff", null, evening));
    assertThat(days.get(2)).isEqualTo(new BookingDays.Day(LocalDate.of(2026, 11, 25), true, null, null));
    // a minute before, tomorrow was open
    var before = BookingDays.of(BookingSettings.DEFAULTS, "dat-dai", WEEK, Map.of(), HANOI, evening.minusSeconds(60));
    assertThat(before.get(1).open()).isTrue();
  }

  @Test
  void aClosedDayWithNoSessionLeftIsNotOffered() {
    Instant lateEvening = Instant.parse("2026-11-23T11:00:00Z"); // 18:00: today's last session is over
    var days = BookingDays.of(BookingSettings.DEFAULTS, "dat-dai", WEEK, Map.of(), HANOI, lateEvening);
    assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(days.get(0).reason()).isEqualTo("cutoff");
  }

  @Test
  void aHolidayIsClosedWithItsNameAndAnExceptionOpensADay() {
    var year = new HolidayYear(2026, List.of(Holiday.closed(LocalDate.of(2026, 11, 26), "Ngày nghỉ thử")));
    var settings = new BookingSettings(30, 50, 1, 14, LocalTime.of(16, 0), 5, 2, 1, 30, 15, LateArrival.WALK_IN, 30,
        Map.of(), Map.of(LocalDate.of(2026, 11, 29), DAY));
    var days = BookingDays.of(settings, "dat-dai", WEEK, Map.of(2026, year), HANOI, MONDAY_MORNING);
    var thursday = days.stream().filter(d -> d.date().equals(LocalDate.of(2026, 11, 26))).findFirst().orElseThrow();
    assertThat(thursday).isEqualTo(new BookingDays.Day(LocalDate.of(2026, 11, 26), false, "holiday", "Ngày nghỉ thử"));
    var sunday = days.stream().filter(d -> d.date().equals(LocalDate.of(2026, 11, 29))).findFirst().orElseThrow();
    assertThat(sunday.open()).isTrue();
  }

  @Test
  void sameDayBookingOffersTodayOnlyWhileASessionIsLeft() {
    var sameDay = new BookingSettings(30, 50, 0, 3, LocalTime.of(23, 59), 5, 2, 1, 30, 15, LateArrival.WALK_IN, 30,
        Map.of(), Map.of());
    assertThat(BookingDays.of(sameDay, "x", WEEK, Map.of(), HANOI, MONDAY_MORNING).get(0).date())
        .isEqualTo(LocalDate.of(2026, 11, 23));
    Instant late = Instant.parse("2026-11-23T10:30:00Z"); // 17:30
    assertThat(BookingDays.of(sameDay, "x", WEEK, Map.of(), HANOI, late).get(0).date())
        .isEqualTo(LocalDate.of(2026, 11, 24));
  }
}
