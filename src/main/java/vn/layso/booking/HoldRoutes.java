package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.common.ClientAddress;
import vn.layso.queue.TicketRoutes;

/** Holding a place while the booking form is filled, and giving it back. */
public final class HoldRoutes {

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/offices/{office}/holds", "createHold", "booking").params("office", "Idempotency-Key")
          .body(HoldRequest.class).answer(201, Hold.class, "Idempotent-Replayed", "X-Layso-Token")
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "field_not_text", "field_too_long",
              "field_invalid_characters", "invalid_date", "invalid_time", "unknown_service", "field_required",
              "slot_not_bookable", "outside_booking_window", "office_closed_that_day", "invalid_hold",
              "invalid_idempotency_key")
          .errors(404, "office_not_found").errors(409, "slot_full", "idempotency_key_reused")
          .limited("rate_limited", "too_many_holds").build(),
      ApiOperation.delete("/api/v1/offices/{office}/holds/{hold}", "releaseHold", "booking").params("office")
          .path(HoldPath.class).answer(204, null).errors(400, "invalid_hold").errors(404, "office_not_found").build());

  /** A hold's body: the slot, and the page's previous hold and session (both optional). */
  public record HoldRequest(@ApiShape.Required @ApiShape.MaxLength(32) String service,
                            @ApiShape.Required @ApiShape.Format("date") @ApiShape.MaxLength(10) String date,
                            @ApiShape.Required @ApiShape.MaxLength(5) String start,
                            @ApiShape.MaxLength(40) String replaces,
                            @ApiShape.MaxLength(64) String session) implements ApiShape.Request {
  }

  /** The place held: its id, until when, and the session holding it. */
  public record Hold(@ApiShape.Required String hold, @ApiShape.Required @ApiShape.Format("date-time") String expiresAt,
                     @ApiShape.Required @ApiShape.Pattern("^[A-Za-z0-9_-]{22,64}$") String session) {
  }

  record HoldPath(@ApiShape.MaxLength(40) String hold) {
  }

  private final HoldService holds;
  private final ClientAddress addresses;

  public HoldRoutes(HoldService holds, ClientAddress addresses) {
    this.holds = holds;
    this.addresses = addresses;
  }

  /** {@code anonymousLimit}: the per-address rate limit of anonymous writes (as for booking). */
  public void mount(Router router, Handler<RoutingContext> anonymousLimit) {
    router.post("/api/v1/offices/:office/holds").handler(anonymousLimit).respond(this::hold);
    router.delete("/api/v1/offices/:office/holds/:hold").respond(this::release);
  }

  private Future<Buffer> hold(RoutingContext ctx) {
    HoldRequest body = ApiInput.read(ctx.body().buffer(), HoldRequest.class);
    var request = new HoldService.HoldRequest(ctx.pathParam("office"), body.service(), body.date(), body.start(),
        body.replaces(), body.session(), address(ctx),
        TicketRoutes.idempotencyKey(ctx.request().getHeader("Idempotency-Key")));
    return holds.hold(request).map(held -> {
      ctx.response().setStatusCode(201);
      if (held.replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      return ApiJson.answer(ctx, new Hold(held.hold(), held.expiresAt().toString(), held.session()));
    });
  }

  private Future<Void> release(RoutingContext ctx) {
    return holds.release(ctx.pathParam("office"), ctx.pathParam("hold")).map(v -> {
      ctx.response().setStatusCode(204);
      return null;
    });
  }

  /** The caller's address as the rate limits count it (an IPv6 address by its /64). */
  private String address(RoutingContext ctx) {
    return ClientAddress.rateBucket(addresses.resolve(ctx.request().remoteAddress().hostAddress(),
        ctx.request().getHeader("X-Forwarded-For")));
  }
}
