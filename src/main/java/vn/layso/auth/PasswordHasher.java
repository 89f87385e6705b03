package vn.layso.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import vn.layso.common.ApiException;

/**
 * bcrypt on its own small pool of worker threads: a hash costs tens to hundreds of milliseconds by
 * design, so a flood of log-ins must neither take the shared worker pool from the rest of the
 * server nor queue without end. With {@code maxPending} hashes accepted and not yet done, a new
 * password check (log-in, the one public way to bcrypt) is refused at once with 503
 * {@code auth_busy}; hashing a new password (an admin creating an account) always queues.
 */
public final class PasswordHasher {

  private static final int COST = 11;
  private static final String POOL_NAME = "layso-bcrypt";
  /** Hashes that may wait per bcrypt thread: at about 0.2 s each, a few seconds' wait at most. */
  private static final int PENDING_PER_THREAD = 16;
  /** Compared against when the account does not exist, so both cases take the same time. */
  private static final String DUMMY = BCrypt.withDefaults().hashToString(COST, "layso-no-such-user".toCharArray());

  private final WorkerExecutor executor;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  /** Half the cores (at least one) hash, so the event loops keep a core even during a flood. */
  public PasswordHasher(Vertx vertx) {
    this(vertx.createSharedWorkerExecutor(POOL_NAME, threads()), threads() * PENDING_PER_THREAD);
  }

  PasswordHasher(WorkerExecutor executor, int maxPending) {
    this.executor = executor;
    this.maxPending = maxPending;
  }

  private static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  public Future<String> hash(String password) {
    pending.incrementAndGet();
    return run(() -> BCrypt.withDefaults().hashToString(COST, password.toCharArray()));
  }

  public Future<Boolean> verify(String password, String hashOrNull) {
    if (pending.incrementAndGet() > maxPending) {
      pending.decrementAndGet();
      return Future.failedFuture(new ApiException(ApiException.Kind.UNAVAILABLE, "auth_busy"));
    }
    String hash = hashOrNull == null ? DUMMY : hashOrNull;
    return run(() -> BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified
        && hashOrNull != null);
  }

  /** Runs work already counted in {@link #pending}. */
  private <T> Future<T> run(Callable<T> work) {
    return executor.executeBlocking(work, false).andThen(done -> pending.decrementAndGet());
  }
}
