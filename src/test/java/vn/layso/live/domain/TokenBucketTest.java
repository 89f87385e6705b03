package vn.layso.live.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final TokenBucket bucket = new TokenBucket(5, 2_000, now::get);

  private int taken(int tries) {
    int n = 0;
    for (int i = 0; i < tries; i++) {
      if (bucket.tryTake()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void aBurstUpToTheCapacityThenNothing() {
    assertThat(taken(10_000)).isEqualTo(5);
  }

  @Test
  void oneMoreEveryRefillInterval() {
    taken(5);
    now.addAndGet(1_999);
    assertThat(bucket.tryTake()).isFalse();
    now.addAndGet(1);
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isFalse();
    now.addAndGet(3_000);
    assertThat(taken(10)).as("one whole interval passed; the half interval carries over").isEqualTo(1);
    now.addAndGet(1_000);
    assertThat(taken(10)).isEqualTo(1);
  }

  @Test
  void aLongPauseRefillsOnlyUpToTheCapacity() {
    taken(5);
    now.addAndGet(365L * 24 * 3600 * 1000);
    assertThat(taken(100)).isEqualTo(5);
  }

  @Test
  void aBucketNeedsSensibleNumbers() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
  }
}
