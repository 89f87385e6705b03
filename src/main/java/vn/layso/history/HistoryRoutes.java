package vn.layso.history;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.TicketView;

/** The history's first read API: staff of the office and admins only. */
public final class HistoryRoutes {

  private static final String BASE = "/api/v1/offices/:office/history/";
  private static final int MAX_RANGE_DAYS = 400;
  private static final int MAX_LIMIT = 1000;
  private static final int DEFAULT_LIMIT = 500;

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/history/days/{date}/tickets", "getDayTickets", "history")
          .roles(ApiOperation.STAFF).params("office").path(DayPath.class).query(PageQuery.class)
          .answer(200, DayTickets.class).errors(400, "invalid_date", "invalid_number")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .build(),
      ApiOperation.get("/api/v1/offices/{office}/history/summaries", "getDaySummaries", "history")
          .roles(ApiOperation.STAFF).params("office").query(RangeQuery.class).answer(200, DaySummaries.class)
          .errors(400, "invalid_date", "invalid_date_range").errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "office_not_found").build());

  record DayPath(@ApiShape.Format("date") @ApiShape.Pattern("^\\d{4}-\\d{2}-\\d{2}$") String date) {
  }

  record PageQuery(@ApiShape.Min(0) @ApiShape.Max(Integer.MAX_VALUE) Integer offset,
                   @ApiShape.Min(1) @ApiShape.Max(MAX_LIMIT) Integer limit) {
  }

  record RangeQuery(@ApiShape.Required @ApiShape.Format("date") String from,
                    @ApiShape.Required @ApiShape.Format("date") String to) {
  }

  /** A page of a day's tickets, each its full record, in issue order. */
  public record DayTickets(@ApiShape.Required String office, @ApiShape.Required @ApiShape.Format("date") String date,
                           @ApiShape.Min(0) long total, @ApiShape.Min(0) long offset,
                           @ApiShape.Required List<TicketView.Full> tickets) {
  }

  /** The closed days' summaries in a range (each as the day's closing wrote it). */
  public record DaySummaries(@ApiShape.Required String office, @ApiShape.Required @ApiShape.Format("date") String from,
                             @ApiShape.Required @ApiShape.Format("date") String to,
                             @ApiShape.Required @ApiShape.Ref("DaySummary") List<JsonObject> days) {
  }

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

  private Future<Buffer> dayTickets(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    LocalDate day = date("date", ctx.pathParam("date"));
    long offset = number(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = (int) number(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    return history.dayTickets(office, day, offset, limit).map(page -> ApiJson.answer(ctx, page));
  }

  private Future<Buffer> summaries(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    LocalDate from = date("from", ctx.queryParams().get("from"));
    LocalDate to = date("to", ctx.queryParams().get("to"));
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw ApiException.invalid("invalid_date_range", Integer.toString(MAX_RANGE_DAYS));
    }
    return history.summaries(office, from, to).map(days -> ApiJson.answer(ctx, days));
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
