package vn.layso.queue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A queue ticket. {@code number} is what is printed and called (A012); {@code issuedAt} is the
 * arrival that orders the queue and survives transfers; {@code priority} is a group code or null.
 * {@code steps} is its whole history: who did what, when, at which counter and in which field.
 * {@code endReason} says why an EXPIRED ticket ended (for example {@code day_closed}), or that a
 * NO_SHOW was {@code skipped}: call-next moved on while it was called and never started.
 * {@code slot} is set on an appointment ticket only: its slot's start (HH:mm, office time), which
 * is also its effective arrival in the queue (see CallNextPolicy). {@code transferredFrom} is the
 * field its latest transfer took it from, and {@code lastCall} why its latest call chose it (both
 * null when none); when not given they are read from the steps, so a ticket read with its steps and
 * one read without them (a counter's answer) say the same.
 */
public record Ticket(String id, String office, String number, String service, TicketStatus status,
                     String priority, Instant issuedAt, LocalDate serviceDate, String counter,
                     Instant calledAt, Instant startedAt, Instant finishedAt, int recalls,
                     String source, String endReason, List<TicketStep> steps, String slot,
                     String transferredFrom, CallReason lastCall) {

  /** A walk-in ticket. */
  public Ticket(String id, String office, String number, String service, TicketStatus status,
                String priority, Instant issuedAt, LocalDate serviceDate, String counter,
                Instant calledAt, Instant startedAt, Instant finishedAt, int recalls,
                String source, String endReason, List<TicketStep> steps) {
    this(id, office, number, service, status, priority, issuedAt, serviceDate, counter, calledAt, startedAt,
        finishedAt, recalls, source, endReason, steps, null);
  }

  public Ticket(String id, String office, String number, String service, TicketStatus status,
                String priority, Instant issuedAt, LocalDate serviceDate, String counter,
                Instant calledAt, Instant startedAt, Instant finishedAt, int recalls,
                String source, String endReason, List<TicketStep> steps, String slot) {
    this(id, office, number, service, status, priority, issuedAt, serviceDate, counter, calledAt, startedAt,
        finishedAt, recalls, source, endReason, steps, slot, null, null);
  }

  public Ticket {
    steps = steps == null ? List.of() : List.copyOf(steps);
    if (transferredFrom == null) {
      transferredFrom = steps.stream().filter(step -> "TRANSFER".equals(step.action())).reduce((a, b) -> b)
          .map(TicketStep::from).orElse(null);
    }
    if (lastCall == null) {
      lastCall = steps.stream().filter(step -> "CALL".equals(step.action()) && step.why() != null)
          .reduce((a, b) -> b).map(TicketStep::why).orElse(null);
    }
  }

  public boolean appointment() {
    return slot != null;
  }
}
