package vn.layso.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;

/** Accounts and the tokens issued to them. Tokens are kept only as their SHA-256. */
public interface AuthStore {

  /**
   * An account: a person's (admin, manager, staff: offices, full name, disabled, must change its
   * password at the next log-in) or a device's (one office).
   */
  record Account(String username, String passwordHash, Role role, List<String> offices, String fullName,
                 boolean disabled, boolean mustChangePassword) {

    public Account {
      offices = List.copyOf(Objects.requireNonNullElse(offices, List.of()));
    }

    /** An enabled account of at most one office (null: none), without a full name. */
    public Account(String username, String passwordHash, Role role, String office) {
      this(username, passwordHash, role, office == null ? List.of() : List.of(office), null, false, false);
    }

    /** The first of its offices, or null. */
    public String office() {
      return offices.isEmpty() ? null : offices.get(0);
    }

    /** The name to show: the full name, or the username when there is none. */
    public String displayName() {
      return fullName == null || fullName.isBlank() ? username : fullName;
    }
  }

  /**
   * A change to a person's account; null leaves a part as it is. A new password hash, disabling,
   * and a new role or offices revoke the account's tokens.
   */
  record AccountChange(String fullName, Role role, List<String> offices, Boolean disabled, String passwordHash,
                       Boolean mustChangePassword) {
  }

  /**
   * Whose accounts a change may reach: those of {@code office} (null: the caller's own), and, for a
   * manager, only accounts all of whose offices are among {@code managed} and never an admin's
   * (null managed: an admin, every account).
   */
  record Reach(String office, List<String> managed) {
    public static final Reach OWN = new Reach(null, null);
  }

  /** An account before and after a change (no password hash in either for the audit's sake). */
  record Changed(Account before, Account after) {
  }

  /**
   * A paired device: its DEVICE account's name and office, its kind, its counter (rating tablets;
   * else null) and when it was (last) paired.
   */
  record Device(String username, String office, DeviceKind kind, String counter, Instant pairedAt,
                Instant lastSeenAt) {

    public Device(String username, String office, DeviceKind kind, String counter, Instant pairedAt) {
      this(username, office, kind, counter, pairedAt, null);
    }
  }

  /** A device's pairing by code as its device sees it when polling. */
  record Pairing(String status, String code, Instant expiresAt, String token, String device, String office,
                 DeviceKind kind, String counter) {
  }

  Future<Account> findAccount(String username);

  /** False when the username is taken. */
  Future<Boolean> createAccount(Account account);

  Future<List<Account>> accounts();

  /** Deletes the account and revokes all its tokens; false when there was none. */
  Future<Boolean> deleteAccount(String username);

  /**
   * Changes a person's account within {@code reach}, revoking its tokens where the change must end
   * its sessions. Fails 404 {@code user_not_found} outside the office (or for a device), 403
   * {@code forbidden} beyond a manager's offices.
   */
  Future<Changed> updateAccount(String username, Reach reach, AccountChange change);

  /** Deletes a person's account within {@code reach} and revokes its tokens; answers it as it was. Fails as updateAccount. */
  Future<Account> deleteAccount(String username, Reach reach);

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

  /**
   * Rotates a device's token in one step: when {@code presentedHash} is the device's current token
   * and was issued at least {@code rotateAfter} before {@code now}, stores {@code fresh} (its hash,
   * principal and lifetime) as the current token and cuts every other token of the device to end
   * by {@code graceEnds}. False when not due (another request rotated it today, a token in grace, an
   * unpaired device): at most one rotation a day per device, however many requests race.
   */
  Future<Boolean> rotateDeviceToken(String presentedHash, String freshHash, Principal fresh, Duration ttl,
                                    Instant now, Duration rotateAfter, Instant graceEnds);

  /** Notes that a device was seen now (the store writes it at most once a minute). */
  Future<Void> deviceSeen(String username, Instant now);

  /** Starts a pairing by code; false when the code is in use (the caller draws another). */
  Future<Boolean> createPairing(String code, String secretHash, Instant expiresAt, Duration ttl);

  /**
   * The pairing of that secret: waiting, or paired (then handed out once and forgotten); null when
   * none, or still waiting at {@code now} past its expiry.
   */
  Future<Pairing> pollPairing(String secretHash, Instant now);

  /**
   * Claims the device showing {@code code} and pairs it as {@link #pairDevice} does, leaving its
   * token for the device's next poll. Fails 404 {@code pairing_code_not_found}, 409 {@code device_name_taken}.
   */
  Future<Void> claimPairing(String code, Account account, DeviceKind kind, String counter, Instant pairedAt,
                            String token, String tokenHash, Principal principal, Duration ttl);
}
