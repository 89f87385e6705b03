package vn.layso.live.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.layso.live.domain.DeltaGate.Decision;

class DeltaGateTest {

  private static final String E = "1795399200123456";

  private static DeltaGate afterSnapshot(long version) {
    DeltaGate gate = new DeltaGate();
    assertThat(gate.beginSnapshot()).isTrue();
    gate.snapshotSent(version, E);
    return gate;
  }

  @Test
  void consecutiveDeltasAreSentOldOnesDropped() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(10, E, false)).isEqualTo(Decision.DROP);
    assertThat(gate.onDelta(11, E, false)).isEqualTo(Decision.SEND);
    assertThat(gate.onDelta(12, E, false)).isEqualTo(Decision.SEND);
    assertThat(gate.onDelta(11, E, false)).isEqualTo(Decision.DROP);
    assertThat(gate.lastSent()).isEqualTo(12);
  }

  @Test
  void aGapAsksForAReplayOfTheMissingDeltas() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(12, E, false)).isEqualTo(Decision.REPLAY);
    assertThat(gate.lastSent()).as("nothing was sent").isEqualTo(10);
    assertThat(gate.canReplay(E)).isTrue();
    assertThat(gate.canReplay("1795399999000000")).as("another epoch's log is no repair").isFalse();
    assertThat(gate.beginSnapshot()).isTrue();
    gate.caughtUp(12, E);
    assertThat(gate.onDelta(12, E, false)).as("replayed already").isEqualTo(Decision.DROP);
    assertThat(gate.onDelta(13, E, false)).isEqualTo(Decision.SEND);
  }

  @Test
  void aClientThatSaysWhatItHasGoesOnFromThere() {
    DeltaGate gate = new DeltaGate();
    assertThat(gate.canReplay(E)).as("nothing to build on").isFalse();
    assertThat(gate.beginSnapshot()).isTrue();
    gate.resumeFrom(40, E);
    assertThat(gate.canReplay(E)).isTrue();
    gate.caughtUp(42, E);
    assertThat(gate.onDelta(43, E, false)).isEqualTo(Decision.SEND);
  }

  @Test
  void aReplayCutByAFullQueueGoesOnAfterTheDrain() {
    DeltaGate gate = afterSnapshot(10);
    gate.beginSnapshot();
    gate.replayCut(11, E);
    assertThat(gate.onDelta(12, E, false)).isEqualTo(Decision.SKIP);
    assertThat(gate.onDrain()).isTrue();
    assertThat(gate.canReplay(E)).isTrue();
    assertThat(gate.lastSent()).isEqualTo(11);
  }

  @Test
  void onlyOneSnapshotAtATime() {
    DeltaGate gate = new DeltaGate();
    assertThat(gate.beginSnapshot()).isTrue();
    assertThat(gate.syncing()).isTrue();
    assertThat(gate.beginSnapshot()).isFalse();
    gate.snapshotSent(3, E);
    assertThat(gate.syncing()).isFalse();
    assertThat(gate.beginSnapshot()).isTrue();
  }

  @Test
  void aSlowReaderSkipsEverythingUntilItsQueueDrainsThenGetsASnapshot() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(11, E, true)).isEqualTo(Decision.SKIP);
    assertThat(gate.onDelta(12, E, false)).as("still stale, even with room again").isEqualTo(Decision.SKIP);
    assertThat(gate.onDrain()).isTrue();
    assertThat(gate.beginSnapshot()).isTrue();
    assertThat(gate.onDrain()).as("no second snapshot while one is coming").isFalse();
    gate.snapshotSent(12, E);
    assertThat(gate.onDelta(13, E, false)).isEqualTo(Decision.SEND);
  }

  @Test
  void aDrainWithoutSkippedDeltasChangesNothing() {
    assertThat(afterSnapshot(1).onDrain()).isFalse();
  }

  @Test
  void aHeartbeatCatchesALostLastDeltaAndAStaleReaderButWaitsForRoom() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onHeartbeat(10, E, false)).as("up to date").isFalse();
    assertThat(gate.onHeartbeat(11, E, false)).as("the delta for 11 never came").isTrue();
    assertThat(gate.onHeartbeat(11, E, true)).as("no room to write a snapshot yet").isFalse();
    gate.onDelta(11, E, true);
    assertThat(gate.onHeartbeat(10, E, false)).as("stale readers resync whatever the version").isTrue();
    gate.beginSnapshot();
    assertThat(gate.onHeartbeat(99, E, false)).as("a snapshot is on its way").isFalse();
  }

  @Test
  void aDeltaOfAnotherEpochAsksForASnapshotEvenIfItsVersionIsOld() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onDelta(3, "1795399999000000", false)).as("the store was restored: 3 is not old").isEqualTo(Decision.RESYNC);
    assertThat(gate.onDelta(11, "1795399999000000", false)).isEqualTo(Decision.RESYNC);
    assertThat(gate.lastSent()).isEqualTo(10);
    gate.beginSnapshot();
    gate.snapshotSent(3, "1795399999000000");
    assertThat(gate.onDelta(4, "1795399999000000", false)).isEqualTo(Decision.SEND);
    assertThat(gate.onDelta(11, E, false)).as("a late delta of the old epoch").isEqualTo(Decision.RESYNC);
  }

  @Test
  void aHeartbeatOfAnotherEpochAsksForASnapshotWhenThereIsRoom() {
    DeltaGate gate = afterSnapshot(10);
    assertThat(gate.onHeartbeat(2, "1795399999000000", false)).isTrue();
    assertThat(gate.onHeartbeat(2, "1795399999000000", true)).as("no room to write a snapshot yet").isFalse();
    assertThat(gate.onHeartbeat(2, null, false)).as("the epoch key was lost").isTrue();
    assertThat(gate.onHeartbeat(-1, E, false)).as("same epoch, nothing settled yet").isFalse();
  }

  @Test
  void aSnapshotThatFindsTheQueueFullWaitsForTheDrain() {
    DeltaGate gate = new DeltaGate();
    gate.beginSnapshot();
    gate.snapshotNotWritten();
    assertThat(gate.syncing()).isFalse();
    assertThat(gate.onDelta(5, E, false)).as("nothing to build on yet").isEqualTo(Decision.SKIP);
    assertThat(gate.onDrain()).isTrue();
    assertThat(gate.beginSnapshot()).isTrue();
  }
}
