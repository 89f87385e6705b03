package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketActionTest {

  /** The counter's actions, written out independently of the enum: action -> allowed from, target. */
  private static final Map<TicketAction, Set<TicketStatus>> EXPECTED = Map.of(
      TicketAction.RECALL, EnumSet.of(TicketStatus.CALLED),
      TicketAction.START, EnumSet.of(TicketStatus.CALLED),
      TicketAction.COMPLETE, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING),
      TicketAction.NO_SHOW, EnumSet.of(TicketStatus.CALLED),
      TicketAction.TRANSFER, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING));

  private static final Map<TicketAction, TicketStatus> TARGET = Map.of(
      TicketAction.RECALL, TicketStatus.CALLED,
      TicketAction.START, TicketStatus.SERVING,
      TicketAction.COMPLETE, TicketStatus.DONE,
      TicketAction.NO_SHOW, TicketStatus.NO_SHOW,
      TicketAction.TRANSFER, TicketStatus.WAITING);

  @ParameterizedTest
  @EnumSource(TicketAction.class)
  void everyActionFromEveryStatusIsAllowedExactlyAsSpecified(TicketAction action) {
    for (TicketStatus status : TicketStatus.values()) {
      assertThat(action.allowedFrom(status)).as(action + " from " + status)
          .isEqualTo(EXPECTED.get(action).contains(status));
    }
    assertThat(action.to()).isEqualTo(TARGET.get(action));
  }

  @Test
  void onlyATicketAtACounterCanBeActedOnAndFinalStatusesHaveNoWayOut() {
    for (TicketStatus status : TicketStatus.values()) {
      boolean anyExit = java.util.Arrays.stream(TicketAction.values()).anyMatch(a -> a.allowedFrom(status));
      boolean atCounter = status == TicketStatus.CALLED || status == TicketStatus.SERVING;
      assertThat(anyExit).as(status.name()).isEqualTo(atCounter);
      if (anyExit) {
        assertThat(status.isFinal()).isFalse();
      }
    }
    assertThat(TicketStatus.EXPIRED.isFinal()).isTrue();
  }

  @Test
  void actionsThatEndTheVisitFreeTheCounter() {
    assertThat(EnumSet.allOf(TicketAction.class).stream().filter(TicketAction::releasesCounter))
        .containsExactlyInAnyOrder(TicketAction.COMPLETE, TicketAction.NO_SHOW, TicketAction.TRANSFER);
  }

  @Test
  void fromListIsWhatTheScriptsRead() {
    assertThat(TicketAction.COMPLETE.fromList()).isEqualTo("CALLED,SERVING");
    assertThat(TicketAction.RECALL.fromList()).isEqualTo("CALLED");
  }
}
