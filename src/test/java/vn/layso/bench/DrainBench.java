package vn.layso.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.TestApp;

/**
 * What a script gets when it tries to drain a day (scripts/drain, docs/benchmarks.md "The public
 * front door"): a real server with its embedded Redis and the production rate limits
 * (RATE_LIMIT_PER_MINUTE=30), attacked from one loopback address and from 50 (127.0.1.1..50, real
 * sockets bound to each), with synthetic identities (well-formed phones and CCCDs nobody owns).
 *
 * <p>The server's clock is the test clock: each round is one minute of the attacker's time, after
 * which the clock moves one minute on, so a whole booking day (from 09:00 to the 16:00 cut-off of
 * the day before) is tried in seconds, with every per-minute window, hold expiry and daily limit
 * exactly as the server reckons them. Within a minute each address sends as fast as the server
 * lets it until it is refused with 429 rate_limited.
 *
 * <p>Booking: every attempt is what a script does best: a hold without a session (a new one each
 * time), then, with verification off, a booking of that hold with a fresh synthetic citizen; with
 * verification on, a code asked for the synthetic phone (it goes to the phone's owner, not to the
 * script), one guessed code, and the booking (its holds take no place then: a hold counts only once
 * its phone is verified, so its peak-taken stays 0). Walk-in: POST .../tickets of one field until refused.
 * Honest counterparts: 30 browser sessions behind one address each hold and book their own place.
 */
public final class DrainBench {

  /** What one scenario got. */
  public record Outcome(String name, int addresses, int minutes, int attempts, int granted, int dayCapacity,
                        int peakTaken, Map<String, Integer> answers) {

    String line() {
      return String.format("DRAIN %-34s addresses=%-3d minutes=%-4d attempts=%-6d granted=%-5d capacity=%-5s"
              + " peak-taken=%-5s answers=%s", name, addresses, minutes, attempts, granted,
          dayCapacity < 0 ? "-" : Integer.toString(dayCapacity), peakTaken < 0 ? "-" : Integer.toString(peakTaken),
          answers);
    }
  }

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final AtomicLong CITIZEN = new AtomicLong(System.nanoTime() % 1_000_000);

  private final TestApp app;
  private final Vertx vertx = Vertx.vertx();
  private final List<WebClient> clients = new ArrayList<>();

