package vn.layso.office.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsSplitTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  private static Office office(ZoneId zone, String prefixX, String prefixY, int endX) {
    return new Office("o", "O", zone,
        List.of(new ServiceDef("x", "X", prefixX, 1, endX, 10, null), new ServiceDef("y", "Y", prefixY, 1, 999, 10, null)),
        List.of(new Counter("1", "Q1", Map.of("x", 1, "y", 1))), List.of(), 3,
        new OpeningHours(Map.of()), OpeningHours.always());
  }

  @Test
  void changesThatAreSafeApplyNow() {
    Office current = office(HANOI, "A", "B", 999);
    Office next = office(HANOI, "K", "B", 999);
    SettingsSplit.Plan plan = SettingsSplit.plan(current, next, Set.of(), TODAY);
    assertThat(plan.pending()).isNull();
    assertThat(plan.now()).isEqualTo(next);
  }

  @Test
  void theNumberingOfAFieldThatIssuedTodayWaitsForTomorrow() {
    Office current = office(HANOI, "A", "B", 999);
    Office next = office(HANOI, "K", "C", 500);
    SettingsSplit.Plan plan = SettingsSplit.plan(current, next, Set.of("x"), TODAY);
    assertThat(plan.now().service("x").orElseThrow().prefix()).isEqualTo("A");
    assertThat(plan.now().service("x").orElseThrow().numberEnd()).isEqualTo(999);
    assertThat(plan.now().service("y").orElseThrow().prefix()).isEqualTo("C");
    assertThat(plan.pending().from()).isEqualTo(TODAY.plusDays(1));
    assertThat(plan.pending().office()).isEqualTo(next);
    assertThat(plan.pending().reasons()).extracting(SettingsProblem::path, SettingsProblem::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("services[0]", "field_issued_today"));
  }

  @Test
  void aTimeZoneChangeWaits() {
    SettingsSplit.Plan plan = SettingsSplit.plan(office(HANOI, "A", "B", 999),
        office(ZoneId.of("Asia/Bangkok"), "A", "B", 999), Set.of(), TODAY);
    assertThat(plan.now().timezone()).isEqualTo(HANOI);
    assertThat(plan.pending().reasons()).extracting(SettingsProblem::code).containsExactly("timezone_change");
  }

  @Test
  void whenTodaysNumberingCannotStayEverythingWaits() {
    // x issued today and keeps A until midnight, but y wants A now: the whole change waits
    Office current = office(HANOI, "A", "B", 999);
    Office next = office(HANOI, "K", "A", 999);
    SettingsSplit.Plan plan = SettingsSplit.plan(current, next, Set.of("x"), TODAY);
    assertThat(plan.now()).isEqualTo(current);
    assertThat(plan.pending().office()).isEqualTo(next);
  }

  @Test
  void removedAndRenumberedFieldsAreFound() {
    Office current = office(HANOI, "A", "B", 999);
    Office next = new Office("o", "O", HANOI, List.of(new ServiceDef("x", "X", "A", 1, 50, 10, null)),
        List.of(new Counter("1", "Q1", Map.of("x", 1))), List.of(), 3, new OpeningHours(Map.of()), OpeningHours.always());
    assertThat(SettingsSplit.removed(current, next)).containsExactly("y");
    assertThat(SettingsSplit.renumbered(current, next)).containsExactly("x");
  }
}
