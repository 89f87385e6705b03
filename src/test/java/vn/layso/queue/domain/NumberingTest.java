package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NumberingTest {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void theServiceDayTurnsAtMidnightInHanoiNotUtc() {
    Clock before = Clock.fixed(Instant.parse("2026-11-23T16:59:59Z"), ZoneOffset.UTC);
    Clock after = Clock.fixed(Instant.parse("2026-11-23T17:00:00Z"), ZoneOffset.UTC);
    assertThat(ServiceDay.of(before, HANOI)).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(ServiceDay.of(after, HANOI)).isEqualTo(LocalDate.of(2026, 11, 24));
    // 06:30 in Hà Nội is still the previous day in UTC: the office's day is what counts
    Clock earlyMorning = Clock.fixed(Instant.parse("2026-11-23T23:30:00Z"), ZoneOffset.UTC);
    assertThat(ServiceDay.of(earlyMorning, HANOI)).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void dayKeysRoundTrip() {
    LocalDate day = LocalDate.of(2026, 1, 5);
    assertThat(ServiceDay.key(day)).isEqualTo("20260105");
    assertThat(ServiceDay.parseKey("20260105")).isEqualTo(day);
  }

  @Test
  void waitEstimateSharesTheQueueAmongCounters() {
    assertThat(WaitEstimator.minutes(1, 10, 2)).isZero();
    assertThat(WaitEstimator.minutes(2, 10, 1)).isEqualTo(10);
    assertThat(WaitEstimator.minutes(5, 10, 2)).isEqualTo(20);
    assertThat(WaitEstimator.minutes(4, 10, 2)).isEqualTo(15);
    assertThat(WaitEstimator.minutes(3, 10, 0)).as("no counter configured still gives a number").isEqualTo(20);
  }

  @Test
  void ticketIdsCarryTheirOfficeAndAreNotGuessable() {
    String a = TicketIds.next("demo");
    String b = TicketIds.next("demo");
    assertThat(a).isNotEqualTo(b).startsWith("demo.");
    assertThat(TicketIds.officeOf(a)).isEqualTo("demo");
    assertThat(TicketIds.officeOf("demo.../etc/passwd")).isNull();
    assertThat(TicketIds.officeOf("demo")).isNull();
    assertThat(TicketIds.officeOf(null)).isNull();
    assertThat(TicketIds.officeOf("Demo.abcdefghjkmn")).isNull();
  }
}
