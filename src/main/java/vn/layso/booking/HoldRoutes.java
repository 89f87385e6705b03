package vn.layso.booking;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.common.ClientAddress;
import vn.layso.common.JsonInput;
import vn.layso.queue.TicketRoutes;

/** Holding a place while the booking form is filled, and giving it back. */
public final class HoldRoutes {

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

  private Future<JsonObject> hold(RoutingContext ctx) {
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    var request = new HoldService.HoldRequest(ctx.pathParam("office"), body.requiredString("service", 32),
        body.requiredString("date", 10), body.requiredString("start", 5), body.optionalString("replaces", 40),
        body.optionalString("session", 64), address(ctx),
        TicketRoutes.idempotencyKey(ctx.request().getHeader("Idempotency-Key")));
    return holds.hold(request).map(held -> {
      ctx.response().setStatusCode(201);
      if (held.replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      return new JsonObject().put("hold", held.hold()).put("expiresAt", held.expiresAt().toString())
          .put("session", held.session());
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
