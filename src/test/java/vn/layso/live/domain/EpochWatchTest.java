package vn.layso.live.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochWatchTest {

  private static final String E1 = "1795399200000001";
  private static final String E2 = "1795399300000002";

  @Test
  void eventsInOrderAreFineAndAStepBackIsCaught() {
    EpochWatch watch = new EpochWatch();
    assertThat(watch.onEvent(E1, 10)).isFalse();
    assertThat(watch.onEvent(E1, 11)).isFalse();
    assertThat(watch.onEvent(E1, 4)).as("restored to an older state").isTrue();
    assertThat(watch.known()).isEqualTo(4);
    assertThat(watch.onEvent(E1, 5)).as("the new line goes on from where it restarted").isFalse();
  }

  @Test
  void versionsOfDifferentEpochsAreNotCompared() {
    EpochWatch watch = new EpochWatch();
    watch.onEvent(E1, 100);
    assertThat(watch.onEvent(E2, 3)).isFalse();
    assertThat(watch.epoch()).isEqualTo(E2);
    assertThat(watch.known()).isEqualTo(3);
  }

  @Test
  void aSnapshotReadBeforeItsEventsArriveIsNoStepBack() {
    EpochWatch watch = new EpochWatch();
    watch.onEvent(E1, 10);
    watch.onSnapshot(E1, 12);
    assertThat(watch.onEvent(E1, 11)).as("event 11 was published before the snapshot was read").isFalse();
    assertThat(watch.onEvent(E1, 12)).isFalse();
    assertThat(watch.known()).isEqualTo(12);
  }

  @Test
  void aReadBelowWhatWasKnownBeforeItWasSentIsAStepBack() {
    EpochWatch watch = new EpochWatch();
    watch.onSnapshot(E1, 20);
    EpochWatch.Mark before = watch.mark();
    assertThat(watch.onRead(E1, 7, before)).isTrue();
    assertThat(watch.known()).isEqualTo(7);
  }

  @Test
  void aReadRacingNewEventsIsNoStepBack() {
    EpochWatch watch = new EpochWatch();
    watch.onEvent(E1, 20);
    EpochWatch.Mark before = watch.mark();
    watch.onEvent(E1, 21);
    assertThat(watch.onRead(E1, 20, before)).as("the read ran before event 21").isFalse();
    assertThat(watch.known()).isEqualTo(21);
  }

  @Test
  void aReadOfANewEpochIsNoStepBackEvenIfItsVersionIsLower() {
    EpochWatch watch = new EpochWatch();
    watch.onEvent(E1, 100);
    EpochWatch.Mark before = watch.mark();
    watch.onEvent(E2, 91);
    assertThat(watch.onRead(E2, 91, before)).isFalse();
    assertThat(watch.epoch()).isEqualTo(E2);
  }

  @Test
  void settledIsTheReadBeforeTheLastOne() {
    EpochWatch watch = new EpochWatch();
    watch.onRead(E1, 5, watch.mark());
    assertThat(watch.settled()).as("one read: events up to it may still be on their way").isEqualTo(-1);
    watch.onRead(E1, 8, watch.mark());
    assertThat(watch.settled()).isEqualTo(5);
    watch.onRead(E1, 9, watch.mark());
    assertThat(watch.settled()).isEqualTo(8);
    watch.renewed(E2, 9);
    assertThat(watch.settled()).isEqualTo(-1);
    assertThat(watch.epoch()).isEqualTo(E2);
  }
}
