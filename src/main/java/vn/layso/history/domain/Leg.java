package vn.layso.history.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStep;

/**
 * One stay of a ticket in one field: from its issue, or from a transfer into the field, until
 * the step that ended it (COMPLETE, NO_SHOW, SKIP when the counter's next call replaced it before it
 * started, CANCEL, TRANSFER on to another field, or EXPIRE; null while the ticket is still open). {@code call} is the first call in the field (recalls do not restart
 * the wait), {@code start} the first START; either may be null.
 */
public record Leg(String field, Instant arrivedAt, TicketStep call, TicketStep start, TicketStep end) {

  /** The wait in this field: first call minus arrival; empty when never called. */
  public Optional<Duration> waited() {
    return call == null ? Optional.empty() : Optional.of(Duration.between(arrivedAt, call.at()));
  }

  /** The service time of a completed leg: completion minus START (minus the call when never started). */
  public Optional<Duration> served() {
    if (end == null || !end.action().equals("COMPLETE")) {
      return Optional.empty();
    }
    TicketStep from = start != null ? start : call;
    return from == null ? Optional.empty() : Optional.of(Duration.between(from.at(), end.at()));
  }

  /** The ticket's stays, in order, read from its steps (a ticket without steps has none). */
  public static List<Leg> of(Ticket ticket) {
    List<Leg> legs = new ArrayList<>();
    Open open = null;
    for (TicketStep step : ticket.steps()) {
      if (open == null) {
        // the field before this step: a transfer names the one it left
        String field = step.from() != null ? step.from() : step.service();
        open = new Open(field, step.action().equals("ISSUE") ? step.at() : ticket.issuedAt());
      }
      switch (step.action()) {
        case "CALL" -> open.call = open.call == null ? step : open.call;
        case "START" -> open.start = open.start == null ? step : open.start;
        case "COMPLETE", "NO_SHOW", "SKIP", "CANCEL", "EXPIRE" -> {
          legs.add(open.end(step));
          open = null;
        }
        case "TRANSFER" -> {
          legs.add(open.end(step));
          open = new Open(step.service(), step.at());
        }
        default -> {
          // ISSUE opened the leg above; RECALL changes no time that is measured
        }
      }
    }
    if (open != null) {
      legs.add(open.end(null));
    }
    return legs;
  }

  /** A leg being read. */
  private static final class Open {
    private final String field;
    private final Instant arrivedAt;
    private TicketStep call;
    private TicketStep start;

    private Open(String field, Instant arrivedAt) {
      this.field = field;
      this.arrivedAt = arrivedAt;
    }

    private Leg end(TicketStep end) {
      return new Leg(field, arrivedAt, call, start, end);
    }
  }
}
