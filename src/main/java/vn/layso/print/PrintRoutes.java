package vn.layso.print;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.JsonInput;
import vn.layso.common.Messages;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/** Printing a ticket (kiosk or staff reprint), today's failed prints and the office's printers. */
public final class PrintRoutes {

  private static final int MAX_FAILURES = 200;

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

  private Future<JsonObject> print(RoutingContext ctx) {
    Principal caller = Auth.requireLogin(ctx);
    var body = ctx.body().buffer();
    String printer = body == null || body.length() == 0 ? null
        : JsonInput.parse(body).optionalString("printer", 32);
    ctx.response().putHeader("Cache-Control", "no-store");
    return prints.print(ctx.pathParam("id"), caller, printer).map(outcome -> {
      if (outcome.replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      JsonObject json = new JsonObject().put("status", outcome.result().status()).put("printer", outcome.printer());
      if (!outcome.result().printed()) {
        String reason = outcome.result().reason().code();
        json.put("reason", reason).put("message", Messages.text(
            Messages.fromAcceptLanguage(ctx.request().getHeader("Accept-Language")), "print_" + reason,
            outcome.number()));
      }
      return json;
    });
  }

  private Future<JsonArray> failures(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    ZoneId zone = office.timezone();
    return prints.failures(office, MAX_FAILURES).map(list -> new JsonArray(list.stream().map(f -> new JsonObject()
        .put("id", f.id()).put("number", f.number()).put("service", f.service()).put("status", f.status())
        .put("issuedAt", time(f.issuedAt(), zone)).put("printer", f.printer()).put("reason", f.reason())
        .put("at", time(f.at(), zone))).toList()));
  }

  private Future<JsonArray> printers(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    return prints.printerStates(office).map(states -> new JsonArray(office.printers().stream().map(p -> {
      var profile = prints.profileOf(p);
      var state = states.get(p.id());
      JsonObject json = new JsonObject().put("id", p.id()).put("name", p.name()).put("profile", p.profile())
          .put("paperMm", profile.paperMm()).put("mode", profile.mode().name().toLowerCase(java.util.Locale.ROOT))
          .put("host", p.host()).put("port", p.port()).put("kiosks", new JsonArray(p.kiosks()));
      json.put("lastStatus", state == null ? null : new JsonObject().put("status", state.status())
          .put("reason", state.reason()).put("at", time(state.at(), office.timezone())).put("number", state.number()));
      return json;
    }).toList()));
  }


  private static String time(Instant at, ZoneId zone) {
    return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).withNano(0));
  }

}
