package vn.layso.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.layso.checkin.domain.CheckInWindow.Verdict;

class CheckInWindowTest {

  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final CheckInWindow WINDOW =
      CheckInWindow.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30), HCM, 30, 15);

  @Test
  void theSlotStartIsInTheOfficeZone() {
    assertThat(WINDOW.slotStart()).isEqualTo(Instant.parse("2026-11-23T02:30:00Z"));
    assertThat(WINDOW.opensAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
    assertThat(WINDOW.closesAt()).isEqualTo(Instant.parse("2026-11-23T02:45:00Z"));
  }

  @Test
  void bothEndsAreInsideOneMinuteOutsideIsNot() {
    assertThat(WINDOW.judge(Instant.parse("2026-11-23T01:59:00Z"))).isEqualTo(Verdict.TOO_EARLY);
    assertThat(WINDOW.judge(Instant.parse("2026-11-23T01:59:59.999Z"))).isEqualTo(Verdict.TOO_EARLY);
    assertThat(WINDOW.judge(Instant.parse("2026-11-23T02:00:00Z"))).isEqualTo(Verdict.OPEN);
    assertThat(WINDOW.judge(Instant.parse("2026-11-23T02:45:00Z"))).isEqualTo(Verdict.OPEN);
    assertThat(WINDOW.judge(Instant.parse("2026-11-23T02:45:00.001Z"))).isEqualTo(Verdict.LATE);
    assertThat(WINDOW.judge(Instant.parse("2026-11-23T02:46:00Z"))).isEqualTo(Verdict.LATE);
  }

  @Test
  void aZeroWindowIsJustTheSlotStart() {
    var exact = CheckInWindow.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30), HCM, 0, 0);
    assertThat(exact.judge(exact.slotStart())).isEqualTo(Verdict.OPEN);
    assertThat(exact.judge(exact.slotStart().minusMillis(1))).isEqualTo(Verdict.TOO_EARLY);
  }

  @Test
  void negativeMinutesAreRefused() {
    assertThatThrownBy(() -> CheckInWindow.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30), HCM, -1, 15))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
