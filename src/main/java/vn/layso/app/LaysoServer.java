package vn.layso.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.auth.AuthService;
import vn.layso.auth.PasswordHasher;
import vn.layso.common.ClientAddress;
import vn.layso.common.RateLimiter;
import vn.layso.live.LiveHub;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.QueueService;
import vn.layso.store.redis.CachingAuthStore;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.store.redis.Keys;
import vn.layso.store.redis.RedisAuthStore;
import vn.layso.store.redis.RedisOfficeStore;
import vn.layso.store.redis.RedisQueueStore;
import vn.layso.store.redis.RedisRateCounter;
import vn.layso.store.redis.RedisStore;

/** Wires the features together and owns their life: start (blocking, off the event loop) and stop. */
public final class LaysoServer {

  private static final Logger LOG = LoggerFactory.getLogger(LaysoServer.class);

  /** Connections that have sent nothing (not even a pong) for this long are closed. */
  private static final int READ_IDLE_SECONDS = 90;

  private final Vertx vertx;
  private final EmbeddedRedis embedded;
  private final RedisStore redis;
  private final LiveHub hub;
  /** One HTTP server per event loop, all on the same port. */
  private final List<HttpServer> http;
  private final Router router;
  private final String generatedAdminPassword;

  private LaysoServer(Vertx vertx, EmbeddedRedis embedded, RedisStore redis, LiveHub hub, List<HttpServer> http,
                      Router router, String generatedAdminPassword) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.redis = redis;
    this.hub = hub;
    this.http = http;
    this.router = router;
    this.generatedAdminPassword = generatedAdminPassword;
  }

  /** Starts everything; blocks the calling thread until the server listens or start-up failed. */
  public static LaysoServer start(Config config, Clock clock) throws Exception {
    EmbeddedRedis embedded = null;
    String redisUri = config.redisUri();
    if (redisUri == null) {
      embedded = EmbeddedRedis.start(config.dataDir(), config.redisAppendFsync());
      redisUri = embedded.uri();
    }
    // each event loop serves HTTP and carries its own Redis connection: no thread hops per request
    ServingLoops loops = new ServingLoops();
    Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(config.eventLoops()))
        .withTransport(loops).build();
    RedisStore redis = null;
    try {
      redis = RedisStore.connect(vertx, loops.eventLoops(), redisUri, Duration.ofSeconds(3));
      final RedisStore store = redis;
      var offices = new OfficeRegistry(new RedisOfficeStore(redis));
      var tokens = new CachingAuthStore(new RedisAuthStore(redis), redis, CachingAuthStore.TTL);
      tokens.listen();
      var authService = new AuthService(tokens, new PasswordHasher(vertx), clock,
          config.tokenTtl());
      var queue = new QueueService(new RedisQueueStore(redis), offices, clock);
      var hub = new LiveHub(vertx, queue::snapshot, queue::version, config.liveMaxSockets());
      redis.subscribe(Keys.EVENTS_CHANNEL, hub.listener());
      hub.startHeartbeat();

      seedOffices(config, offices).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      String generated = authService.bootstrapAdmin(config.adminPassword())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

      var limiter = new RateLimiter(new RedisRateCounter(redis), clock,
          ClientAddress.trusting(config.trustedProxies()));
      Router router = Routing.router(vertx, config,
          new Routing.Features(store, offices, authService, queue, hub, limiter));

      List<HttpServer> http = listen(vertx, config, router);
      LaysoServer server = new LaysoServer(vertx, embedded, redis, hub, http, router, generated);
      LOG.atInfo().addKeyValue("port", http.get(0).actualPort()).addKeyValue("config", config).log("layso started");
      return server;
    } catch (Exception | Error e) {
      if (redis != null) {
        redis.close();
      }
      vertx.close();
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /**
   * Deploys one HTTP server per event loop (a verticle instance each, so each runs on its own
   * loop); Vert.x shares the port between them. Port 0 becomes -1: a random port, shared as well.
   * Blocks until all listen.
   */
  private static List<HttpServer> listen(Vertx vertx, Config config, Router router) throws Exception {
    HttpServerOptions options = new HttpServerOptions()
        .setPort(config.port() == 0 ? -1 : config.port()).setHost(config.host())
        .setMaxWebSocketFrameSize(4096).setMaxWebSocketMessageSize(4096)
        // permessage-deflate (which browsers offer) costs every socket a compressor and every
        // delta a compression per socket: at 400 sockets the median delivery took 1.9 s with it and
        // 49 ms without (docs/benchmarks.md). Lobby events are a few hundred bytes.
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true)
        // a dead peer (a screen whose network went away) stops answering the 25 s pings
        .setReadIdleTimeout(READ_IDLE_SECONDS);
    List<HttpServer> servers = new CopyOnWriteArrayList<>();
    vertx.deployVerticle(() -> context -> {
      HttpServer server = vertx.createHttpServer(options)
          .invalidRequestHandler(Routing::invalidRequest).requestHandler(router);
      servers.add(server);
      return server.listen();
    }, new DeploymentOptions().setInstances(config.eventLoops()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return List.copyOf(servers);
  }

  /**
   * On an empty store the demo office is loaded (unless SEED=none); offices listed in OFFICES_FILE
   * are added when their id is not known yet (an existing office is never overwritten).
   */
  private static Future<Void> seedOffices(Config config, OfficeRegistry offices) throws IOException {
    var demo = OfficeJson.read(new JsonObject(resource("seed/demo-office.json")));
    List<Office> listed = new ArrayList<>();
    if (config.officesFile() != null) {
      for (Object o : new JsonArray(Files.readString(config.officesFile()))) {
        listed.add(OfficeJson.read((JsonObject) o));
      }
    }
    return offices.reload().compose(v -> {
      Future<Void> chain = config.seedDemo() && offices.all().isEmpty()
          ? offices.seed(demo).mapEmpty() : Future.succeededFuture();
      for (Office office : listed) {
        chain = chain.compose(x -> offices.seed(office).mapEmpty());
      }
      return chain;
    });
  }

  static String resource(String path) throws IOException {
    try (InputStream in = LaysoServer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public int port() {
    return http.get(0).actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** An endpoint the router serves: one exact path (in the router's {@code :param} form) and its methods. */
  public record Endpoint(String path, Set<String> methods) {
  }

  /**
   * The endpoints mounted on the router (exact paths with methods; catch-all handlers such as
   * security headers, body limit and auth left out), so tests can hold the OpenAPI document to them.
   */
  public List<Endpoint> routes() {
    return router.getRoutes().stream()
        .filter(r -> r.getPath() != null && (r.isExactPath() || r.getPath().contains("/:"))
            && r.methods() != null && !r.methods().isEmpty())
        .map(r -> new Endpoint(r.getPath(), r.methods().stream().map(HttpMethod::name)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))))
        .toList();
  }

  /** The admin password generated at first start, to print once; null when none was generated. */
  public String generatedAdminPassword() {
    return generatedAdminPassword;
  }

  /** The embedded Redis, when this server started one (tests restart it). */
  public EmbeddedRedis embeddedRedis() {
    return embedded;
  }

  /**
   * Graceful stop: screens are told to reconnect (1012), requests in flight may finish, then the
   * store connections and the embedded Redis (which flushes its append-only file) are closed.
   */
  public void stop() {
    try {
      hub.closeAll();
      Future.all(http.stream().map(server -> server.shutdown(5, TimeUnit.SECONDS)).toList())
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("http shutdown was not clean");
    }
    redis.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("vert.x close was not clean");
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.atWarn().addKeyValue("error", e.toString()).log("embedded redis stop failed");
      }
    }
    LOG.info("layso stopped");
  }
}
