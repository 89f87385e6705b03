package vn.layso.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import vn.layso.audit.domain.AuditEntry;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/** Who changed what: an office's log for its managers and the admins, the province-wide one for admins. */
public final class AuditRoutes {

  private static final int MAX_RANGE_DAYS = 400;

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

  private Future<JsonArray> office(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    LocalDate today = LocalDate.now(clock.withZone(office.timezone()));
    return read(ctx, office.id(), today);
  }

  private Future<JsonArray> province(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
    return read(ctx, null, LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
  }

  /** from/to (yyyy-MM-dd) default to today; at most MAX_RANGE_DAYS days. */
  private Future<JsonArray> read(RoutingContext ctx, String office, LocalDate today) {
    LocalDate from = date("from", ctx.queryParams().get("from"), today);
    LocalDate to = date("to", ctx.queryParams().get("to"), today);
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw ApiException.invalid("invalid_date_range", Integer.toString(MAX_RANGE_DAYS));
    }
    return log.read(office, from, to).map(entries -> new JsonArray(entries.stream().map(AuditRoutes::json).toList()));
  }

  public static JsonObject json(AuditEntry e) {
    JsonObject json = new JsonObject().put("at", e.at().toString()).put("actor", e.actor())
        .put("action", e.action()).put("target", e.target());
    if (e.before() != null) {
      json.put("before", parse(e.before()));
    }
    if (e.after() != null) {
      json.put("after", parse(e.after()));
    }
    return json;
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
