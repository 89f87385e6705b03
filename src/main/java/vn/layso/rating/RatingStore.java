package vn.layso.rating;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import vn.layso.queue.domain.Ticket;
import vn.layso.rating.domain.Rating;

/** Where ratings are kept: one per ticket, decided atomically, counted per day and dimension. */
public interface RatingStore {

  /** How a rating attempt ended: null when recorded, else the refusal (already_rated, not_rateable, ticket_not_found). */
  Future<String> rate(Ticket ticket, Rating rating, Duration window, Instant now);

  /** The rating of a ticket, or null. */
  Future<Rating> find(Ticket ticket);

  /**
   * The ticket a counter completed last on a service day (null when none), with a {@code number}
   * only when it is that number's; whether it is rated, and the booking code behind it ("" for a
   * walk-in ticket).
   */
  Future<Completed> completed(String office, String counter, LocalDate serviceDate, String number);

  record Completed(Ticket ticket, boolean rated, String bookingCode) {
  }

  /** An account's display name (its fullName), or null when it has none. */
  Future<String> fullName(String username);

  /**
   * The Zalo rating invitation token of a ticket: {@code candidate} when this call made it, else
   * the one made before. It expires after {@code ttl}.
   */
  Future<Invite> invite(String office, String ticketId, String candidate, Duration ttl);

  record Invite(String token, boolean created) {
  }

  /** The office and ticket id an invitation token stands for ({@code [office, ticketId]}), or null. */
  Future<String[]> invited(String token);
}
