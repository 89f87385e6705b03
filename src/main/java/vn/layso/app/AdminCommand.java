package vn.layso.app;

import io.lettuce.core.RedisURI;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.vertx.core.Vertx;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import vn.layso.auth.AuthService;
import vn.layso.auth.PasswordHasher;
import vn.layso.auth.domain.Credentials;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.store.redis.CachingAuthStore;
import vn.layso.store.redis.RedisAuthStore;
import vn.layso.store.redis.RedisStore;

/**
 * {@code admin reset-password}: the operator's way back in when the admin password is lost or the
 * admin account was deleted. It reads the new password from ADMIN_PASSWORD, or asks for it on the
 * terminal, or generates one and prints it once. It works on the store the server uses: REDIS_URI;
 * else the embedded Redis of DATA_DIR, through the running server's Redis when a server holds the
 * folder (its port is in DATA_DIR/redis.port), or by starting it on the folder and stopping it after.
 */
final class AdminCommand {

  private AdminCommand() {
  }

  /** Runs the command; returns the process exit code (0 done, 2 configuration, 1 failed). */
  static int resetPassword(Map<String, String> env) {
    Config config;
    String chosen;
    try {
      Logging.configure(env, "WARN");
      config = Config.fromEnvironment(env);
      chosen = config.adminPassword() != null ? checked(config.adminPassword(), "ADMIN_PASSWORD")
          : ask(System.console());
    } catch (IllegalArgumentException bad) {
      return report(StartFailure.of(bad, null));
    }
    String shown = chosen == null ? AuthService.generatePassword() : null;
    try (Store store = Store.open(config)) {
      boolean recreated = store.auth().resetAdminPassword(chosen != null ? chosen : shown)
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      System.out.println("layso: " + (recreated
          ? "đã tạo lại tài khoản admin / the admin account was re-created"
          : "đã đặt lại mật khẩu admin / the admin password was reset") + " (" + store.description() + ").");
      System.out.println("  Các phiên đăng nhập cũ của admin đã bị thu hồi"
          + " / earlier admin tokens are revoked.");
      if (shown != null) {
        System.out.println("  Mật khẩu mới / new password: " + shown
            + "   (chỉ hiện một lần / shown only this once)");
      }
      return 0;
    } catch (Exception failure) {
      return report(StartFailure.of(failure, config,
          "không đặt lại được mật khẩu admin / cannot reset the admin password"));
    }
  }

  private static int report(StartFailure failure) {
    System.err.println("layso: " + failure.line());
    return failure.exitCode();
  }

  /** Null when the operator chose to have one generated (no terminal, or an empty answer). */
  private static String ask(Console console) {
    if (console == null) {
      return null;
    }
    char[] first = console.readPassword("Mật khẩu mới cho admin / new admin password (Enter: generate one): ");
    if (first == null || first.length == 0) {
      return null;
    }
    char[] again = console.readPassword("Nhập lại / again: ");
    if (!Arrays.equals(first, again)) {
      throw new IllegalArgumentException("the two passwords typed differ; nothing was changed");
    }
    return checked(new String(first), "the password typed");
  }

  private static String checked(String password, String source) {
    String problem = Credentials.passwordProblem(password);
    if (problem != null) {
      throw new IllegalArgumentException(source + " must have " + Credentials.MIN_PASSWORD
          + " characters or more and at most " + Credentials.MAX_PASSWORD_BYTES + " bytes");
    }
    return password;
  }

  /** The server's store, opened for one command and closed after it. */
  record Store(String description, EmbeddedRedis embedded, EventLoopGroup loop, Vertx vertx,
                       RedisStore redis, AuthService auth) implements AutoCloseable {

    static Store open(Config config) throws Exception {
      EmbeddedRedis embedded = null;
      String uri = config.redisUri();
      String description;
      if (uri != null) {
        RedisURI parsed = RedisURI.create(uri);
        description = "REDIS_URI " + parsed.getHost() + ":" + parsed.getPort();
      } else {
        Path dir = config.dataDir().toAbsolutePath();
        if (!Files.isDirectory(dir)) {
          throw new IllegalArgumentException("DATA_DIR " + dir + " does not exist: run the command with the"
              + " server's DATA_DIR (or REDIS_URI)");
        }
        Optional<Integer> running = EmbeddedRedis.runningPort(dir);
        if (running.isPresent()) {
          uri = "redis://127.0.0.1:" + running.get() + "/0";
          description = "Redis of the server running on DATA_DIR " + dir + ", port " + running.get();
        } else {
          embedded = EmbeddedRedis.start(dir, config.redisAppendFsync());
          uri = embedded.uri();
          description = "DATA_DIR " + dir;
        }
      }
      EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
      Vertx vertx = Vertx.vertx();
      try {
        RedisStore redis = RedisStore.connect(vertx, java.util.List.of(loop.next()), uri, Duration.ofSeconds(10));
        AuthService auth = new AuthService(new CachingAuthStore(new RedisAuthStore(redis), redis, CachingAuthStore.TTL), new PasswordHasher(vertx), Clock.systemUTC(),
            config.tokenTtl());
        return new Store(description, embedded, loop, vertx, redis, auth);
      } catch (RuntimeException unreachable) {
        new Store(description, embedded, loop, vertx, null, null).close();
        throw unreachable;
      }
    }

    @Override
    public void close() throws Exception {
      try {
        if (redis != null) {
          redis.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
  }
}
