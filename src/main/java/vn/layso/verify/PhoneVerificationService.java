package vn.layso.verify;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.booking.BookingSection;
import vn.layso.booking.BookingService;
import vn.layso.booking.PersonalDataKey;
import vn.layso.booking.domain.VietnamesePhone;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SettingsProblem;
import vn.layso.verify.domain.OneTimeCode;

/**
 * Proves a booking's phone with a one-time code bound to the hold (booking.verifyPhone): the code
 * is recorded as an HMAC keyed by the server secret and bound to the office and the hold, then sent
 * (Zalo ZNS, else SMS); the confirmation marks the hold verified for that phone's keyed hash, which
 * book.lua then requires of the booking, and only then counts the hold's place in its slot (an
 * unverified hold keeps no place from anyone). Neither the code nor the phone is ever logged or stored in clear.
 */
public final class PhoneVerificationService {

  private static final Logger LOG = LoggerFactory.getLogger(PhoneVerificationService.class);
  private static final Duration DAY_COUNTER_SLACK = Duration.ofDays(1);

  public record Sent(String channel, Instant expiresAt, Instant resendAfter, String maskedPhone) {
  }

  private final VerificationStore store;
  private final BookingService booking;
  private final OfficeRegistry offices;
  private final Clock clock;
  private final PersonalDataKey personal;
  private final OtpChannel channel;
  private final SecureRandom random = new SecureRandom();

  /** {@code personal} null: booking is off (503 booking_unavailable); {@code channel} null: 503 verification_unavailable. */
  public PhoneVerificationService(VerificationStore store, BookingService booking, OfficeRegistry offices,
                                  Clock clock, PersonalDataKey personal, OtpChannel channel) {
    this.store = store;
    this.booking = booking;
    this.offices = offices;
    this.clock = clock;
    this.personal = personal;
    this.channel = channel;
  }

  /** Whether this server can send codes at all (a channel is configured). */
  public boolean available() {
    return channel != null;
  }

  /** Phone verification turned on where this server cannot send codes: a problem of the settings. */
  public List<SettingsProblem> settingsProblems(Office office) {
    if (channel == null && BookingSection.of(office).verifyPhone()) {
      return List.of(new SettingsProblem("booking.verifyPhone", "verification_no_channel", List.of()));
    }
    return List.of();
  }

  public Future<Sent> send(String officeId, String hold, String phoneText) {
    Office office = verifying(officeId, hold);
    String phone = VietnamesePhone.normalize(phoneText).orElseThrow(() -> ApiException.invalid("invalid_phone"));
    String code = OneTimeCode.generate(random);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(OneTimeCode.VALIDITY);
    LocalDate day = LocalDate.ofInstant(now, office.timezone());
    var pending = new VerificationStore.Code(office.id(), hold, day, personal.phone(phone), codeHash(office, hold, code),
        VietnamesePhone.mask(phone));
    var limits = new VerificationStore.Limits(OneTimeCode.RESEND_AFTER, OneTimeCode.SENDS_PER_HOLD,
        OneTimeCode.SENDS_PER_PHONE_PER_DAY, day.plusDays(1).atStartOfDay(office.timezone()).toInstant()
        .plus(DAY_COUNTER_SLACK));
    return store.start(pending, now, expiresAt, limits).compose(resendAfter -> channel.send(phone, code)
        .map(used -> {
          LOG.atInfo().addKeyValue("office", office.id()).addKeyValue("channel", used).log("verification code sent");
          return new Sent(used, expiresAt, resendAfter, pending.maskedPhone());
        })
        .recover(failed -> {
          LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("error", failed.getClass().getSimpleName())
              .log("verification code could not be sent");
          return store.abort(pending).transform(x -> Future.failedFuture(unavailable()));
        }));
  }

  /**
   * The masked phone the hold is now verified for, and until when it keeps its place: a right code
   * counts the hold in its slot then (a fresh booking.holdMinutes to finish the form), or answers
   * 409 slot_full when the slot filled meanwhile (unverified holds take no place).
   */
  public Future<VerificationStore.Confirmed> confirm(String officeId, String hold, String typed) {
    Office office = verifying(officeId, hold);
    if (!OneTimeCode.wellFormed(typed)) {
      throw ApiException.invalid("invalid_otp", OneTimeCode.DIGITS);
    }
    return store.place(office.id(), hold).compose(place -> booking.capacity(office.id(), place.service(),
        place.date(), place.start()).compose(capacity -> {
          Instant now = clock.instant();
          return store.confirm(office.id(), hold, place, codeHash(office, hold, typed), now, OneTimeCode.MAX_TRIES,
              capacity, now.plus(Duration.ofMinutes(BookingSection.of(office).holdMinutes())));
        }));
  }

  private Office verifying(String officeId, String hold) {
    Office office = offices.require(officeId);
    if (personal == null) {
      throw new ApiException(ApiException.Kind.UNAVAILABLE, "booking_unavailable");
    }
    if (!BookingSection.of(office).verifyPhone()) {
      throw ApiException.conflict("verification_off");
    }
    if (channel == null) {
      throw unavailable();
    }
    if (hold == null || !hold.matches("[A-Za-z0-9_-]{1,40}")) {
      throw ApiException.invalid("invalid_hold");
    }
    return office;
  }

  private String codeHash(Office office, String hold, String code) {
    return personal.hash("otp", office.id() + ":" + hold + ":" + code);
  }

  private static ApiException unavailable() {
    return new ApiException(ApiException.Kind.UNAVAILABLE, "verification_unavailable");
  }
}
