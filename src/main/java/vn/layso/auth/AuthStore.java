package vn.layso.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;

/** Accounts and the tokens issued to them. Tokens are kept only as their SHA-256. */
public interface AuthStore {

  record Account(String username, String passwordHash, Role role, String office) {
  }

  /**
   * A paired device: its DEVICE account's name and office, its kind, its counter (rating tablets;
   * else null) and when it was (last) paired.
   */
  record Device(String username, String office, DeviceKind kind, String counter, Instant pairedAt) {
  }

  Future<Account> findAccount(String username);

  /** False when the username is taken. */
  Future<Boolean> createAccount(Account account);

  Future<List<Account>> accounts();

  /** Deletes the account and revokes all its tokens; false when there was none. */
  Future<Boolean> deleteAccount(String username);

  /**
   * True while the built-in admin {@code username} is still to be created: the store never had it
   * and holds no account at all. A store that holds accounts is remembered as bootstrapped from then on.
   */
  Future<Boolean> adminBootstrapPending(String username);

  /** Creates the built-in admin if that is still pending, and remembers it; false when not created. */
  Future<Boolean> bootstrapAdmin(Account admin);

  /**
   * Sets an account's password hash and role as an explicit recovery: re-creates the account if it
   * was deleted, revokes every token issued to it. True when the account had to be re-created.
   */
  Future<Boolean> resetAccount(Account account);

  Future<Void> saveToken(String tokenHash, Principal principal, Duration ttl);

  Future<Principal> findToken(String tokenHash);

  Future<Void> deleteToken(String tokenHash, String username);

  /**
   * Pairs a device of an office in one step: creates its DEVICE account, or takes over the same
   * office's device of that name after revoking all its tokens, records its kind, and stores its new
   * token. False when the name belongs to a person's account or to another office's device.
   */
  Future<Boolean> pairDevice(Account account, DeviceKind kind, String counter, Instant pairedAt, String tokenHash,
                             Principal principal, Duration ttl);

  /** The paired device of that name, or null (no account, or not a device). */
  Future<Device> findDevice(String username);

  /** The office's paired devices, by name. */
  Future<List<Device>> devices(String office);

  /** Revokes every token of the office's device and deletes it; false when it has no such device. */
  Future<Boolean> unpairDevice(String office, String username);
}
