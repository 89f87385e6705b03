package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.booking.domain.BookingDays;
import vn.layso.booking.domain.BookingWindow;
import vn.layso.booking.domain.HolidayYear;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;

/**
 * The days of the booking window for one field, open or closed with the reason, in the office's
 * zone: what the booking page offers, so no page computes a calendar or trusts a phone's clock.
 */
public final class BookingDaysRoutes {

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/booking-days", "getBookingDays", "booking").params("office")
          .query(Query.class).answer(200, Days.class, "X-Layso-Token")
          .errors(400, "unknown_service", "field_required").errors(404, "office_not_found").build());

  record Query(@ApiShape.Required String service) {
  }

  /** The booking window of one field: the office's date and each day from it. */
  @ApiShape.Name("BookingDays")
  public record Days(@ApiShape.Required String office, @ApiShape.Required String service,
                     @ApiShape.Required @ApiShape.Format("date") String today, @ApiShape.Required List<Day> days) {
  }

  /** One day: open, or closed with its reason (and the holiday's name, or when its booking closed). */
  @ApiShape.Name("BookingDay")
  public record Day(@ApiShape.Required @ApiShape.Format("date") String date, boolean open,
                    @ApiShape.Values({"closed", "holiday", "cutoff"}) String reason,
                    @ApiShape.Format("date-time") String closedAt, String holiday) {
  }

  private final BookingService booking;
  private final OfficeRegistry offices;
  private final Clock clock;

  public BookingDaysRoutes(BookingService booking, OfficeRegistry offices, Clock clock) {
    this.booking = booking;
    this.offices = offices;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/booking-days").respond(this::days);
  }

  private Future<Buffer> days(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    String service = ctx.queryParams().get("service");
    if (service == null || service.isBlank()) {
      throw ApiException.invalid("field_required", "service");
    }
    ServiceDef field = office.service(service).orElseThrow(() -> ApiException.invalid("unknown_service",
        OfficeRegistry.safe(service)));
    Instant now = clock.instant();
    LocalDate today = now.atZone(office.timezone()).toLocalDate();
    LocalDate last = new BookingWindow(BookingSection.of(office), office.timezone()).lastDay(now);
    Map<Integer, HolidayYear> years = new HashMap<>();
    Future<Void> loaded = Future.succeededFuture();
    for (int year = today.getYear(); year <= last.getYear(); year++) {
      int y = year;
      loaded = loaded.compose(v -> booking.holidays(office.id(), y).map(h -> {
        years.put(y, h);
        return null;
      }));
    }
    return loaded.map(v -> {
      List<Day> days = new ArrayList<>();
      for (BookingDays.Day day : BookingDays.of(BookingSection.of(office), field.code(), BookingService.week(office.hours()),
          years, office.timezone(), now)) {
        days.add(new Day(day.date().toString(), day.open(), day.open() ? null : day.reason(),
            day.closedAt() == null ? null : day.closedAt().toString(), day.holiday()));
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      return ApiJson.answer(ctx, new Days(office.id(), field.code(), today.toString(), days));
    });
  }
}
