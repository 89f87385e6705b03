package vn.layso.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The booking crowd of scripts/bench, against a running server: (1) "last places": the slot is
 * filled up to 3 free places, then {@code crowd} clients book it at once; (2) "open day": {@code conns}
 * clients book random slots of every field of the day for {@code seconds}, each booking a new
 * citizen; (3) the ceiling (GET /health) with the same clients for the same time. Prints BOOKING
 * lines: bookings/s, p99, answers by code, overbooked places (from the slots' ledgers: must be 0).
 * Any answer other than 201, 409 slot_full or 409 limit_reached makes a phase INVALID.
 * Arguments: base=http://127.0.0.1:8080 office=bench-book date=yyyy-MM-dd services=s0,s1 crowd=200
 * conns=64 seconds=7.
 */
public final class BookingCrowdBench {

  private static final AtomicLong CITIZEN = new AtomicLong(System.nanoTime() % 1_000_000);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String s : argv) {
      a.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    String base = a.get("base");
    String office = a.getOrDefault("office", "bench-book");
    String date = a.get("date");
    List<String> services = List.of(a.getOrDefault("services", "s0").split(","));
    int crowd = Integer.parseInt(a.getOrDefault("crowd", "200"));
    int conns = Integer.parseInt(a.getOrDefault("conns", "64"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "7"));

    // 1. the last 3 places of the first slot of the first field
    String field = services.get(0);
    JsonObject first = slots(base, office, field, date).getJsonObject(0);
    String start = first.getString("start");
    for (int i = first.getInteger("capacity") - first.getInteger("available"); i < first.getInteger("capacity") - 3; i++) {
      book(base, office, field, date, start);
    }
    List<Thread> threads = new ArrayList<>();
    Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    for (int i = 0; i < crowd; i++) {
      threads.add(start(() -> record(codes, latencies, () -> book(base, office, field, date, start))));
    }
    for (Thread t : threads) {
      t.join();
    }
    double lastSecs = (System.nanoTime() - t0) / 1e9;
    report("last-places", codes, latencies, lastSecs, codes.getOrDefault("201", new AtomicInteger()).get() == 3
        ? "" : "expected exactly 3 bookings");

    // 2. the open day
    codes.clear();
    latencies.clear();
    Map<String, JsonArray> day = new HashMap<>();
    for (String s : services) {
      day.put(s, slots(base, office, s, date));
    }
    Map<String, AtomicInteger> won = new ConcurrentHashMap<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    threads.clear();
    t0 = System.nanoTime();
    for (int c = 0; c < conns; c++) {
      threads.add(start(() -> {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
          String s = services.get(random.nextInt(services.size()));
          JsonArray slots = day.get(s);
          String at = slots.getJsonObject(random.nextInt(slots.size())).getString("start");
          record(codes, latencies, () -> {
            HttpResponse<String> r = book(base, office, s, date, at);
            if (r.statusCode() == 201) {
              won.computeIfAbsent(s + " " + at, k -> new AtomicInteger()).incrementAndGet();
            }
            return r;
          });
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double daySecs = (System.nanoTime() - t0) / 1e9;
    // overbooked: places taken before the phase plus the 201s this client saw, beyond the capacity
    int overbooked = 0;
    for (String s : services) {
      for (Object o : day.get(s)) {
        JsonObject slot = (JsonObject) o;
        int before = slot.getInteger("capacity") - slot.getInteger("available");
        int got = won.getOrDefault(s + " " + slot.getString("start"), new AtomicInteger()).get();
        overbooked += Math.max(0, before + got - slot.getInteger("capacity"));
      }
    }
    int booked = 0;
    for (String s : services) {
      for (Object o : slots(base, office, s, date)) {
        JsonObject slot = (JsonObject) o;
        booked += slot.getInteger("capacity") - slot.getInteger("available");
      }
    }
    report("open-day", codes, latencies, daySecs, "");

    // 3. the ceiling, same clients, same time
    Map<String, AtomicInteger> health = new ConcurrentHashMap<>();
    List<Long> healthLatencies = Collections.synchronizedList(new ArrayList<>());
    long end2 = System.nanoTime() + seconds * 1_000_000_000L;
    threads.clear();
    t0 = System.nanoTime();
    for (int c = 0; c < conns; c++) {
      threads.add(start(() -> {
        while (System.nanoTime() < end2) {
          record(health, healthLatencies, () -> send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build()));
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    report("ceiling", health, healthLatencies, (System.nanoTime() - t0) / 1e9, "");
    System.out.printf("BOOKING ledger booked=%d overbooked=%d%n", booked, overbooked);
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.start();
    return t;
  }

  private interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static void record(Map<String, AtomicInteger> codes, List<Long> latencies, Call call) {
    long t = System.nanoTime();
    String key;
    try {
      HttpResponse<String> r = call.run();
      key = r.statusCode() < 300 ? Integer.toString(r.statusCode())
          : r.statusCode() + ":" + new JsonObject(r.body()).getString("code");
    } catch (Exception e) {
      key = "error:" + e.getClass().getSimpleName();
    }
    latencies.add(System.nanoTime() - t);
    codes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private static void report(String phase, Map<String, AtomicInteger> codes, List<Long> latencies, double secs,
                             String problem) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
    int ok = codes.getOrDefault("201", new AtomicInteger()).get() + codes.getOrDefault("200", new AtomicInteger()).get();
    String bad = codes.keySet().stream().filter(k -> !k.equals("201") && !k.equals("200")
        && !k.equals("409:slot_full") && !k.equals("409:limit_reached")).sorted().reduce("", (x, y) -> x + " " + y);
    String verdict = !bad.isEmpty() ? "INVALID (" + bad.strip() + ")" : problem.isEmpty() ? "valid" : "INVALID (" + problem + ")";
    System.out.printf("BOOKING %s requests=%d secs=%.2f ok=%d ok_per_s=%.0f requests_per_s=%.0f p99_ms=%.1f answers=%s %s%n",
        phase, latencies.size(), secs, ok, ok / secs, latencies.size() / secs, p99 / 1e6, new java.util.TreeMap<>(codes),
        verdict);
  }

  private static HttpResponse<String> book(String base, String office, String service, String date, String start)
      throws Exception {
    long n = CITIZEN.incrementAndGet();
    JsonObject body = new JsonObject().put("service", service).put("date", date).put("start", start)
        .put("fullName", "Nguyễn Văn Bench").put("phone", String.format("091%07d", n % 10_000_000))
        .put("citizenId", String.format("0012%02d%06d", n % 26, n % 1_000_000));
    return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/offices/" + office + "/appointments"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  private static JsonArray slots(String base, String office, String service, String date) throws Exception {
    return new JsonArray(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/offices/" + office + "/slots?service="
        + service + "&date=" + date)).GET().build()).body());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