  public DrainBench(TestApp app, int addresses) {
    this.app = app;
    for (int a = 0; a < addresses; a++) {
      clients.add(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(app.port()).setLocalAddress("127.0.1." + (1 + a)).setKeepAlive(true)
          .setConnectTimeout(5_000)));
    }
  }

  public void close() {
    clients.forEach(WebClient::close);
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  public static void main(String[] argv) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    try (FakeZalo zalo = new FakeZalo()) {
      for (boolean verify : new boolean[] {false, true}) {
        for (int addresses : new int[] {1, 50}) {
          try (TestApp app = server(zalo)) {
            setVerifyPhone(app, "demo", verify);
            DrainBench bench = new DrainBench(app, addresses);
            try {
              outcomes.add(bench.bookingDrain("ho-tich", verify, verify ? 30 : 7 * 60));
            } finally {
              bench.close();
            }
          }
        }
      }
      for (String mode : new String[] {"kiosk", "open"}) {
        for (int addresses : new int[] {1, 50}) {
          try (TestApp app = server(zalo)) {
            setWalkIn(app, "demo", mode);
            DrainBench bench = new DrainBench(app, addresses);
            try {
              outcomes.add(bench.walkInDrain("ho-tich", mode, 30));
            } finally {
              bench.close();
            }
          }
        }
      }
      try (TestApp app = server(zalo)) {
        DrainBench bench = new DrainBench(app, 1);
        try {
          outcomes.add(bench.honestBehindOneAddress("ho-tich", 30));
        } finally {
          bench.close();
        }
      }
    }
    outcomes.forEach(o -> System.out.println(o.line()));
  }

  /** A server with the production limits, Zalo (the fake) configured for the one-time codes. */
  public static TestApp server(FakeZalo zalo) throws Exception {
    return TestApp.start(env -> {
      env.put("RATE_LIMIT_PER_MINUTE", "30");
      zalo.configure(env);
      zalo.configureOtp(env);
    });
  }

  public static void setVerifyPhone(TestApp app, String office, boolean verify) {
    changeSettings(app, office, s -> s.getJsonObject("booking").put("verifyPhone", verify));
  }

  public static void setWalkIn(TestApp app, String office, String mode) {
    changeSettings(app, office, s -> s.put("walkInIssuing", mode));
  }

  private static void changeSettings(TestApp app, String office, java.util.function.Consumer<JsonObject> change) {
    var current = app.api().get("/api/v1/offices/" + office + "/settings", "token", app.adminToken());
    JsonObject settings = current.json();
    String revision = settings.getValue("revision").toString();
    settings.remove("revision");
    if (settings.getJsonObject("booking") == null) {
      settings.put("booking", new JsonObject());
    }
    change.accept(settings);
    var saved = app.api().method("PUT", "/api/v1/offices/" + office + "/settings", settings.encode(), "token",
        app.adminToken(), "If-Match", revision);
    if (saved.status() != 200) {
      throw new IllegalStateException("settings refused: " + saved.status() + " " + saved.body());
    }
  }

  /** The booking day the attack aims at: tomorrow in Hà Nội, which closes at 16:00 today. */
  public LocalDate day() {
    return LocalDate.ofInstant(app.clock().instant(), HANOI).plusDays(1);
  }

  /**
   * Holds and books {@code field}'s whole day for up to {@code maxMinutes} simulated minutes, or until
   * the day is full or its booking closes.
   */
  public Outcome bookingDrain(String field, boolean verify, int maxMinutes) {
    LocalDate date = day();
    Map<String, Integer> answers = new TreeMap<>();
    int capacity = capacity(field, date);
    int attempts = 0;
    int granted = 0;
    int peak = 0;
    int minute = 0;
    for (; minute < maxMinutes && !closed(field, date); minute++) {
      List<Thread> threads = new ArrayList<>();
      int[][] perAddress = new int[clients.size()][2];
      for (int a = 0; a < clients.size(); a++) {
        int index = a;
        threads.add(start(() -> attackMinute(clients.get(index), field, date, verify, answers, perAddress[index])));
      }
      join(threads);
      for (int[] c : perAddress) {
        attempts += c[0];
        granted += c[1];
      }
      int left = available(field, date);
      peak = Math.max(peak, capacity - left);
      if (left == 0 && granted >= capacity) {
        minute++;
        break;
      }
      app.clock().advance(Duration.ofMinutes(1));
    }
    return new Outcome("booking verify=" + (verify ? "on " : "off"), clients.size(), minute, attempts, granted,
        capacity, peak, answers);
  }

  /** One address's minute: hold and book until the server says 429 (or nothing is left to hold). */
  private void attackMinute(WebClient client, String field, LocalDate date, boolean verify,
                            Map<String, Integer> answers, int[] counts) {
    for (int i = 0; i < 200; i++) {
      JsonArray slots = get(client, "/api/v1/offices/demo/slots?service=" + field + "&date=" + date).bodyAsJsonArray();
      JsonObject free = slots.stream().map(JsonObject.class::cast)
          .filter(s -> s.getInteger("available") > 0).findFirst().orElse(null);
      if (free == null) {
        count(answers, "no-free-slot");
        return;
      }
      counts[0]++;
      HttpResponse<Buffer> hold = send(client, HttpMethod.POST, "/api/v1/offices/demo/holds", new JsonObject()
          .put("service", field).put("date", date.toString()).put("start", free.getString("start")));
      count(answers, "hold " + answer(hold));
      if (hold.statusCode() == 429) {
        return;
      }
      if (hold.statusCode() != 201) {
        continue;
      }
      JsonObject held = hold.bodyAsJsonObject();
      long n = CITIZEN.incrementAndGet();
      String phone = String.format("091%07d", n % 10_000_000);
      if (verify) {
        String base = "/api/v1/offices/demo/holds/" + held.getString("hold") + "/verification";
        HttpResponse<Buffer> asked = send(client, HttpMethod.POST, base, new JsonObject().put("phone", phone));
        count(answers, "code " + answer(asked));
        HttpResponse<Buffer> guessed = send(client, HttpMethod.POST, base + "/confirm",
            new JsonObject().put("code", String.format("%06d", n % 1_000_000)));
        count(answers, "guess " + answer(guessed));
      }
      HttpResponse<Buffer> booked = send(client, HttpMethod.POST, "/api/v1/offices/demo/appointments", new JsonObject()
          .put("service", field).put("date", date.toString()).put("start", free.getString("start"))
          .put("fullName", "Nguyễn Văn Giả").put("phone", phone)
          .put("citizenId", String.format("0012%02d%06d", n % 26, n % 1_000_000))
          .put("hold", held.getString("hold")).put("session", held.getString("session")));
      count(answers, "book " + answer(booked));
      if (booked.statusCode() == 201) {
        counts[1]++;
      }
      if (booked.statusCode() == 429) {
        return;
      }
    }
  }

  /** Walk-in numbers of one field, every address as fast as it may, for {@code minutes} simulated minutes. */
  public Outcome walkInDrain(String field, String mode, int minutes) {
    Map<String, Integer> answers = new TreeMap<>();
    int attempts = 0;
    int granted = 0;
    int minute = 0;
    for (; minute < minutes; minute++) {
      List<Thread> threads = new ArrayList<>();
      int[][] perAddress = new int[clients.size()][2];
      for (int a = 0; a < clients.size(); a++) {
        int index = a;
        threads.add(start(() -> {
          for (int i = 0; i < 100; i++) {
            perAddress[index][0]++;
            HttpResponse<Buffer> r = send(clients.get(index), HttpMethod.POST, "/api/v1/offices/demo/tickets",
                new JsonObject().put("service", field));
            count(answers, answer(r));
            if (r.statusCode() == 201) {
              perAddress[index][1]++;
            } else {
              return;
            }
          }
        }));
      }
      join(threads);
      for (int[] c : perAddress) {
        attempts += c[0];
        granted += c[1];
      }
      app.clock().advance(Duration.ofMinutes(1));
    }
    return new Outcome("walk-in " + mode, clients.size(), minute, attempts, granted, 999, -1, answers);
  }

  /** {@code sessions} citizens behind one address (a carrier NAT), each holding and booking its own place. */
  public Outcome honestBehindOneAddress(String field, int sessions) {
    LocalDate date = day();
    Map<String, Integer> answers = new TreeMap<>();
    WebClient client = clients.get(0);
    int granted = 0;
    JsonArray slots = slots(field, date);
    for (int i = 0; i < sessions; i++) {
      // each citizen holds, fills the form and books before the next one starts: one live hold at a time
      JsonObject slot = slots.getJsonObject(i % slots.size());
      HttpResponse<Buffer> hold = send(client, HttpMethod.POST, "/api/v1/offices/demo/holds", new JsonObject()
          .put("service", field).put("date", date.toString()).put("start", slot.getString("start")));
      count(answers, "hold " + answer(hold));
      if (hold.statusCode() != 201) {
        continue;
      }
      JsonObject h = hold.bodyAsJsonObject();
      long n = CITIZEN.incrementAndGet();
      HttpResponse<Buffer> booked = send(client, HttpMethod.POST, "/api/v1/offices/demo/appointments", new JsonObject()
          .put("service", field).put("date", date.toString()).put("start", slot.getString("start"))
          .put("fullName", "Trần Thị Thật").put("phone", String.format("098%07d", n % 10_000_000))
          .put("citizenId", String.format("0791%02d%06d", n % 26, n % 1_000_000))
          .put("hold", h.getString("hold")).put("session", h.getString("session")));
      count(answers, "book " + answer(booked));
      if (booked.statusCode() == 201) {
        granted++;
      }
    }
    return new Outcome("honest sessions behind one address", 1, 1, sessions, granted, -1, -1, answers);
  }

  private int capacity(String field, LocalDate date) {
    return slots(field, date).stream().map(JsonObject.class::cast).mapToInt(s -> s.getInteger("capacity")).sum();
  }

  private int available(String field, LocalDate date) {
    return slots(field, date).stream().map(JsonObject.class::cast).mapToInt(s -> s.getInteger("available")).sum();
  }

  /** Booking for {@code date} has closed: its cut-off (16:00 the day before, the demo's) has passed. */
  private boolean closed(String field, LocalDate date) {
    return !app.clock().instant().isBefore(date.minusDays(1).atTime(16, 0).atZone(HANOI).toInstant());
  }

  private JsonArray slots(String field, LocalDate date) {
    return app.api().get("/api/v1/offices/demo/slots?service=" + field + "&date=" + date).array();
  }

  private static HttpResponse<Buffer> get(WebClient client, String path) {
    return await(client.get(path).send());
  }

  private static HttpResponse<Buffer> send(WebClient client, HttpMethod method, String path, JsonObject body) {
    return await(client.request(method, path).putHeaders(MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")).sendBuffer(Buffer.buffer(body.encode())));
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String answer(HttpResponse<Buffer> r) {
    if (r.statusCode() < 300) {
      return Integer.toString(r.statusCode());
    }
    try {
      return r.statusCode() + ":" + r.bodyAsJsonObject().getString("code");
    } catch (RuntimeException notJson) {
      return Integer.toString(r.statusCode());
    }
  }

  private static void count(Map<String, Integer> answers, String key) {
    synchronized (answers) {
      answers.merge(key, 1, Integer::sum);
    }
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  private static void join(List<Thread> threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
