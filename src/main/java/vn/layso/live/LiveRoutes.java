package vn.layso.live;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.common.ApiException;
import vn.layso.common.ClientAddress;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/** GET /api/v1/offices/{office}/live upgrades to the office's live event socket. */
public final class LiveRoutes {

  /** How long a client turned away for its address should wait before it tries again. */
  private static final String RETRY_AFTER_SECONDS = "30";

  private final LiveHub hub;
  private final OfficeRegistry offices;
  private final ClientAddress addresses;

  public LiveRoutes(LiveHub hub, OfficeRegistry offices, ClientAddress addresses) {
    this.hub = hub;
    this.offices = offices;
    this.addresses = addresses;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/live").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
      throw ApiException.invalid("websocket_required");
    }
    // a reconnecting client may say what it has (both or neither): it is sent the gap, not a snapshot
    String since = ctx.request().getParam("since");
    String epoch = ctx.request().getParam("epoch");
    if ((since == null) != (epoch == null) || since != null && !(digits(since, 18) && digits(epoch, 24))) {
      throw ApiException.invalid("invalid_live_resume");
    }
    Long from = since == null ? null : Long.parseLong(since);
    String address = reservePlace(ctx);
    ctx.request().toWebSocket()
        .onSuccess(socket -> hub.attach(office, socket, address, from, epoch))
        .onFailure(t -> {
          hub.release(address);
          if (!ctx.response().ended()) {
            ctx.fail(ApiException.invalid("websocket_required"));
          }
        });
  }

  private static boolean digits(String text, int most) {
    return !text.isEmpty() && text.length() <= most && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Reserves the socket's place, or answers 503 (server full) or 429 (its address has enough). */
  private String reservePlace(RoutingContext ctx) {
    String address = addresses.resolve(ctx.request().remoteAddress().hostAddress(),
        ctx.request().getHeader("X-Forwarded-For"));
    switch (hub.reserve(address)) {
      case SERVER_FULL -> throw new ApiException(ApiException.Kind.UNAVAILABLE, "too_many_live_sockets");
      case ADDRESS_FULL -> {
        ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        throw new ApiException(ApiException.Kind.TOO_MANY, "too_many_live_sockets_from_address");
      }
      case OPEN -> { }
    }
    return address;
  }
}
