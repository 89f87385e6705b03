package vn.layso.print.domain;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a printed ticket says: the office and field names, the number, when it was issued (shown in
 * the office's zone), the people ahead and the estimated wait while it waits (null once called), and
 * the link to the citizen's page (null: no QR code).
 */
public record TicketFacts(String office, String number, String service, Instant issuedAt, ZoneId zone,
                          Integer ahead, Integer waitMinutes, String url) {
}
