package vn.layso.verify;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a hold's phone verification lives (in the hold's record: RedisVerificationStore). Every
 * decision is atomic: the send limits with the new code, the tries with the comparison.
 */
public interface VerificationStore {

  /** A code to record, for the hold {@code hold} of {@code office}: only hashes, and the masked phone. */
  record Code(String office, String hold, LocalDate day, String phoneHash, String codeHash, String maskedPhone) {
  }

  /** The sending limits, and when the per-phone day counter may go. */
  record Limits(java.time.Duration resendAfter, int perHold, int perPhonePerDay, Instant dayCounterExpiresAt) {
  }

  /**
   * Records a new pending code (valid until {@code expiresAt}); fails with 404 hold_not_found,
   * 429 otp_resend_wait (detail retryAfter, seconds) or 429 otp_send_limit. The future holds when
   * the next code may be asked for.
   */
  Future<Instant> start(Code code, Instant now, Instant expiresAt, Limits limits);

  /** Takes back a code no channel delivered (it was never seen, so it costs the citizen nothing). */
  Future<Void> abort(Code code);

  /** Where a live hold is: its slot, and the address it was taken from (the keys of its place). */
  record HeldPlace(String service, String date, String start, String address) {
  }

  /** A right code: the masked phone now verified, and until when the hold now keeps its place. */
  record Confirmed(String maskedPhone, Instant expiresAt) {
  }

  /** The hold's place; fails with 404 hold_not_found when there is no such hold. */
  Future<HeldPlace> place(String office, String hold);

  /**
   * Checks a typed code's hash and, when it is right, counts the hold in its slot (booked plus
   * counted holds under {@code capacity}) until at least {@code expiresAt}. Fails with 404
   * hold_not_found, 400 otp_wrong (detail triesLeft), 409 otp_locked, 410 otp_expired, or 409
   * slot_full (the phone is verified on the hold all the same, but the hold takes no place).
   */
  Future<Confirmed> confirm(String office, String hold, HeldPlace place, String codeHash, Instant now, int maxTries,
                            int capacity, Instant expiresAt);
}
