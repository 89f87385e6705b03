package vn.layso.queue.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a counter may do to its current ticket, with the statuses each action may start from. The
 * Lua scripts are handed the from-set and target of an action and refuse anything else. Calling
 * (WAITING to CALLED) is call-next's own script; closing the day (open to EXPIRED) is close_day's.
 */
public enum TicketAction {
  /** The counter calls its ticket again; the citizen has not come yet. */
  RECALL(EnumSet.of(TicketStatus.CALLED), TicketStatus.CALLED, "ticket.recalled", "recalledAt", false),
  /** The citizen sat down: service starts. */
  START(EnumSet.of(TicketStatus.CALLED), TicketStatus.SERVING, "ticket.serving", "startedAt", false),
  /**
   * Service finished: the officer says it happened, from SERVING or straight from CALLED. (Call-next
   * completes a SERVING ticket the same way, but ends a CALLED one as a skipped no-show.)
   */
  COMPLETE(EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING), TicketStatus.DONE, "ticket.done", "finishedAt", true),
  /** The citizen did not come after being called. */
  NO_SHOW(EnumSet.of(TicketStatus.CALLED), TicketStatus.NO_SHOW, "ticket.no_show", "finishedAt", true),
  /** Sent to another field's queue, keeping the original arrival. */
  TRANSFER(EnumSet.of(TicketStatus.CALLED, TicketStatus.SERVING), TicketStatus.WAITING, "ticket.transferred", "transferredAt", true);

  private final Set<TicketStatus> from;
  private final TicketStatus to;
  private final String eventType;
  private final String timestampField;
  private final boolean releasesCounter;

  TicketAction(Set<TicketStatus> from, TicketStatus to, String eventType, String timestampField,
               boolean releasesCounter) {
    this.from = from;
    this.to = to;
    this.eventType = eventType;
    this.timestampField = timestampField;
    this.releasesCounter = releasesCounter;
  }

  public boolean allowedFrom(TicketStatus status) {
    return from.contains(status);
  }

  public TicketStatus to() {
    return to;
  }

  public String eventType() {
    return eventType;
  }

  public String timestampField() {
    return timestampField;
  }

  /** Whether the counter is free again after this action. */
  public boolean releasesCounter() {
    return releasesCounter;
  }

  /** The from-set as the scripts read it: comma separated names. */
  public String fromList() {
    return String.join(",", from.stream().map(Enum::name).sorted().toList());
  }
}
