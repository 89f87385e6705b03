package vn.layso.auth;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;

/** Accounts and the tokens issued to them. Tokens are kept only as their SHA-256. */
public interface AuthStore {

  record Account(String username, String passwordHash, Role role, String office) {
  }

  Future<Account> findAccount(String username);

  /** False when the username is taken. */
  Future<Boolean> createAccount(Account account);

  Future<List<Account>> accounts();

  /** Deletes the account and revokes all its tokens; false when there was none. */
  Future<Boolean> deleteAccount(String username);

  Future<Void> saveToken(String tokenHash, Principal principal, Duration ttl);

  Future<Principal> findToken(String tokenHash);

  Future<Void> deleteToken(String tokenHash, String username);
}
