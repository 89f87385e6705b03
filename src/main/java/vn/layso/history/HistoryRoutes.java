package vn.layso.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/** The history's first read API: staff of the office and admins only. */
public final class HistoryRoutes {

  private static final String BASE = "/api/v1/offices/:office/history/";
  private static final int MAX_RANGE_DAYS = 400;
  private static final int MAX_LIMIT = 1000;
  private static final int DEFAULT_LIMIT = 500;

  private final HistoryService history;
  private final OfficeRegistry offices;

  public HistoryRoutes(HistoryService history, OfficeRegistry offices) {
    this.history = history;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get(BASE + "days/:date/tickets").respond(this::dayTickets);
    router.get(BASE + "summaries").respond(this::summaries);
  }

  private Future<JsonObject> dayTickets(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    LocalDate day = date("date", ctx.pathParam("date"));
    long offset = number(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = (int) number(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    return history.dayTickets(office, day, offset, limit);
  }

  private Future<JsonObject> summaries(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    LocalDate from = date("from", ctx.queryParams().get("from"));
    LocalDate to = date("to", ctx.queryParams().get("to"));
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw ApiException.invalid("invalid_date_range", Integer.toString(MAX_RANGE_DAYS));
    }
    return history.summaries(office, from, to);
  }

  /** The office, once the caller is known to be its staff or an admin; answers are not cached. */

  /** A calendar date written yyyy-MM-dd; anything else (missing, 2026-02-30, 23/11/2026) is 400 invalid_date. */
  private static LocalDate date(String name, String value) {
    if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw ApiException.invalid("invalid_date", name);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("invalid_date", name);
    }
  }

  private static long number(RoutingContext ctx, String name, long min, long max, long fallback) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return fallback;
    }
    long n = value.matches("\\d{1,10}") ? Long.parseLong(value) : -1;
    if (n < min || n > max) {
      throw ApiException.invalid("invalid_number", name, Long.toString(min), Long.toString(max));
    }
    return n;
  }
}
