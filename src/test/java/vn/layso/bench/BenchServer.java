package vn.layso.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One layso server of the bench: a jar started with {@code java} {@link #JVM_OPTIONS} {@code -jar} on 127.0.0.1 with its own
 * embedded Redis in a fresh DATA_DIR (appendfsync everysec, rate limits off, the bench offices), the
 * admin's token, and a direct connection to its Redis for the bench's own commands (CONFIG SET, INFO,
 * BGREWRITEAOF). Everything else goes over HTTP, so the bench does not depend on any script's
 * arguments.
 */
public final class BenchServer implements AutoCloseable {

  /**
   * The JVM options a layso server runs with (as scripts/run and docs/operations.md, "From the jar",
   * start it); BENCH_JAVA_OPTS come after them, so a later option overrides. A fixed 1 GiB heap
   * (10,000 live sockets keep about 17 MB live on it; with the default, G1 shrank the heap to 80 MB
   * and collected every 2-3 s during a fan-out), Metaspace sized for the server's classes (the
   * default high-water mark set off collections, a full one with the parallel collector, while the
   * first calls were loading classes), and the parallel collector: on two cores G1's concurrent
   * refinement took 7 % of the server's CPU samples during a fan-out, and with a live set this
   * small a young collection copies little. docs/benchmarks.md, "Fan-out at 5,000".
   */
  public static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:MetaspaceSize=128m",
      "-XX:+UseParallelGC");

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern REDIS_LOG_PORT = Pattern.compile("embedded redis started port=\"?(\\d+)");

  private final String label;
  private final Process process;
  private final Path dir;
  private final URI base;
  private long redisPid;
  private boolean embeddedRedis;
  private RedisClient redisClient;
  private StatefulRedisConnection<String, String> redisConnection;
  private String token;
  private boolean floor;

  private BenchServer(String label, Process process, Path dir, URI base) {
    this.label = label;
    this.process = process;
    this.dir = dir;
    this.base = base;
  }

  /**
   * The start of a server's command line: this JVM's java, {@link #JVM_OPTIONS}, then {@code javaOpts}
   * (BENCH_JAVA_OPTS). The floor server gets the same as the real ones, so that they are compared on
   * the same heap and collector.
   */
  private static List<String> java(String javaOpts) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    if (!javaOpts.isEmpty()) {
      command.addAll(List.of(javaOpts.split("\\s+")));
    }
    return command;
  }

  /** Starts the jar and waits for its health check, its embedded Redis and the admin's login. */
  public static BenchServer start(String label, Path jar, int eventLoops, Path work, Path officesFile,
                                  String adminPassword, String javaOpts) throws IOException, InterruptedException {
    return start(label, jar, eventLoops, work, officesFile, adminPassword, javaOpts, null, 0);
  }

  /**
   * Starts the jar on a Redis of the caller's ({@code redis}, listening on {@code redisPort}; the
   * server leaves it running), or on its own embedded one when {@code redis} is null.
   */
  public static BenchServer start(String label, Path jar, int eventLoops, Path work, Path officesFile,
                                  String adminPassword, String javaOpts, ProcessHandle redis, int redisPort)
      throws IOException, InterruptedException {
    Path dir = work.resolve(label.replaceAll("[^A-Za-z0-9=._-]", "_"));
    Files.createDirectories(dir);
    int port = freePort();
    List<String> command = java(javaOpts);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile());
    builder.environment().putAll(Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1",
        "DATA_DIR", dir.resolve("data").toString(), "ADMIN_PASSWORD", adminPassword,
        "EVENT_LOOPS", String.valueOf(eventLoops), "REDIS_APPENDFSYNC", "everysec", "RATE_LIMIT_PER_MINUTE", "0",
        "OFFICES_FILE", officesFile.toString(), "SEED", "none"));
    if (redis != null) {
      builder.environment().put("REDIS_URI", "redis://127.0.0.1:" + redisPort);
    }
    BenchServer server = new BenchServer(label, builder.start(), dir, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitUp(adminPassword, redis, redisPort);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Starts the floor server (FloorServer, docs/benchmarks.md "The stack's floor") in its own JVM on
   * this JVM's class path, with its own embedded Redis in a fresh DATA_DIR, and waits until it
   * answers. It has no token: {@link #token} is null.
   */
  public static BenchServer startFloor(String label, int eventLoops, Path work, String javaOpts)
      throws IOException, InterruptedException {
    Path dir = work.resolve(label.replaceAll("[^A-Za-z0-9=._-]", "_"));
    Files.createDirectories(dir);
    int port = freePort();
    List<String> command = java(javaOpts);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), FloorServer.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile());
    builder.environment().putAll(Map.of("PORT", String.valueOf(port), "HOST", "127.0.0.1",
        "DATA_DIR", dir.resolve("data").toString(), "EVENT_LOOPS", String.valueOf(eventLoops),
        "REDIS_APPENDFSYNC", "everysec"));
    BenchServer server = new BenchServer(label, builder.start(), dir, URI.create("http://127.0.0.1:" + port));
    server.floor = true;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      Path log = dir.resolve("server.log");
      while (!(Files.exists(log) && Files.readString(log).contains("FLOOR UP")) || !server.healthy()) {
        if (!server.process.isAlive()) {
          throw new IOException("server '" + label + "' exited; its log: " + log);
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("server '" + label + "' did not start in 120 s; its log: " + log);
        }
        Thread.sleep(250);
      }
      server.embeddedRedis = true;
      server.redisPid = Long.parseLong(Files.readString(dir.resolve("data/redis.pid")).trim());
      server.redisClient = RedisClient.create("redis://127.0.0.1:" + server.redisPort());
      server.redisConnection = server.redisClient.connect();
      server.redis().configSet("auto-aof-rewrite-percentage", "0");
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Whether this is the floor server (FloorServer), not a layso one. */
  public boolean floor() {
    return floor;
  }

  private void awaitUp(String adminPassword, ProcessHandle redis, int externalPort)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // the banner comes once the server has started in full (the admin's account included); /health
    // answers earlier
    while (!started() || !healthy()) {
      if (!process.isAlive()) {
        throw new IOException("server '" + label + "' exited; its log: " + dir.resolve("server.log"));
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("server '" + label + "' did not start in 120 s; its log: " + dir.resolve("server.log"));
      }
      Thread.sleep(250);
    }
    int redisPort = redis == null ? redisPort() : externalPort;
    embeddedRedis = redis == null;
    redisPid = redis == null ? Long.parseLong(Files.readString(dir.resolve("data/redis.pid")).trim()) : redis.pid();
    redisClient = RedisClient.create("redis://127.0.0.1:" + redisPort);
    redisConnection = redisClient.connect();
    // a rewrite's forked child would land in some measured runs and not in others: the bench
    // rewrites before each measured run instead (settle)
    redis().configSet("auto-aof-rewrite-percentage", "0");
    HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
            .put("password", adminPassword).encode())).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IOException("server '" + label + "': the admin's login answered " + login.statusCode());
    }
    token = new JsonObject(login.body()).getString("token");
  }

  private boolean started() throws IOException {
    Path log = dir.resolve("server.log");
    return Files.exists(log) && Files.readString(log).contains("Health: ");
  }

  private boolean healthy() throws InterruptedException {
    try {
      return HTTP.send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The embedded Redis's port: its port file, or the server's log line (older revisions). */
  private int redisPort() throws IOException {
    Path file = dir.resolve("data/redis.port");
    if (Files.exists(file)) {
      return Integer.parseInt(Files.readString(file).trim());
    }
    Matcher m = REDIS_LOG_PORT.matcher(Files.readString(dir.resolve("server.log")));
    if (!m.find()) {
      throw new IOException("server '" + label + "': could not find its embedded Redis's port");
    }
    return Integer.parseInt(m.group(1));
  }

  public String label() {
    return label;
  }

  public URI base() {
    return base;
  }

  public String token() {
    return token;
  }

  public long pid() {
    return process.pid();
  }

  public long redisPid() {
    return redisPid;
  }

  /** The bench's own connection to this server's Redis (CONFIG, INFO, BGREWRITEAOF). */
  public RedisCommands<String, String> redis() {
    return redisConnection.sync();
  }

  /**
   * Rewrites this server's append-only file; the caller then waits until no server's Redis is
   * rewriting ({@link #rewriting}), so that no measured run carries a rewrite's forked child.
   */
  public void rewriteAppendOnlyFile() {
    try {
      redis().bgrewriteaof();
    } catch (RuntimeException e) {
      // already rewriting: the wait below covers it
    }
  }

  public boolean rewriting() {
    String persistence = redis().info("persistence");
    return persistence.contains("aof_rewrite_in_progress:1") || persistence.contains("aof_rewrite_scheduled:1");
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s) and any embedded Redis it left behind. */
  @Override
  public void close() throws InterruptedException {
    if (redisConnection != null) {
      redisConnection.close();
      redisClient.shutdown();
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (redisPid > 0 && embeddedRedis) {
      ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroy);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
