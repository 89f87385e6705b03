package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TempFiles;

/**
 * The token cache against a real Redis, with two "server processes" (two stores and caches on one
 * Redis). Their caches keep tokens for an hour, so a revocation seen elsewhere can only have come
 * through the published message.
 */
class CachingAuthStoreIT {

  private static final Duration LONG = Duration.ofHours(1);

  private Path dir;
  private EmbeddedRedis redis;
  private Vertx vertx;
  private MultiThreadIoEventLoopGroup loops;
  private final List<RedisStore> stores = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    dir = Files.createTempDirectory("layso-cache");
    redis = EmbeddedRedis.start(dir, "everysec");
    vertx = Vertx.vertx();
    loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  }

  @AfterEach
  void stop() throws Exception {
    stores.forEach(RedisStore::close);
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    redis.close();
    TempFiles.deleteTree(dir);
  }

  private CachingAuthStore process(Duration ttl) {
    RedisStore store = RedisStore.connect(vertx, List.of((EventLoop) loops.next()), redis.uri(), Duration.ofSeconds(3));
    stores.add(store);
    CachingAuthStore cache = new CachingAuthStore(new RedisAuthStore(store), store, ttl);
    cache.listen();
    return cache;
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String login(AuthStore store, String user, String tokenHash) throws Exception {
    get(store.createAccount(new AuthStore.Account(user, "$2a$11$hash", Role.STAFF, "north")));
    get(store.saveToken(tokenHash, new Principal(user, Role.STAFF, "north", Instant.now().plusSeconds(3600)),
        Duration.ofHours(1)));
    return tokenHash;
  }

  @Test
  void aLogOutOnOneProcessRevokesTheTokenCachedOnAnother() throws Exception {
    CachingAuthStore first = process(LONG);
    CachingAuthStore second = process(LONG);
    String token = login(first, "clerk", "a".repeat(64));
    String other = login(first, "clerk-two", "b".repeat(64));
    assertThat(get(second.findToken(token)).username()).isEqualTo("clerk");
    assertThat(get(second.findToken(other)).username()).isEqualTo("clerk-two");

    get(first.deleteToken(token, "clerk"));

    assertThat(get(first.findToken(token))).as("revoked at once where it happened").isNull();
    await().atMost(10, TimeUnit.SECONDS).until(() -> get(second.findToken(token)) == null);
    assertThat(get(second.findToken(other))).as("only that token").isNotNull();
  }

  @Test
  void aDeletedAccountLosesEveryCachedToken() throws Exception {
    CachingAuthStore first = process(LONG);
    CachingAuthStore second = process(LONG);
    String phone = login(first, "clerk", "c".repeat(64));
    String desk = "d".repeat(64);
    get(first.saveToken(desk, new Principal("clerk", Role.STAFF, "north", Instant.now().plusSeconds(3600)),
        Duration.ofHours(1)));
    assertThat(get(second.findToken(phone))).isNotNull();
    assertThat(get(second.findToken(desk))).isNotNull();

    assertThat(get(first.deleteAccount("clerk"))).isTrue();

    await().atMost(10, TimeUnit.SECONDS).until(() -> get(second.findToken(phone)) == null
        && get(second.findToken(desk)) == null);
  }

  @Test
  void aTokenRemovedBehindTheCachesBackLastsNoLongerThanTheTtl() throws Exception {
    CachingAuthStore cached = process(LONG);
    CachingAuthStore brief = process(Duration.ofMillis(200));
    String token = login(cached, "clerk", "e".repeat(64));
    assertThat(get(cached.findToken(token))).isNotNull();
    assertThat(get(brief.findToken(token))).isNotNull();

    RedisAdmin.delete(redis.uri(), Keys.token(token));

    assertThat(get(cached.findToken(token))).as("the cache answers without asking Redis").isNotNull();
    await().atMost(10, TimeUnit.SECONDS).until(() -> get(brief.findToken(token)) == null);
  }
}
