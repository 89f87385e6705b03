package vn.layso.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The live fan-out phase of scripts/bench (not a test): opens lobby-screen sockets on one office
 * from many loopback source addresses (127.0.0.2, .3, ...; at most {@code perAddress} each), lets
 * counters call at a steady rate, and measures for every call the time from sending call-next to
 * the {@code ticket.called} event (matched by the ticket number) arriving at each socket. Before
 * the stages, with {@code phones=N}, N citizens' ticket pages on the same office ({@link PhonesPhase}:
 * the requests a page makes per call), closed again before the stages.
 *
 * <p>Arguments (key=value): base, office, token, stages (socket counts, ascending, e.g. 5000,10000),
 * perAddress, rate (calls per second), seconds (per stage), counters, pid (server, for its RSS),
 * deflate (offer permessage-deflate as browsers do; default true), phones (ticket pages, default 0),
 * phoneSeconds (default 60), warmup (seconds of calls before the first stage, not counted: the JIT's; default
 * 0), fill (walk-in tickets to issue after the pages, before the stages; default 0: the caller filled the
 * queues). Prints one line per stage: {@code FANOUT sockets=.. calls=.. deliveries=.. missed=.. p50=..
 * p99=.. max=.. rssKb=.. rssBeforeKb=..}, or {@code FANOUT sockets=.. INVALID <reason>}, after the
 * {@code FANOUT-PHONES} line.
 */
public final class FanoutBench {

  private static final int CONNECTS_IN_FLIGHT = 64;

  /**
   * The client's JVM: it shares the cores with the server it measures, so it must cost little. A
   * fixed heap (no resizing, no page faults while measuring) and the parallel collector (no
   * concurrent refinement threads, a cheaper write barrier: G1's refinement took 12-15 % of the
   * client's CPU samples at 5,000 sockets, and its collections 3 s in a 15 s stage).
   */
  static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch");

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final Map<String, String> args;
  private final URI base;
  private final int perAddress;
  /** One context per client event loop (instances of an empty deployment), to spread the sockets. */
  private final List<Context> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<ClientWebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicLongArray> receipts = new ConcurrentHashMap<>();
  private final AtomicInteger snapshots = new AtomicInteger();
  private final AtomicInteger resyncs = new AtomicInteger();
  private final int maxSockets;

  private record Call(String number, long sentNanos, long answeredNanos) {
  }

