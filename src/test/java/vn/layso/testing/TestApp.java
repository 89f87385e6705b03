package vn.layso.testing;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import vn.layso.app.Config;
import vn.layso.app.LaysoServer;

/**
 * A real layso server for a test: its own embedded Redis in a fresh data folder (or the Redis of
 * REDIS_URI, flushed first), an ephemeral port, the demo office, and a clock the test controls.
 */
public final class TestApp implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";

  private final Config config;
  private final MutableClock clock;
  private LaysoServer server;
  private Api api;
  private String adminToken;

  private TestApp(Config config, MutableClock clock) throws Exception {
    this.config = config;
    this.clock = clock;
    this.server = LaysoServer.start(config, clock);
    this.api = new Api(server.port());
  }

  /** A fresh server on a fresh store; the clock starts at a weekday morning in Hà Nội. */
  public static TestApp start() throws Exception {
    return start(base -> base);
  }

  public static TestApp start(java.util.function.UnaryOperator<Config> tweak) throws Exception {
    Path dir = Files.createTempDirectory("layso-test");
    String external = System.getenv("REDIS_URI");
    if (external != null && !external.isBlank()) {
      RedisAdmin.flush(external);
    }
    Config config = tweak.apply(config(dir, external == null || external.isBlank() ? null : external));
    return new TestApp(config, new MutableClock(Instant.parse("2026-11-23T02:00:00Z")));
  }

  /** A test configuration: ephemeral port on loopback, the given data folder, no rate limits. */
  public static Config config(Path dataDir, String redisUri) {
    return new Config(0, "127.0.0.1", redisUri, dataDir, "everysec", ADMIN_PASSWORD,
        true, 0, 0, "", java.time.Duration.ofHours(12), null, null);
  }

  /** Another server process (same JVM, own Vert.x and Redis connections) on this one's Redis. */
  public TestApp sibling() throws Exception {
    String uri = config.redisUri() != null ? config.redisUri() : server.embeddedRedis().uri();
    Config siblingConfig = new Config(0, "127.0.0.1", uri, config.dataDir(), "everysec",
        ADMIN_PASSWORD, true, 0, 0, "", config.tokenTtl(), null, config.officesFile());
    return new TestApp(siblingConfig, clock);
  }

  public Api api() {
    return api;
  }

  public MutableClock clock() {
    return clock;
  }

  public Clock clockView() {
    return clock;
  }

  public LaysoServer server() {
    return server;
  }

  public Config config() {
    return config;
  }

  public int port() {
    return server.port();
  }

  /** Stops the server (and its embedded Redis) and starts a new one on the same data folder. */
  public void restart() throws Exception {
    server.stop();
    server = LaysoServer.start(config, clock);
    api = new Api(server.port());
    adminToken = null;
  }

  public String adminToken() {
    if (adminToken == null) {
      adminToken = login("admin", ADMIN_PASSWORD);
    }
    return adminToken;
  }

  public String login(String username, String password) {
    Api.Response r = api.post("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password).encode());
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
    }
    return r.json().getString("token");
  }

  /** Creates an account through the admin API and returns a token for it. */
  public String tokenFor(String username, String role, String office) {
    String password = "password-of-" + username;
    Api.Response created = api.post("/api/v1/admin/users", new JsonObject().put("username", username)
        .put("password", password).put("role", role).put("office", office).encode(), "token", adminToken());
    if (created.status() != 201 && created.status() != 409) {
      throw new IllegalStateException("could not create " + username + ": " + created.body());
    }
    return login(username, password);
  }

  /** Takes a walk-in ticket and returns its JSON (fails the test on anything but 201). */
  public JsonObject issue(String office, String service) {
    Api.Response r = api.post("/api/v1/offices/" + office + "/tickets",
        new JsonObject().put("service", service).encode());
    if (r.status() != 201) {
      throw new AssertionError("issue failed: " + r.status() + " " + r.body());
    }
    return r.json();
  }

  public Api.Response counter(String office, String counter, String action, String token) {
    return api.post("/api/v1/offices/" + office + "/counters/" + counter + "/" + action, null, "token", token);
  }

  @Override
  public void close() {
    server.stop();
    if (server.embeddedRedis() != null) {
      TempFiles.deleteTree(config.dataDir());
    }
  }
}
