package vn.layso.bench;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import vn.layso.app.Config;
import vn.layso.app.LaysoServer;
import vn.layso.history.SummaryJson;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;
import vn.layso.store.redis.Keys;
import vn.layso.testing.MutableClock;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * How fast reports answer for a provincial centre (scripts/bench-reports, docs/benchmarks.md): a
 * real server and Redis with a year of closed days (Monday to Saturday, 1,500 tickets a day over 8
 * fields and 30 counters, summarised by the real DaySummary, StaffTimeCalculator and SummaryJson,
 * stored as the archiver stores them, with rating counts), and today live: 1,500 tickets issued,
 * called, started and completed through the API. Then every {@code by}, JSON, CSV and Excel, for
 * the last 30 days and the last year: the first request (closed days read and parsed) and the
 * median of the next ones (closed days from memory, today recomputed).
 */
public final class ReportsBench {

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final int PER_DAY = Integer.getInteger("perDay", 1500);
  private static final int COUNTERS = 30;
  private static final List<String> FIELDS = List.of("dat-dai", "ho-tich", "chung-thuc", "dang-ky-kinh-doanh",
      "xay-dung", "lao-dong", "tu-phap", "giao-thong");
  private static final int RUNS = 5;
  private static final int COLD_RUNS = Integer.getInteger("coldRuns", 3);

