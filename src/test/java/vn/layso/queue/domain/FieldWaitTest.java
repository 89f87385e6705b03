package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FieldWaitTest {

  private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

  @Test
  void theLongestWaitIsMeasuredFromTheOldestArrivalAndComparedWithTheTarget() {
    FieldWait field = new FieldWait("ho-tich", 3, NOW.minus(Duration.ofMinutes(31)), 30);
    assertThat(field.oldestWait(NOW)).contains(Duration.ofMinutes(31));
    assertThat(field.overTarget(NOW)).isTrue();
    assertThat(field.overTarget(NOW.minus(Duration.ofMinutes(1)))).as("exactly the target is not past it").isFalse();
  }

  @Test
  void nobodyWaitingIsNeverPastTheTarget() {
    FieldWait empty = new FieldWait("ho-tich", 0, null, 30);
    assertThat(empty.oldestWait(NOW)).isEmpty();
    assertThat(empty.overTarget(NOW)).isFalse();
  }

  @Test
  void anArrivalInTheFutureCountsAsNoWaitYet() {
    // an appointment whose slot has not begun: its effective arrival is the slot's start
    FieldWait early = new FieldWait("ho-tich", 1, NOW.plus(Duration.ofMinutes(10)), 30);
    assertThat(early.oldestWait(NOW)).contains(Duration.ZERO);
    assertThat(early.overTarget(NOW)).isFalse();
  }
}
