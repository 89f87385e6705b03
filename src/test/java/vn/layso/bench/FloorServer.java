package vn.layso.bench;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ScoredValue;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import vn.layso.app.BenchVertx;
import vn.layso.queue.domain.TicketIds;
import vn.layso.store.redis.EmbeddedRedis;
import vn.layso.store.redis.RedisStore;

/**
 * The stack's floor (docs/benchmarks.md, "The stack's floor"): a server on the same stack as
 * layso (the same Vert.x built the same way, one Lettuce connection per event loop through
 * RedisStore, the same HTTP options, its own embedded Redis from the same library) that does the
 * least an issue and a call-next must do, so that the bench can tell what share of the ceiling any
 * design could reach on this machine. Started by the bench in its own JVM (BenchServer.startFloor)
 * with PORT, HOST, DATA_DIR, EVENT_LOOPS and REDIS_APPENDFSYNC; prints "FLOOR UP" once it listens.
 *
 * <ul>
 *   <li>{@code GET /health}: one PING, the answer of the real /health (its ceiling);</li>
 *   <li>{@code POST /floor/issue/:office}: the issue phase's body read and checked (a JSON object, a
 *       known field code, no priority), one EVALSHA (bench/floor/issue.lua), the real issue's
 *       answer (same fields, same size, 201);</li>
 *   <li>{@code POST /floor/call/:office/:counter}: one EVALSHA (bench/floor/call.lua) over the
 *       counter's four fields' queues, the real call-next's answer (same fields and size; 204 when
 *       nothing waits);</li>
 *   <li>{@code /floor/issue-pipe/...} and {@code /floor/call-pipe/...}: the same commands without
 *       Lua, pipelined (not atomic: an even lower bound); an issue needs the number first (2 round
 *       trips), a call the queues' heads first (2 round trips).</li>
 * </ul>
 * No token check, rate limit, prediction, idempotency, event log or live hub. Logs nothing per request.
 */
public final class FloorServer {

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final Set<String> SERVICES = Set.copyOf(BenchOffices.services());
  private static final Set<String> OFFICES = Set.copyOf(BenchOffices.throughputOffices());
  private static final String TICKET = "floor:t:";
  private static final Buffer HEALTH = Buffer.buffer(
      "{\"status\":\"UP\",\"redis\":\"UP\",\"offices\":10,\"liveSockets\":0,\"liveQueuedBytes\":0}");
  /** The real call-next's "why" for a lone candidate, as long as it is (it is part of the answer's size). */
  private static final String WHY = ",\"why\":{\"rule\":\"ONLY_ONE\",\"waitedMinutes\":0,\"weight\":1,"
      + "\"targetMinutes\":30,\"row\":0,\"candidates\":1,\"text\":\"Người duy nhất quầy này có thể phục vụ (Lĩnh vực"
      + " 1, đã chờ 0 phút).\",\"textEn\":\"The only citizen this counter can serve (Lĩnh vực 1, waited 0 min).\"}}";

  private final RedisStore store;
  private final String issueSha;
  private final String callSha;

