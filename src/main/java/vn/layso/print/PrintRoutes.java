package vn.layso.print;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.Messages;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.print.domain.PrintResult;

/** Printing a ticket (kiosk or staff reprint), today's failed prints and the office's printers. */
public final class PrintRoutes {

  private static final int MAX_FAILURES = 200;
  private static final List<String> STAFF = ApiOperation.STAFF;

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/tickets/{id}/print", "printTicket", "printing")
          .roles(List.of("ADMIN", "STAFF", "DEVICE")).params("id").optionalBody(PrintRequest.class)
          .answer(200, PrintOutcome.class, "Idempotent-Replayed", "X-Layso-Token")
          .errors(400, "printer_not_allowed", "unknown_printer", "invalid_encoding", "invalid_json", "field_not_text",
              "field_too_long", "field_invalid_characters")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "ticket_not_found")
          .errors(409, "no_printer", "ticket_not_printable").build(),
      ApiOperation.get("/api/v1/offices/{office}/print-failures", "getPrintFailures", "printing").roles(STAFF)
          .params("office").answerList(200, PrintFailure.class).errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "office_not_found").build(),
      ApiOperation.get("/api/v1/offices/{office}/printers", "getPrinters", "printing").roles(STAFF)
          .params("office").answerList(200, PrinterInfo.class).errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "office_not_found").build());

  /** A print request's optional body: the printer, named by staff (a kiosk prints on its own). */
  public record PrintRequest(@ApiShape.MaxLength(32) String printer) implements ApiShape.Request {
  }

  /** How the print job ended; a failed print is still a 200 (the ticket stays issued). */
  public record PrintOutcome(@ApiShape.Required @ApiShape.Values({"PRINTED", "FAILED"}) String status,
                             @ApiShape.Required String printer,
                             @ApiShape.ValuesOf(PrintResult.Reason.class) String reason, String message) {
  }

  /** A ticket of today whose last print failed and that is still open. */
  public record PrintFailure(@ApiShape.Required String id, @ApiShape.Required String number,
                             @ApiShape.Required String service, @ApiShape.Required @ApiShape.Ref("TicketStatus") String status,
                             @ApiShape.Required @ApiShape.Format("date-time") String issuedAt,
                             @ApiShape.Required String printer,
                             @ApiShape.Required @ApiShape.ValuesOf(PrintResult.Reason.class) String reason,
                             @ApiShape.Required @ApiShape.Format("date-time") String at) {
  }

  /** A printer of the office and its last known state. */
  public record PrinterInfo(@ApiShape.Required String id, @ApiShape.Required String name,
                            @ApiShape.Required String profile, int paperMm,
                            @ApiShape.Required @ApiShape.Values({"raster", "text"}) String mode,
                            @ApiShape.Required String host, int port, @ApiShape.Required List<String> kiosks,
                            @ApiShape.Nullable PrinterLastStatus lastStatus) {
  }

  /** The outcome of a printer's last job. */
  public record PrinterLastStatus(@ApiShape.Values({"OK", "FAILED"}) String status, @ApiShape.Nullable String reason,
                                  @ApiShape.Nullable @ApiShape.Format("date-time") String at, String number) {
  }

  private final PrintService prints;
  private final OfficeRegistry offices;

  public PrintRoutes(PrintService prints, OfficeRegistry offices) {
    this.prints = prints;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.post("/api/v1/tickets/:id/print").respond(this::print);
    router.get("/api/v1/offices/:office/print-failures").respond(this::failures);
    router.get("/api/v1/offices/:office/printers").respond(this::printers);
  }

  private Future<Buffer> print(RoutingContext ctx) {
    Principal caller = Auth.requireLogin(ctx);
    var body = ctx.body().buffer();
    String printer = body == null || body.length() == 0 ? null : ApiInput.read(body, PrintRequest.class).printer();
    ctx.response().putHeader("Cache-Control", "no-store");
    return prints.print(ctx.pathParam("id"), caller, printer).map(outcome -> {
      if (outcome.replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      if (outcome.result().printed()) {
        return ApiJson.answer(ctx, new PrintOutcome(outcome.result().status(), outcome.printer(), null, null));
      }
      String reason = outcome.result().reason().code();
      return ApiJson.answer(ctx, new PrintOutcome(outcome.result().status(), outcome.printer(), reason, Messages.text(
          Messages.fromAcceptLanguage(ctx.request().getHeader("Accept-Language")), "print_" + reason,
          outcome.number())));
    });
  }

  private Future<Buffer> failures(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    ZoneId zone = office.timezone();
    return prints.failures(office, MAX_FAILURES).map(list -> ApiJson.answer(ctx, list.stream().map(f ->
        new PrintFailure(f.id(), f.number(), f.service(), f.status(), time(f.issuedAt(), zone), f.printer(),
            f.reason(), time(f.at(), zone))).toList()));
  }

  private Future<Buffer> printers(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    return prints.printerStates(office).map(states -> ApiJson.answer(ctx, office.printers().stream().map(p -> {
      var profile = prints.profileOf(p);
      var state = states.get(p.id());
      return new PrinterInfo(p.id(), p.name(), p.profile(), profile.paperMm(),
          profile.mode().name().toLowerCase(java.util.Locale.ROOT), p.host(), p.port(), p.kiosks(),
          state == null ? null : new PrinterLastStatus(state.status(), state.reason(),
              time(state.at(), office.timezone()), state.number()));
    }).toList()));
  }


  private static String time(Instant at, ZoneId zone) {
    return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).withNano(0));
  }

}
