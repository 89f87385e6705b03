package vn.layso.auth;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.DeviceTokens;
import vn.layso.auth.domain.PairingCode;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;

/** Log-in, bearer tokens (server-side, revocable) and accounts. */
public final class AuthService {

  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration DEVICE_TOKEN_TTL = DeviceTokens.LIFETIME;
  /** A server asks the store whether a device's token is due at most this often per device (clock time). */
  private static final long ROTATION_ASKED_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();
  private static final long SEEN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
  /** The built-in administrator account. */
  public static final String ADMIN = "admin";

  public record Login(String token, Principal principal) {
  }

  /** A fresh bearer token, not stored yet: the token itself (shown once), its hash, whose it is, how long. */
  private record Minted(String token, String tokenHash, Principal principal, Duration ttl) {
  }

  private final AuthStore store;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Duration tokenTtl;
  /** Last-seen writes this server made, per device (nanoTime): at most one a minute each. */
  private final Map<String, Long> seenWritten = new ConcurrentHashMap<>();
  /** When this server last asked the store to rotate each device's token (clock ms). */
  private final Map<String, Long> rotationAsked = new ConcurrentHashMap<>();

  public AuthService(AuthStore store, PasswordHasher hasher, Clock clock, Duration tokenTtl) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
    this.tokenTtl = tokenTtl;
  }

  public Future<Login> login(String username, String password) {
    if (Credentials.tooLong(password)) {
      return Future.failedFuture(ApiException.invalid("password_too_long"));
    }
    return store.findAccount(username)
        .compose(account -> hasher.verify(password, account == null ? null : account.passwordHash())
            .compose(ok -> {
              if (!ok) {
                LOG.atInfo().addKeyValue("user", username).log("login refused");
                return Future.failedFuture(new ApiException(ApiException.Kind.UNAUTHORIZED, "bad_credentials"));
              }
              // told only to whoever knows the password, so it reveals nothing to a guesser
              if (account.disabled()) {
                LOG.atInfo().addKeyValue("user", username).log("login of a disabled account refused");
                return Future.failedFuture(new ApiException(ApiException.Kind.FORBIDDEN, "account_disabled"));
              }
              return issueToken(account);
            }));
  }

  private Future<Login> issueToken(AuthStore.Account account) {
    Minted minted = mint(account, null, null);
    return store.saveToken(minted.tokenHash(), minted.principal(), minted.ttl())
        .map(v -> new Login(minted.token(), minted.principal()));
  }

  /** A new token for an account (a device's lasts a year); the caller stores it. */
  private Minted mint(AuthStore.Account account, DeviceKind kind, String counter) {
    Duration ttl = account.role() == Role.DEVICE ? DEVICE_TOKEN_TTL : tokenTtl;
    String token = randomToken();
    Principal principal = new Principal(account.username(), account.role(), account.offices(),
        clock.instant().plus(ttl), kind, counter, account.mustChangePassword());
    return new Minted(token, hash(token), principal, ttl);
  }

  /**
   * Pairs a device of an office and mints its token directly: a device never logs in with a
   * password (its account gets a random one nobody knows). Pairing an existing device of the same
   * office again revokes its old tokens (a replaced kiosk). 409 {@code device_name_taken} when the
   * name belongs to a person's account or to another office's device.
   */
  public Future<Login> pairDevice(String name, String office, DeviceKind kind, String counter) {
    if (!Credentials.validUsername(name)) {
      return Future.failedFuture(ApiException.invalid("invalid_device_name"));
    }
    return hasher.hash(generatePassword() + generatePassword())
        .compose(hash -> {
          var account = new AuthStore.Account(name, hash, Role.DEVICE, office);
          Minted minted = mint(account, kind, counter);
          return store.pairDevice(account, kind, counter, clock.instant(),
                  minted.tokenHash(), minted.principal(), minted.ttl())
              .compose(paired -> paired ? Future.succeededFuture(new Login(minted.token(), minted.principal()))
                  : Future.failedFuture(ApiException.conflict("device_name_taken", name)));
        })
        .onSuccess(login -> LOG.atInfo().addKeyValue("device", name).addKeyValue("office", office)
            .addKeyValue("kind", kind.id()).log("device paired"));
  }

  /** A pairing code's life: long enough to walk to the console, short enough not to linger. */
  public static final Duration PAIRING_TTL = Duration.ofMinutes(10);

  /** A pairing just started: the code to show, the device's secret to poll with, when it ends. */
  public record PairingStart(String code, String secret, Instant expiresAt) {
  }

  /** Starts a pairing by code for an unpaired device (a code in use is drawn again). */
  public Future<PairingStart> startPairing() {
    return startPairing(3);
  }

  private Future<PairingStart> startPairing(int triesLeft) {
    String code = PairingCode.generate(RANDOM);
    String secret = randomToken();
    Instant expiresAt = clock.instant().plus(PAIRING_TTL);
    return store.createPairing(code, hash(secret), expiresAt, PAIRING_TTL).compose(created -> {
      if (created) {
        return Future.succeededFuture(new PairingStart(code, secret, expiresAt));
      }
      return triesLeft > 1 ? startPairing(triesLeft - 1)
          : Future.failedFuture(new ApiException(ApiException.Kind.UNAVAILABLE, "store_unavailable"));
    });
  }

  /** How the device's pairing goes; 404 {@code pairing_not_found} when expired, unknown or handed out already. */
  public Future<AuthStore.Pairing> pollPairing(String secret) {
    if (secret == null || secret.length() < 20 || secret.length() > 100) {
      return Future.failedFuture(ApiException.notFound("pairing_not_found"));
    }
    return store.pollPairing(hash(secret), clock.instant()).compose(p -> p != null ? Future.succeededFuture(p)
        : Future.failedFuture(ApiException.notFound("pairing_not_found")));
  }

  /**
   * Pairs the device showing {@code code} as {@code name} of the office (as {@link #pairDevice}
   * does) and leaves its token for its next poll. 404 {@code pairing_code_not_found} when no device
   * shows that code (expired, claimed already, never shown).
   */
  public Future<AuthStore.Device> claimPairing(String code, String name, String office, DeviceKind kind,
                                               String counter) {
    if (!Credentials.validUsername(name)) {
      return Future.failedFuture(ApiException.invalid("invalid_device_name"));
    }
    return hasher.hash(generatePassword() + generatePassword()).compose(hash -> {
      var account = new AuthStore.Account(name, hash, Role.DEVICE, office);
      Minted minted = mint(account, kind, counter);
      Instant now = clock.instant();
      return store.claimPairing(code, account, kind, counter, now, minted.token(), minted.tokenHash(),
              minted.principal(), minted.ttl())
          .map(v -> new AuthStore.Device(name, office, kind, counter, now));
    }).onSuccess(device -> LOG.atInfo().addKeyValue("device", name).addKeyValue("office", office)
        .addKeyValue("kind", kind.id()).log("device paired by code"));
  }

  /**
   * Notes that a device token was used: at most once a minute per device from this server (and the
   * store keeps it to once a minute overall), never waiting for it.
   */
  public void seen(Principal p) {
    if (p.role() != Role.DEVICE) {
      return;
    }
    long now = System.nanoTime();
    Long last = seenWritten.get(p.username());
    if (last != null && now - last < SEEN_EVERY_NANOS) {
      return;
    }
    if (seenWritten.size() > 10_000) {
      seenWritten.clear();
    }
    seenWritten.put(p.username(), now);
    store.deviceSeen(p.username(), clock.instant())
        .onFailure(e -> LOG.atDebug().addKeyValue("error", e.toString()).log("device last-seen not written"));
  }

  /**
   * A fresh token for a device whose token is due for rotation ({@link DeviceTokens}), or null: not a
   * device, not due, asked already within the minute on this server, or the store said no (another
   * request rotated it, a token in grace, an unpaired device). The store decides atomically, so
   * parallel requests get one fresh token at most; a failure to rotate never fails the request.
   */
  public Future<String> rotateIfDue(String token, Principal p) {
    Instant now = clock.instant();
    if (p.role() != Role.DEVICE || !DeviceTokens.mayBeDue(p.expiresAt(), now)) {
      return Future.succeededFuture(null);
    }
    long nowMillis = now.toEpochMilli();
    Long asked = rotationAsked.get(p.username());
    if (asked != null && nowMillis >= asked && nowMillis - asked < ROTATION_ASKED_EVERY_MILLIS) {
      return Future.succeededFuture(null);
    }
    if (rotationAsked.size() > 10_000) {
      rotationAsked.clear();
    }
    rotationAsked.put(p.username(), nowMillis);
    String fresh = randomToken();
    Principal principal = new Principal(p.username(), p.role(), p.offices(), now.plus(DEVICE_TOKEN_TTL),
        p.deviceKind(), p.counter());
    return store.rotateDeviceToken(hash(token), hash(fresh), principal, DEVICE_TOKEN_TTL, now,
            DeviceTokens.ROTATE_AFTER, DeviceTokens.graceEnds(now))
        .map(rotated -> rotated ? fresh : (String) null)
        .otherwise(e -> {
          LOG.atWarn().addKeyValue("error", e.toString()).log("device token not rotated");
          return null;
        });
  }

  /** The paired device behind a device principal; 404 {@code device_not_found} when it was unpaired meanwhile. */
  public Future<AuthStore.Device> device(String name) {
    return store.findDevice(name).compose(device -> device != null ? Future.succeededFuture(device)
        : Future.failedFuture(ApiException.notFound("device_not_found", name)));
  }

  public Future<List<AuthStore.Device>> devices(String office) {
    return store.devices(office);
  }

  /** Revokes every token of the office's device and deletes it; 404 when the office has no such device. */
  public Future<Void> unpairDevice(String office, String name) {
    return store.unpairDevice(office, name).compose(unpaired -> unpaired
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(ApiException.notFound("device_not_found", name)))
        .onSuccess(v -> LOG.atInfo().addKeyValue("device", name).addKeyValue("office", office).log("device unpaired"));
  }

  /** The principal behind a bearer token; fails 401 when the token is unknown, revoked or expired. */
  public Future<Principal> authenticate(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Future.failedFuture(new ApiException(ApiException.Kind.UNAUTHORIZED, "invalid_token"));
    }
    return store.findToken(hash(token)).compose(p -> p == null || !p.expiresAt().isAfter(clock.instant())
        ? Future.failedFuture(new ApiException(ApiException.Kind.UNAUTHORIZED, "invalid_token"))
        : Future.succeededFuture(p));
  }

  public Future<Void> logout(String token, Principal principal) {
    return store.deleteToken(hash(token), principal.username());
  }

  /** The account of that name, or null. */
  public Future<AuthStore.Account> account(String username) {
    return store.findAccount(username);
  }

  public Future<List<AuthStore.Account>> accounts() {
    return store.accounts();
  }

  /**
   * Creates the built-in admin on a store that never had one. The store remembers that it did, so
   * a deleted admin is not silently re-created at the next start ({@link #resetAdminPassword} is
   * the explicit way back). Call it once the server listens: a generated password is returned to
   * be shown once, and a start that fails before that must not leave a password nobody saw.
   * Null when nothing was generated (configured password, or no admin created).
   */
  public Future<String> bootstrapAdmin(String configuredPassword) {
    return store.adminBootstrapPending(ADMIN).compose(pending -> {
      if (!pending) {
        return Future.succeededFuture(null);
      }
      String password = configuredPassword != null ? configuredPassword : generatePassword();
      return adminAccount(password).compose(store::bootstrapAdmin)
          .map(created -> created && configuredPassword == null ? password : null);
    });
  }

  /**
   * Sets the built-in admin's password (the operator's recovery: re-creates the account if it was
   * deleted) and revokes every token issued to it. True when the account had to be re-created.
   */
  public Future<Boolean> resetAdminPassword(String password) {
    return adminAccount(password).compose(store::resetAccount);
  }

  private Future<AuthStore.Account> adminAccount(String password) {
    String problem = Credentials.passwordProblem(password);
    if (problem != null) {
      return Future.failedFuture(ApiException.invalid(problem, Credentials.MIN_PASSWORD));
    }
    return hasher.hash(password).map(hash -> new AuthStore.Account(ADMIN, hash, Role.ADMIN, null));
  }

  /** 32 random bytes, URL-safe: a bearer token or a pairing secret. */
  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A fresh random password for the admin, 16 URL-safe characters. */
  public static String generatePassword() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
