package vn.layso.verify.domain;

import java.time.Duration;
import java.util.Random;

/**
 * The one-time codes that prove a booking's phone, and the rules around them: 6 digits (leading
 * zeros kept) drawn uniformly from a secure random source, valid {@link #VALIDITY}, {@link #MAX_TRIES}
 * wrong tries before the code is locked, and limits on sending (an interval between two codes of a
 * hold, a number per hold and per phone per day) so that nobody can pump messages to a number.
 */
public final class OneTimeCode {

  public static final int DIGITS = 6;
  public static final Duration VALIDITY = Duration.ofMinutes(5);
  public static final int MAX_TRIES = 3;
  public static final Duration RESEND_AFTER = Duration.ofSeconds(60);
  /** Codes one hold may be sent (the first and the resends, to any number). */
  public static final int SENDS_PER_HOLD = 5;
  /** Codes one phone may be sent per day at one office (a few bookings, each with a resend). */
  public static final int SENDS_PER_PHONE_PER_DAY = 10;

  private static final int BOUND = 1_000_000;

  private OneTimeCode() {
  }

  /** A fresh code; {@code random} should be a SecureRandom. */
  public static String generate(Random random) {
    return String.format(java.util.Locale.ROOT, "%06d", random.nextInt(BOUND));
  }

  /** Whether the text can be a code at all (exactly six ASCII digits). */
  public static boolean wellFormed(String text) {
    if (text == null || text.length() != DIGITS) {
      return false;
    }
    for (int i = 0; i < DIGITS; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
