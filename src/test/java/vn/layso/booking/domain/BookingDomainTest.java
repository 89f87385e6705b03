package vn.layso.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingDomainTest {

  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Map<DayOfWeek, List<TimeRange>> WARD = Map.of(
      DayOfWeek.MONDAY, List.of(TimeRange.parse("07:30-11:30"), TimeRange.parse("13:30-17:00")),
      DayOfWeek.TUESDAY, List.of(TimeRange.parse("07:30-11:30"), TimeRange.parse("13:30-17:00")),
      DayOfWeek.SATURDAY, List.of(TimeRange.parse("07:30-11:30")));

  @Test
  void slotsSkipTheLunchBreakAndCapacityFollowsTheRule() {
    var slots = SlotPlanner.slots(WARD.get(DayOfWeek.MONDAY), 30, 3);
    assertThat(slots).hasSize(15);
    assertThat(slots).noneMatch(s -> s.start().isAfter(LocalTime.of(11, 0)) && s.start().isBefore(LocalTime.of(13, 30)));
    assertThat(SlotPlanner.slots(List.of(TimeRange.parse("07:30-08:45")), 30, 1)).hasSize(2);
    assertThat(SlotPlanner.capacity(50, 3, 30, 20)).isEqualTo(2);
    assertThat(SlotPlanner.capacity(50, 2, 30, 10)).isEqualTo(3);
    assertThat(SlotPlanner.capacity(50, 0, 30, 10)).isZero();
  }

  @Test
  void calendarHolidaysWeekendsSaturdayMorningsAndExceptions() {
    var year = new HolidayYear(2026, List.of(Holiday.closed(LocalDate.of(2026, 2, 16), "Tết Nguyên Đán"),
        new Holiday(LocalDate.of(2026, 1, 4), "Làm bù", Holiday.Kind.WORKING, List.of())));
    var settings = new BookingSettings(30, 50, 1, 14, LocalTime.of(16, 0), 5, 2, 1, 30, 15, LateArrival.WALK_IN, 30,
        Map.of(), Map.of(LocalDate.of(2026, 11, 24), List.of(TimeRange.parse("07:30-09:00"))));
    var calendar = new BookingCalendar(settings, "ho-tich", WARD, year);
    assertThat(calendar.isClosed(LocalDate.of(2026, 2, 16))).isTrue(); // a Monday in Tết
    assertThat(calendar.isClosed(LocalDate.of(2026, 11, 29))).isTrue(); // Sunday
    assertThat(calendar.sessions(LocalDate.of(2026, 11, 28))).containsExactly(TimeRange.parse("07:30-11:30"));
    assertThat(calendar.sessions(LocalDate.of(2026, 1, 4))).isEqualTo(WARD.get(DayOfWeek.MONDAY)); // make-up Sunday
    assertThat(calendar.sessions(LocalDate.of(2026, 11, 24))).containsExactly(TimeRange.parse("07:30-09:00"));
    assertThat(HolidayYear.fixed(2027).on(LocalDate.of(2027, 9, 2))).isPresent();
  }

  @Test
  void windowCutOffAndEdges() {
    var window = new BookingWindow(BookingSettings.DEFAULTS, HANOI);
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:59:59Z"), HANOI); // Monday 15:59:59
    LocalDate tuesday = LocalDate.of(2026, 11, 24);
    assertThat(window.check(clock.instant(), tuesday, LocalTime.of(7, 30))).isEqualTo(BookingWindow.Verdict.OPEN);
    assertThat(window.check(Instant.parse("2026-11-23T09:00:00Z"), tuesday, LocalTime.of(7, 30)))
        .isEqualTo(BookingWindow.Verdict.CLOSED);
    assertThat(window.check(clock.instant(), LocalDate.of(2026, 12, 7), LocalTime.of(8, 0)))
        .isEqualTo(BookingWindow.Verdict.OPEN);
    assertThat(window.check(clock.instant(), LocalDate.of(2026, 12, 8), LocalTime.of(8, 0)))
        .isEqualTo(BookingWindow.Verdict.TOO_EARLY);
    assertThat(window.check(clock.instant(), LocalDate.of(2026, 11, 23), LocalTime.of(8, 0)))
        .isEqualTo(BookingWindow.Verdict.PAST);
  }

  @Test
  void phonesNormaliseAndMask() {
    assertThat(VietnamesePhone.normalize("0912 345 678")).contains("+84912345678");
    assertThat(VietnamesePhone.normalize("84912345678")).contains("+84912345678");
    assertThat(VietnamesePhone.normalize("+84 (91) 234-5678")).contains("+84912345678");
    assertThat(VietnamesePhone.normalize("0212345678")).isEmpty();
    assertThat(VietnamesePhone.normalize("091234567")).isEmpty();
    assertThat(VietnamesePhone.forZalo("+84912345678")).isEqualTo("84912345678");
    assertThat(VietnamesePhone.mask("+84912345678")).isEqualTo("091****678");
  }

  @Test
  void citizenIdsAreCheckedStructurally() {
    assertThat(CitizenId.check("001203012345", 2026)).isEqualTo("001203012345");
    assertThat(CitizenId.check("079 090 001 234", 2026)).isEqualTo("079090001234");
    assertThat(CitizenId.check("003203012345", 2026)).isNull(); // no province 003
    assertThat(CitizenId.check("001403012345", 2026)).isNull(); // gender/century digit 4
    assertThat(CitizenId.check("001299012345", 2026)).isNull(); // born 2099
    assertThat(CitizenId.check("00120301234", 2026)).isNull();
    assertThat(CitizenId.mask(CitizenId.last4("001203012345"))).isEqualTo("********2345");
  }

  @Test
  void codesAreShortUnambiguousAndChecked() {
    var random = new SecureRandom();
    for (int i = 0; i < 1000; i++) {
      String code = BookingCode.generate(random);
      assertThat(code).matches("[ACDEFGHJKMNPQRTUVWXY2-9]{4}-[ACDEFGHJKMNPQRTUVWXY2-9]{4}");
      assertThat(BookingCode.parse(code.toLowerCase().replace("-", " "))).isEqualTo(code);
      // any single wrong character is caught
      char wrong = code.charAt(2) == 'A' ? 'C' : 'A';
      assertThat(BookingCode.parse(code.substring(0, 2) + wrong + code.substring(3))).isNull();
    }
    assertThat(BookingCode.ALPHABET).hasSize(28).doesNotContain("0", "O", "1", "I", "L", "B", "S", "Z");
  }

  @Test
  void namesAreNfcAndMasked() {
    assertThat(PersonName.check("  Nguye\u0302\u0303n   Văn An ")).isEqualTo("Nguyễn Văn An");
    assertThat(PersonName.check("")).isNull();
    assertThat(PersonName.check("<script>")).isNull();
    assertThat(PersonName.check("a".repeat(101))).isNull();
    assertThat(PersonName.mask("Nguyễn Văn An")).isEqualTo("N*** V*** A***");
  }

  @Test
  void icsUsesLocalTimesWithTheZone() {
    String ics = IcsCalendar.event("K7RM-4XQ9@layso", LocalDate.of(2026, 11, 24), LocalTime.of(8, 0),
        LocalTime.of(8, 30), "Lịch hẹn Hộ tịch, K7RM-4XQ9", "Phường Ba Đình", "Mang CCCD",
        Instant.parse("2026-11-23T02:00:00Z"));
    assertThat(ics).contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261124T080000\r\n")
        .contains("DTEND;TZID=Asia/Ho_Chi_Minh:20261124T083000\r\n").contains("TZOFFSETFROM:+0700")
        .contains("SUMMARY:Lịch hẹn Hộ tịch\\, K7RM-4XQ9");
    assertThat(ics.lines().filter(l -> l.startsWith("DTSTART") || l.startsWith("DTEND"))).noneMatch(l -> l.endsWith("Z"));
  }
}
