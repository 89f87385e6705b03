package vn.layso.booking;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.layso.booking.domain.Appointment;

/** Where bookings, slot ledgers and holiday calendars live (RedisBookingStore; holds: HoldStore). */
public interface BookingStore {

  /** An appointment with the keyed hashes that prove the phone and count the limits. */
  record Stored(Appointment appointment, String phoneHash, String citizenHash) {
  }

  /**
   * The limits and lifetimes a reservation is checked and written with (lifetimes measured from
   * {@code now}); {@code verifiedPhone}: the keyed phone hash the booking's live hold must have
   * verified ("" when the office does not verify phones).
   */
  record Rules(int capacity, int maxPerDay, int maxPerField, Instant now, Instant recordExpiresAt,
               Instant dayKeysExpireAt, String verifiedPhone) {

    public Rules(int capacity, int maxPerDay, int maxPerField, Instant now, Instant recordExpiresAt,
                 Instant dayKeysExpireAt) {
      this(capacity, maxPerDay, maxPerField, now, recordExpiresAt, dayKeysExpireAt, "");
    }

    /** These rules, also requiring a live hold verified for this phone hash. */
    public Rules verifying(String phoneHash) {
      return new Rules(capacity, maxPerDay, maxPerField, now, recordExpiresAt, dayKeysExpireAt, phoneHash);
    }
  }

  /** Reserves the code across offices (false when taken). */
  Future<Boolean> claimCode(String code, String office, Instant now, Instant expiresAt);

  Future<Void> releaseCode(String code);

  /**
   * Books atomically; fails with 409 slot_full or limit_reached, and with phone verification
   * 400 hold_required or 409 phone_not_verified. {@code holdId} and {@code session} (the booking
   * page's hold session, whose held place is then given back) may be null.
   */
  Future<Void> book(Stored booking, String holdId, String session, Rules rules);

  Future<Optional<String>> officeOf(String code);

  Future<Optional<Stored>> find(String office, String code);

  /** Cancels; fails with 404 appointment_not_found (unknown or wrong phone), 409 not_cancellable, or 409 changed. */
  Future<Void> cancel(Stored booking, String phoneHash, Instant now);

  /** Moves to another slot of the same field; the same failures as cancel, plus slot_full and limit_reached. */
  Future<Void> reschedule(Stored booking, String phoneHash, LocalDate date, LocalTime start, LocalTime end,
                          Rules rules);

  /** Places taken (booked + live holds) per slot start of one field's day. */
  Future<Map<LocalTime, Integer>> usage(String office, String service, LocalDate date, List<LocalTime> starts,
                                        Instant now);

  Future<Optional<String>> holidays(String office, int year);

  Future<Void> saveHolidays(String office, int year, String json);
}
