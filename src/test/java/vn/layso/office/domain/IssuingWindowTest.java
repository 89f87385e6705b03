package vn.layso.office.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssuingWindowTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ServiceDef LAND = new ServiceDef("dat-dai", "Đất đai", "A", 1, 999, 20, LocalTime.of(16, 0));
  private static final ServiceDef CIVIL = new ServiceDef("ho-tich", "Hộ tịch", "B", 1, 999, 10, null);

  /** Doors 07:30-11:30 and 13:30-17:00 on weekdays, Saturday morning; the kiosk from 06:00 to 16:30. */
  private static Office ward() {
    Map<DayOfWeek, List<OpeningHours.Session>> doors = new EnumMap<>(DayOfWeek.class);
    Map<DayOfWeek, List<OpeningHours.Session>> kiosk = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      doors.put(d, List.of(OpeningHours.Session.parse("07:30-11:30"), OpeningHours.Session.parse("13:30-17:00")));
      kiosk.put(d, List.of(OpeningHours.Session.parse("06:00-16:30")));
    }
    doors.put(DayOfWeek.SATURDAY, List.of(OpeningHours.Session.parse("07:30-11:30")));
    kiosk.put(DayOfWeek.SATURDAY, List.of(OpeningHours.Session.parse("06:00-11:00")));
    return new Office("ward", "Phường", HANOI, List.of(LAND, CIVIL),
        List.of(new Counter("1", "Quầy 1", Map.of("dat-dai", 1, "ho-tich", 1))), List.of(), 3,
        new OpeningHours(doors), new OpeningHours(kiosk));
  }

  private static Instant at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), HANOI).toInstant();
  }

  @Test
  void theKioskGivesNumbersBeforeTheDoorsOpenAndUntilItsWindowEnds() {
    assertThat(IssuingWindow.check(ward(), CIVIL, at("2026-11-23T06:00:00"))).isEmpty();
    assertThat(IssuingWindow.check(ward(), CIVIL, at("2026-11-23T12:00:00"))).as("lunch: the kiosk still issues").isEmpty();
    assertThat(IssuingWindow.check(ward(), CIVIL, at("2026-11-23T16:29:59"))).isEmpty();
  }

  @Test
  void beforeTheWindowTheRefusalSaysWhenItOpensToday() {
    var refusal = IssuingWindow.check(ward(), CIVIL, at("2026-11-23T04:10:00")).orElseThrow();
    assertThat(refusal.code()).isEqualTo("office_closed");
    assertThat(refusal.opensAt()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, HANOI));
  }

  @Test
  void afterTheWindowOnFridayItOpensOnSaturdayAndAfterSaturdayOnMonday() {
    var friday = IssuingWindow.check(ward(), CIVIL, at("2026-11-27T16:30:00")).orElseThrow();
    assertThat(friday.opensAt()).isEqualTo(ZonedDateTime.of(2026, 11, 28, 6, 0, 0, 0, HANOI));
    var saturday = IssuingWindow.check(ward(), CIVIL, at("2026-11-28T11:00:00")).orElseThrow();
    assertThat(saturday.opensAt()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 6, 0, 0, 0, HANOI));
  }

  @Test
  void aFieldsCutOffClosesOnlyThatField() {
    assertThat(IssuingWindow.check(ward(), LAND, at("2026-11-23T15:59:00"))).isEmpty();
    var late = IssuingWindow.check(ward(), LAND, at("2026-11-23T16:00:00")).orElseThrow();
    assertThat(late.code()).isEqualTo("service_closed");
    assertThat(late.opensAt()).isEqualTo(ZonedDateTime.of(2026, 11, 24, 6, 0, 0, 0, HANOI));
    assertThat(IssuingWindow.check(ward(), CIVIL, at("2026-11-23T16:00:00"))).isEmpty();
  }

  @Test
  void anOfficeOpenAroundTheClockNeverRefusesButACutOffStillHolds() {
    Office always = new Office("city", "TP", HANOI, List.of(LAND, CIVIL),
        List.of(new Counter("1", "Quầy 1", Map.of("dat-dai", 1))), List.of(), 3,
        OpeningHours.always(), OpeningHours.always());
    assertThat(IssuingWindow.check(always, CIVIL, at("2026-11-29T03:00:00"))).isEmpty();
    assertThat(IssuingWindow.check(always, CIVIL, at("2026-11-29T23:59:59"))).isEmpty();
    var late = IssuingWindow.check(always, LAND, at("2026-11-29T20:00:00")).orElseThrow();
    assertThat(late.opensAt()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 0, 0, 0, 0, HANOI));
  }

  @Test
  void sessionsReadAndWriteTwentyFourHundred() {
    OpeningHours.Session allDay = OpeningHours.Session.parse("00:00-24:00");
    assertThat(allDay.close()).isEqualTo(LocalTime.MAX);
    assertThat(allDay.toString()).isEqualTo("00:00-24:00");
    assertThat(OpeningHours.Session.parse("07:30-11:30").toString()).isEqualTo("07:30-11:30");
  }
}
