package vn.layso.auth.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How device tokens (kiosks, lobby displays, rating tablets) rotate on use: a token lives a year;
 * a request with the device's current token issued more than {@link #ROTATE_AFTER} ago gets a
 * fresh one (at most one a day per device, decided atomically by the store), and every older
 * token of the device stays valid for {@link #GRACE} from that rotation, then ends. A token in
 * grace never mints another: a device that lost its fresh token pairs again once the grace ends.
 */
public final class DeviceTokens {

  /** How long a device token lives when nothing rotates it. */
  public static final Duration LIFETIME = Duration.ofDays(365);
  /** A device's token older than this is replaced at its next request. */
  public static final Duration ROTATE_AFTER = Duration.ofHours(24);
  /** How long the tokens a rotation replaced stay valid (a device busy while its answer was lost, a second tab). */
  public static final Duration GRACE = Duration.ofHours(48);

  private DeviceTokens() {
  }

  /**
   * Whether a request with a device token that expires at {@code expiresAt} may be due for a
   * rotation at {@code now}: its token was issued ({@code expiresAt - LIFETIME}) at least
   * {@link #ROTATE_AFTER} ago. A token put in grace has an early expiry, so it reads as old: the
   * store then says no (it is not the device's current token, or the device rotated today).
   */
  public static boolean mayBeDue(Instant expiresAt, Instant now) {
    return !expiresAt.minus(LIFETIME).plus(ROTATE_AFTER).isAfter(now);
  }

  /** When the tokens a rotation at {@code now} replaced end (at the latest). */
  public static Instant graceEnds(Instant now) {
    return now.plus(GRACE);
  }
}
