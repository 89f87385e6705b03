package vn.layso.booking;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import vn.layso.booking.domain.BookingSettings;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;

/**
 * Holds: a place kept while the booking form is filled. The page's session (a server-minted
 * token it keeps and sends back) holds at most one place, and moving to another slot gives the
 * previous one back in the same step; an address holds at most {@code booking.holdsPerAddress}
 * places at once, so many citizens behind one carrier-NAT address each get their own. With
 * booking.verifyPhone a hold is checked the same way but takes its place only when its phone is
 * verified (PhoneVerificationService): holds of a script without phones keep nothing from anyone.
 */
public final class HoldService {

  /** How long a session lives after its last hold. */
  static final Duration SESSION_LIFE = Duration.ofHours(4);

  /** A hold as the page asks for it; {@code replaces}, {@code session} and {@code idempotencyKey} may be null. */
  public record HoldRequest(String office, String service, String date, String start, String replaces,
                            String session, String address, String idempotencyKey) {
  }

  private final BookingService booking;
  private final HoldStore store;
  private final OfficeRegistry offices;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public HoldService(BookingService booking, HoldStore store, OfficeRegistry offices, Clock clock) {
    this.booking = booking;
    this.store = store;
    this.offices = offices;
    this.clock = clock;
  }

  public Future<HoldStore.Held> hold(HoldRequest r) {
    String replaces = r.replaces() == null || r.replaces().isBlank() ? null : r.replaces();
    if (replaces != null && !isId(replaces)) {
      throw ApiException.invalid("invalid_hold");
    }
    String session = session(r.session());
    return booking.place(r.office(), r.service(), r.date(), r.start()).compose(place -> {
      BookingSettings settings = BookingSection.of(place.office());
      Instant now = clock.instant();
      return store.hold(new HoldStore.NewHold(place.office().id(), place.field().code(), place.date(),
          place.slot().start(), place.slot().capacity(), token(), now,
          now.plus(Duration.ofMinutes(settings.holdMinutes())), replaces, session, token(), r.address(),
          settings.holdsPerAddress(), SESSION_LIFE, session != null ? "s:" + session : "a:" + r.address(),
          r.idempotencyKey(), !settings.verifyPhone()));
    });
  }

  /** Releases at once; an unknown or expired hold is released already. */
  public Future<Void> release(String officeId, String hold) {
    offices.require(officeId);
    if (!isId(hold)) {
      throw ApiException.invalid("invalid_hold");
    }
    return store.release(officeId, hold);
  }

  /** Whether {@code text} may be a hold id (one this server minted: 22 characters of base64url). */
  static boolean isId(String text) {
    return text.matches("[A-Za-z0-9_-]{1,40}");
  }

  /** The session a request names, or null: one that cannot be a minted token is no session (a new one is minted). */
  static String session(String text) {
    return text != null && text.matches("[A-Za-z0-9_-]{22,64}") ? text : null;
  }

  /** 128 random bits, base64url: a hold id or a session token. */
  private String token() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
