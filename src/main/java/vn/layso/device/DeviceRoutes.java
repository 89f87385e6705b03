package vn.layso.device;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthService;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.office.OfficeRegistry;

/**
 * Pairing kiosks and lobby displays: an admin pairs a device of an office and hands its token to
 * it once (the kiosk page does this itself); the device then asks who it is with that token.
 */
public final class DeviceRoutes {

  private final AuthService auth;
  private final OfficeRegistry offices;

  public DeviceRoutes(AuthService auth, OfficeRegistry offices) {
    this.auth = auth;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.post("/api/v1/offices/:office/devices").respond(this::pair);
    router.get("/api/v1/offices/:office/devices").respond(this::list);
    router.delete("/api/v1/offices/:office/devices/:device").respond(this::unpair);
    router.get("/api/v1/devices/me").respond(this::me);
  }

  private Future<JsonObject> pair(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    String office = offices.require(ctx.pathParam("office")).id();
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String name = body.requiredString("name", 40).toLowerCase(Locale.ROOT);
    DeviceKind kind = kind(body.optionalString("kind", 10));
    return auth.pairDevice(name, office, kind).map(login -> {
      ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
      return new JsonObject().put("device", name).put("office", office).put("kind", kind.id())
          .put("token", login.token()).put("expiresAt", login.principal().expiresAt().toString());
    });
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    String office = offices.require(ctx.pathParam("office")).id();
    return auth.devices(office).map(all -> new JsonArray(all.stream().map(DeviceRoutes::view).toList()));
  }

  private Future<Void> unpair(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    String office = offices.require(ctx.pathParam("office")).id();
    ctx.response().setStatusCode(204);
    return auth.unpairDevice(office, ctx.pathParam("device").toLowerCase(Locale.ROOT));
  }

  private Future<JsonObject> me(RoutingContext ctx) {
    Principal p = Auth.requireLogin(ctx);
    if (p.role() != Role.DEVICE) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "device_token_required");
    }
    return auth.device(p.username()).map(device -> view(device).put("expiresAt", p.expiresAt().toString()));
  }

  private static DeviceKind kind(String value) {
    DeviceKind kind = value == null ? DeviceKind.KIOSK : DeviceKind.parse(value.toLowerCase(Locale.ROOT));
    if (kind == null) {
      throw ApiException.invalid("invalid_device_kind");
    }
    return kind;
  }

  private static JsonObject view(AuthStore.Device d) {
    return new JsonObject().put("device", d.username()).put("office", d.office()).put("kind", d.kind().id())
        .put("pairedAt", d.pairedAt().toString());
  }
}
