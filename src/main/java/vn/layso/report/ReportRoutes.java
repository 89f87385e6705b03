package vn.layso.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
import vn.layso.report.domain.ReportBy;

/** Reports: an office's (its managers and admins) and every office side by side (admins); JSON, CSV or Excel. */
public final class ReportRoutes {

  /** The longest period a report covers, in days (a leap year). */
  static final int MAX_DAYS = 366;
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The routes as the OpenAPI document shows them: the JSON record, or the same report as CSV or Excel. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/reports", "getOfficeReport", "reports")
          .roles(List.of("ADMIN", "MANAGER")).params("office").query(OfficeQuery.class)
          .answer(200, ReportView.class).answerMedia(200, "text/csv").answerMedia(200, XLSX)
          .errors(400, "invalid_date", "invalid_date_range", "invalid_report_by", "invalid_report_format")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .build(),
      ApiOperation.get("/api/v1/reports", "getProvinceReport", "reports")
          .roles(List.of("ADMIN")).query(ProvinceQuery.class)
          .answer(200, ReportView.class).answerMedia(200, "text/csv").answerMedia(200, XLSX)
          .errors(400, "invalid_date", "invalid_date_range", "invalid_report_format")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").build());

  record OfficeQuery(@ApiShape.Required @ApiShape.Format("date") String from,
                     @ApiShape.Required @ApiShape.Format("date") String to,
                     @ApiShape.Values({"day", "field", "counter", "staff", "hour"}) String by,
                     @ApiShape.Values({"json", "csv", "xlsx"}) String format) {
  }

  record ProvinceQuery(@ApiShape.Required @ApiShape.Format("date") String from,
                       @ApiShape.Required @ApiShape.Format("date") String to,
                       @ApiShape.Values({"json", "csv", "xlsx"}) String format) {
  }

  private final Vertx vertx;
  private final ReportService reports;
  private final OfficeRegistry offices;

  public ReportRoutes(Vertx vertx, ReportService reports, OfficeRegistry offices) {
    this.vertx = vertx;
    this.reports = reports;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/reports").respond(this::officeReport);
    router.get("/api/v1/reports").respond(this::provinceReport);
  }

  private Future<Object> officeReport(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    LocalDate from = date(ctx, "from");
    LocalDate to = range(from, date(ctx, "to"));
    String byValue = ctx.queryParams().get("by");
    ReportBy by = ReportBy.parse(byValue == null ? "day" : byValue)
        .orElseThrow(() -> ApiException.invalid("invalid_report_by"));
    String format = format(ctx);
    return reports.report(office, from, to, by)
        .compose(report -> send(ctx, report, format, office.name(), office.id() + "-" + by.code()));
  }

  private Future<Object> provinceReport(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
    LocalDate from = date(ctx, "from");
    LocalDate to = range(from, date(ctx, "to"));
    String format = format(ctx);
    return reports.province(from, to).compose(report -> send(ctx, report, format, "Các đơn vị", "cac-don-vi"));
  }

  private Future<Object> send(RoutingContext ctx, ReportView report, String format, String centre, String name) {
    if (format.equals("json")) {
      return Future.succeededFuture(ApiJson.answer(ctx, report));
    }
    String file = "bao-cao-" + name + "-" + report.from() + "-" + report.to() + "." + format;
    ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    ReportTable table = ReportTable.of(ApiJson.json(report), centre);
    if (format.equals("csv")) {
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8");
      return Future.succeededFuture(ReportExport.csv(table));
    }
    ctx.response().putHeader("Content-Type", XLSX);
    return vertx.executeBlocking(() -> ReportExport.xlsx(table), false).map(b -> b);
  }

  private static String format(RoutingContext ctx) {
    String format = ctx.queryParams().get("format");
    if (format == null || format.equals("json") || format.equals("csv") || format.equals("xlsx")) {
      return format == null ? "json" : format;
    }
    throw ApiException.invalid("invalid_report_format");
  }

  private static LocalDate range(LocalDate from, LocalDate to) {
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw ApiException.invalid("invalid_date_range", Integer.toString(MAX_DAYS));
    }
    return to;
  }

  /** A calendar date written yyyy-MM-dd; anything else is 400 invalid_date. */
  private static LocalDate date(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw ApiException.invalid("invalid_date", name);
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("invalid_date", name);
    }
  }
}
