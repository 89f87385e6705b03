package vn.layso.checkin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.JsonInput;
import vn.layso.common.LookupLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.queue.QueueService;
import vn.layso.queue.TicketJson;
import vn.layso.queue.TicketRoutes;

/**
 * Appointment check-in: by the office's kiosk (device token), its staff, or anyone (rate-limited
 * like issuing). Checking in again, with or without the same Idempotency-Key, answers the same ticket.
 */
public final class CheckInRoutes {

  private final CheckInService checkIn;
  private final OfficeRegistry offices;
  private final QueueService queue;

  public CheckInRoutes(CheckInService checkIn, OfficeRegistry offices, QueueService queue) {
    this.checkIn = checkIn;
    this.offices = offices;
    this.queue = queue;
  }

  /**
   * {@code lookups} limits anonymous check-ins as look-ups by code ({@code codeKey}: the keyed hash a
   * code is counted under); the office's paired kiosk and its staff are trusted and pass uncounted.
   */
  public void mount(Router router, Handler<RoutingContext> anonymousLimit, LookupLimiter lookups,
                    Function<String, String> codeKey) {
    router.post("/api/v1/offices/:office/check-in").handler(anonymousLimit)
        .handler(lookups.limit(ctx -> codeKey.apply(bodyCode(ctx)), ctx -> Auth.actsFor(ctx, ctx.pathParam("office"))))
        .respond(ctx -> lookups.settle(ctx, () -> checkIn(ctx)));
  }

  /** The code the body names, or null when it names none (the handler then answers 400). */
  private static String bodyCode(RoutingContext ctx) {
    try {
      Object code = new JsonObject(ctx.body().buffer()).getValue("code");
      return code instanceof String text && text.length() <= 20 ? text : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private Future<JsonObject> checkIn(RoutingContext ctx) {
    var office = offices.require(ctx.pathParam("office"));
    TicketRoutes.idempotencyKey(ctx.request().getHeader("Idempotency-Key"));
    String code = JsonInput.parse(ctx.body().buffer()).requiredString("code", 20);
    Principal principal = Auth.principal(ctx);
    String by = principal == null ? "public" : principal.source();
    return checkIn.checkIn(office.id(), code, by).compose(result -> queue.shownWait(office, result.ticket(),
        result.position(), result.replayed(), result.given()).map(wait -> {
          ctx.response().setStatusCode(201);
          if (result.replayed()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
          }
          JsonObject json = TicketJson.of(office, result.ticket(), result.position(), wait);
          if (result.late()) {
            json.put("lateArrival", true);
          }
          return json;
        }));
  }
}
