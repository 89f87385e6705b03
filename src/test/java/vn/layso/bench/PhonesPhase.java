package vn.layso.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FanoutBench's ticket-page phase: {@code phones} citizens' ticket pages open on one office, each a
 * real WebSocket and real GETs of its ticket, following the page's own rule ({@link TicketPageRule},
 * the Java twin of webroot/ticket/place.js) with the page's delays. Counters call at {@code rate}
 * a second for {@code phoneSeconds} while walk-ins keep arriving (one every second call, every
 * tenth of them a priority ticket, which takes a place ahead of the pages). Measured: the ticket
 * requests the pages make per page and per call (their first loads apart), when each called page
 * learnt its call, and, at the end, whether every waiting page's place equals the server's.
 *
 * <p>Prints {@code FANOUT-PHONES pages=.. calls=.. walkIns=.. requests=.. perPagePerCall=..
 * loads=.. wrongPlaces=.. checked=.. calledPages=.. calledP50=.. calledP99=..}, or {@code INVALID}.
 */
final class PhonesPhase {

  private static final int IN_FLIGHT = 16;
  private static final String PRIORITY_GROUP = "nguoi-cao-tuoi";

  private final Vertx vertx;
  private final List<Context> contexts;
  private final URI base;
  private final Map<String, String> args;
  private final String office;
  private final HttpClient http;
  private final List<Page> pages = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger snapshots = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger loads = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final Map<Long, JsonObject> parsed = new ConcurrentHashMap<>();
  private volatile boolean measuring;
  private volatile boolean closing;
  private final AtomicInteger reconnects = new AtomicInteger();

  PhonesPhase(Vertx vertx, List<Context> contexts, URI base, Map<String, String> args) {
    this.vertx = vertx;
    this.contexts = contexts;
    this.base = base;
    this.args = args;
    this.office = args.get("office");
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost(base.getHost())
        .setDefaultPort(base.getPort()), new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
  }

  /** One simulated page: its ticket, its rule, its socket, its one pending ask. */
  private final class Page {
    final String id;
    final String number;
    final TicketPageRule rule;
    final Context context;
    long timer = -1;
    long due = Long.MAX_VALUE;
    boolean urgentPending;
    boolean snapshot;
    volatile long seen;

    Page(String id, String number, Context context) {
      this.id = id;
      this.number = number;
      this.rule = new TicketPageRule(number);
      this.context = context;
    }

    /** ticket.js schedule(): one request per window; an earlier due ask replaces a later one. */
    void schedule(long delayMs, boolean urgent) {
      long at = System.currentTimeMillis() + delayMs;
      if (timer >= 0 && due <= at) {
        return;
      }
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        if (urgentPending) {
          pending.decrementAndGet();
        }
      }
      due = at;
      urgentPending = urgent;
      if (urgent) {
        pending.incrementAndGet();
      }
      timer = vertx.setTimer(Math.max(1, delayMs), id -> context.runOnContext(v -> {
        timer = -1;
        due = Long.MAX_VALUE;
        if (urgentPending) {
          pending.decrementAndGet();
        }
        urgentPending = false;
        load(true);
      }));
    }

    void ask(TicketPageRule.Ask ask) {
      switch (ask) {
        case SOON -> schedule(ThreadLocalRandom.current().nextLong(300), true);
        case LATER -> schedule(1000 + ThreadLocalRandom.current().nextLong(4_000), true);
        case NONE -> { }
      }
    }

