package vn.layso.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.auth.AccountService;
import vn.layso.auth.AuthService;
import vn.layso.auth.PasswordHasher;
import vn.layso.booking.BookingService;
import vn.layso.checkin.CheckInService;
import vn.layso.checkin.NoShowSweeper;
import vn.layso.booking.PersonalData;
import vn.layso.booking.PersonalDataKey;
import vn.layso.common.ClientAddress;
import vn.layso.common.LookupLimiter;
import vn.layso.common.RateLimiter;
import vn.layso.history.ArchiveFiles;
import vn.layso.history.DayArchiver;
import vn.layso.history.HistoryService;
import vn.layso.history.PastIssuing;
import vn.layso.report.ReportService;
import vn.layso.notify.Notifier;
import vn.layso.notify.TurnNearWatcher;
import vn.layso.live.LiveHub;
import vn.layso.live.domain.SocketLimits;
import vn.layso.notify.RatingInvitations;
import vn.layso.notify.domain.TemplateKey;
import vn.layso.office.ConfigWatcher;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.predict.PredictionService;
import vn.layso.print.NetworkPrinter;
import vn.layso.print.PrintService;
import vn.layso.print.PrinterConfig;
import vn.layso.queue.DayCloser;
import vn.layso.queue.QueueService;
import vn.layso.rating.RatingService;
import vn.layso.settings.SettingsService;
import vn.layso.store.redis.CachingAuthStore;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.store.redis.Keys;
import vn.layso.store.redis.RedisAuditLog;
import vn.layso.store.redis.RedisAuthStore;
import vn.layso.store.redis.RedisBookingStore;
import vn.layso.store.redis.RedisCheckInStore;
import vn.layso.store.redis.RedisLiveStore;
import vn.layso.store.redis.RedisHistoryStore;
import vn.layso.store.redis.RedisReportStore;
import vn.layso.store.redis.PersonalDataVersions;
import vn.layso.store.redis.RedisOfficeStore;
import vn.layso.store.redis.RedisPredictionStore;
import vn.layso.store.redis.RedisPrintStore;
import vn.layso.store.redis.RedisQueueStore;
import vn.layso.store.redis.RedisLookupCounter;
import vn.layso.store.redis.RedisRateCounter;
import vn.layso.store.redis.RedisRatingStore;
import vn.layso.store.redis.RedisStore;
import vn.layso.store.redis.RedisVerificationStore;
import vn.layso.store.redis.TicketMigration;
import vn.layso.verify.PhoneVerificationService;

/** Wires the features together and owns their life: start (blocking, off the event loop) and stop. */
public final class LaysoServer {

  /** How often a server writes its walk-in counts for the issuing-surge alert (see QueueService.flushIssued). */
  private static final long ISSUED_FLUSH_MS = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(LaysoServer.class);

  /** Connections that have sent nothing (not even a pong) for this long are closed. */
  private static final int READ_IDLE_SECONDS = 90;
  /** A network printer that does not accept within this is unreachable. */
  private static final Duration PRINT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** A print request always answers within this, queued time included (the kiosk waits for it). */
  private static final Duration PRINT_JOB_TIMEOUT = Duration.ofSeconds(5);
  /** A kiosk's repeated print of the same ticket within this after the job is answered, not printed again. */
  private static final Duration PRINT_REPEAT_WINDOW = Duration.ofSeconds(10);
  /** How long a server predicts waits from one read of an office's queues and counters. */
  private static final Duration PREDICTION_FRESH = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final EmbeddedRedis embedded;
  private final RedisStore redis;
  private final LiveHub hub;
  /** One HTTP server per event loop, all on the same port. */
  private final List<HttpServer> http;
  private final Router router;
  private final String generatedAdminPassword;
  private final DayCloser closer;
  private final long closerTimer;
  private final NoShowSweeper noShows;
  private final long noShowTimer;
  private final NotifyWiring notify;
  private final BalanceWiring balance;
  /** The reports' read-ahead after start (see warmUpReports); a stop lets it end first, briefly. */
  private Future<Integer> reportsReadAhead = Future.succeededFuture(0);
  /** The personal-data key version refresh (-1: none, booking is off). */
  private long personalDataTimer = -1;
  private final long configTimer;