  private FloorServer(RedisStore store, String issueSha, String callSha) {
    this.store = store;
    this.issueSha = issueSha;
    this.callSha = callSha;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("PORT", "0"));
    String host = env.getOrDefault("HOST", "127.0.0.1");
    int loops = Integer.parseInt(env.getOrDefault("EVENT_LOOPS",
        String.valueOf(Runtime.getRuntime().availableProcessors())));
    EmbeddedRedis embedded = EmbeddedRedis.start(Path.of(env.getOrDefault("DATA_DIR", "floor-data")),
        env.getOrDefault("REDIS_APPENDFSYNC", "everysec"));
    BenchVertx.Built built = BenchVertx.build(loops);
    Vertx vertx = built.vertx();
    RedisStore store = RedisStore.connect(vertx, built.loops(), embedded.uri(), Duration.ofSeconds(3));
    FloorServer floor = new FloorServer(store, load(store, "issue"), load(store, "call"));
    Router router = floor.router(vertx);
    // LaysoServer.listen's options and deployment: one HTTP server per event loop on one port
    HttpServerOptions options = new HttpServerOptions().setPort(port == 0 ? -1 : port).setHost(host)
        .setMaxWebSocketFrameSize(4096).setMaxWebSocketMessageSize(4096)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true).setCompressionContentSizeThreshold(1024).setReadIdleTimeout(90);
    List<HttpServer> servers = new ArrayList<>();
    vertx.deployVerticle(() -> context -> {
      HttpServer server = vertx.createHttpServer(options).requestHandler(router);
      synchronized (servers) {
        servers.add(server);
      }
      return server.listen();
    }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      store.close();
      vertx.close();
      try {
        embedded.close();
      } catch (IOException e) {
        // the embedded Redis's own exit hook stops it as well
      }
    }, "floor-stop"));
    System.out.println("FLOOR UP port=" + servers.get(0).actualPort());
    System.out.flush();
  }

  private static String load(RedisStore store, String name) throws Exception {
    try (InputStream in = FloorServer.class.getResourceAsStream("/bench/floor/" + name + ".lua")) {
      if (in == null) {
        throw new IOException("missing bench/floor/" + name + ".lua on the class path");
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return store.<String>call(c -> c.scriptLoad(source)).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
  }

  private Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> store.ping().onComplete(r -> headers(ctx.response())
        .setStatusCode(r.succeeded() ? 200 : 503).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(HEALTH)));
    router.post("/floor/issue/:office").handler(ctx -> withBody(ctx, false));
    router.post("/floor/issue-pipe/:office").handler(ctx -> withBody(ctx, true));
    router.post("/floor/call/:office/:counter").handler(ctx -> call(ctx, false));
    router.post("/floor/call-pipe/:office/:counter").handler(ctx -> call(ctx, true));
    return router;
  }

  /**
   * The request's body read by Vert.x core, at most 16 KiB: no vertx-web BodyHandler (the real
   * server's), which cost 1-6 µs more a request in a side-by-side wrk run (load 21-24).
   */
  private void withBody(RoutingContext ctx, boolean pipe) {
    ctx.request().body().onComplete(b -> {
      if (b.failed() || b.result().length() > 16 * 1024) {
        fail(ctx, 400, "invalid");
      } else {
        issue(ctx, b.result(), pipe);
      }
    });
  }

  /** The issue phase's request: read, checked, one script (or the pipeline), the real answer. */
  private void issue(RoutingContext ctx, Buffer raw, boolean pipe) {
    String office = ctx.pathParam("office");
    if (!OFFICES.contains(office)) {
      fail(ctx, 404, "office_not_found");
      return;
    }
    String service;
    try {
      JsonObject body = raw == null || raw.length() == 0 ? null : new JsonObject(raw);
      Object s = body == null ? null : body.getValue("service");
      if (!(s instanceof String text) || text.length() > 32 || body.getValue("priority") != null) {
        fail(ctx, 400, "invalid");
        return;
      }
      service = text;
    } catch (RuntimeException notJson) {
      fail(ctx, 400, "invalid");
      return;
    }
    if (!SERVICES.contains(service)) {
      fail(ctx, 404, "service_not_found");
      return;
    }
    long now = System.currentTimeMillis();
    String date = LocalDate.now(ZONE).toString();
    String id = TicketIds.next(office);
    String prefix = String.valueOf((char) ('A' + service.charAt(1) - '0'));
    String sequence = "floor:seq:" + office + ":" + date + ":" + service;
    String queue = "floor:q:" + office + ":" + service;
    String version = "floor:v:" + office;
    Future<String> placed = pipe
        ? issuePipelined(sequence, id, queue, version, now, prefix, service, office)
        : store.call(c -> c.<String>evalsha(issueSha, ScriptOutputType.VALUE,
            new String[] {sequence, TICKET + id, queue, version},
            id, Long.toString(now), prefix, service, office));
    placed.onComplete(r -> {
      if (r.failed()) {
        fail(ctx, 503, "store_unavailable");
        return;
      }
      String answer = r.result();
      int space = answer.indexOf(' ');
      String number = answer.substring(0, space);
      int place = Integer.parseInt(answer.substring(space + 1));
      String json = "{\"id\":\"" + id + "\",\"office\":\"" + office + "\",\"number\":\"" + number
          + "\",\"service\":\"" + service + "\",\"status\":\"WAITING\",\"priority\":null,\"issuedAt\":\""
          + iso(now) + "\",\"serviceDate\":\"" + date + "\",\"recalls\":0,\"position\":" + place
          + ",\"estimatedWaitMinutes\":" + place + ",\"estimatedWait\":{\"p50Minutes\":" + place
          + ",\"p90Minutes\":" + (place + 1) + ",\"ahead\":" + (place - 1) + "}}";
      headers(ctx.response()).setStatusCode(201).putHeader("Content-Type", "application/json")
          .end(Buffer.buffer(json));
    });
  }

  /**
   * The issue's commands without Lua: the number first, then the rest in one pipeline (2 round
   * trips). The event leaves in the same pipeline, so it cannot carry the place and version it
   * would need a third for: a lower bound, not a design.
   */
  private Future<String> issuePipelined(String sequence, String id, String queue, String version, long now,
                                        String prefix, String service, String office) {
    return store.call(c -> c.incr(sequence)).compose(seq -> {
      String number = prefix + String.format("%05d", seq);
      String at = Long.toString(now);
      return store.call(c -> {
        c.hset(TICKET + id, Map.of("number", number, "service", service, "status", "WAITING", "issuedAt", at,
            "seq", Long.toString(seq), "source", "walk-in"));
        c.expire(TICKET + id, 2_592_000);
        c.zadd(queue, (double) (now * 1000 + seq % 1000), id);
        RedisFuture<Long> place = c.zcard(queue);
        c.incr(version);
        c.publish("floor:events", "{\"type\":\"ticket.issued\",\"office\":\"" + office + "\",\"at\":" + at
            + ",\"ticket\":{\"number\":\"" + number + "\",\"service\":\"" + service + "\",\"status\":\"WAITING\","
            + "\"recalls\":0,\"priority\":false},\"queue\":{\"service\":\"" + service + "\"},\"epoch\":\"floor\"}");
        return place;
      }).map(place -> number + " " + place);
    });
  }

  /** The call-next phase's request: one script (or the pipeline) over the counter's queues, the real answer. */
  private void call(RoutingContext ctx, boolean pipe) {
    String office = ctx.pathParam("office");
    String counter = ctx.pathParam("counter");
    if (!OFFICES.contains(office) || counter.length() > 3) {
      fail(ctx, 404, "counter_not_found");
      return;
    }
    long now = System.currentTimeMillis();
    String[] keys = new String[2 + SERVICES.size()];
    keys[0] = "floor:c:" + office + ":" + counter;
    keys[1] = "floor:v:" + office;
    for (int s = 0; s < SERVICES.size(); s++) {
      keys[2 + s] = "floor:q:" + office + ":s" + s;
    }
    Future<String> called = pipe ? callPipelined(keys, counter, now, office)
        : store.call(c -> c.<String>evalsha(callSha, ScriptOutputType.VALUE, keys, counter, Long.toString(now), TICKET,
            office));
    called.onComplete(r -> {
      if (r.failed()) {
        fail(ctx, 503, "store_unavailable");
        return;
      }
      if (r.result() == null) {
        headers(ctx.response()).setStatusCode(204).end();
        return;
      }
      String[] f = r.result().split(" ");
      LocalDate day = Instant.ofEpochMilli(Long.parseLong(f[3])).atZone(ZONE).toLocalDate();
      String json = "{\"ticket\":{\"id\":\"" + f[0] + "\",\"office\":\"" + office + "\",\"number\":\"" + f[1]
          + "\",\"service\":\"" + f[2] + "\",\"status\":\"CALLED\",\"priority\":null,\"issuedAt\":\""
          + iso(Long.parseLong(f[3])) + "\",\"serviceDate\":\"" + day + "\",\"counter\":\"" + counter
          + "\",\"calledAt\":\"" + iso(now) + "\",\"recalls\":0}" + WHY;
      headers(ctx.response()).setStatusCode(200).putHeader("Content-Type", "application/json")
          .end(Buffer.buffer(json));
    });
  }

  /**
   * The call's commands without Lua: the queues' heads in one pipeline, then the take, the reads,
   * the writes and the event in a second (not atomic: two counters may take the same head, and the
   * event cannot carry the number and version: a lower bound, not a design).
   */
  private Future<String> callPipelined(String[] keys, String counter, long now, String office) {
    List<Future<List<ScoredValue<String>>>> heads = new ArrayList<>();
    for (int i = 2; i < keys.length; i++) {
      String queue = keys[i];
      heads.add(store.call(c -> c.zrangeWithScores(queue, 0, 0)));
    }
    return Future.all(heads).compose(all -> {
      String best = null;
      String bestQueue = null;
      double bestScore = 0;
      for (int i = 0; i < heads.size(); i++) {
        List<ScoredValue<String>> head = heads.get(i).result();
        if (!head.isEmpty() && (best == null || head.get(0).getScore() < bestScore)) {
          best = head.get(0).getValue();
          bestScore = head.get(0).getScore();
          bestQueue = keys[2 + i];
        }
      }
      if (best == null) {
        return Future.succeededFuture(null);
      }
      String id = best;
      String queue = bestQueue;
      String at = Long.toString(now);
      return store.call(c -> {
        c.zrem(queue, id);
        RedisFuture<List<KeyValue<String, String>>> fields = c.hmget(TICKET + id, "number", "service", "issuedAt");
        c.hset(TICKET + id, Map.of("status", "CALLED", "counter", counter, "calledAt", at));
        c.hset(keys[0], Map.of("current", id, "since", at));
        c.incr(keys[1]);
        c.publish("floor:events", "{\"type\":\"ticket.called\",\"office\":\"" + office + "\",\"at\":" + at
            + ",\"counter\":\"" + counter + "\",\"ticket\":{\"status\":\"CALLED\",\"counter\":\"" + counter
            + "\",\"recalls\":0,\"priority\":false},\"epoch\":\"floor\"}");
        return fields;
      }).map(t -> id + " " + t.get(0).getValueOrElse("") + " " + t.get(1).getValueOrElse("") + " "
          + t.get(2).getValueOrElse(at));
    });
  }

  private static String iso(long epochMs) {
    return ISO.format(Instant.ofEpochMilli(epochMs).atOffset(OFFSET));
  }

  /** The security headers every layso answer carries (Routing.securityHeaders). */
  private static HttpServerResponse headers(HttpServerResponse response) {
    return response.putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "SAMEORIGIN");
  }

  private static void fail(RoutingContext ctx, int status, String code) {
    headers(ctx.response()).setStatusCode(status).putHeader("Content-Type", "application/json")
        .end("{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"floor server: " + code + "\"}");
  }
}
