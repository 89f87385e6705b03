package vn.layso.testing;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
  /** The variables this server was started with; a sibling starts with the same ones. */
  private final Map<String, String> variables;
  private final MutableClock clock;
  private LaysoServer server;
  private Api api;
  private String adminToken;

  private TestApp(Map<String, String> variables, MutableClock clock) throws Exception {
    this.variables = Map.copyOf(variables);
    this.config = Config.fromEnvironment(variables);
    this.clock = clock;
    this.server = LaysoServer.start(config, clock);
    this.api = new Api(server.port());
  }

  /** A fresh server on a fresh store; the clock starts at a weekday morning in Hà Nội. */
  public static TestApp start() throws Exception {
    return start(env -> { });
  }

  /**
   * A server configured as in production, from environment variables: {@code env} starts with the
   * test defaults of {@link #environment} and the test changes what it needs.
   */
  public static TestApp start(java.util.function.Consumer<Map<String, String>> env) throws Exception {
    Path dir = Files.createTempDirectory("layso-test");
    String external = System.getenv("REDIS_URI");
    if (external != null && !external.isBlank()) {
      RedisAdmin.flush(external);
    }
    Map<String, String> variables = environment(dir, external == null || external.isBlank() ? null : external);
    env.accept(variables);
    return new TestApp(variables, new MutableClock(Instant.parse("2026-11-23T02:00:00Z")));
  }

  /** Test defaults: ephemeral port on loopback, the given data folder and Redis, no rate limits. */
  public static Map<String, String> environment(Path dataDir, String redisUri) {
    Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1",
        "DATA_DIR", dataDir.toString(), "ADMIN_PASSWORD", ADMIN_PASSWORD,
        "RATE_LIMIT_PER_MINUTE", "0", "LOGIN_LIMIT_PER_MINUTE", "0"));
    if (redisUri != null) {
      env.put("REDIS_URI", redisUri);
    }
    return env;
  }

  public static Config config(Path dataDir, String redisUri) {
    return Config.fromEnvironment(environment(dataDir, redisUri));
  }

  /** Another server process (same JVM, own Vert.x and Redis connections) on this one's Redis. */
  public TestApp sibling() throws Exception {
    String uri = config.redisUri() != null ? config.redisUri() : server.embeddedRedis().uri();
    Map<String, String> env = new HashMap<>(variables);
    env.put("REDIS_URI", uri);
    env.put("PORT", "0");
    return new TestApp(env, clock);
  }

  public Api api() {
    return api;
  }

  public MutableClock clock() {
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
    stopServer();
    startServer();
  }

  /** The first half of {@link #restart}: the server is down until {@link #startServer}. */
  public void stopServer() {
    server.stop();
  }

  /** Starts the server again on the same data folder (and port, when PORT was set). */
  public void startServer() throws Exception {
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

  /**
   * Sets the office's {@code walkIn.openTicketsPerAddress} (how many open walk-in tickets one client
   * address may hold per field and day when anonymous requests are counted), for tests about
   * something else that take many numbers from one address with a rate limit on.
   */
  public void walkInCap(String office, int openTicketsPerAddress) {
    String path = "/api/v1/offices/" + office + "/settings";
    JsonObject doc = api.get(path, "token", adminToken()).json();
    doc.put("walkIn", doc.getJsonObject("walkIn", new JsonObject()).put("openTicketsPerAddress", openTicketsPerAddress));
    Api.Response saved = api.method("PUT", path, doc.encode(), "token", adminToken(),
        "If-Match", String.valueOf(doc.getLong("revision")));
    if (saved.status() != 200) {
      throw new IllegalStateException("could not save " + office + "'s walk-in cap: " + saved.body());
    }
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