  private LaysoServer(Vertx vertx, EmbeddedRedis embedded, RedisStore redis, LiveHub hub, List<HttpServer> http,
                      Router router, String generatedAdminPassword, DayCloser closer, long closerTimer,
                      NoShowSweeper noShows, long noShowTimer, NotifyWiring notify, BalanceWiring balance,
                      long configTimer) {
    this.configTimer = configTimer;
    this.notify = notify;
    this.balance = balance;
    this.closer = closer;
    this.closerTimer = closerTimer;
    this.noShows = noShows;
    this.noShowTimer = noShowTimer;
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
    List<Office> listed = OfficesFile.read(config.officesFile());
    PrinterConfig printing = PrinterConfig.load(config.printerConfigDir());
    listed.forEach(printing::check);
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
    // periodic jobs started so far: a start that fails later stops them before closing the store
    List<Runnable> started = new java.util.ArrayList<>();
    try {
      redis = RedisStore.connect(vertx, loops.eventLoops(), redisUri, Duration.ofSeconds(3),
          Duration.ofDays(config.historyDays()));
      // tickets stored as JSON by the previous release become hashes before anything reads them
      new TicketMigration(redis).run().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
      final RedisStore store = redis;
      var officeStore = new RedisOfficeStore(redis);
      var offices = new OfficeRegistry(officeStore, clock);
      // saved settings reach every server: the office id on the config channel, and a check each second
      var configWatcher = new ConfigWatcher(vertx, officeStore, offices);
      redis.subscribe(Keys.CONFIG_CHANNEL, configWatcher.listener());
      var tokens = new CachingAuthStore(new RedisAuthStore(redis), redis, CachingAuthStore.TTL);
      tokens.listen();
      var hasher = new PasswordHasher(vertx);
      var authService = new AuthService(tokens, hasher, clock, config.tokenTtl());
      var queueStore = new RedisQueueStore(redis, Duration.ofDays(config.historyDays()));
      var queue = new QueueService(queueStore, offices, clock);
      // wait predictions: one read of an office until its next event (at most PREDICTION_FRESH) per server
      var predictions = new PredictionService(
          new RedisPredictionStore(redis), clock, PREDICTION_FRESH);
      queue.useForecaster(predictions);
      redis.subscribe(Keys.EVENTS_CHANNEL, predictions.listener());
      var hub = new LiveHub(vertx, queue::snapshot, new RedisLiveStore(redis),
          new SocketLimits(config.liveMaxSockets(), config.liveMaxSocketsPerAddress()));
      redis.subscribe(Keys.EVENTS_CHANNEL, hub.listener());
      hub.startHeartbeat();

      seedOffices(config, offices, listed).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      // every printer of every office names a profile this server has (PRINTER_CONFIG_DIR may have changed)
      offices.all().forEach(printing::check);
      // days missed while no server ran are closed (and archived) before the first request is served
      var historyStore = new RedisHistoryStore(redis);
      queue.useIssuingNorms(new PastIssuing(historyStore));
      // the issuing-surge alert's counts, kept in memory by each server and written every few seconds
      long issuedTimer = vertx.setPeriodic(ISSUED_FLUSH_MS, id -> queue.flushIssued());
      started.add(() -> vertx.cancelTimer(issuedTimer));
      var archiver = new DayArchiver(vertx, historyStore, new ArchiveFiles(config.dataDir().resolve("archive")), clock,
          hostName());
      var closer = new DayCloser(queueStore, offices, clock, archiver::archive);
      closer.closePastDays().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      long closerTimer = closer.start(vertx);
      long configTimer = configWatcher.start();
      started.add(() -> vertx.cancelTimer(closerTimer));
      started.add(() -> vertx.cancelTimer(configTimer));

      var addresses = ClientAddress.trusting(config.trustedProxies());
      var limiter = new RateLimiter(new RedisRateCounter(redis), clock, addresses);
      // look-ups by booking code: off with the other anonymous limits (RATE_LIMIT_PER_MINUTE=0)
      var lookups = new LookupLimiter(new RedisLookupCounter(redis), clock, addresses,
          config.rateLimitPerMinute() == 0 ? null : LookupLimiter.Limits.DEFAULT);
      var prints = new PrintService(vertx, offices, queue, printing,
          new NetworkPrinter(vertx, PRINT_CONNECT_TIMEOUT), new RedisPrintStore(redis), clock,
          new PrintService.Settings(config.publicUrl(), PRINT_JOB_TIMEOUT, PRINT_REPEAT_WINDOW));
      // names and phones are sealed at rest with the store's current key version, followed each second
      String bookingOff = null;
      PersonalDataKey personalKey = personalDataKey(config);
      PersonalData personal = null;
      long personalDataTimer = -1;
      if (personalKey == null) {
        bookingOff = "booking is off: with REDIS_URI set, give every server the same PERSONAL_DATA_KEY"
            + " (or a shared DATA_DIR holding " + PersonalDataKey.FILE + ")";
        LOG.atWarn().log(bookingOff);
      } else {
        personal = new PersonalData(personalKey, config.personalDataKeyPrevious() == null ? null
            : PersonalDataKey.previous(config.personalDataKeyPrevious()));
        var versions = new PersonalDataVersions(redis, personal);
        versions.refresh().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        long timer = versions.start(vertx);
        personalDataTimer = timer;
        started.add(() -> vertx.cancelTimer(timer));
      }
      var notify = NotifyWiring.start(vertx, redis, config.zalo(), config.sms(), clock, hostName(), personal);
      started.add(notify::stop);
      var booking = new BookingService(new RedisBookingStore(redis, personal), offices, clock, personalKey,
          bookingOff);
      var verification = new PhoneVerificationService(new RedisVerificationStore(redis), booking, offices, clock,
          booking.personalDataKey(), notify.otp());
      offices.all().stream().filter(o -> !verification.settingsProblems(o).isEmpty()).forEach(o -> LOG.atWarn()
          .addKeyValue("office", o.id()).log("booking.verifyPhone is on but no channel can send codes: bookings will fail"));
      var checkInStore = new RedisCheckInStore(redis);
      var checkIn = new CheckInService(checkInStore, offices, queue, clock);
      // bookings whose check-in window ended become NO_SHOW and give their places back
      var noShows = new NoShowSweeper(checkInStore, offices, clock);
      long noShowTimer = noShows.start(vertx);
      started.add(() -> vertx.cancelTimer(noShowTimer));
      if (notify.appointments() != null) {
        booking.listen(notify.appointments());
        queue.onTurnNear(config.zalo().turnNearPlaces(), new TurnNearWatcher(booking, notify.appointments()));
      }
      var ratings = new RatingService(new RedisRatingStore(redis, Duration.ofDays(config.historyDays())), queue,
          offices, clock);
      if (notify.appointments() != null && config.zalo().templates().containsKey(TemplateKey.RATING)) {
        redis.subscribe(Keys.EVENTS_CHANNEL,
            new RatingInvitations(vertx, ratings, booking, offices, notify.notifier(), clock).listener());
      }
      // balancing advice: every office evaluated every 30 s and soon after each live event
      var balance = BalanceWiring.start(vertx, redis, offices, clock, predictions);
      started.add(balance::stop);
      // staff-only events (the advice) reach only live sockets a staff token of the office opened
      hub.staff(new StaffLive(authService, balance.service()));
      redis.subscribe(Keys.STAFF_EVENTS_CHANNEL, hub.staffListener());
      var audit = new RedisAuditLog(redis, Duration.ofDays(config.historyDays()));
      var reports = new ReportService(vertx, new RedisReportStore(redis), historyStore, offices, clock);
      Router router = Routing.router(vertx, config,
          new Routing.Features(store, offices, authService, queue, hub, limiter, addresses,
              new HistoryService(historyStore), prints, booking, clock, checkIn, notify.routes(), balance.routes(),
              predictions, audit, ratings,
              new SettingsService(officeStore, offices, audit, clock).checking(verification::settingsProblems),
              reports,
              new AccountService(tokens, hasher), verification, lookups));

      List<HttpServer> http = listen(vertx, config, router);
      // only now: a start that failed before listening must not leave a generated password nobody saw
      String generated = authService.bootstrapAdmin(config.adminPassword())
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      LaysoServer server = new LaysoServer(vertx, embedded, redis, hub, http, router, generated, closer, closerTimer,
          noShows, noShowTimer, notify, balance, configTimer);
      LOG.atInfo().addKeyValue("port", http.get(0).actualPort()).addKeyValue("config", config).log("layso started");
      server.reportsReadAhead = warmUpReports(vertx, reports);
      server.personalDataTimer = personalDataTimer;
      return server;
    } catch (Exception | Error e) {
      started.forEach(Runnable::run);
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
   * Reads the offices' last year of closed days for the reports, in the background (see
   * {@link ReportService#warmUp}); ends when the read-ahead has, so that a stop can wait for it.
   */
  private static Future<Integer> warmUpReports(Vertx vertx, ReportService reports) {
    long started = System.nanoTime();
    io.vertx.core.Promise<Integer> done = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> reports.warmUp().onComplete(done));
    return done.future().onComplete(
        days -> LOG.atInfo().addKeyValue("days", days)
            .addKeyValue("ms", (System.nanoTime() - started) / 1_000_000).log("report days read"),
        error -> LOG.atWarn().addKeyValue("error", error.toString()).log("report days not read ahead"));
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
        // Per-message deflate (which browsers offer) keeps a zlib context per socket and compresses
        // every event again for every socket: at 400 sockets the median delivery took 1.9 s with it
        // and 49 ms without (docs/benchmarks.md). Lobby events are a few hundred bytes: off.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // HTTP gzip stays on for what gains from it (the 135 KiB OpenAPI document, pages);
        // API answers under 1 KiB are sent as they are, as compressing them costs more CPU
        // than the bytes it saves.
        .setCompressionSupported(true)
        .setCompressionContentSizeThreshold(1024)
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
   * are added when their id is not known yet (an existing office is never overwritten, as it is
   * edited live through the settings API: a WARN line says so when the file's version differs).
   */
  private static Future<Void> seedOffices(Config config, OfficeRegistry offices, List<Office> listed)
      throws IOException {
    var demo = OfficeJson.read(new JsonObject(resource("seed/demo-office.json")));
    return offices.reload().compose(v -> {
      Future<Void> chain = config.seedDemo() && offices.all().isEmpty()
          ? offices.seed(demo).mapEmpty() : Future.succeededFuture();
      for (Office office : listed) {
        chain = chain.compose(x -> offices.seed(office).map(created -> {
          if (!created && !offices.find(office.id()).map(office::equals).orElse(true)) {
            LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("file", config.officesFile())
                .log("OFFICES_FILE differs from the stored office, which is kept: change a running office"
                    + " in the console (/admin, Settings) or through PUT /api/v1/offices/{office}/settings");
          }
          return null;
        }));
      }
      return chain;
    });
  }

  /**
   * The personal-data key (the keyed hashes and, derived from it, the keys that seal names and
   * phones). Booking needs it: PERSONAL_DATA_KEY, else the key file in DATA_DIR. With an
   * external Redis and neither set, servers sharing that Redis could hold different key files and
   * the per-citizen limits would stop counting across them: booking stays off (503) and says why.
   */
  static PersonalDataKey personalDataKey(Config config) throws IOException {
    if (config.personalDataKey() != null) {
      return PersonalDataKey.of(config.personalDataKey());
    } else if (config.redisUri() == null || config.dataDirGiven()) {
      return PersonalDataKey.fromFile(config.dataDir());
    }
    return null;
  }

  /** This machine's name, recorded with each archived day (the archive is on the server that wrote it). */
  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown-host";
    }
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

  /** Where features (and tests) queue notifications to citizens. */
  public Notifier notifier() {
    return notify.notifier();
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

  /**
   * Closes (and archives) every past day now rather than at the next periodic run; the future ends
   * when done (joining a run already under way in this process).
   */
  public Future<Void> closePastDays() {
    return closer.closePastDays();
  }

  /** The embedded Redis, when this server started one (tests restart it). */
  /** The no-show sweep (it also runs on a timer): tests run it at chosen clock times. */
  public NoShowSweeper noShows() {
    return noShows;
  }

  public EmbeddedRedis embeddedRedis() {
    return embedded;
  }

  /**
   * Graceful stop: screens are told to reconnect (1012), requests in flight may finish, then the
   * store connections and the embedded Redis (which flushes its append-only file) are closed.
   */
  public void stop() {
    vertx.cancelTimer(closerTimer);
    vertx.cancelTimer(noShowTimer);
    vertx.cancelTimer(configTimer);
    vertx.cancelTimer(personalDataTimer);
    notify.stop();
    balance.stop();
    try {
      // a stop right after a start: the read-ahead's worker threads must not answer a closed Vert.x
      reportsReadAhead.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("reports read-ahead did not end cleanly before the stop");
    }
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
