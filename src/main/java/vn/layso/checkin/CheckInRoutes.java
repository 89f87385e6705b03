package vn.layso.checkin;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.LookupLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.queue.QueueService;
import vn.layso.queue.TicketView;
import vn.layso.queue.TicketRoutes;

/**
 * Appointment check-in: by the office's kiosk (device token), its staff, or anyone (rate-limited
 * like issuing). Checking in again, with or without the same Idempotency-Key, answers the same ticket.
 */
public final class CheckInRoutes {

  /** A check-in's body: the booking code (case, spaces and the dash do not matter). */
  public record CheckInRequest(@ApiShape.Required @ApiShape.MaxLength(20) String code) implements ApiShape.Request {
  }

  /** The route as the OpenAPI document shows it. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/offices/{office}/check-in", "checkIn", "tickets")
          .params("office", "Idempotency-Key").body(CheckInRequest.class)
          .answer(201, TicketView.class, "Idempotent-Replayed", "X-Layso-Token")
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "field_required", "field_not_text",
              "field_too_long", "field_invalid_characters", "check_in_code_invalid", "invalid_idempotency_key")
          .errors(403, "device_not_allowed")
          .errors(404, "check_in_code_unknown", "office_not_found")
          .errors(409, "check_in_too_early", "check_in_closed")
          .limited("rate_limited", "lookup_limited").build());

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

  private Future<Buffer> checkIn(RoutingContext ctx) {
    var office = offices.require(ctx.pathParam("office"));
    TicketRoutes.idempotencyKey(ctx.request().getHeader("Idempotency-Key"));
    String code = ApiInput.read(ctx.body().buffer(), CheckInRequest.class).code();
    Principal principal = Auth.principal(ctx);
    String by = principal == null ? "public" : principal.source();
    return checkIn.checkIn(office.id(), code, by).compose(result -> queue.shownWait(office, result.ticket(),
        result.position(), result.replayed(), result.given()).map(wait -> {
          ctx.response().setStatusCode(201);
          if (result.replayed()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
          }
          TicketView ticket = TicketView.of(office, result.ticket(), result.position(), wait);
          return ApiJson.answer(ctx, result.late() ? ticket.markedLate() : ticket);
        }));
  }
}
