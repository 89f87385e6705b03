package vn.layso.store.redis;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;

/** Accounts as hashes, tokens as JSON under their SHA-256 with the token's lifetime as TTL. */
public final class RedisAuthStore implements AuthStore {

  /** A device's last-seen time is written at most this often. */
  public static final Duration SEEN_INTERVAL = Duration.ofMinutes(1);
  /** How long a claimed pairing waits for its device's next poll, at least. */
  private static final Duration PAIRED_HOLD = Duration.ofMinutes(2);

  private final RedisStore redis;

  public RedisAuthStore(RedisStore redis) {
    this.redis = redis;
  }

  @Override
  public Future<Account> findAccount(String username) {
    return redis.call(c -> c.hgetall(Keys.user(username))).map(RedisAuthStore::account);
  }

  /**
   * An account from its hash (see Keys.user); one stored before accounts had several offices has only
   * {@code office}: an account of that one office.
   */
  static Account account(Map<String, ?> h) {
    if (h == null || h.isEmpty() || h.get("role") == null) {
      return null;
    }
    String offices = text(h, "offices");
    if (offices == null) {
      offices = text(h, "office");
    }
    return new Account(text(h, "username"), text(h, "passwordHash"), Role.valueOf(text(h, "role")),
        offices == null ? List.of() : List.of(offices.split(",")), text(h, "fullName"),
        "1".equals(text(h, "disabled")), "1".equals(text(h, "mustChange")));
  }

  private static String text(Map<String, ?> h, String field) {
    Object value = h.get(field);
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }

  @Override
  public Future<Boolean> createAccount(Account a) {
    return redis.script("create_account", List.of(Keys.user(a.username()), Keys.USERS),
            List.of(a.username(), a.passwordHash(), a.role().name(), a.office() == null ? "" : a.office(),
                String.join(",", a.offices()), a.fullName() == null ? "" : a.fullName(),
                a.mustChangePassword() ? "1" : ""))
        .map(raw -> new JsonObject(raw).getBoolean("created"));
  }

  @Override
  public Future<Changed> updateAccount(String username, Reach reach, AccountChange change) {
    List<String> args = new ArrayList<>(List.of(reach.office() == null ? "" : reach.office(), managed(reach),
        Keys.tokenPrefix()));
    if (change.fullName() != null) {
      args.addAll(List.of("fullName", change.fullName()));
    }
    if (change.role() != null) {
      args.addAll(List.of("role", change.role().name()));
    }
    if (change.offices() != null) {
      args.addAll(List.of("office", change.offices().isEmpty() ? "" : change.offices().get(0),
          "offices", String.join(",", change.offices())));
    }
    if (change.disabled() != null) {
      args.addAll(List.of("disabled", change.disabled() ? "1" : ""));
    }
    if (change.passwordHash() != null) {
      args.addAll(List.of("passwordHash", change.passwordHash()));
    }
    if (change.mustChangePassword() != null) {
      args.addAll(List.of("mustChange", change.mustChangePassword() ? "1" : ""));
    }
    return redis.script("update_account", List.of(Keys.user(username), Keys.userTokens(username)), args)
        .map(raw -> {
          JsonObject answer = new JsonObject(raw);
          refusal(answer.getString("error"));
          return new Changed(account(answer.getJsonObject("before").getMap()),
              account(answer.getJsonObject("after").getMap()));
        });
  }

  @Override
  public Future<Account> deleteAccount(String username, Reach reach) {
    return redis.script("delete_account", List.of(Keys.user(username), Keys.USERS, Keys.userTokens(username)),
            List.of(username, Keys.tokenPrefix(), reach.office() == null ? "" : reach.office(), managed(reach)))
        .map(raw -> {
          JsonObject answer = new JsonObject(raw);
          refusal(answer.getString("error"));
          if (!answer.getBoolean("deleted")) {
            throw ApiException.notFound("user_not_found");
          }
          return account(answer.getJsonObject("before").getMap());
        });
  }

  private static String managed(Reach reach) {
    return reach.managed() == null ? "*" : String.join(",", reach.managed());
  }

