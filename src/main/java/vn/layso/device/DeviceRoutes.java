package vn.layso.device;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import vn.layso.audit.AuditLog;
import vn.layso.audit.domain.AuditEntry;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthService;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.PairingCode;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/**
 * Pairing kiosks, lobby displays and rating tablets. By code: an unpaired device asks for a pairing
 * code (anonymous, limited per address), shows it and polls with its secret; a manager of the office
 * (or an admin) claims the code in the console, choosing the kind, name and (rating tablets) counter,
 * and the device's next poll hands it its token, once. Directly: a manager pairs a device and gets
 * its token to carry over. The device then asks who it is with that token. Pairing and revoking are
 * written to the office's audit log (never a code, secret or token).
 */
public final class DeviceRoutes {

  private final AuthService auth;
  private final OfficeRegistry offices;
  private final AuditLog audit;
  private final Clock clock;

  public DeviceRoutes(AuthService auth, OfficeRegistry offices, AuditLog audit, Clock clock) {
    this.auth = auth;
    this.offices = offices;
    this.audit = audit;
    this.clock = clock;
  }

  /** {@code codeLimit}: how many pairing codes an address may ask for. */
  public void mount(Router router, Handler<RoutingContext> codeLimit) {
    router.post("/api/v1/offices/:office/devices").respond(this::pair);
    router.post("/api/v1/offices/:office/devices/claim").respond(this::claim);
    router.get("/api/v1/offices/:office/devices").respond(this::list);
    router.delete("/api/v1/offices/:office/devices/:device").respond(this::unpair);
    router.get("/api/v1/devices/me").respond(this::me);
    router.post("/api/v1/devices/pairing-codes").handler(codeLimit).respond(this::newCode);
    router.get("/api/v1/devices/pairing-codes/:secret").respond(this::poll);
  }

  private Future<JsonObject> newCode(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return auth.startPairing().map(start -> {
      ctx.response().setStatusCode(201);
      return new JsonObject().put("code", PairingCode.display(start.code())).put("secret", start.secret())
          .put("expiresAt", start.expiresAt().toString());
    });
  }

  private Future<JsonObject> poll(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return auth.pollPairing(ctx.pathParam("secret")).map(p -> p.token() == null
        ? new JsonObject().put("status", "waiting").put("code", PairingCode.display(p.code()))
            .put("expiresAt", p.expiresAt().toString())
        : new JsonObject().put("status", "paired").put("token", p.token()).put("device", p.device())
            .put("office", p.office()).put("kind", p.kind().id()).put("counter", p.counter())
            .put("expiresAt", p.expiresAt().toString()));
  }

  private Future<JsonObject> claim(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String code = PairingCode.normalize(body.requiredString("code", 20));
    String name = body.requiredString("name", 40).toLowerCase(Locale.ROOT);
    DeviceKind kind = kind(body.requiredString("kind", 10));
    String counter = counter(office, kind, body.optionalString("counter", 32));
    if (code == null) {
      throw ApiException.notFound("pairing_code_not_found");
    }
    return auth.claimPairing(code, name, office.id(), kind, counter)
        .compose(device -> record(office, caller, "device.pair", device.username(), null, view(device))
            .map(v -> {
              ctx.response().setStatusCode(201);
              return view(device);
            }));
  }

  private Future<JsonObject> pair(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String name = body.requiredString("name", 40).toLowerCase(Locale.ROOT);
    DeviceKind kind = kind(body.optionalString("kind", 10));
    String counter = counter(office, kind, body.optionalString("counter", 32));
    JsonObject after = new JsonObject().put("device", name).put("office", office.id()).put("kind", kind.id())
        .put("counter", counter);
    return auth.pairDevice(name, office.id(), kind, counter)
        .compose(login -> record(office, Auth.principal(ctx), "device.pair", name, null, after.copy()).map(v -> {
          ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
          return after.put("token", login.token()).put("expiresAt", login.principal().expiresAt().toString());
        }));
  }

  /** Writes a device change to the office's audit log; a failed write does not undo the change. */
  private Future<Void> record(Office office, Principal actor, String action, String device, JsonObject before,
                              JsonObject after) {
    return audit.record(office.id(), office.timezone(), new AuditEntry(clock.instant(), actor.source(),
            action, "device:" + device, before == null ? null : before.encode(), after == null ? null : after.encode()))
        .otherwiseEmpty();
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
    Office office = Auth.managedOffice(ctx, offices);
    String name = ctx.pathParam("device").toLowerCase(Locale.ROOT);
    return auth.device(name).map(DeviceRoutes::view).otherwise((JsonObject) null)
        .compose(before -> auth.unpairDevice(office.id(), name)
            .compose(v -> record(office, Auth.principal(ctx), "device.revoke", name, before, null)))
        .onSuccess(v -> ctx.response().setStatusCode(204));
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
        .put("counter", d.counter()).put("pairedAt", d.pairedAt().toString())
        .put("lastSeenAt", d.lastSeenAt() == null ? null : d.lastSeenAt().toString());
  }
}
