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
import vn.layso.office.domain.Office;

/**
 * Pairing kiosks, lobby displays and rating tablets: a manager of the office (or an admin) pairs a
 * device and hands its token to it once; the device then asks who it is with that token.
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
    Office office = Auth.managedOffice(ctx, offices);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String name = body.requiredString("name", 40).toLowerCase(Locale.ROOT);
    DeviceKind kind = kind(body.optionalString("kind", 10));
    String counter = counter(office, kind, body.optionalString("counter", 32));
    return auth.pairDevice(name, office.id(), kind, counter).map(login -> {
      ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
      return new JsonObject().put("device", name).put("office", office.id()).put("kind", kind.id())
          .put("counter", counter)
          .put("token", login.token()).put("expiresAt", login.principal().expiresAt().toString());
    });
  }

  /** A rating tablet belongs to one counter of the office; other kinds to none. */
  static String counter(Office office, DeviceKind kind, String counter) {
    if (kind != DeviceKind.RATING) {
      if (counter != null) {
        throw ApiException.invalid("counter_not_allowed");
      }
      return null;
    }
    if (counter == null) {
      throw ApiException.invalid("field_required", "counter");
    }
    if (office.counter(counter).isEmpty()) {
      throw ApiException.invalid("unknown_counter", OfficeRegistry.safe(counter));
    }
    return counter;
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    String office = Auth.managedOffice(ctx, offices).id();
    return auth.devices(office).map(all -> new JsonArray(all.stream().map(DeviceRoutes::view).toList()));
  }

  private Future<Void> unpair(RoutingContext ctx) {
    String office = Auth.managedOffice(ctx, offices).id();
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
        .put("counter", d.counter()).put("pairedAt", d.pairedAt().toString());
  }
}
