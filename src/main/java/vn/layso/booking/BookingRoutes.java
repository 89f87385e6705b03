package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.booking.domain.Appointment;
import vn.layso.booking.domain.Holiday;
import vn.layso.booking.domain.HolidayYear;
import vn.layso.booking.domain.IcsCalendar;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.TimeRange;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.common.LookupLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.web.QrSvg;

/** Slots, appointments (book, look up, cancel, reschedule, .ics, QR) and the holiday calendar. */
public final class BookingRoutes {

  private static final String[] BODY = {"body_required", "invalid_encoding", "invalid_json", "field_required",
      "field_not_text", "field_too_long", "field_invalid_characters"};
  private static final String[] SLOT = {"invalid_date", "invalid_time", "unknown_service", "slot_not_bookable",
      "outside_booking_window", "office_closed_that_day"};
  private static final String[] LOOKUP_LIMITS = {"rate_limited", "lookup_limited"};

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/slots", "getSlots", "booking").params("office")
          .query(SlotQuery.class).answerList(200, SlotPlaces.class, "X-Layso-Token")
          .errors(400, "invalid_date", "unknown_service", "field_required").errors(404, "office_not_found").build(),
      ApiOperation.post("/api/v1/offices/{office}/appointments", "bookAppointment", "booking").params("office")
          .body(BookingRequest.class).answer(201, AppointmentView.class, "X-Layso-Token")
          .errors(400, codes(BODY, SLOT, "invalid_name", "invalid_phone", "invalid_citizen_id", "invalid_hold",
              "hold_required"))
          .errors(404, "office_not_found").errors(409, "slot_full", "limit_reached", "phone_not_verified")
          .limited("rate_limited").build(),
      ApiOperation.get("/api/v1/appointments/{code}", "getAppointment", "booking").path(CodePath.class)
          .answer(200, AppointmentView.Lookup.class, "X-Layso-Token").errors(404, "appointment_not_found")
          .limited(LOOKUP_LIMITS).build(),
      ApiOperation.delete("/api/v1/appointments/{code}", "cancelAppointment", "booking").path(CodePath.class)
          .query(CancelQuery.class).optionalBody(CancelRequest.class).answer(200, AppointmentView.class, "X-Layso-Token")
          .errors(400, codes(BODY, new String[0], "invalid_phone")).errors(404, "appointment_not_found")
          .errors(409, "not_cancellable", "appointment_changed").limited(LOOKUP_LIMITS).build(),
      ApiOperation.post("/api/v1/appointments/{code}/reschedule", "rescheduleAppointment", "booking")
          .path(CodePath.class).body(RescheduleRequest.class).answer(200, AppointmentView.class, "X-Layso-Token")
          .errors(400, codes(BODY, SLOT, "invalid_phone")).errors(404, "appointment_not_found")
          .errors(409, "slot_full", "limit_reached", "not_cancellable", "appointment_changed")
          .limited(LOOKUP_LIMITS).build(),
      ApiOperation.get("/api/v1/appointments/{code}.ics", "getAppointmentCalendar", "booking").path(CodePath.class)
          .answerMedia(200, "text/calendar", "X-Layso-Token").errors(404, "appointment_not_found")
          .limited(LOOKUP_LIMITS).build(),
      ApiOperation.get("/api/v1/appointments/{code}/qr.svg", "getAppointmentQr", "booking").path(CodePath.class)
          .answerMedia(200, "image/svg+xml", "X-Layso-Token").errors(404, "appointment_not_found")
          .limited(LOOKUP_LIMITS).build(),
      ApiOperation.get("/api/v1/offices/{office}/holidays/{year}", "getHolidays", "booking").params("office")
          .path(YearPath.class).answer(200, HolidayYearView.class, "X-Layso-Token").errors(400, "invalid_date")
          .errors(404, "office_not_found").build(),
      ApiOperation.put("/api/v1/offices/{office}/holidays/{year}", "putHolidays", "booking")
          .roles(List.of("ADMIN")).params("office").path(YearPath.class).body(HolidayYearView.class)
          .answer(200, HolidayYearView.class)
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "invalid_holidays", "invalid_date")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .build());

  record SlotQuery(@ApiShape.Required String service, @ApiShape.Required @ApiShape.Format("date") String date) {
  }

  /** A booking code, as BookingCode reads one (case and the dash do not matter). */
  record CodePath(@ApiShape.Pattern("^[A-Za-z2-9]{4}-?[A-Za-z2-9]{4}$") String code) {
  }

  record CancelQuery(String phone) {
  }

  record YearPath(@ApiShape.Min(2000) @ApiShape.Max(2100) int year) {
  }

  /** A booking's body: the slot, the citizen, and the hold (and its session) it converts. */
  public record BookingRequest(@ApiShape.Required @ApiShape.MaxLength(32) String service,
                               @ApiShape.Required @ApiShape.Format("date") @ApiShape.MaxLength(10) String date,
                               @ApiShape.Required @ApiShape.MaxLength(5) String start,
                               @ApiShape.Required @ApiShape.MaxLength(PersonName.MAX) String fullName,
                               @ApiShape.Required @ApiShape.MaxLength(30) String phone,
                               @ApiShape.Required @ApiShape.MaxLength(30) String citizenId,
                               @ApiShape.MaxLength(40) String hold,
                               @ApiShape.MaxLength(64) String session) implements ApiShape.Request {
  }

  /** A move: the booking's phone as proof, and the new slot of the same field. */
  public record RescheduleRequest(@ApiShape.Required @ApiShape.MaxLength(30) String phone,
                                  @ApiShape.Required @ApiShape.Format("date") @ApiShape.MaxLength(10) String date,
                                  @ApiShape.Required @ApiShape.MaxLength(5) String start) implements ApiShape.Request {
  }

  /** A cancellation's proof: the booking's phone. */
  public record CancelRequest(@ApiShape.Required @ApiShape.MaxLength(30) String phone) implements ApiShape.Request {
  }

  /** One slot of a day: its capacity, the places left now, and whether it can be booked. */
  @ApiShape.Name("Slot")
  public record SlotPlaces(@ApiShape.Required String start, @ApiShape.Required String end, int capacity, int available,
                         boolean bookable) {
  }

  /**
   * A year's holiday calendar, answered and (as the admin's body) documented; the body is read by
   * {@link HolidayJson#read}, which answers 400 invalid_holidays naming the problem.
   */
  @ApiShape.Name("HolidayYear")
  public record HolidayYearView(Integer year, @ApiShape.Required List<HolidayView> days) implements ApiShape.Request {

    public static HolidayYearView of(HolidayYear year) {
      return new HolidayYearView(year.year(), year.days().stream().map(d -> new HolidayView(d.date().toString(),
          d.name(), d.kind().name().toLowerCase(Locale.ROOT), d.hours().stream().map(TimeRange::toString).toList()))
          .toList());
    }
  }

  /** A day off ({@code closed}) or a make-up working day ({@code working}, with its hours or none). */
  @ApiShape.Name("Holiday")
  public record HolidayView(@ApiShape.Required @ApiShape.Format("date") String date,
                            @ApiShape.Required @ApiShape.MaxLength(Holiday.MAX_NAME) String name,
                            @ApiShape.Required @ApiShape.Values({"closed", "working"}) String kind, List<String> hours) {
  }


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

  private Future<Buffer> slots(RoutingContext ctx) {
    return booking.slots(ctx.pathParam("office"), ctx.queryParams().get("service"), ctx.queryParams().get("date"))
        .map(slots -> ApiJson.answer(ctx, slots.stream().map(s -> new SlotPlaces(s.slot().start().toString(),
            AppointmentView.time(s.slot().end()), s.slot().capacity(), s.available(), s.bookable())).toList()));
  }

  private Future<Buffer> book(RoutingContext ctx) {
    BookingRequest body = ApiInput.read(ctx.body().buffer(), BookingRequest.class);
    var request = new BookingService.BookRequest(body.service(), body.date(), body.start(), body.fullName(),
        body.phone(), body.citizenId(), body.hold(), body.session());
    return booking.book(ctx.pathParam("office"), request).map(a -> {
      ctx.response().setStatusCode(201);
      return ApiJson.answer(ctx, AppointmentView.of(a));
    });
  }

  private Future<Buffer> find(RoutingContext ctx) {
    return booking.find(ctx.pathParam("code")).map(a -> ApiJson.answer(ctx, AppointmentView.Lookup.of(a)));
  }

  /** The phone proves the booker: in the body ({"phone"}), or in the query of an old link (?phone=). */
  private Future<Buffer> cancel(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    String phone = body == null || body.length() == 0 ? ctx.queryParams().get("phone")
        : ApiInput.read(body, CancelRequest.class).phone();
    return booking.cancel(ctx.pathParam("code"), phone).map(a -> ApiJson.answer(ctx, AppointmentView.of(a)));
  }

  private Future<Buffer> reschedule(RoutingContext ctx) {
    RescheduleRequest body = ApiInput.read(ctx.body().buffer(), RescheduleRequest.class);
    return booking.reschedule(ctx.pathParam("code"), body.phone(), body.date(), body.start())
        .map(a -> ApiJson.answer(ctx, AppointmentView.of(a)));
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

  private Future<Buffer> holidays(RoutingContext ctx) {
    return booking.holidays(ctx.pathParam("office"), year(ctx)).map(y -> ApiJson.answer(ctx, HolidayYearView.of(y)));
  }

  /** The body is nested lists (not what ApiInput reads): HolidayJson reads it, as the store's copy. */
  private Future<Buffer> saveHolidays(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    return booking.saveHolidays(ctx.pathParam("office"), year(ctx), body.raw())
        .map(y -> ApiJson.answer(ctx, HolidayYearView.of(y)));
  }

  private static int year(RoutingContext ctx) {
    String year = ctx.pathParam("year");
    if (!year.matches("\\d{4}")) {
      throw ApiException.invalid("invalid_date", "year");
    }
    return Integer.parseInt(year);
  }

  private static String[] codes(String[] body, String[] slot, String... own) {
    return java.util.stream.Stream.of(body, slot, own).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
