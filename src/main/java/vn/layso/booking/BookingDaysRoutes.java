package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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

  private Future<JsonObject> days(RoutingContext ctx) {
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
      JsonArray days = new JsonArray();
      for (BookingDays.Day day : BookingDays.of(BookingSection.of(office), field.code(), BookingService.week(office.hours()),
          years, office.timezone(), now)) {
        JsonObject json = new JsonObject().put("date", day.date().toString()).put("open", day.open());
        if (!day.open()) {
          json.put("reason", day.reason());
        }
        if (day.closedAt() != null) {
          json.put("closedAt", day.closedAt().toString());
        }
        if (day.holiday() != null) {
          json.put("holiday", day.holiday());
        }
        days.add(json);
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      return new JsonObject().put("office", office.id()).put("service", field.code())
          .put("today", today.toString()).put("days", days);
    });
  }
}