  private ReportsBench() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("cold")) {
      cold(Path.of(args[1]), Path.of(args[2]), Instant.parse(args[3]), args[4], args[5]);
      return;
    }
    JsonObject office = TestOffices.uniform("tinh", COUNTERS, FIELDS, 0).put("name", "Trung tâm Phục vụ hành chính công tỉnh (bench)");
    Path file = TestOffices.write(office);
    try (TestApp app = TestApp.start(env -> {
      env.put("OFFICES_FILE", file.toString());
      env.put("REDIS_APPENDFSYNC", "everysec");
      env.put("TOKEN_TTL_HOURS", "2000");
    })) {
      String uri = app.server().embeddedRedis().uri();
      LocalDate today = ServiceDay.of(app.clock(), ZONE);
      long t0 = System.nanoTime();
      int days = 0;
      for (LocalDate d = today.minusDays(365); d.isBefore(today); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SUNDAY) {
          storeDay(uri, d, new Random(d.toEpochDay()));
          days++;
        }
      }
      System.out.printf("generated %d closed days of %d tickets in %.1f s%n", days, PER_DAY, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      liveDay(app);
      System.out.printf("live day: %d tickets through the API in %.1f s%n", PER_DAY, (System.nanoTime() - t0) / 1e9);

      String token = app.adminToken();
      HttpClient http = HttpClient.newHttpClient();
      String base = app.api().base() + "/api/v1/offices/tinh/reports?to=" + today + "&from=";
      System.out.println("| period | by | format | first (ms) | median of " + RUNS + " (ms) | bytes |");
      System.out.println("|---|---|---|---|---|---|");
      for (String period : List.of("month", "year")) {
        LocalDate from = period.equals("month") ? today.minusDays(29) : today.minusDays(365);
        for (String by : List.of("day", "field", "counter", "staff", "hour")) {
          for (String format : by.equals("field") || by.equals("staff") ? List.of("json", "csv", "xlsx") : List.of("json")) {
            String url = base + from + "&by=" + by + (format.equals("json") ? "" : "&format=" + format);
            long[] ms = new long[RUNS + 1];
            int size = 0;
            for (int i = 0; i <= RUNS; i++) {
              long start = System.nanoTime();
              HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
              ms[i] = (System.nanoTime() - start) / 1_000_000;
              if (r.statusCode() != 200) {
                throw new IllegalStateException(url + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
              }
              size = r.body().length;
            }
            long[] rest = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(rest);
            System.out.printf("| %s (%s..%s) | %s | %s | %d | %d | %d |%n", period, from, today, by, format, ms[0],
                rest[rest.length / 2], size);
          }
        }
      }
      coldStarts(app, file, token, today);
    }
  }

  /**
   * Cold: the server stopped, then for each run and period a fresh JVM starts a server on the same
   * data (nothing parsed, nothing compiled) and asks the period's report by day at once.
   */
  private static void coldStarts(TestApp app, Path officesFile, String token, LocalDate today) throws Exception {
    Instant now = app.clock().instant();
    app.stopServer();
    System.out.println();
    System.out.println("| cold run | period | server start (ms) | first answer (ms) | median of next " + RUNS + " (ms) |");
    System.out.println("|---|---|---|---|---|");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int run = 1; run <= COLD_RUNS; run++) {
      for (String period : List.of("month", "year")) {
        LocalDate from = period.equals("month") ? today.minusDays(29) : today.minusDays(365);
        String query = "from=" + from + "&to=" + today + "&by=day";
        Process child = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            ReportsBench.class.getName(), "cold", app.config().dataDir().toString(), officesFile.toString(),
            now.toString(), token, query).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
          throw new IllegalStateException("cold run failed: " + out);
        }
        String figures = out.lines().filter(l -> l.startsWith("cold ")).findFirst()
            .orElseThrow(() -> new IllegalStateException("cold run printed no figures: " + out)).substring(5);
        System.out.printf("| %d | %s (%s..%s) | %s |%n", run, period, from, today, figures);
      }
    }
    app.startServer();
  }

  /** In a fresh JVM: start the server on {@code dataDir}, ask once at once, then {@link #RUNS} more. */
  private static void cold(Path dataDir, Path officesFile, Instant now, String token, String query) throws Exception {
    Map<String, String> env = TestApp.environment(dataDir, null);
    env.put("OFFICES_FILE", officesFile.toString());
    env.put("REDIS_APPENDFSYNC", "everysec");
    env.put("TOKEN_TTL_HOURS", "2000");
    long t0 = System.nanoTime();
    LaysoServer server = LaysoServer.start(Config.fromEnvironment(env), new MutableClock(now));
    long started = (System.nanoTime() - t0) / 1_000_000;
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/api/v1/offices/tinh/reports?" + query)).header("Authorization", "Bearer " + token).build();
      long[] ms = new long[RUNS + 1];
      for (int i = 0; i <= RUNS; i++) {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        ms[i] = (System.nanoTime() - start) / 1_000_000;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(query + ": " + r.statusCode() + " " + r.body());
        }
      }
      long[] rest = Arrays.copyOfRange(ms, 1, ms.length);
      Arrays.sort(rest);
      System.out.printf("cold %d | %d | %d%n", started, ms[0], rest[rest.length / 2]);
    } finally {
      server.stop();
    }
  }

  /** One closed day: tickets drawn at random, summarised by the real code, stored as the archiver stores it. */
  private static void storeDay(String uri, LocalDate day, Random rnd) throws Exception {
    Map<String, String> ratings = new HashMap<>();
    String json = dayJson(day, rnd, ratings);
    String date = ServiceDay.key(day);
    String stored = gzipBase64(json);
    RedisAdmin.sync(uri, c -> {
      c.set(Keys.daySummary("tinh", date), stored);
      c.zadd(Keys.summaryDays("tinh"), Double.parseDouble(date), date);
      c.hset(Keys.ratingCounts("tinh", date), ratings);
      return null;
    });
  }

  /** A closed day's summary (JSON), its rating counts put in {@code ratings}. */
  static String dayJson(LocalDate day, Random rnd, Map<String, String> ratings) {
    Map<String, Long> targets = new HashMap<>();
    FIELDS.forEach(f -> targets.put(f, 30 * 60L));
    DaySummary summary = new DaySummary("tinh", day, ZONE, targets);
    List<Ticket> tickets = new ArrayList<>(PER_DAY);
    Instant open = day.atTime(7, 30).atZone(ZONE).toInstant();
    for (int i = 0; i < PER_DAY; i++) {
      String field = FIELDS.get(Math.min(FIELDS.size() - 1, (int) Math.floor(Math.abs(rnd.nextGaussian()) * 3)));
      int minute = rnd.nextInt(8 * 60);
      Instant issued = open.plusSeconds(minute * 60L + (minute >= 240 ? 120 * 60 : 0) + rnd.nextInt(60));
      String counter = Integer.toString(1 + rnd.nextInt(COUNTERS));
      String staff = "staff:cb" + counter;
      Instant call = issued.plusSeconds((long) (-Math.log(1 - rnd.nextDouble()) * 15 * 60));
      Instant start = call.plusSeconds(30 + rnd.nextInt(90));
      Instant end = start.plusSeconds(180 + rnd.nextInt(20 * 60));
      List<TicketStep> steps = new ArrayList<>();
      steps.add(new TicketStep("ISSUE", issued, "device:kiosk-1", null, field, null));
      steps.add(new TicketStep("CALL", call, staff, counter, field, null));
      double outcome = rnd.nextDouble();
      TicketStatus status;
      String reason = null;
      if (outcome < 0.05) {
        steps.add(new TicketStep("NO_SHOW", start, staff, counter, field, null));
        status = TicketStatus.NO_SHOW;
      } else if (outcome < 0.08) {
        steps.add(new TicketStep("SKIP", start, staff, counter, field, null));
        status = TicketStatus.NO_SHOW;
        reason = "skipped";
      } else {
        steps.add(new TicketStep("START", start, staff, counter, field, null));
        steps.add(new TicketStep("COMPLETE", end, staff, counter, field, null));
        status = TicketStatus.DONE;
        if (rnd.nextDouble() < 0.6) {
          int level = rnd.nextDouble() < 0.7 ? 3 : rnd.nextDouble() < 0.85 ? 2 : 1;
          String hour = String.format("%02d", issued.atZone(ZONE).getHour());
          for (String k : List.of("all|*|", "field|" + field + "|", "counter|" + counter + "|", "staff|" + staff + "|",
              "hour|" + hour + "|")) {
            ratings.merge(k + level, "1", (a, b) -> Integer.toString(Integer.parseInt(a) + 1));
          }
        }
      }
      Ticket t = new Ticket("tinh.b" + day + "." + i, "tinh", "A" + i, field, status, null, issued, day, counter, call,
          start, end, 0, "device:kiosk-1", reason, steps);
      tickets.add(t);
      summary.add(t);
    }
    List<StaffTimeCalculator.LogEntry> log = new ArrayList<>();
    Map<String, Set<String>> fields = new HashMap<>();
    for (int c = 1; c <= COUNTERS; c++) {
      String id = Integer.toString(c);
      fields.put(id, Set.copyOf(FIELDS));
      log.add(new StaffTimeCalculator.LogEntry(id, "OPEN", open.minusSeconds(300), "staff:cb" + id, null));
      log.add(new StaffTimeCalculator.LogEntry(id, "PAUSE", open.plusSeconds(7200), "staff:cb" + id, "nghi-giai-lao"));
      log.add(new StaffTimeCalculator.LogEntry(id, "RESUME", open.plusSeconds(8100), "staff:cb" + id, null));
      log.add(new StaffTimeCalculator.LogEntry(id, "CLOSE", open.plusSeconds(34_200), "staff:cb" + id, null));
    }
    summary.staffTime(StaffTimeCalculator.compute(log, tickets, fields, day.plusDays(1).atStartOfDay(ZONE).toInstant()));
    return SummaryJson.of(summary).encode();
  }

  /** Today through the API: every ticket issued, then called, started and completed, the clock moving on. */
  private static void liveDay(TestApp app) {
    String token = app.adminToken();
    for (int i = 0; i < PER_DAY; i++) {
      app.api().post("/api/v1/offices/tinh/tickets", new JsonObject().put("service", FIELDS.get(i % FIELDS.size())).encode(),
          "token", token);
      if (i % 10 == 0) {
        app.clock().advance(Duration.ofSeconds(7));
      }
    }
    for (int i = 0; i < PER_DAY; i++) {
      String counter = Integer.toString(1 + i % COUNTERS);
      app.counter("tinh", counter, "call-next", token);
      app.counter("tinh", counter, "start", token);
      app.clock().advance(Duration.ofSeconds(12));
      app.counter("tinh", counter, "complete", token);
    }
  }

  private static String gzipBase64(String json) throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
