package vn.layso.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;

/** bcrypt, run on worker threads: a hash costs tens of milliseconds by design. */
public final class PasswordHasher {

  private static final int COST = 11;
  /** Compared against when the account does not exist, so both cases take the same time. */
  private static final String DUMMY = BCrypt.withDefaults().hashToString(COST, "layso-no-such-user".toCharArray());

  private final Vertx vertx;

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> BCrypt.withDefaults().hashToString(COST, password.toCharArray()), false);
  }

  public Future<Boolean> verify(String password, String hashOrNull) {
    String hash = hashOrNull == null ? DUMMY : hashOrNull;
    return vertx.executeBlocking(() -> BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified
        && hashOrNull != null, false);
  }
}
