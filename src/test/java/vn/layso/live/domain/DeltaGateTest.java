package vn.layso.live.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.layso.live.domain.DeltaGate.Decision;

class DeltaGateTest {

  private static DeltaGate afterSnapshot(long version) {
    DeltaGate gate = new DeltaGate();
    assertThat(gate.beginSnapshot()).isTrue();
    gate.snapshotSent(version);
    return gate;
  }

  @Test
  void consecutiveDeltasAreSentOldOnesDropped() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(10, false)).isEqualTo(Decision.DROP);
    assertThat(gate.onDelta(11, false)).isEqualTo(Decision.SEND);
    assertThat(gate.onDelta(12, false)).isEqualTo(Decision.SEND);
    assertThat(gate.onDelta(11, false)).isEqualTo(Decision.DROP);
    assertThat(gate.lastSent()).isEqualTo(12);
  }

  @Test
  void aGapAsksForASnapshot() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(12, false)).isEqualTo(Decision.RESYNC);
    assertThat(gate.lastSent()).as("nothing was sent").isEqualTo(10);
  }

  @Test
  void onlyOneSnapshotAtATime() {
    DeltaGate gate = new DeltaGate();
    assertThat(gate.beginSnapshot()).isTrue();
    assertThat(gate.syncing()).isTrue();
    assertThat(gate.beginSnapshot()).isFalse();
    gate.snapshotSent(3);
    assertThat(gate.syncing()).isFalse();
    assertThat(gate.beginSnapshot()).isTrue();
  }

  @Test
  void aSlowReaderSkipsEverythingUntilItsQueueDrainsThenGetsASnapshot() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(11, true)).isEqualTo(Decision.SKIP);
    assertThat(gate.onDelta(12, false)).as("still stale, even with room again").isEqualTo(Decision.SKIP);
    assertThat(gate.onDrain()).isTrue();
    assertThat(gate.beginSnapshot()).isTrue();
    assertThat(gate.onDrain()).as("no second snapshot while one is coming").isFalse();
    gate.snapshotSent(12);
    assertThat(gate.onDelta(13, false)).isEqualTo(Decision.SEND);
  }

  @Test
  void aDrainWithoutSkippedDeltasChangesNothing() {
    assertThat(afterSnapshot(1).onDrain()).isFalse();
  }

  @Test
  void aHeartbeatCatchesALostLastDeltaAndAStaleReaderButWaitsForRoom() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onHeartbeat(10, false)).as("up to date").isFalse();
    assertThat(gate.onHeartbeat(11, false)).as("the delta for 11 never came").isTrue();
    assertThat(gate.onHeartbeat(11, true)).as("no room to write a snapshot yet").isFalse();
    gate.onDelta(11, true);
    assertThat(gate.onHeartbeat(10, false)).as("stale readers resync whatever the version").isTrue();
    gate.beginSnapshot();
    assertThat(gate.onHeartbeat(99, false)).as("a snapshot is on its way").isFalse();
  }
}
