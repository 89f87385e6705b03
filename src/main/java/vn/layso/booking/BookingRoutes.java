package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalTime;
import vn.layso.auth.Auth;
import vn.layso.booking.domain.Appointment;
import vn.layso.booking.domain.IcsCalendar;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.VietnamesePhone;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.common.LookupLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.web.QrSvg;

/** Slots, appointments (book, look up, cancel, reschedule, .ics, QR) and the holiday calendar. */
public final class BookingRoutes {

  private final BookingService booking;
  private final OfficeRegistry offices;
  private final java.time.Clock clock;

  public BookingRoutes(BookingService booking, OfficeRegistry offices, java.time.Clock clock) {
    this.booking = booking;
    this.offices = offices;
    this.clock = clock;
  }

  /**
   * {@code anonymousLimit}: the per-address rate limit of anonymous writes (as for issuing);
   * {@code lookups}: the limits on look-ups by code, on every route that takes one.
   */
  public void mount(Router router, Handler<RoutingContext> anonymousLimit, LookupLimiter lookups) {
    Handler<RoutingContext> lookup = lookups.limit(ctx -> booking.lookupKey(ctx.pathParam("code")), ctx -> false);
    router.get("/api/v1/offices/:office/slots").respond(this::slots);
    router.post("/api/v1/offices/:office/appointments").handler(anonymousLimit).respond(this::book);
    router.get("/api/v1/offices/:office/holidays/:year").respond(this::holidays);
    router.put("/api/v1/offices/:office/holidays/:year").respond(this::saveHolidays);
    router.get("/api/v1/appointments/:code/qr.svg").handler(lookup)
        .respond(ctx -> lookups.settle(ctx, () -> qr(ctx)));
    router.post("/api/v1/appointments/:code/reschedule").handler(anonymousLimit).handler(lookup)
        .respond(ctx -> lookups.settle(ctx, () -> reschedule(ctx)));
    router.get("/api/v1/appointments/:code.ics").handler(lookup).handler(ctx -> lookups
        .settle(ctx, () -> booking.find(ctx.pathParam("code"))).compose(a -> ics(ctx, a)).onFailure(ctx::fail));
    router.get("/api/v1/appointments/:code").handler(lookup).respond(ctx -> lookups.settle(ctx, () -> find(ctx)));
    router.delete("/api/v1/appointments/:code").handler(anonymousLimit).handler(lookup)
        .respond(ctx -> lookups.settle(ctx, () -> cancel(ctx)));
  }

  private Future<JsonArray> slots(RoutingContext ctx) {
    return booking.slots(ctx.pathParam("office"), ctx.queryParams().get("service"), ctx.queryParams().get("date"))
        .map(slots -> new JsonArray(slots.stream().map(s -> new JsonObject()
            .put("start", s.slot().start().toString()).put("end", time(s.slot().end()))
            .put("capacity", s.slot().capacity()).put("available", s.available()).put("bookable", s.bookable()))
            .toList()));
  }

  private Future<JsonObject> book(RoutingContext ctx) {
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    var request = new BookingService.BookRequest(body.requiredString("service", 32), body.requiredString("date", 10),
        body.requiredString("start", 5), body.requiredString("fullName", PersonName.MAX),
        body.requiredString("phone", 30), body.requiredString("citizenId", 30), body.optionalString("hold", 40),
        body.optionalString("session", 64));
    return booking.book(ctx.pathParam("office"), request).map(a -> {
      ctx.response().setStatusCode(201);
      return view(a);
    });
  }

  private Future<JsonObject> find(RoutingContext ctx) {
    return booking.find(ctx.pathParam("code")).map(this::privateView);
  }

  /** The phone proves the booker: in the body ({"phone"}), or in the query of an old link (?phone=). */
  private Future<JsonObject> cancel(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    String phone = body == null || body.length() == 0 ? ctx.queryParams().get("phone")
        : JsonInput.parse(body).requiredString("phone", 30);
    return booking.cancel(ctx.pathParam("code"), phone).map(this::view);
  }

  private Future<JsonObject> reschedule(RoutingContext ctx) {
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    return booking.reschedule(ctx.pathParam("code"), body.requiredString("phone", 30), body.requiredString("date", 10),
        body.requiredString("start", 5)).map(this::view);
  }

  private Future<Void> ics(RoutingContext ctx, Appointment a) {
    var office = offices.require(a.office());
    String field = office.service(a.service()).map(s -> s.name()).orElse(a.service());
    String text = IcsCalendar.event(a.code() + "@layso", a.date(), a.start(), a.end(),
        "Lịch hẹn " + field + " – " + a.code(), office.name(),
        "Mã đặt lịch: " + a.code() + ". Mang CCCD; làm thủ tục tại kiosk từ "
            + BookingSection.of(office).checkInEarlyMinutes() + " phút trước giờ hẹn.", clock.instant());
    return ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"lich-hen-" + a.code() + ".ics\"")
        .putHeader(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .end(text);
  }

  private Future<Buffer> qr(RoutingContext ctx) {
    return booking.find(ctx.pathParam("code")).map(a -> {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml; charset=utf-8")
          .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
          .putHeader("Content-Security-Policy", "default-src 'none'");
      return Buffer.buffer(QrSvg.of(a.code()));
    });
  }

  private Future<JsonObject> holidays(RoutingContext ctx) {
    return booking.holidays(ctx.pathParam("office"), year(ctx)).map(HolidayJson::write);
  }

  private Future<JsonObject> saveHolidays(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    return booking.saveHolidays(ctx.pathParam("office"), year(ctx), body.raw()).map(HolidayJson::write);
  }

  private static int year(RoutingContext ctx) {
    String year = ctx.pathParam("year");
    if (!year.matches("\\d{4}")) {
      throw ApiException.invalid("invalid_date", "year");
    }
    return Integer.parseInt(year);
  }

  /** What the booker gets back: the slot and where the QR and the calendar file are. */
  private JsonObject view(Appointment a) {
    return new JsonObject().put("code", a.code()).put("office", a.office()).put("service", a.service())
        .put("date", a.date().toString()).put("start", a.start().toString()).put("end", time(a.end()))
        .put("status", a.status().name())
        .put("qr", "/api/v1/appointments/" + a.code() + "/qr.svg")
        .put("ics", "/api/v1/appointments/" + a.code() + ".ics");
  }

  /** The look-up by code: masked name and phone, the CCCD never (not even masked). */
  private JsonObject privateView(Appointment a) {
    JsonObject view = view(a).put("fullName", PersonName.mask(a.fullName()))
        .put("phone", a.phone() == null ? null : VietnamesePhone.mask(a.phone()));
    if (a.ticket() != null) {
      view.put("ticket", a.ticket());
    }
    return view;
  }

  private static String time(LocalTime t) {
    return t.equals(LocalTime.MAX) ? "24:00" : t.toString();
  }
}
