package vn.layso.device;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
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

  private static final List<String> MANAGERS = List.of("ADMIN", "MANAGER");
  private static final String[] BAD_BODY = {"body_required", "invalid_encoding", "invalid_json", "field_required",
      "field_not_text", "field_too_long", "field_invalid_characters", "invalid_device_name", "invalid_device_kind"};

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/devices", "listDevices", "devices").roles(MANAGERS).params("office")
          .answerList(200, Device.class).errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found").build(),
      ApiOperation.post("/api/v1/offices/{office}/devices", "pairDevice", "devices").roles(MANAGERS).params("office")
          .body(PairRequest.class).answer(201, Pairing.class).errors(400, BAD_BODY)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .errors(409, "device_name_taken").build(),
      ApiOperation.post("/api/v1/offices/{office}/devices/claim", "claimDevice", "devices").roles(MANAGERS)
          .params("office").body(ClaimRequest.class).answer(201, Device.class)
          .errors(400, concat(BAD_BODY, "counter_not_allowed", "unknown_counter"))
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "pairing_code_not_found").errors(409, "device_name_taken").build(),
      ApiOperation.delete("/api/v1/offices/{office}/devices/{device}", "unpairDevice", "devices").roles(MANAGERS)
          .params("office").path(DevicePath.class).answer(204, null).errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "office_not_found", "device_not_found").build(),
      ApiOperation.get("/api/v1/devices/me", "getDeviceMe", "devices").roles(List.of("DEVICE"))
          .answer(200, Me.class, "X-Layso-Token").errors(401, "login_required", "invalid_token")
          .errors(403, "device_token_required").errors(404, "device_not_found").build(),
      ApiOperation.post("/api/v1/devices/pairing-codes", "newPairingCode", "devices").answer(201, Code.class)
          .limited("rate_limited").build(),
      ApiOperation.get("/api/v1/devices/pairing-codes/{secret}", "pollPairing", "devices").path(SecretPath.class)
          .answer(200, PairingState.class).errors(404, "pairing_not_found").build());

  private static String[] concat(String[] first, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
        .toArray(String[]::new);
  }

  record DevicePath(String device) {
  }

  record SecretPath(String secret) {
  }

  /** A direct pairing's body: the device's name, its kind (kiosk by default) and a rating tablet's counter. */
  @ApiShape.Name("PairDeviceRequest")
  public record PairRequest(@ApiShape.Required @ApiShape.MaxLength(40) String name,
                            @ApiShape.ValuesOf(DeviceKind.class) @ApiShape.MaxLength(10) String kind,
                            @ApiShape.MaxLength(32) String counter) implements ApiShape.Request {
  }

  /** A claim's body: the code the device shows, its kind, name and (rating tablets) counter. */
  @ApiShape.Name("ClaimDeviceRequest")
  public record ClaimRequest(@ApiShape.Required @ApiShape.MaxLength(20) String code,
                             @ApiShape.Required @ApiShape.ValuesOf(DeviceKind.class) @ApiShape.MaxLength(10) String kind,
                             @ApiShape.Required @ApiShape.MaxLength(40) String name,
                             @ApiShape.MaxLength(32) String counter) implements ApiShape.Request {
  }

  /** A paired device: name, office, kind, a rating tablet's counter, when paired and last seen. */
  public record Device(@ApiShape.Required String device, @ApiShape.Required String office,
                       @ApiShape.Required @ApiShape.ValuesOf(DeviceKind.class) String kind,
                       @ApiShape.Nullable String counter,
                       @ApiShape.Required @ApiShape.Format("date-time") String pairedAt,
                       @ApiShape.Nullable @ApiShape.Format("date-time") String lastSeenAt) {
  }

  /** A device asking who it is: itself, and when its token ends. */
  @ApiShape.Name("DeviceMe")
  @ApiShape.Closed
  public record Me(@ApiShape.Inline Device device, @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) {
  }

  /** What a direct pairing is and gives: the device and its token, shown this once. */
  @ApiShape.Name("DevicePairing")
  public record Pairing(@ApiShape.Required String device, @ApiShape.Required String office,
                        @ApiShape.Required @ApiShape.ValuesOf(DeviceKind.class) String kind,
                        @ApiShape.Nullable String counter, @ApiShape.Required String token,
                        @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) {
  }

  /** A pairing as the audit log keeps it: never the token. */
  record PairedAudit(String device, String office, String kind, @ApiShape.Nullable String counter) {
  }

  /** A pairing code for the device to show, the secret it polls with, and when the code ends. */
  @ApiShape.Name("PairingCode")
  public record Code(@ApiShape.Required @ApiShape.Pattern("^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$") String code,
                     @ApiShape.Required String secret, @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) {
  }

  /** A poll's answer: still waiting (with the code), or paired (with the token, answered once). */
  public sealed interface PairingState permits Waiting, Paired {
  }

  @ApiShape.Name("PairingWaiting")
  public record Waiting(@ApiShape.Required @ApiShape.Values("waiting") String status, @ApiShape.Required String code,
                        @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) implements PairingState {
  }

  @ApiShape.Name("PairingPaired")
  public record Paired(@ApiShape.Required @ApiShape.Values("paired") String status, @ApiShape.Required String token,
                       @ApiShape.Required String device, @ApiShape.Required String office,
                       @ApiShape.Required @ApiShape.ValuesOf(DeviceKind.class) String kind,
                       @ApiShape.Nullable String counter,
                       @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) implements PairingState {
  }

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

  private Future<Buffer> newCode(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return auth.startPairing().map(start -> {
      ctx.response().setStatusCode(201);
      return ApiJson.answer(ctx, new Code(PairingCode.display(start.code()), start.secret(),
          start.expiresAt().toString()));
    });
  }

  private Future<Buffer> poll(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return auth.pollPairing(ctx.pathParam("secret")).map(p -> ApiJson.answer(ctx, p.token() == null
        ? new Waiting("waiting", PairingCode.display(p.code()), p.expiresAt().toString())
        : new Paired("paired", p.token(), p.device(), p.office(), p.kind().id(), p.counter(),
            p.expiresAt().toString())));
  }

  private Future<Buffer> claim(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    ClaimRequest body = ApiInput.read(ctx.body().buffer(), ClaimRequest.class);
    String code = PairingCode.normalize(body.code());
    String name = body.name().toLowerCase(Locale.ROOT);
    DeviceKind kind = kind(body.kind());
    String counter = counter(office, kind, body.counter());
    if (code == null) {
      throw ApiException.notFound("pairing_code_not_found");
    }
    return auth.claimPairing(code, name, office.id(), kind, counter)
        .compose(device -> record(office, caller, "device.pair", device.username(), null, view(device))
            .map(v -> {
              ctx.response().setStatusCode(201);
              return ApiJson.answer(ctx, view(device));
            }));
  }

  private Future<Buffer> pair(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    PairRequest body = ApiInput.read(ctx.body().buffer(), PairRequest.class);
    String name = body.name().toLowerCase(Locale.ROOT);
    DeviceKind kind = kind(body.kind());
    String counter = counter(office, kind, body.counter());
    // the audit log keeps what was paired, never the token
    PairedAudit after = new PairedAudit(name, office.id(), kind.id(), counter);
    return auth.pairDevice(name, office.id(), kind, counter)
        .compose(login -> record(office, Auth.principal(ctx), "device.pair", name, null, after).map(v -> {
          ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
          return ApiJson.answer(ctx, new Pairing(name, office.id(), kind.id(), counter, login.token(),
              login.principal().expiresAt().toString()));
        }));
  }

  /** Writes a device change to the office's audit log; a failed write does not undo the change. */
  private Future<Void> record(Office office, Principal actor, String action, String device, Object before,
                              Object after) {
    return audit.record(office.id(), office.timezone(), new AuditEntry(clock.instant(), actor.source(),
            action, "device:" + device, before == null ? null : ApiJson.encode(before),
            after == null ? null : ApiJson.encode(after)))
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

  private Future<Buffer> list(RoutingContext ctx) {
    String office = Auth.managedOffice(ctx, offices).id();
    return auth.devices(office).map(all -> ApiJson.answer(ctx, all.stream().map(DeviceRoutes::view).toList()));
  }

  private Future<Void> unpair(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    String name = ctx.pathParam("device").toLowerCase(Locale.ROOT);
    return auth.device(name).map(DeviceRoutes::view).otherwise((Device) null)
        .compose(before -> auth.unpairDevice(office.id(), name)
            .compose(v -> record(office, Auth.principal(ctx), "device.revoke", name, before, null)))
        .onSuccess(v -> ctx.response().setStatusCode(204));
  }

  private Future<Buffer> me(RoutingContext ctx) {
    Principal p = Auth.requireLogin(ctx);
    if (p.role() != Role.DEVICE) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "device_token_required");
    }
    return auth.device(p.username()).map(device -> ApiJson.answer(ctx, new Me(view(device), p.expiresAt().toString())));
  }

  private static DeviceKind kind(String value) {
    DeviceKind kind = value == null ? DeviceKind.KIOSK : DeviceKind.parse(value.toLowerCase(Locale.ROOT));
    if (kind == null) {
      throw ApiException.invalid("invalid_device_kind");
    }
    return kind;
  }

  private static Device view(AuthStore.Device d) {
    return new Device(d.username(), d.office(), d.kind().id(), d.counter(), d.pairedAt().toString(),
        d.lastSeenAt() == null ? null : d.lastSeenAt().toString());
  }
}
