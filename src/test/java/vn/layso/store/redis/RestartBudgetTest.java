package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBudgetTest {

  private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

  @Test
  void allowsMaxRestartsWithinTheWindowThenRefuses() {
    RestartBudget budget = new RestartBudget(3, Duration.ofMinutes(5));
    assertThat(budget.tryAcquire(T0)).isTrue();
    assertThat(budget.tryAcquire(T0.plusSeconds(10))).isTrue();
    assertThat(budget.tryAcquire(T0.plusSeconds(20))).isTrue();
    assertThat(budget.tryAcquire(T0.plusSeconds(30))).as("a fourth within five minutes").isFalse();
    assertThat(budget.tryAcquire(T0.plusSeconds(299))).isFalse();
  }

  @Test
  void restartsOlderThanTheWindowNoLongerCount() {
    RestartBudget budget = new RestartBudget(2, Duration.ofMinutes(5));
    assertThat(budget.tryAcquire(T0)).isTrue();
    assertThat(budget.tryAcquire(T0.plusSeconds(60))).isTrue();
    assertThat(budget.tryAcquire(T0.plusSeconds(120))).isFalse();
    assertThat(budget.tryAcquire(T0.plusSeconds(300))).as("the first has left the window").isTrue();
    assertThat(budget.tryAcquire(T0.plusSeconds(301))).isFalse();
    assertThat(budget.tryAcquire(T0.plusSeconds(360))).as("the second has left it too").isTrue();
  }

  @Test
  void aRefusedAttemptDoesNotCount() {
    RestartBudget budget = new RestartBudget(1, Duration.ofMinutes(1));
    assertThat(budget.tryAcquire(T0)).isTrue();
    for (int i = 1; i <= 10; i++) {
      assertThat(budget.tryAcquire(T0.plusSeconds(i))).isFalse();
    }
    assertThat(budget.tryAcquire(T0.plusSeconds(60))).isTrue();
  }
}
