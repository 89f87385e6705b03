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

  /**
   * Checks a typed code's hash; the future holds the masked phone now verified. Fails with 404
   * hold_not_found, 400 otp_wrong (detail triesLeft), 409 otp_locked or 410 otp_expired.
   */
  Future<String> confirm(String office, String hold, String codeHash, Instant now, int maxTries);
}
