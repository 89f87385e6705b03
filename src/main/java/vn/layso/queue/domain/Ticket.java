package vn.layso.queue.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A queue ticket. {@code number} is what is printed and called (A012); {@code issuedAt} is the
 * arrival that orders the queue and survives transfers; {@code priority} is a group code or null.
 */
public record Ticket(String id, String office, String number, String service, TicketStatus status,
                     String priority, Instant issuedAt, LocalDate serviceDate, String counter,
                     Instant calledAt, Instant startedAt, Instant finishedAt, int recalls,
                     String source) {
}
