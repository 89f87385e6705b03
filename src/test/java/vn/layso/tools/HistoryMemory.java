package vn.layso.tools;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * Measures what the kept history costs in Redis: it runs a ward centre's working days through a
 * real server and embedded Redis (the demo office, 7 counters, tickets issued 07:30-16:00, served
 * with calls, starts, completions, some recalls, no-shows and transfers; leftovers expire at
 * midnight), closes and archives each day, then asks Redis for MEMORY USAGE (SAMPLES 0: exact) of
 * every key and prints the figures per ticket, per day and per office per year. Not a test: run
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dmain.class=vn.layso.tools.HistoryMemory -Dexec.args="5 300"
 * </pre>
 * (arguments: days, tickets a day; defaults 5 and 300).
 */
public final class HistoryMemory {

  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String OFFICE = "demo";
  private static final String[] FIELDS = {"dat-dai", "ho-tich", "chung-thuc", "dang-ky-kinh-doanh", "xay-dung", "lao-dong"};
  private static final int[] FIELD_SHARE = {35, 20, 25, 7, 6, 7};
  private static final int[] SERVICE_MINUTES = {20, 10, 5, 15, 15, 10};
  private static final int COUNTERS = 7;

  private final TestApp app;
  private final Random random = new Random(2026);
  private final String[] staffTokens = new String[COUNTERS + 1];
  private String kiosk;

  private HistoryMemory(TestApp app) {
    this.app = app;
  }

  public static void main(String[] args) throws Exception {
    int days = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    try (TestApp app = TestApp.start()) {
      String uri = app.server().embeddedRedis() != null ? app.server().embeddedRedis().uri() : app.config().redisUri();
      RedisClient client = RedisClient.create(uri);
      try (var connection = client.connect()) {
        RedisCommands<String, String> redis = connection.sync();
        long before = MemoryReport.usedMemory(redis);
        HistoryMemory run = new HistoryMemory(app);
        for (int i = 0; i < COUNTERS; i++) {
          app.tokenFor(staff(i + 1), "STAFF", OFFICE);
        }
        run.kiosk = app.tokenFor("kiosk-sanh-1", "DEVICE", OFFICE);
        LocalDate day = LocalDate.of(2026, 11, 23);
        for (int d = 0; d < days; d++, day = day.plusDays(1)) {
          run.workDay(day, perDay);
        }
        app.clock().set(day.atTime(0, 5).atZone(HANOI).toInstant());
        run.closeDays();
        MemoryReport.print(redis, OFFICE, before, days, perDay, app.config().dataDir().resolve("archive").resolve(OFFICE));
      } finally {
        client.shutdown();
      }
    }
  }

  private static String staff(int counter) {
    return "canbo.quay" + counter;
  }

  /** One day: arrivals spread over 07:30-16:00, counters working minute by minute until 17:00. */
  private void workDay(LocalDate day, int tickets) throws Exception {
    Instant open = day.atTime(7, 30).atZone(HANOI).toInstant();
    app.clock().set(open);
    closeDays();
    for (int c = 1; c <= COUNTERS; c++) {
      staffTokens[c] = app.login(staff(c), "password-of-" + staff(c));
    }
    int minutes = 9 * 60 + 30;
    int issuingMinutes = 8 * 60 + 30;
    Counter[] counters = new Counter[COUNTERS + 1];
    for (int c = 1; c <= COUNTERS; c++) {
      counters[c] = new Counter(Integer.toString(c));
    }
    int issued = 0;
    for (int m = 0; m < minutes; m++) {
      app.clock().set(open.plus(Duration.ofMinutes(m)));
      while (m < issuingMinutes && issued < (long) tickets * (m + 1) / issuingMinutes) {
        issue();
        issued++;
      }
      for (int c = 1; c <= COUNTERS; c++) {
        counters[c].tick(m);
      }
    }
  }

  private void issue() {
    int pick = random.nextInt(100);
    int f = 0;
    while (pick >= FIELD_SHARE[f]) {
      pick -= FIELD_SHARE[f++];
    }
    boolean priority = random.nextInt(100) < 8;
    JsonObject body = new JsonObject().put("service", FIELDS[f]);
    if (priority) {
      body.put("priority", "nguoi-cao-tuoi");
    }
    Api.Response r = app.api().post("/api/v1/offices/" + OFFICE + "/tickets", body.encode(), "token", kiosk);
    if (r.status() != 201) {
      throw new IllegalStateException("issue: " + r.status() + " " + r.body());
    }
  }

  /** A counter's day: call, then after a minute start (or no-show, or transfer), serve, complete. */
  private final class Counter {
    private final String id;
    private String state = "IDLE";
    private String service;
    private int until;

    Counter(String id) {
      this.id = id;
    }

    void tick(int minute) {
      if (minute < until) {
        return;
      }
      switch (state) {
        case "CALLED" -> afterCall(minute);
        case "SERVING" -> {
          press("complete");
          state = "IDLE";
          callNext(minute);
        }
        default -> callNext(minute);
      }
    }

    private void callNext(int minute) {
      Api.Response r = press("call-next");
      if (r.status() == 200) {
        state = "CALLED";
        service = r.json().getJsonObject("ticket").getString("service");
        until = minute + 1;
      }
    }

    private void afterCall(int minute) {
      int roll = random.nextInt(100);
      if (roll < 4) {
        press("recall");
        until = minute + 1 + random.nextInt(2);
        if (random.nextBoolean()) {
          press("no-show");
          state = "IDLE";
        }
        return;
      }
      if (roll < 7) {
        String target = FIELDS[random.nextInt(FIELDS.length)];
        if (!target.equals(service)) {
          app.api().post(base() + "transfer", new JsonObject().put("service", target).encode(), "token", token());
          state = "IDLE";
          return;
        }
      }
      press("start");
      state = "SERVING";
      int mean = SERVICE_MINUTES[java.util.Arrays.asList(FIELDS).indexOf(service)];
      until = minute + 1 + (int) Math.round(-mean * Math.log(1 - random.nextDouble()));
    }

    private Api.Response press(String action) {
      return app.api().post(base() + action, null, "token", token());
    }

    private String base() {
      return "/api/v1/offices/" + OFFICE + "/counters/" + id + "/";
    }

    private String token() {
      return staffTokens[Integer.parseInt(id)];
    }
  }

  /** Runs the day closer (which archives) until no past day is left open. */
  private void closeDays() throws Exception {
    for (int i = 0; i < 100 && openDays() > 0; i++) {
      app.server().closePastDays().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    if (openDays() > 0) {
      throw new IllegalStateException("a past day did not close");
    }
  }

  private long openDays() {
    String uri = app.server().embeddedRedis() != null ? app.server().embeddedRedis().uri() : app.config().redisUri();
    return vn.layso.testing.RedisAdmin.sync(uri, c -> c.scard(Keys.openDays(OFFICE)));
  }
}