  private static void refusal(String error) {
    if ("not_found".equals(error)) {
      throw ApiException.notFound("user_not_found");
    }
    if (error != null) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
    }
  }

  @Override
  public Future<List<Account>> accounts() {
    return redis.call(c -> c.smembers(Keys.USERS)).compose(names -> Future.all(names.stream()
            .map(this::findAccount).toList())
        .map(all -> all.<Account>list().stream().filter(Objects::nonNull)
            .sorted(Comparator.comparing(Account::username)).toList()));
  }

  @Override
  public Future<Boolean> deleteAccount(String username) {
    return redis.script("delete_account", List.of(Keys.user(username), Keys.USERS, Keys.userTokens(username)),
            List.of(username, Keys.tokenPrefix()))
        .map(raw -> new JsonObject(raw).getBoolean("deleted"));
  }

  @Override
  public Future<Boolean> adminBootstrapPending(String username) {
    return bootstrap(username, "", Role.ADMIN).map(answer -> answer.getBoolean("pending"));
  }

  @Override
  public Future<Boolean> bootstrapAdmin(Account admin) {
    return bootstrap(admin.username(), admin.passwordHash(), admin.role()).map(answer -> answer.getBoolean("created"));
  }

  private Future<JsonObject> bootstrap(String username, String passwordHash, Role role) {
    return redis.script("bootstrap_admin", List.of(Keys.user(username), Keys.USERS, Keys.ADMIN_BOOTSTRAPPED),
        List.of(username, passwordHash, role.name())).map(JsonObject::new);
  }

  @Override
  public Future<Boolean> resetAccount(Account a) {
    return redis.script("reset_account",
            List.of(Keys.user(a.username()), Keys.USERS, Keys.userTokens(a.username()), Keys.ADMIN_BOOTSTRAPPED),
            List.of(a.username(), a.passwordHash(), a.role().name(), Keys.tokenPrefix()))
        .map(raw -> new JsonObject(raw).getBoolean("created"));
  }

  @Override
  public Future<Boolean> pairDevice(Account a, DeviceKind kind, String counter, Instant pairedAt, String tokenHash,
                                    Principal p, Duration ttl) {
    return redis.script("pair_device",
            List.of(Keys.user(a.username()), Keys.USERS, Keys.userTokens(a.username()), Keys.device(a.username()),
                Keys.officeDevices(a.office()), Keys.token(tokenHash)),
            List.of(a.username(), a.passwordHash(), a.office(), kind.id(), Long.toString(pairedAt.toEpochMilli()),
                Keys.tokenPrefix(), principalJson(p).encode(), Long.toString(ttl.toSeconds()), tokenHash,
                counter == null ? "" : counter))
        .map(raw -> new JsonObject(raw).getBoolean("paired"));
  }

  @Override
  public Future<Device> findDevice(String username) {
    return Future.all(findAccount(username), redis.call(c -> c.hgetall(Keys.device(username))))
        .map(both -> {
          Account account = both.resultAt(0);
          Map<String, String> record = both.resultAt(1);
          DeviceKind kind = record == null ? null : DeviceKind.parse(record.get("kind"));
          if (account == null || account.role() != Role.DEVICE || kind == null
              || !Objects.equals(account.office(), record.get("office"))) {
            return null;
          }
          String counter = record.get("counter");
          String seen = record.get("lastSeenAt");
          return new Device(username, account.office(), kind, counter == null || counter.isEmpty() ? null : counter,
              Instant.ofEpochMilli(Long.parseLong(record.get("pairedAt"))),
              seen == null ? null : Instant.ofEpochMilli(Long.parseLong(seen)));
        });
  }

  @Override
  public Future<List<Device>> devices(String office) {
    return redis.call(c -> c.smembers(Keys.officeDevices(office))).compose(names -> Future.all(names.stream()
            .map(this::findDevice).toList())
        .map(all -> all.<Device>list().stream().filter(d -> d != null && d.office().equals(office))
            .sorted(Comparator.comparing(Device::username)).toList()));
  }

  @Override
  public Future<Boolean> unpairDevice(String office, String username) {
    return redis.script("unpair_device",
            List.of(Keys.user(username), Keys.USERS, Keys.userTokens(username), Keys.device(username),
                Keys.officeDevices(office)),
            List.of(username, office, Keys.tokenPrefix()))
        .map(raw -> new JsonObject(raw).getBoolean("unpaired"));
  }

  @Override
  public Future<Boolean> rotateDeviceToken(String presentedHash, String freshHash, Principal fresh, Duration ttl,
                                           Instant now, Duration rotateAfter, Instant graceEnds) {
    String username = fresh.username();
    long graceSeconds = Math.max(1, Duration.between(now, graceEnds).toSeconds());
    return redis.script("rotate_device_token",
            List.of(Keys.device(username), Keys.token(presentedHash), Keys.userTokens(username), Keys.token(freshHash),
                Keys.user(username)),
            List.of(presentedHash, Long.toString(now.toEpochMilli()), Long.toString(rotateAfter.toMillis()), freshHash,
                principalJson(fresh).encode(), Long.toString(ttl.toSeconds()), Long.toString(graceSeconds),
                Keys.tokenPrefix(), Long.toString(graceEnds.toEpochMilli())))
        .map(raw -> new JsonObject(raw).getBoolean("rotated", false));
  }

  @Override
  public Future<Void> deviceSeen(String username, Instant now) {
    return redis.script("device_seen", List.of(Keys.device(username)),
        List.of(Long.toString(now.toEpochMilli()), Long.toString(SEEN_INTERVAL.toMillis()))).mapEmpty();
  }

  @Override
  public Future<Boolean> createPairing(String code, String secretHash, Instant expiresAt, Duration lifetime) {
    long ttl = Math.max(1, lifetime.toSeconds());
    return redis.script("pairing_create", List.of(Keys.pairingCode(code), Keys.pairing(secretHash)),
            List.of(secretHash, code, Long.toString(expiresAt.toEpochMilli()), Long.toString(ttl)))
        .map(raw -> new JsonObject(raw).getBoolean("created"));
  }

  @Override
  public Future<Pairing> pollPairing(String secretHash, Instant now) {
    return redis.script("pairing_poll", List.of(Keys.pairing(secretHash)), List.of(Long.toString(now.toEpochMilli())))
        .map(raw -> {
          JsonObject p = new JsonObject(raw);
          return switch (p.getString("status")) {
            case "waiting" -> new Pairing("waiting", p.getString("code"),
                Instant.ofEpochMilli(Long.parseLong(p.getString("expiresAt"))), null, null, null, null, null);
            case "paired" -> new Pairing("paired", null, Instant.parse(p.getString("expiresAt")), p.getString("token"),
                p.getString("device"), p.getString("office"), DeviceKind.parse(p.getString("kind")),
                p.getString("counter", "").isEmpty() ? null : p.getString("counter"));
            default -> null;
          };
        });
  }

  @Override
  public Future<Void> claimPairing(String code, Account a, DeviceKind kind, String counter, Instant pairedAt,
                                   String token, String tokenHash, Principal p, Duration ttl) {
    return redis.script("pairing_claim",
            List.of(Keys.pairingCode(code), Keys.user(a.username()), Keys.USERS, Keys.userTokens(a.username()),
                Keys.device(a.username()), Keys.officeDevices(a.office()), Keys.token(tokenHash)),
            List.of(Keys.pairing(""), a.username(), a.passwordHash(), a.office(), kind.id(),
                Long.toString(pairedAt.toEpochMilli()), Keys.tokenPrefix(), principalJson(p).encode(),
                Long.toString(ttl.toSeconds()), tokenHash, counter == null ? "" : counter, token,
                p.expiresAt().toString(), Long.toString(PAIRED_HOLD.toSeconds()),
                Long.toString(pairedAt.toEpochMilli())))
        .compose(raw -> {
          String error = new JsonObject(raw).getString("error");
          if ("pairing_code_not_found".equals(error)) {
            return Future.failedFuture(ApiException.notFound("pairing_code_not_found"));
          }
          if (error != null) {
            return Future.failedFuture(ApiException.conflict("device_name_taken", a.username()));
          }
          return Future.succeededFuture();
        });
  }

  private static JsonObject principalJson(Principal p) {
    JsonObject json = new JsonObject().put("username", p.username()).put("role", p.role().name())
        .put("office", p.office()).put("offices", new io.vertx.core.json.JsonArray(p.offices()))
        .put("expiresAt", p.expiresAt().toEpochMilli());
    if (p.deviceKind() != null) {
      json.put("kind", p.deviceKind().id());
    }
    if (p.counter() != null) {
      json.put("counter", p.counter());
    }
    if (p.mustChangePassword()) {
      json.put("mustChange", true);
    }
    return json;
  }

  @Override
  public Future<Void> saveToken(String tokenHash, Principal p, Duration ttl) {
    JsonObject json = principalJson(p);
    return redis.script("save_token",
            List.of(Keys.token(tokenHash), Keys.userTokens(p.username()), Keys.user(p.username())),
            List.of(json.encode(), Long.toString(ttl.toSeconds()), tokenHash))
        .compose(raw -> new JsonObject(raw).getBoolean("saved") ? Future.<Void>succeededFuture()
            : Future.failedFuture(new ApiException(ApiException.Kind.UNAUTHORIZED, "bad_credentials")));
  }

  @Override
  public Future<Principal> findToken(String tokenHash) {
    return redis.call(c -> c.get(Keys.token(tokenHash))).compose(raw -> {
      if (raw == null) {
        return Future.succeededFuture(null);
      }
      JsonObject json = new JsonObject(raw);
      Role role = Role.valueOf(json.getString("role"));
      String office = json.getString("office");
      List<String> offices = json.containsKey("offices")
          ? json.getJsonArray("offices").stream().map(String.class::cast).toList()
          : office == null ? List.of() : List.of(office);
      String username = json.getString("username");
      Instant expiresAt = Instant.ofEpochMilli(json.getLong("expiresAt"));
      DeviceKind kind = DeviceKind.parse(json.getString("kind"));
      if (role == Role.DEVICE && kind == null) {
        // a device token minted before kinds were kept in it: the device record says which it is
        return redis.call(c -> c.hget(Keys.device(username), "kind")).map(stored -> new Principal(username, role,
            offices, expiresAt, stored == null ? DeviceKind.KIOSK : DeviceKind.parse(stored), null));
      }
      return Future.succeededFuture(new Principal(username, role, offices, expiresAt, kind,
          json.getString("counter"), json.getBoolean("mustChange", false)));
    });
  }

  @Override
  public Future<Void> deleteToken(String tokenHash, String username) {
    return redis.call(c -> c.del(Keys.token(tokenHash)))
        .compose(n -> redis.call(c -> c.srem(Keys.userTokens(username), tokenHash)))
        .mapEmpty();
  }
}
