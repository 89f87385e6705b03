package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TicketActionTest {

  /** The whole state machine, written out independently of the enum: action -> allowed from. */
  private static final Map<TicketAction, Set<TicketStatus>> EXPECTED = Map.of(
      TicketAction.CALL, EnumSet.of(TicketStatus.WAITING),
      TicketAction.RECALL, EnumSet.of(TicketStatus.CALLED),
      TicketAction.START, EnumSet.of(TicketStatus.CALLED),
      TicketAction.COMPLETE, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING),
      TicketAction.NO_SHOW, EnumSet.of(TicketStatus.CALLED),
      TicketAction.TRANSFER, EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING),
      TicketAction.CANCEL, EnumSet.of(TicketStatus.WAITING));

  private static final Map<TicketAction, TicketStatus> TARGET = Map.of(
      TicketAction.CALL, TicketStatus.CALLED,
      TicketAction.RECALL, TicketStatus.CALLED,
      TicketAction.START, TicketStatus.SERVING,
      TicketAction.COMPLETE, TicketStatus.DONE,
      TicketAction.NO_SHOW, TicketStatus.NO_SHOW,
      TicketAction.TRANSFER, TicketStatus.WAITING,
      TicketAction.CANCEL, TicketStatus.CANCELLED);

  @ParameterizedTest
  @EnumSource(TicketAction.class)
  void everyActionFromEveryStatusIsAllowedExactlyAsSpecified(TicketAction action) {
    for (TicketStatus status : TicketStatus.values()) {
      if (EXPECTED.get(action).contains(status)) {
        assertThat(action.apply(status)).as(action + " from " + status).isEqualTo(TARGET.get(action));
      } else {
        assertThatThrownBy(() -> action.apply(status)).as(action + " from " + status)
            .isInstanceOf(IllegalStateException.class);
      }
    }
  }

  @Test
  void finalStatusesHaveNoWayOut() {
    for (TicketStatus status : TicketStatus.values()) {
      boolean anyExit = java.util.Arrays.stream(TicketAction.values()).anyMatch(a -> a.allowedFrom(status));
      assertThat(anyExit).as(status.name()).isEqualTo(!status.isFinal());
    }
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