    Future<Void> load(boolean counted) {
      if (counted && measuring) {
        requests.incrementAndGet();
      } else {
        loads.incrementAndGet();
      }
      return get("/api/v1/tickets/" + id).map(ticket -> {
        context.runOnContext(v -> {
          ask(rule.read(ticket));
          if ("WAITING".equals(rule.status())) {
            // the estimate's slow refresh, every 4-6 minutes (not urgent: it falls outside the run)
            schedule(240_000 + ThreadLocalRandom.current().nextLong(120_000), false);
          }
        });
        return null;
      });
    }
  }

  String run() throws Exception {
    int count = Integer.parseInt(args.get("phones"));
    int perAddress = Integer.parseInt(args.getOrDefault("perAddress", "500"));
    JsonObject described = get("/api/v1/offices/" + office).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    List<String> services = described.getJsonArray("services").stream()
        .map(s -> ((JsonObject) s).getString("code")).toList();
    // the pages' tickets, then each page as ticket.js starts: its ticket first, then the live socket
    List<WebSocketClient> clients = new ArrayList<>();
    for (int a = 0; a * perAddress < count; a++) {
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress("127.0.1." + (1 + a))
          .setMaxConnections(perAddress).setConnectTimeout(30_000)));
    }
    Semaphore permits = new Semaphore(IN_FLIGHT);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < count && failures.isEmpty(); i++) {
      permits.acquire();
      int index = i;
      Context context = contexts.get(i % contexts.size());
      context.runOnContext(v -> issue(services.get(index % services.size()), false)
          .compose(ticket -> {
            Page page = new Page(ticket.getString("id"), ticket.getString("number"), context);
            pages.add(page);
            return page.load(false).compose(x -> open(page, clients.get(index / perAddress)));
          })
          .onComplete(r -> {
            if (r.failed()) {
              failures.add(r.cause().toString());
            }
            permits.release();
          }));
    }
    if (!permits.tryAcquire(IN_FLIGHT, 180, TimeUnit.SECONDS)) {
      return "FANOUT-PHONES pages=" + count + " INVALID the pages did not open in 180 s";
    }
    if (!failures.isEmpty()) {
      return "FANOUT-PHONES pages=" + count + " INVALID " + failures.get(0);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((snapshots.get() < count || pending.get() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (snapshots.get() < count) {
      closing = true;
      return "FANOUT-PHONES pages=" + count + " INVALID only " + snapshots.get() + " pages got their snapshot";
    }
    return measure(count);
  }

  private String measure(int count) throws Exception {
    int rate = Integer.parseInt(args.get("rate"));
    int seconds = Integer.parseInt(args.getOrDefault("phoneSeconds", "60"));
    int counters = Integer.parseInt(args.get("counters"));
    int total = rate * seconds;
    Map<String, Long> sent = new ConcurrentHashMap<>();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger walkIns = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<String> services = new ArrayList<>(List.of(args.getOrDefault("services", "s0,s1,s2,s3").split(",")));
    measuring = true;
    AtomicInteger tick = new AtomicInteger();
    long timer = vertx.setPeriodic(Math.max(1, 1000 / rate), id -> {
      int i = tick.getAndIncrement();
      if (i >= total) {
        vertx.cancelTimer(id);
        return;
      }
      long t0 = System.nanoTime();
      post("/api/v1/offices/" + office + "/counters/" + (i % counters + 1) + "/call-next", null)
          .onSuccess(body -> {
            JsonObject ticket = body == null ? null : body.getJsonObject("ticket");
            if (ticket != null) {
              calls.incrementAndGet();
              sent.put(ticket.getString("number"), t0);
            }
          })
          .onFailure(t -> failures.add(t.getMessage()))
          .onComplete(r -> answered.incrementAndGet());
      if (i % 2 == 0) {
        issue(services.get((i / 2) % services.size()), (i / 2) % 10 == 9)
            .onSuccess(t -> walkIns.incrementAndGet()).onFailure(t -> failures.add(t.getMessage()));
      }
    });
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30);
    while (answered.get() < total && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    vertx.cancelTimer(timer);
    // the asks the last calls caused are made within 5 s (ticket.js's longest delay but the estimate's)
    long grace = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
    while (pending.get() > 0 && System.nanoTime() < grace) {
      Thread.sleep(50);
    }
    measuring = false;
    closing = true;
    // a call or walk-in the server refused (a 503 of a store too busy to answer in time) makes the run
    // INVALID; the pages' figures still follow, for what the pages did with the calls that were made
    String invalid = failures.isEmpty() && answered.get() >= total ? "" : " INVALID " + failures.size() + " of "
        + (total + (total + 1) / 2) + " calls or walk-ins failed (first: "
        + (failures.isEmpty() ? "timeout" : failures.get(0)) + ");";
    int made = requests.get();
    // the places are compared once every page has seen the office's last version and made its asks
    long last = get("/api/v1/tickets/" + pages.get(0).id).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS).getJsonObject("live").getLong("version");
    long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while ((pending.get() > 0 || pages.stream().anyMatch(p -> p.seen < last)) && System.nanoTime() < settle) {
      Thread.sleep(100);
    }
    long behind = pages.stream().filter(p -> p.seen < last).count();
    long[] called = new long[pages.size()];
    int n = 0;
    int wrong = 0;
    int checked = 0;
    for (Page page : pages) {
      Long t0 = sent.get(page.number);
      if (t0 != null && page.rule.calledNanos() != 0) {
        called[n++] = page.rule.calledNanos() - t0;
      }
      if ("WAITING".equals(page.rule.status())) {
        JsonObject server = get("/api/v1/tickets/" + page.id).toCompletionStage().toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        checked++;
        if (!"WAITING".equals(server.getString("status"))
            || !java.util.Objects.equals(server.getInteger("position"), page.rule.position())) {
          wrong++;
        }
      }
    }
    Arrays.sort(called, 0, n);
    return String.format(Locale.ROOT, "FANOUT-PHONES pages=%d%s calls=%d walkIns=%d requests=%d perPagePerCall=%.4f"
            + " loads=%d reconnects=%d wrongPlaces=%d checked=%d behindAtCheck=%d calledPages=%d calledP50=%s"
            + " calledP99=%s",
        count, invalid, calls.get(), walkIns.get(), made, made / ((double) count * Math.max(1, calls.get())), loads.get(),
        reconnects.get(), wrong, checked, behind, n, quantile(called, n, 0.5), quantile(called, n, 0.99));
  }

  /** The page's live socket; closed by the server (e.g. 1011, no snapshot), it reconnects as live.js does. */
  private Future<Void> open(Page page, WebSocketClient client) {
    ClientWebSocket socket = client.webSocket();
    socket.textMessageHandler(text -> page.context.runOnContext(v -> onMessage(page, text)));
    socket.closeHandler(v -> {
      if (!closing) {
        reconnects.incrementAndGet();
        vertx.setTimer(500 + ThreadLocalRandom.current().nextLong(500), id -> page.context.runOnContext(
            x -> open(page, client).onFailure(t -> vertx.setTimer(2000, again -> open(page, client)))));
      }
    });
    return socket.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
        .setURI("/api/v1/offices/" + office + "/live")).mapEmpty();
  }

  private void onMessage(Page page, String text) {
    if (text.startsWith("{\"type\":\"snapshot\"") || text.contains("\"type\":\"snapshot\"")) {
      JsonObject s = new JsonObject(text);
      page.seen = Math.max(page.seen, s.getLong("version"));
      if (!page.snapshot) {
        page.snapshot = true;
        snapshots.incrementAndGet();
      }
      page.ask(page.rule.snapshot(s.getLong("version"), s.getString("epoch")));
      return;
    }
    JsonObject event = shared(text);
    if (event == null || event.getLong("version") == null) {
      return;
    }
    page.seen = Math.max(page.seen, event.getLong("version"));
    page.ask(page.rule.delta(event));
  }

  /** Every page gets the same text per version: parsed once, shared read-only. */
  private JsonObject shared(String text) {
    int at = text.indexOf("\"version\":");
    if (at < 0) {
      return null;
    }
    int from = at + 10;
    int to = from;
    while (to < text.length() && Character.isDigit(text.charAt(to))) {
      to++;
    }
    long version = Long.parseLong(text.substring(from, to));
    JsonObject event = parsed.computeIfAbsent(version, v -> new JsonObject(text));
    if (parsed.size() > 2000) {
      parsed.keySet().removeIf(v -> v < version - 1000);
    }
    return event;
  }

  /** A page's ticket (setup: a 503 of a store too busy to answer in time is retried) or a walk-in. */
  private Future<JsonObject> issue(String service, boolean priority) {
    JsonObject body = new JsonObject().put("service", service);
    if (priority) {
      body.put("priority", PRIORITY_GROUP);
    }
    return post("/api/v1/offices/" + office + "/tickets", body)
        .recover(failed -> !measuring && String.valueOf(failed.getMessage()).endsWith("503")
            ? vertx.timer(1000).compose(v -> issue(service, priority)) : Future.failedFuture(failed));
  }

  /** A page's read of its ticket; a 503 (a store too busy to answer in time) is retried as the page does. */
  private Future<JsonObject> get(String path) {
    return get(path, 3);
  }

  private Future<JsonObject> get(String path, int tries) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path))
        .compose(req -> req.send().compose(resp -> resp.body().map(body -> {
          if (resp.statusCode() != 200) {
            throw new IllegalStateException("GET " + resp.statusCode());
          }
          return body.toJsonObject();
        })))
        .recover(failed -> tries > 1 && String.valueOf(failed.getMessage()).endsWith("503")
            ? vertx.timer(1000).compose(v -> get(path, tries - 1)) : Future.failedFuture(failed));
  }

  private Future<JsonObject> post(String path, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
        .putHeader("Authorization", "Bearer " + args.get("token")).putHeader("Content-Type", "application/json");
    return http.request(options)
        .compose(req -> (body == null ? req.send() : req.send(body.encode())).compose(resp -> resp.body().map(b -> {
          if (resp.statusCode() == 204) {
            return null;
          }
          if (resp.statusCode() / 100 != 2) {
            throw new IllegalStateException(path.substring(path.lastIndexOf('/') + 1) + " " + resp.statusCode());
          }
          return b.toJsonObject();
        })));
  }

  private static String quantile(long[] sorted, int n, double q) {
    if (n == 0) {
      return "none";
    }
    int rank = Math.max(1, (int) Math.ceil(q * n));
    return String.format(Locale.ROOT, "%.1f", sorted[rank - 1] / 1e6);
  }
}
