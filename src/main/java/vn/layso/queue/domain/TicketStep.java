package vn.layso.queue.domain;

import java.time.Instant;

/**
 * One step of a ticket's life: the action ({@code ISSUE}, {@code CALL}, {@code RECALL},
 * {@code START}, {@code COMPLETE}, {@code NO_SHOW}, {@code SKIP} (call-next moved on from a called
 * ticket never started: a no-show), {@code TRANSFER}, {@code EXPIRE}), when, who
 * did it ({@code public}, {@code device:<name>}, {@code staff:<name>}, {@code admin:<name>} or
 * {@code system}), at which counter (null for issue and expiry), and the field the ticket is in
 * after the step; a transfer also names the field it left ({@code from}); a call says why that
 * ticket was chosen ({@code why}, null for other steps and for calls made before reasons were kept).
 */
public record TicketStep(String action, Instant at, String by, String counter, String service, String from,
                         CallReason why) {

  public TicketStep(String action, Instant at, String by, String counter, String service, String from) {
    this(action, at, by, counter, service, from, null);
  }
}
