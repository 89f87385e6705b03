package vn.layso.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.common.ApiException;

/**
 * bcrypt runs on its own pool and its queue is bounded: with that pool held up, further password
 * checks are refused at once (auth_busy) and the shared worker pool still serves everyone else.
 */
class PasswordHasherTest {

  private Vertx vertx;
  private WorkerExecutor bcryptPool;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    bcryptPool = vertx.createSharedWorkerExecutor("test-bcrypt", 1);
    CountDownLatch holding = new CountDownLatch(1);
    bcryptPool.executeBlocking(() -> {
      holding.countDown();
      return release.await(30, TimeUnit.SECONDS);
    }, false);
    assertThat(holding.await(10, TimeUnit.SECONDS)).as("the bcrypt thread is held up").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void pastTheBoundAHashIsRefusedAtOnceAndTheRestOfTheServerKeepsItsWorkers() throws Exception {
    PasswordHasher hasher = new PasswordHasher(bcryptPool, 2);
    List<Future<Boolean>> checks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      checks.add(hasher.verify("password-" + i, null));
    }
    assertThat(checks.subList(0, 2)).as("accepted, waiting for the pool").allMatch(f -> !f.isComplete());
    for (Future<Boolean> refused : checks.subList(2, 5)) {
      assertThat(refused.failed()).as("refused without waiting").isTrue();
      assertThat(refused.cause()).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.code()).isEqualTo("auth_busy");
        assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAVAILABLE);
      });
    }
    Future<String> adminsNewPassword = hasher.hash("mật-khẩu-mới-của-cán-bộ");
    assertThat(adminsNewPassword.isComplete()).as("an admin's new password still queues").isFalse();
    assertThat(hasher.verify("password", null).failed()).isTrue();
    assertThat(await(vertx.executeBlocking(() -> "served", false))).as("the shared worker pool is free")
        .isEqualTo("served");

    release.countDown();
    for (Future<Boolean> accepted : checks.subList(0, 2)) {
      assertThat(await(accepted)).as("no such account").isFalse();
    }
    String hash = await(adminsNewPassword);
    assertThat(await(hasher.verify("mật-khẩu-mới-của-cán-bộ", hash))).as("room again once the queue drained")
        .isTrue();
    assertThat(await(hasher.verify("mật-khẩu-khác", hash))).isFalse();
  }
}
