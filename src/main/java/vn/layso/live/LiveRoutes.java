package vn.layso.live;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/** GET /api/v1/offices/{office}/live upgrades to the office's live event socket. */
public final class LiveRoutes {

  private final LiveHub hub;
  private final OfficeRegistry offices;

  public LiveRoutes(LiveHub hub, OfficeRegistry offices) {
    this.hub = hub;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/live").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
      throw ApiException.invalid("websocket_required");
    }
    if (hub.full()) {
      throw new ApiException(ApiException.Kind.UNAVAILABLE, "too_many_live_sockets");
    }
    ctx.request().toWebSocket()
        .onSuccess(socket -> hub.attach(office, socket))
        .onFailure(t -> {
          if (!ctx.response().ended()) {
            ctx.fail(ApiException.invalid("websocket_required"));
          }
        });
  }
}
