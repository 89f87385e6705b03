package vn.layso.checkin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueKeyTest {

  private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void theKeyIsTheLocalSlotStartAsDigits() {
    assertThat(DueKey.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30))).isEqualTo(202611230930L);
  }

  @Test
  void aSlotEndsOnlyAfterItsLateMinutes() {
    long slot = DueKey.of(LocalDate.of(2026, 11, 23), LocalTime.of(9, 30));
    // 09:45:00 local is the window's last moment: not ended
    assertThat(DueKey.endedBy(Instant.parse("2026-11-23T02:45:00Z"), HCM, 15)).isLessThan(slot);
    assertThat(DueKey.endedBy(Instant.parse("2026-11-23T02:45:00.001Z"), HCM, 15)).isGreaterThanOrEqualTo(slot);
    assertThat(DueKey.endedBy(Instant.parse("2026-11-23T02:46:00Z"), HCM, 15)).isGreaterThanOrEqualTo(slot);
  }

  @Test
  void theLimitCrossesMidnightInTheOfficeZone() {
    assertThat(DueKey.endedBy(Instant.parse("2026-11-23T17:10:00Z"), HCM, 15)).isEqualTo(202611232354L);
  }
}