  private FanoutBench(Map<String, String> args) {
    this.args = args;
    this.base = URI.create(args.get("base"));
    this.perAddress = Integer.parseInt(args.get("perAddress"));
    this.maxSockets = Arrays.stream(args.get("stages").split(",")).mapToInt(Integer::parseInt).max().orElseThrow();
    for (int a = 0; a * perAddress < maxSockets; a++) {
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions()
          .setLocalAddress("127.0.0." + (2 + a)).setMaxConnections(perAddress)
          // browsers offer permessage-deflate: so does this client (deflate=true), so a server that
          // accepts it pays for it here
          .setTryUsePerMessageCompression(Boolean.parseBoolean(args.getOrDefault("deflate", "true")))
          .setConnectTimeout(30_000)));
    }
  }

  public static void main(String[] argv) throws Exception {
    // the client's own logging (logback's default is DEBUG to the console: a line per handshake)
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Map<String, String> args = new HashMap<>();
    for (String a : argv) {
      String[] kv = a.split("=", 2);
      args.put(kv[0], kv[1]);
    }
    FanoutBench bench = new FanoutBench(args);
    int status = 0;
    try {
      bench.run();
    } catch (Exception | Error failed) {
      failed.printStackTrace();
      status = 1;
    }
    System.out.flush();
    System.err.flush();
    // thousands of open sockets take longer to close than the caller should wait: the process ends them
    Runtime.getRuntime().halt(status);
  }

  private void run() throws Exception {
    vertx.deployVerticle(() -> context -> {
      contexts.add(context);
      return Future.succeededFuture();
    }, new io.vertx.core.DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get();
    if (Integer.parseInt(args.getOrDefault("phones", "0")) > 0) {
      Vertx phones = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      try {
        List<Context> loops = new java.util.concurrent.CopyOnWriteArrayList<>();
        phones.deployVerticle(() -> context -> {
          loops.add(context);
          return Future.succeededFuture();
        }, new io.vertx.core.DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get();
        System.out.println(new PhonesPhase(phones, loops, base, args).run());
      } finally {
        // the pages' sockets close with their client before the lobby stages
        phones.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      Thread.sleep(2000);
    }
    fill(Integer.parseInt(args.getOrDefault("fill", "0")));
    long rssBefore = rssKb();
    System.out.println("FANOUT-RSS sockets=0 rssKb=" + rssBefore);
    boolean firstStage = true;
    for (String stage : args.get("stages").split(",")) {
      int target = Integer.parseInt(stage);
      long started = System.nanoTime();
      String failure = open(target);
      if (failure == null && !awaitSnapshots(target, 60)) {
        failure = "only " + snapshots.get() + " of " + target + " sockets got their snapshot";
      }
      if (failure != null) {
        System.out.println("FANOUT sockets=" + target + " INVALID " + failure);
        return;
      }
      double connectSeconds = (System.nanoTime() - started) / 1e9;
      Thread.sleep(1000);
      long rss = rssKb();
      int warmUp = Integer.parseInt(args.getOrDefault("warmup", "0"));
      if (warmUp > 0 && firstStage) {
        // a server runs warm: the first stage's calls would otherwise also time both JVMs' JIT
        // compiling the fan-out's code (C2 took 23 % of the server's and 31 % of the client's CPU
        // samples in a cold first stage); these calls are not counted
        System.err.println("warm-up sockets=" + target + " " + measure(target, warmUp, connectSeconds, rss, rssBefore));
      }
      resyncs.set(0);
      // on standard error, for a profiler attached from outside to the calls alone
      System.err.println("measuring sockets=" + target);
      String line = measure(target, Integer.parseInt(args.get("seconds")), connectSeconds, rss, rssBefore);
      System.err.println("measured sockets=" + target);
      System.out.println(line);
      rssBefore = rss;
      firstStage = false;
    }
  }

  /** Issues {@code count} walk-in tickets over the office's fields (admin token, 32 at a time). */
  private void fill(int count) throws Exception {
    if (count <= 0) {
      return;
    }
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
    Semaphore permits = new Semaphore(32);
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    String[] services = args.getOrDefault("services", "s0,s1,s2,s3").split(",");
    for (int i = 0; i < count && failures.isEmpty(); i++) {
      permits.acquire();
      String body = new JsonObject().put("service", services[i % services.length]).encode();
      http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost()).setPort(base.getPort())
              .setURI("/api/v1/offices/" + args.get("office") + "/tickets")
              .putHeader("Authorization", "Bearer " + args.get("token")).putHeader("Content-Type", "application/json"))
          .compose(req -> req.send(body)).compose(resp -> resp.body().map(b -> {
            if (resp.statusCode() != 201) {
              failures.add(resp.statusCode() + " " + b);
            }
            return null;
          }))
          .onComplete(r -> {
            if (r.failed()) {
              failures.add(r.cause().toString());
            }
            permits.release();
          });
    }
    permits.acquire(32);
    http.close();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("could not fill the queues: " + failures.get(0));
    }
  }

  /**
   * Opens sockets up to {@code target}, at most CONNECTS_IN_FLIGHT handshakes at a time, spread
   * over the client's event loops; null when all are open, else the reason.
   */
  private String open(int target) throws InterruptedException {
    Semaphore permits = new Semaphore(CONNECTS_IN_FLIGHT);
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = sockets.size(); i < target && failures.isEmpty(); i++) {
      permits.acquire();
      int index = i;
      contexts.get(index % contexts.size()).runOnContext(v -> connect(index).onComplete(r -> {
        if (r.failed()) {
          failures.add(r.cause().toString());
        }
        permits.release();
      }));
    }
    if (!permits.tryAcquire(CONNECTS_IN_FLIGHT, 120, TimeUnit.SECONDS)) {
      return "socket handshakes did not finish in 120 s";
    }
    return failures.isEmpty() ? null : "could not open the sockets: " + failures.get(0);
  }

  private Future<Void> connect(int index) {
    ClientWebSocket socket = clients.get(index / perAddress).webSocket();
    boolean[] first = {true};
    // frames, not text messages: the client reads the called number from the bytes, with no UTF-8
    // decoding of each event and no JSON parse (the server sends each message as one final frame)
    socket.frameHandler(frame -> onFrame(index, frame, first));
    return socket.connect(new WebSocketConnectOptions().setHost(base.getHost()).setPort(base.getPort())
            .setURI("/api/v1/offices/" + args.get("office") + "/live"))
        .map(ws -> {
          sockets.add(socket);
          return null;
        });
  }

  private static final byte[] CALLED = "{\"type\":\"ticket.called\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TICKET = "\"ticket\":{".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NUMBER = "\"number\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SNAPSHOT = "\"type\":\"snapshot\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * Records when a called number reached a socket: by its {@code ticket.called} delta (the number of
   * its {@code ticket}, read from the frame's bytes), or by a snapshot that shows it at a counter (a
   * socket that resynced sees the call that way, parsed in full: rare); the first arrival counts.
   * Every message is one final text frame; anything else fails the run.
   */
  private void onFrame(int index, WebSocketFrame frame, boolean[] first) {
    long now = System.nanoTime();
    if (!frame.isText()) {
      return; // pings (answered by Vert.x), pongs, close
    }
    if (!frame.isFinal()) {
      throw new IllegalStateException("a live message came in more than one frame");
    }
    if (first[0]) {
      first[0] = false;
      snapshots.incrementAndGet();
      return;
    }
    ByteBuf bytes = ((BufferInternal) frame.binaryData()).getByteBuf();
    byte[] array;
    int from;
    int to;
    if (bytes.hasArray()) {
      array = bytes.array();
      from = bytes.arrayOffset() + bytes.readerIndex();
    } else {
      array = ByteBufUtil.getBytes(bytes);
      from = 0;
    }
    to = from + bytes.readableBytes();
    if (startsWith(array, from, to, CALLED)) {
      int ticket = indexOf(array, from + CALLED.length, to, TICKET);
      int number = ticket < 0 ? -1 : indexOf(array, ticket + TICKET.length, to, NUMBER);
      if (number >= 0) {
        int start = number + NUMBER.length;
        int end = start;
        while (end < to && array[end] != '"') {
          end++;
        }
        received(new String(array, start, end - start, StandardCharsets.US_ASCII), index, now);
      }
      return;
    }
    if (indexOf(array, from, to, SNAPSHOT) >= 0) {
      resyncs.incrementAndGet();
      JsonArray counters = new JsonObject(frame.textData()).getJsonArray("counters", new JsonArray());
      for (int i = 0; i < counters.size(); i++) {
        JsonObject current = counters.getJsonObject(i).getJsonObject("current");
        if (current != null && current.getString("number") != null) {
          received(current.getString("number"), index, now);
        }
      }
    }
  }

  private static boolean startsWith(byte[] array, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (array[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Where {@code needle} first occurs in {@code array[from, to)}, or -1. */
  private static int indexOf(byte[] array, int from, int to, byte[] needle) {
    byte head = needle[0];
    for (int i = from, last = to - needle.length; i <= last; i++) {
      if (array[i] == head && startsWith(array, i, to, needle)) {
        return i;
      }
    }
    return -1;
  }

  private void received(String number, int socket, long now) {
    receipts.computeIfAbsent(number, n -> new AtomicLongArray(maxSockets)).compareAndSet(socket, 0, now);
  }

  private boolean awaitSnapshots(int target, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (snapshots.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return snapshots.get() >= target;
  }

  /** Counters call at the given rate for {@code seconds}; then every socket's receipts are read. */
  private String measure(int open, int seconds, double connectSeconds, long rssKb, long rssBeforeKb) throws Exception {
    int rate = Integer.parseInt(args.get("rate"));
    int counters = Integer.parseInt(args.get("counters"));
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(counters));
    List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    long cpuBefore = cpuMillis();
    long clientCpuBefore = CpuTicks.process(ProcessHandle.current().pid());
    long clientGcBefore = gcMillis();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    int total = rate * seconds;
    AtomicInteger answered = new AtomicInteger();
    long period = Math.max(1, 1000 / rate);
    AtomicInteger sent = new AtomicInteger();
    long timer = vertx.setPeriodic(period, id -> {
      int i = sent.getAndIncrement();
      if (i >= total) {
        vertx.cancelTimer(id);
        return;
      }
      String path = "/api/v1/offices/" + args.get("office") + "/counters/" + (i % counters + 1) + "/call-next";
      long t0 = System.nanoTime();
      http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost()).setPort(base.getPort())
              .setURI(path).putHeader("Authorization", "Bearer " + args.get("token")))
          .compose(req -> req.send().compose(resp -> resp.body().map(body -> {
            if (resp.statusCode() != 200) {
              failures.add(Integer.toString(resp.statusCode()));
            } else {
              calls.add(new Call(new JsonObject(body).getJsonObject("ticket").getString("number"), t0,
                  System.nanoTime()));
            }
            return null;
          })))
          .onComplete(r -> {
            if (r.failed()) {
              failures.add(r.cause().toString());
            }
            answered.incrementAndGet();
          });
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30);
    while (answered.get() < total && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    vertx.cancelTimer(timer);
    long rssAfter = rssKb();
    Thread.sleep(2000); // deliveries still on their way
    // the server's CPU over the calls (load-independent where latencies are not): per call, and per frame delivered
    long serverCpuMs = cpuMillis() - cpuBefore;
    // the client's own CPU over the same span: it shares the cores with the server it measures
    long clientCpuUs = CpuTicks.process(ProcessHandle.current().pid()) - clientCpuBefore;
    long clientGcMs = gcMillis() - clientGcBefore;
    http.close();
    long frames = Math.max(1, (long) total * open);
    String prefix = String.format(java.util.Locale.ROOT, "FANOUT sockets=%d serverCpuMsPerCall=%.1f serverCpuUsPerFrame=%.2f"
            + " clientCpuUsPerFrame=%.2f clientGcMs=%d",
        open, serverCpuMs / (double) Math.max(1, total), serverCpuMs * 1000.0 / frames, clientCpuUs / (double) frames,
        clientGcMs);
    if (!failures.isEmpty() || answered.get() < total) {
      // the stage does not count, but the calls that were answered still show the latency's shape
      System.err.println("invalid stage, its answered calls: " + summarize(prefix, open, calls, connectSeconds, rssKb,
          rssBeforeKb, rssAfter));
      return prefix + " INVALID " + failures.size() + " of " + total + " call-next answers were not 200 (first: "
          + (failures.isEmpty() ? "timeout" : failures.get(0)) + ")";
    }
    return summarize(prefix, open, calls, connectSeconds, rssKb, rssBeforeKb, rssAfter);
  }

  /**
   * Percentiles over every (call, open socket) pair; a delivery that never came counts as infinitely
   * late. Beside them, the latency's shape: per call, when its answer came back, when its first and
   * last socket got it (medians over the calls); p99 of the first and last third of the calls
   * (JIT, a stage's start); p99 of the even and odd sockets (the client's two loops).
   */
  private String summarize(String prefix, int open, List<Call> calls, double connectSeconds, long rssKb,
                           long rssBeforeKb, long rssAfterKb) {
    long[] latencies = new long[calls.size() * open];
    List<Call> ordered = new ArrayList<>(calls);
    ordered.sort(java.util.Comparator.comparingLong(Call::sentNanos));
    long[] answers = new long[ordered.size()];
    long[] firsts = new long[ordered.size()];
    long[] lasts = new long[ordered.size()];
    int third = Math.max(1, ordered.size() / 3);
    long[] early = new long[third * open];
    long[] late = new long[third * open];
    long[][] parity = {new long[(open + 1) / 2 * ordered.size()], new long[open / 2 * ordered.size()]};
    int[] parityN = new int[2];
    int n = 0;
    int earlyN = 0;
    int lateN = 0;
    for (int c = 0; c < ordered.size(); c++) {
      Call call = ordered.get(c);
      AtomicLongArray got = receipts.get(call.number());
      long first = Long.MAX_VALUE;
      long last = 0;
      for (int s = 0; s < open; s++) {
        long at = got == null ? 0 : got.get(s);
        if (at != 0) {
          long latency = at - call.sentNanos();
          latencies[n++] = latency;
          first = Math.min(first, latency);
          last = Math.max(last, latency);
          if (c < third) {
            early[earlyN++] = latency;
          } else if (c >= ordered.size() - third) {
            late[lateN++] = latency;
          }
          parity[s % 2][parityN[s % 2]++] = latency;
        }
      }
      answers[c] = call.answeredNanos() - call.sentNanos();
      firsts[c] = first == Long.MAX_VALUE ? 0 : first;
      lasts[c] = last;
    }
    int total = latencies.length;
    Arrays.sort(latencies, 0, n);
    return String.format(java.util.Locale.ROOT,
        "%s calls=%d deliveries=%d missed=%d resyncs=%d p50=%s p99=%s max=%s answerP50=%s firstP50=%s lastP50=%s"
            + " lastMax=%s p99early=%s p99late=%s p99even=%s p99odd=%s connectSeconds=%.1f"
            + " rssBeforeKb=%d rssKb=%d rssAfterCallsKb=%d",
        prefix, calls.size(), n, total - n, resyncs.getAndSet(0), millis(latencies, n, total, 0.50),
        millis(latencies, n, total, 0.99), n < total || n == 0 ? "missed" : millis(latencies, n, total, 1.0),
        quantile(answers, answers.length, 0.5), quantile(firsts, firsts.length, 0.5), quantile(lasts, lasts.length, 0.5),
        quantile(lasts, lasts.length, 1.0), quantile(early, earlyN, 0.99), quantile(late, lateN, 0.99),
        quantile(parity[0], parityN[0], 0.99), quantile(parity[1], parityN[1], 0.99),
        connectSeconds, rssBeforeKb, rssKb, rssAfterKb);
  }

  /** A quantile of the first {@code n} values (sorted here), in ms. */
  private static String quantile(long[] values, int n, double q) {
    if (n == 0) {
      return "-";
    }
    Arrays.sort(values, 0, n);
    return millis(values, n, n, q);
  }

  /** The client JVM's collectors' time so far, in ms. */
  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static String millis(long[] sorted, int delivered, int total, double quantile) {
    int rank = Math.max(1, (int) Math.ceil(quantile * total));
    return rank > delivered ? "missed" : String.format(java.util.Locale.ROOT, "%.1f", sorted[rank - 1] / 1e6);
  }

  /** The server process's user + system CPU time so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
  private long cpuMillis() throws Exception {
    String stat = Files.readString(Path.of("/proc/" + args.get("pid") + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private long rssKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + args.get("pid") + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for pid " + args.get("pid"));
  }
}
