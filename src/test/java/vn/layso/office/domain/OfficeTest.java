package vn.layso.office.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficeTest {

  private static final ServiceDef LAND = new ServiceDef("dat-dai", "Đất đai", "A", 1, 999, 20, null);
  private static final ServiceDef CIVIL = new ServiceDef("ho-tich", "Hộ tịch", "B", 1, 999, 10, null);
  private static final OpeningHours HOURS = new OpeningHours(Map.of(DayOfWeek.MONDAY, List.of(
      new OpeningHours.Session(LocalTime.of(7, 30), LocalTime.of(11, 30)),
      new OpeningHours.Session(LocalTime.of(13, 30), LocalTime.of(17, 0)))));

  private static Office office(List<ServiceDef> services, List<Counter> counters) {
    return new Office("ward", "Phường", ZoneId.of("Asia/Ho_Chi_Minh"), services, counters, List.of(), 3, HOURS, HOURS);
  }

  @Test
  void aConsistentOfficeIsAccepted() {
    Office o = office(List.of(LAND, CIVIL), List.of(new Counter("1", "Quầy 1", Map.of("dat-dai", 2, "ho-tich", 1))));
    assertThat(o.service("dat-dai")).contains(LAND);
    assertThat(o.counter("1")).isPresent();
    assertThat(o.countersServing("ho-tich")).isEqualTo(1);
  }

  @Test
  void inconsistentOfficesAreRefusedWithAReason() {
    assertThatThrownBy(() -> office(List.of(LAND, new ServiceDef("x", "X", "A", 1, 9, 5, null)), List.of()))
        .hasMessageContaining("duplicate service prefix");
    assertThatThrownBy(() -> office(List.of(LAND), List.of(new Counter("1", "Q", Map.of("nope", 1)))))
        .hasMessageContaining("unknown service");
    assertThatThrownBy(() -> office(List.of(), List.of())).hasMessageContaining("at least one service");
    assertThatThrownBy(() -> new Counter("1", "Q", Map.of("dat-dai", 0))).hasMessageContaining("weight");
    assertThatThrownBy(() -> new ServiceDef("Bad Code", "X", "A", 1, 9, 5, null)).hasMessageContaining("service code");
    assertThatThrownBy(() -> new ServiceDef("ok", "X", "a", 1, 9, 5, null)).hasMessageContaining("prefix");
    assertThatThrownBy(() -> new ServiceDef("ok", "X", "A", 10, 9, 5, null)).hasMessageContaining("number range");
  }

  @Test
  void digitsFollowTheEndOfTheRange() {
    assertThat(LAND.digits()).isEqualTo(3);
    assertThat(new ServiceDef("big", "Big", "Z", 1, 9999, 5, null).digits()).isEqualTo(4);
    assertThat(LAND.capacityPerDay()).isEqualTo(999);
  }

  @Test
  void openingHoursKnowTheLunchBreak() {
    ZoneId hanoi = ZoneId.of("Asia/Ho_Chi_Minh");
    ZonedDateTime monday = ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, hanoi);
    assertThat(HOURS.isOpen(monday.withHour(8))).isTrue();
    assertThat(HOURS.isOpen(monday.withHour(12))).isFalse();
    assertThat(HOURS.isOpen(monday.withHour(17))).isFalse();
    assertThat(HOURS.isOpen(monday.plusDays(1).withHour(8))).as("Tuesday has no hours here").isFalse();
    assertThatThrownBy(() -> new OpeningHours.Session(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A section of a feature this test makes up: the office stores it without knowing it. */
  private record Ticker(String text) {
  }

  private static final SectionKey<Ticker> TICKER = new SectionKey<>("ticker", Ticker.class, new Ticker(""));

  @Test
  void aSectionIsItsKeysDefaultsUntilSetAndADefaultOneIsAsIfAbsent() {
    Office plain = office(List.of(LAND), List.of());
    assertThat(plain.section(TICKER)).isEqualTo(new Ticker(""));

    Office set = plain.with(TICKER, new Ticker("Giờ làm việc"));
    assertThat(set.section(TICKER)).isEqualTo(new Ticker("Giờ làm việc"));
    assertThat(set).isNotEqualTo(plain);
    assertThat(set.withNumbering(set.services(), set.timezone()).section(TICKER)).isEqualTo(new Ticker("Giờ làm việc"));
    assertThat(set.with(TICKER, new Ticker(""))).isEqualTo(plain);
    assertThat(set.with(TICKER, new Ticker("")).sections()).isEmpty();
  }

  @Test
  void aSectionOfTheWrongTypeIsRefused() {
    Map<SectionKey<?>, Object> wrong = Map.of(TICKER, "plain text");
    assertThatThrownBy(() -> new Office("ward", "Phường", ZoneId.of("Asia/Ho_Chi_Minh"), List.of(LAND), List.of(),
        List.of(), 3, HOURS, HOURS, List.of(), wrong)).hasMessageContaining("section ticker");
    assertThatThrownBy(() -> new SectionKey<>("ticker", Ticker.class, null)).isInstanceOf(NullPointerException.class);
  }
}
