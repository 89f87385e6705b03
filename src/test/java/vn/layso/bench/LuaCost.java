package vn.layso.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU instructions an operation costs inside Redis, counted by valgrind (scripts/lua-cost;
 * docs/benchmarks.md). Timing a script on a shared VM swings by 30 % from run to run; counting
 * instructions does not. For each revision (BENCH's baseline first, then this tree) this starts
 * the very Redis 6.2 binary the server embeds under callgrind, and that revision's jar on it
 * (REDIS_URI), with one office of 20 counters x 4 fields; it seeds the queues over HTTP, gives every
 * counter a ticket, then counts the instructions of {@code ops} operations sent over HTTP one after
 * another, the whole Redis process included (every script and command the server sends for them,
 * replies, AOF when on). Driven over HTTP only, it depends on no script's arguments: the same run
 * measures any two revisions, however their scripts are laid out or split.
 *
 * <p>Options: --op=call-next|issue, --baseline=REV, --ops=1000 (--calls too), --per-queue=600
 * (tickets seeded per field), --aof (appendonly yes, everysec, as the server runs), --serving (each
 * counter's ticket is started before its call-next, counted with it, so that call-next completes it),
 * --no-valgrind (no count: INFO commandstats only).
 */
public final class LuaCost {

  private static final String OFFICE = "cost";
  private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Map<String, String> options;
  private final Path root;
  private final Path work;
  private final String op;
  private final int ops;

  private LuaCost(Map<String, String> options, Path root, Path work) {
    this.options = options;
    this.root = root;
    this.work = work;
    this.op = options.getOrDefault("op", "call-next");
    this.ops = Integer.parseInt(options.getOrDefault("ops", options.getOrDefault("calls", "1000")));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument " + a + " (see scripts/lua-cost)");
      }
      int eq = a.indexOf('=');
      options.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
    }
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("layso-lua-cost.");
    try {
      new LuaCost(options, root, work).run();
    } finally {
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.exit(0);
  }

  private void run() throws Exception {
    if (!List.of("call-next", "issue").contains(op)) {
      throw new IllegalArgumentException("--op must be call-next or issue");
    }
    int perQueue = Integer.parseInt(options.getOrDefault("per-queue", "600"));
    if (op.equals("call-next") && ops > perQueue * BenchOffices.SERVICES - BenchOffices.COUNTERS) {
      throw new IllegalArgumentException("--ops must leave tickets waiting: at most --per-queue x 4 - 20");
    }
    Path binary = work.resolve("redis-server");
    try (InputStream in = LuaCost.class.getClassLoader().getResourceAsStream(BINARY)) {
      if (in == null) {
        throw new IOException("no " + BINARY + " on the class path (embedded-redis)");
      }
      Files.copy(in, binary);
    }
    binary.toFile().setExecutable(true);
    Files.writeString(work.resolve("offices.json"), BenchOffices.json(OFFICE));
    List<JsonObject> results = new ArrayList<>();
    String baseline = options.get("baseline");
    if (baseline != null) {
      Bench.log("building the baseline %s", baseline);
      results.add(measure(baseline, Baseline.build(root, baseline, work), binary, perQueue));
      System.out.println(results.get(0).encode()); // at once: kept even if this tree's run fails
    }
    Path jar = Path.of(System.getProperty("bench.jar", root.resolve("target/layso-0.1.0-SNAPSHOT.jar").toString()));
    results.add(measure("this tree", jar, binary, perQueue));
    System.out.println(results.get(results.size() - 1).encode());
    if (results.size() == 2 && results.get(0).containsKey("instructions_per_op")) {
      System.out.printf(Locale.ROOT, "%s: this tree / %s: %.3f%n", op, baseline,
          results.get(1).getDouble("instructions_per_op") / results.get(0).getDouble("instructions_per_op"));
    }
  }

  private JsonObject measure(String label, Path jar, Path binary, int perQueue) throws Exception {
    boolean valgrind = !options.containsKey("no-valgrind");
    String safe = label.replaceAll("[^A-Za-z0-9]", "_");
    Path out = work.resolve("callgrind." + safe + ".out");
    Path data = Files.createDirectories(work.resolve("redis-" + safe));
    int port = freePort();
    List<String> command = new ArrayList<>();
    if (valgrind) {
      command.addAll(List.of("valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=" + out));
    }
    command.addAll(List.of(binary.toString(), "--port", String.valueOf(port), "--save", "", "--appendonly",
        options.containsKey("aof") ? "yes" : "no", "--appendfsync", "everysec", "--dir", data.toString()));
    Process redis = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("redis-" + safe + ".log").toFile()).start();
    try {
      awaitRedis(port);
      Bench.log("%s: starting the server on a Redis under %s", label, valgrind ? "callgrind" : "no valgrind");
      try (BenchServer server = BenchServer.start("cost-" + safe, jar, 1, work, work.resolve("offices.json"),
          "lua-cost-admin-password", "", redis.toHandle(), port)) {
        seed(server, perQueue);
        CommandStats before = CommandStats.parse(server.redis().info("commandstats"));
        if (valgrind) {
          Shell.output(work, "callgrind_control", "-i", "on", String.valueOf(redis.pid()));
        }
        long started = System.nanoTime();
        for (int i = 0; i < ops; i++) {
          operate(server, i);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (valgrind) {
          Shell.output(work, "callgrind_control", "-i", "off", String.valueOf(redis.pid()));
          Shell.output(work, "callgrind_control", "-d", String.valueOf(redis.pid()));
        }
        CommandStats ran = CommandStats.parse(server.redis().info("commandstats")).since(before);
        JsonObject result = new JsonObject().put("revision", label).put("operation", op).put("ops", ops)
            .put("serving", options.containsKey("serving")).put("aof", options.containsKey("aof"))
            .put("scripts_per_op", (double) ran.scripts().calls() / ops)
            .put("commands_per_op", ran.perRequest(ops))
            .put("seconds", Math.round(seconds * 10) / 10.0);
        if (valgrind) {
          result.put("instructions_per_op", Math.round((double) totalInstructions(out) / ops));
        } else {
          result.put("scripts_usec_per_op", (double) ran.scripts().usec() / ops);
        }
        return result;
      }
    } finally {
      redis.destroy();
      redis.waitFor();
    }
  }

  /** Tickets in every field's queue, then one called at every counter. */
  private void seed(BenchServer server, int perQueue) throws IOException, InterruptedException {
    Bench.log("seeding %d tickets in each of %d fields", perQueue, BenchOffices.SERVICES);
    for (int i = 0; i < perQueue; i++) {
      for (String service : BenchOffices.services()) {
        expect(issue(server, service), 201);
      }
    }
    for (int c = 1; c <= BenchOffices.COUNTERS; c++) {
      expect(counter(server, c, "call-next"), 200);
    }
  }

  private void operate(BenchServer server, int i) throws IOException, InterruptedException {
    if (op.equals("issue")) {
      expect(issue(server, BenchOffices.services().get(i % BenchOffices.SERVICES)), 201);
      return;
    }
    int counter = i % BenchOffices.COUNTERS + 1;
    if (options.containsKey("serving")) {
      expect(counter(server, counter, "start"), 200);
    }
    expect(counter(server, counter, "call-next"), 200);
  }

  private static HttpResponse<String> issue(BenchServer server, String service) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(server.base().resolve("/api/v1/offices/" + OFFICE + "/tickets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"" + service + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> counter(BenchServer server, int counter, String action)
      throws IOException, InterruptedException {
    URI uri = server.base().resolve("/api/v1/offices/" + OFFICE + "/counters/" + counter + "/" + action);
    return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + server.token())
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> answer, int status) throws IOException {
    if (answer.statusCode() != status) {
      throw new IOException(answer.request().method() + " " + answer.uri().getPath() + " answered "
          + answer.statusCode() + " instead of " + status + " (a queue ran dry? more --per-queue)");
    }
  }

  /** The largest "totals:" of callgrind's dumps: the instrumented stretch (the others count nothing). */
  private static long totalInstructions(Path out) throws IOException {
    long total = 0;
    try (Stream<Path> files = Files.list(out.getParent())) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(out.getFileName().toString())).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("totals:")) {
            total = Math.max(total, Long.parseLong(line.split("\\s+")[1]));
          }
        }
      }
    }
    return total;
  }

  private static void awaitRedis(int port) throws IOException, InterruptedException {
    for (int i = 0; i < 600; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        OutputStream o = s.getOutputStream();
        o.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] reply = new byte[7];
        if (s.getInputStream().read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException("Redis did not start on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
