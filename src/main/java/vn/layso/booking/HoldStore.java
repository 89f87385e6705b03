package vn.layso.booking;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Where holds and the booking page's sessions live (RedisHoldStore); every decision is atomic. */
public interface HoldStore {

  /**
   * One hold to take: the place, its lifetime, what it replaces ({@code replaces}, {@code session}
   * may be null), the session minted in case {@code session} is unknown, the caller's address and
   * its cap, the Idempotency-Key ({@code idempotencyKey} null: none) with whom it belongs to, and
   * whether it takes its place now ({@code counted}; false with phone verification: the place is
   * only taken once the phone is verified, so unverified holds never fill a slot).
   */
  record NewHold(String office, String service, LocalDate date, LocalTime start, int capacity, String id,
                 Instant now, Instant expiresAt, String replaces, String session, String mintedSession,
                 String address, int holdsPerAddress, Duration sessionLife, String idempotencyScope,
                 String idempotencyKey, boolean counted) {
  }

  /** A hold taken (or, {@code replayed}, the first answer of its Idempotency-Key). */
  record Held(String hold, Instant expiresAt, String session, boolean replayed) {
  }

  /**
   * Holds a place, giving back in the same step the session's previous hold and {@code replaces};
   * fails with 409 slot_full or 429 too_many_holds, and then gives nothing back.
   */
  Future<Held> hold(NewHold hold);

  /** Gives a hold's place back at once; an unknown or expired hold is no error. */
  Future<Void> release(String office, String holdId);
}
