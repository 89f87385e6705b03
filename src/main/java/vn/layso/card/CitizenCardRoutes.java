package vn.layso.card;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.LocalDate;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.booking.BookingSection;
import vn.layso.booking.BookingService;
import vn.layso.booking.domain.BookingSettings;
import vn.layso.card.domain.CardSettings.AtKiosk;
import vn.layso.card.domain.CitizenCardQr;
import vn.layso.card.domain.InvalidCitizenCard;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueService;
import vn.layso.queue.QueueStore.CitizenCount;

/**
 * The CCCD card read at the kiosk, checked before a walk-in number is issued (mounted ahead of the
 * issuing route, on the same path): the body's optional {@code citizenCard} (the QR's raw text) is
 * taken only from a kiosk or staff of the office (403 card_needs_kiosk), must parse (400
 * invalid_citizen_card), and becomes the keyed hash and last four digits the issuing counts in the
 * citizen's limits. A kiosk of an office whose {@code citizenCard.atKiosk} is required must send one
 * (400 citizen_card_required). Neither the text nor the name or birth date goes any further.
 * A request without a card costs nothing here but reading its body.
 */
public final class CitizenCardRoutes {

  private static final String FIELD = "citizenCard";
  /** A day's count outlives its day, as the bookings' day keys do. */
  private static final Duration COUNT_SLACK = Duration.ofDays(2);

  private final BookingService booking;
  private final QueueService queue;
  private final OfficeRegistry offices;

  public CitizenCardRoutes(BookingService booking, QueueService queue, OfficeRegistry offices) {
    this.booking = booking;
    this.queue = queue;
    this.offices = offices;
  }

  /** Before the issuing route is mounted. */
  public void mount(Router router) {
    router.post("/api/v1/offices/:office/tickets").handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String officeId = ctx.pathParam("office");
    Office office = offices.require(officeId);
    String text = cardText(ctx);
    Principal principal = Auth.principal(ctx);
    boolean kiosk = principal != null && principal.isDevice(DeviceKind.KIOSK, officeId);
    if (text == null) {
      if (kiosk && CitizenCardSection.of(office).atKiosk() == AtKiosk.REQUIRED) {
        throw ApiException.invalid("citizen_card_required");
      }
      ctx.next();
      return;
    }
    if (!kiosk && !(principal != null && principal.mayServe(officeId))) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "card_needs_kiosk");
    }
    ctx.put(CitizenCount.CONTEXT, count(office, text));
    ctx.next();
  }

  private CitizenCount count(Office office, String text) {
    LocalDate today = queue.today(office);
    CitizenCardQr card;
    try {
      card = CitizenCardQr.parse(text, today);
    } catch (InvalidCitizenCard bad) {
      throw ApiException.invalid("invalid_citizen_card").with("reason", bad.reason());
    }
    BookingSettings limits = BookingSection.of(office);
    return new CitizenCount(booking.citizenHash(card.citizenId()), card.last4(), limits.maxPerDay(),
        limits.maxPerField(), today.plusDays(1).atStartOfDay(office.timezone()).toInstant().plus(COUNT_SLACK));
  }

  /** The body's citizenCard, or null; at most 512 characters of text. */
  private static String cardText(RoutingContext ctx) {
    var raw = ctx.body().buffer();
    if (raw == null || !raw.toString(java.nio.charset.StandardCharsets.UTF_8).contains(FIELD)) {
      return null; // no card: nothing to parse here (every walk-in passes this check)
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException malformed) {
      return null; // the issuing route answers a malformed body
    }
    Object value = body == null ? null : body.getValue(FIELD);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw ApiException.invalid("field_not_text", FIELD);
    }
    if (s.length() > CitizenCardQr.MAX_LENGTH) {
      throw ApiException.invalid("field_too_long", FIELD, CitizenCardQr.MAX_LENGTH);
    }
    return s;
  }
}
