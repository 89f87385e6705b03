package vn.layso.auth;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.auth.AuthStore.Account;
import vn.layso.auth.AuthStore.AccountChange;
import vn.layso.auth.AuthStore.Changed;
import vn.layso.auth.AuthStore.Reach;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;

/**
 * People's accounts: created, listed, changed (name, role, offices, disabled), their passwords reset
 * to a one-time one or changed by their owner. Who may reach which account is decided in the store's
 * one step ({@link Reach}); every change that must end the account's sessions revokes its tokens there.
 */
public final class AccountService {

  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new account as asked for (no password hash yet). */
  public record Draft(String username, Role role, List<String> offices, String fullName, boolean mustChangePassword) {
  }

  /** A reset password: the account before and after, and the one-time password to hand over once. */
  public record Reset(Changed changed, String oneTimePassword) {
  }

  private final AuthStore store;
  private final PasswordHasher hasher;

  public AccountService(AuthStore store, PasswordHasher hasher) {
    this.store = store;
    this.hasher = hasher;
  }

  /** 400 for a bad name or password, 409 {@code username_taken}. */
  public Future<Account> create(Draft draft, String password) {
    if (!Credentials.validUsername(draft.username())) {
      return Future.failedFuture(ApiException.invalid("invalid_username"));
    }
    String problem = Credentials.passwordProblem(password);
    if (problem != null) {
      return Future.failedFuture(ApiException.invalid(problem, Credentials.MIN_PASSWORD));
    }
    return hasher.hash(password)
        .map(hash -> new Account(draft.username(), hash, draft.role(),
            draft.role() == Role.ADMIN ? List.of() : draft.offices(), draft.fullName(), false,
            draft.mustChangePassword()))
        .compose(account -> store.createAccount(account).compose(created -> created
            ? Future.succeededFuture(account)
            : Future.failedFuture(ApiException.conflict("username_taken", draft.username()))));
  }

  /** The people (no devices) of an office, by name. */
  public Future<List<Account>> of(String office) {
    return store.accounts().map(all -> all.stream()
        .filter(a -> a.role() != Role.DEVICE && a.offices().contains(office))
        .sorted(Comparator.comparing(Account::username)).toList());
  }

  public Future<Changed> update(String username, Reach reach, AccountChange change) {
    return store.updateAccount(username, reach, change);
  }

  /**
   * Gives the account a one-time password that it must change at its next log-in, and revokes its
   * tokens. The password is answered once and never stored or logged.
   */
  public Future<Reset> resetPassword(String username, Reach reach) {
    String password = Credentials.oneTimePassword(RANDOM);
    return hasher.hash(password)
        .compose(hash -> store.updateAccount(username, reach,
            new AccountChange(null, null, null, null, hash, true)))
        .map(changed -> new Reset(changed, password));
  }

  public Future<Account> delete(String username, Reach reach) {
    return store.deleteAccount(username, reach);
  }

  /**
   * Changes the caller's own password (any role but a device): 403 {@code wrong_current_password}
   * when {@code current} is not it, 400 for a new one that breaks the rules or equals the old. All
   * the account's tokens are revoked, this one included.
   */
  public Future<Void> changePassword(Principal caller, String current, String next) {
    if (caller.role() == Role.DEVICE) {
      return Future.failedFuture(new ApiException(ApiException.Kind.FORBIDDEN, "forbidden"));
    }
    if (Credentials.tooLong(current)) {
      return Future.failedFuture(new ApiException(ApiException.Kind.FORBIDDEN, "wrong_current_password"));
    }
    String problem = Credentials.passwordProblem(next);
    if (problem != null) {
      return Future.failedFuture(ApiException.invalid(problem, Credentials.MIN_PASSWORD));
    }
    if (next.equals(current)) {
      return Future.failedFuture(ApiException.invalid("password_unchanged"));
    }
    return store.findAccount(caller.username())
        .compose(account -> hasher.verify(current, account == null ? null : account.passwordHash()))
        .compose(ok -> ok ? hasher.hash(next)
            : Future.failedFuture(new ApiException(ApiException.Kind.FORBIDDEN, "wrong_current_password")))
        .compose(hash -> store.updateAccount(caller.username(), Reach.OWN,
            new AccountChange(null, null, null, null, hash, false)))
        .onSuccess(changed -> LOG.atInfo().addKeyValue("user", caller.username()).log("password changed"))
        .mapEmpty();
  }
}
