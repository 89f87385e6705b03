package vn.layso.audit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.layso.audit.domain.AuditEntry;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/** Who changed what: an office's log for its managers and the admins, the province-wide one for admins. */
public final class AuditRoutes {

  private static final int MAX_RANGE_DAYS = 400;

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/audit", "getOfficeAudit", "audit").roles(List.of("ADMIN", "MANAGER"))
          .params("office").query(Range.class).answerList(200, Entry.class)
          .errors(400, "invalid_date", "invalid_date_range").errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "office_not_found").build(),
      ApiOperation.get("/api/v1/audit", "getProvinceAudit", "audit").roles(List.of("ADMIN"))
          .query(Range.class).answerList(200, Entry.class)
          .errors(400, "invalid_date", "invalid_date_range").errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").build());

  /** The days asked about, yyyy-MM-dd, both today by default. */
  record Range(@ApiShape.Format("date") String from, @ApiShape.Format("date") String to) {
  }

  /**
   * One change: when, who, what and on what, with the state before and after (JSON, or text) where
   * there is one.
   */
  @ApiShape.Name("AuditEntry")
  public record Entry(@ApiShape.Required @ApiShape.Format("date-time") String at, @ApiShape.Required String actor,
                      @ApiShape.Required String action, @ApiShape.Required String target, Object before, Object after) {
  }

  private final AuditLog log;
  private final OfficeRegistry offices;
  private final Clock clock;

  public AuditRoutes(AuditLog log, OfficeRegistry offices, Clock clock) {
    this.log = log;
    this.offices = offices;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/audit").respond(this::office);
    router.get("/api/v1/audit").respond(this::province);
  }

  private Future<Buffer> office(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    LocalDate today = LocalDate.now(clock.withZone(office.timezone()));
    return read(ctx, office.id(), today);
  }

  private Future<Buffer> province(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
    return read(ctx, null, LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
  }

  /** from/to (yyyy-MM-dd) default to today; at most MAX_RANGE_DAYS days. */
  private Future<Buffer> read(RoutingContext ctx, String office, LocalDate today) {
    LocalDate from = date("from", ctx.queryParams().get("from"), today);
    LocalDate to = date("to", ctx.queryParams().get("to"), today);
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw ApiException.invalid("invalid_date_range", Integer.toString(MAX_RANGE_DAYS));
    }
    return log.read(office, from, to).map(entries -> ApiJson.answer(ctx, entries.stream().map(AuditRoutes::entry).toList()));
  }

  private static Entry entry(AuditEntry e) {
    return new Entry(e.at().toString(), e.actor(), e.action(), e.target(),
        e.before() == null ? null : parse(e.before()), e.after() == null ? null : parse(e.after()));
  }

  private static Object parse(String text) {
    String t = text.strip();
    return t.startsWith("{") ? new JsonObject(t) : t.startsWith("[") ? new JsonArray(t) : text;
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null) {
      return fallback;
    }
    if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw ApiException.invalid("invalid_date", name);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("invalid_date", name);
    }
  }
}
