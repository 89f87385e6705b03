package vn.layso.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.ApiErrors;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * The kept history, on a real server and Redis with a clock the test moves: full ticket records
 * readable for HISTORY_DAYS, closed days summarised and archived exactly once, and who may read.
 */
class HistoryIT {

  private static final String DAY = "2026-11-23";
  private static final String HISTORY = "/api/v1/offices/demo/history/";
  /** The test clock starts on 2026-11-23 at 09:00 in Hà Nội; this is the next day at 00:05. */
  private static final Instant NEXT_DAY = Instant.parse("2026-11-23T17:05:00Z");

  private final List<TestApp> apps = new ArrayList<>();

  @AfterEach
  void stop() {
    for (int i = apps.size() - 1; i >= 0; i--) {
      apps.get(i).close();
    }
  }

  /** A server with the demo office and a second one, "other", whose staff must not read demo's history. */
  private TestApp start() throws Exception {
    Path offices = TestOffices.write(TestOffices.uniform("other", 1, List.of("x"), 0));
    TestApp app = TestApp.start(env -> env.put("OFFICES_FILE", offices.toString()));
    apps.add(app);
    return app;
  }

  @Test
  void aTicketFromThirtyDaysAgoIsStillReadableWithEveryStepItsStaffCounterAndTimes() throws Exception {
    TestApp app = start();
    String staff = app.tokenFor("lan", "STAFF", "demo");
    Instant issued = app.clock().instant();
    String id = app.issue("demo", "ho-tich").getString("id");
    app.clock().advance(Duration.ofMinutes(7));
    assertThat(app.counter("demo", "3", "call-next", staff).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(1));
    assertThat(app.counter("demo", "3", "start", staff).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(12));
    assertThat(app.counter("demo", "3", "complete", staff).status()).isEqualTo(200);

    // kept in Redis for HISTORY_DAYS (400) from now: Redis expires by its own clock, not the test's
    long ttl = redis(app, c -> c.ttl(Keys.ticket("demo", id)));
    assertThat(ttl).isGreaterThan(Duration.ofDays(399).toSeconds());
    long stepsTtl = redis(app, c -> c.ttl(Keys.ticketSteps("demo", id)));
    assertThat(stepsTtl).isGreaterThan(Duration.ofDays(399).toSeconds());
    long indexTtl = redis(app, c -> c.ttl(Keys.dayTickets("demo", "20261123")));
    assertThat(indexTtl).isGreaterThan(Duration.ofDays(399).toSeconds());

    app.clock().advance(Duration.ofDays(30));
    closeDays(app);
    Api.Response followed = app.api().get("/api/v1/tickets/" + id);
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.json().getString("status")).isEqualTo("DONE");

    String manager = app.login("lan", "password-of-lan");
    JsonObject day = app.api().get(HISTORY + "days/" + DAY + "/tickets", "token", manager).json();
    assertThat(day.getLong("total")).isEqualTo(1);
    JsonObject record = day.getJsonArray("tickets").getJsonObject(0);
    assertThat(record.getString("id")).isEqualTo(id);
    assertThat(record.getString("source")).isEqualTo("public");
    JsonArray steps = record.getJsonArray("history");
    assertThat(steps).hasSize(4);
    assertStep(steps.getJsonObject(0), "ISSUE", "public", null, issued);
    assertStep(steps.getJsonObject(1), "CALL", "staff:lan", "3", issued.plus(Duration.ofMinutes(7)));
    assertStep(steps.getJsonObject(2), "START", "staff:lan", "3", issued.plus(Duration.ofMinutes(8)));
    assertStep(steps.getJsonObject(3), "COMPLETE", "staff:lan", "3", issued.plus(Duration.ofMinutes(20)));
    assertThat(steps.getJsonObject(3).getString("at")).endsWith("+07:00");
  }

  @Test
  void aClosedDayIsArchivedWithExactlyItsTicketsAndSummarised() throws Exception {
    TestApp app = start();
    String lan = app.tokenFor("lan", "STAFF", "demo");
    String minh = app.tokenFor("minh", "STAFF", "demo");
    String served = app.issue("demo", "ho-tich").getString("id");
    String missed = app.issue("demo", "ho-tich").getString("id");
    String moved = app.issue("demo", "chung-thuc").getString("id");
    String waiting = app.issue("demo", "dat-dai").getString("id");
    String priority = app.api().post("/api/v1/offices/demo/tickets",
        "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}", "token", minh).json().getString("id");
    app.clock().advance(Duration.ofMinutes(4));
    call(app, "3", lan, served);
    app.counter("demo", "3", "start", lan);
    app.clock().advance(Duration.ofMinutes(10));
    app.counter("demo", "3", "complete", lan);
    call(app, "3", lan, missed);
    app.clock().advance(Duration.ofMinutes(2));
    app.counter("demo", "3", "no-show", lan);
    call(app, "5", minh, moved);
    assertThat(app.api().post("/api/v1/offices/demo/counters/5/transfer", "{\"service\":\"lao-dong\"}",
        "token", minh).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(6));
    call(app, "6", minh, moved);
    app.counter("demo", "6", "start", minh);
    app.clock().advance(Duration.ofMinutes(10));
    app.counter("demo", "6", "complete", minh);
    call(app, "1", lan, priority);

    // the open day reads too, before it closes
    JsonObject open = app.api().get(HISTORY + "days/" + DAY + "/tickets", "token", lan).json();
    assertThat(open.getLong("total")).isEqualTo(5);

    app.clock().set(NEXT_DAY);
    closeDays(app);

    Path file = archive(app);
    List<JsonObject> lines = readArchive(file);
    assertThat(lines).extracting(l -> l.getString("id"))
        .containsExactlyInAnyOrder(served, missed, moved, waiting, priority);
    Map<String, JsonObject> byId = lines.stream().collect(Collectors.toMap(l -> l.getString("id"), l -> l));
    assertThat(byId.get(served).getString("status")).isEqualTo("DONE");
    assertThat(byId.get(missed).getString("status")).isEqualTo("NO_SHOW");
    assertThat(byId.get(moved).getString("status")).isEqualTo("DONE");
    assertThat(byId.get(moved).getString("service")).isEqualTo("lao-dong");
    for (String expired : List.of(waiting, priority)) {
      assertThat(byId.get(expired).getString("status")).isEqualTo("EXPIRED");
      assertThat(byId.get(expired).getString("endReason")).isEqualTo("day_closed");
      JsonArray steps = byId.get(expired).getJsonArray("history");
      assertThat(steps.getJsonObject(steps.size() - 1).getString("action")).isEqualTo("EXPIRE");
      assertThat(steps.getJsonObject(steps.size() - 1).getString("by")).isEqualTo("system");
    }
    assertThat(byId.get(moved).getJsonArray("history").stream().map(s -> ((JsonObject) s).getString("action")))
        .containsExactly("ISSUE", "CALL", "TRANSFER", "CALL", "START", "COMPLETE");
    assertThat(names(file.getParent())).containsExactly(DAY + ".jsonl.gz");

    lan = app.login("lan", "password-of-lan");
    Api.Response answer = app.api().get(HISTORY + "summaries?from=2026-11-01&to=2026-11-30", "token", lan);
    assertThat(answer.status()).isEqualTo(200);
    JsonArray days = answer.json().getJsonArray("days");
    assertThat(days).hasSize(1);
    JsonObject summary = days.getJsonObject(0);
    assertThat(summary.getString("date")).isEqualTo(DAY);
    assertThat(summary.getJsonObject("tickets")).isEqualTo(new JsonObject().put("issued", 5).put("served", 2)
        .put("noShow", 1).put("skipped", 0).put("expired", 2).put("cancelled", 0).put("transferred", 1)
        .put("priority", 1));
    // two services of exactly 10 minutes: every percentile is 600 s
    JsonObject service = summary.getJsonObject("service");
    assertThat(service.getLong("count")).isEqualTo(2);
    assertThat(service.getLong("p50Seconds")).isEqualTo(600);
    assertThat(service.getLong("p95Seconds")).isEqualTo(600);
    assertThat(service.getJsonObject("buckets")).isEqualTo(new JsonObject().put("10", 2));
    // waits: 4 min (served), 14 min (missed), 16 min (moved, first field), 6 min (after the transfer), 32 min (priority)
    JsonObject wait = summary.getJsonObject("wait");
    assertThat(wait.getLong("count")).isEqualTo(5);
    assertThat(wait.getLong("sumSeconds")).isEqualTo((4 + 14 + 16 + 6 + 32) * 60);
    assertThat(wait.getLong("minSeconds")).isEqualTo(240);
    assertThat(wait.getLong("maxSeconds")).isEqualTo(32 * 60);
    assertThat(wait.getLong("p50Seconds")).isBetween(14 * 60L, 15 * 60L);
    assertThat(summary.getJsonObject("byStaff").fieldNames()).containsExactlyInAnyOrder("staff:lan", "staff:minh");
    assertThat(summary.getJsonObject("byStaff").getJsonObject("staff:minh").getInteger("issued")).isEqualTo(1);
    assertThat(summary.getJsonObject("byCounter").getJsonObject("6").getJsonObject("service").getLong("count"))
        .isEqualTo(1);
    assertThat(summary.getJsonObject("byField").getJsonObject("dat-dai").getInteger("expired")).isEqualTo(2);
    assertThat(summary.getJsonObject("byHour").fieldNames()).containsExactly("09");
    // a summary never expires
    long summaryTtl = redis(app, c -> c.ttl(Keys.daySummary("demo", "20261123")));
    assertThat(summaryTtl).isEqualTo(-1L);

    JsonObject closed = app.api().get(HISTORY + "days/" + DAY + "/tickets?limit=2&offset=4", "token", lan).json();
    assertThat(closed.getLong("total")).isEqualTo(5);
    assertThat(closed.getJsonArray("tickets")).hasSize(1);
  }

  @Test
  void archivingADayAgainWritesNothing() throws Exception {
    TestApp app = start();
    app.issue("demo", "ho-tich");
    app.clock().set(NEXT_DAY);
    closeDays(app);
    Path file = archive(app);
    Object inode = Files.getAttribute(file, "unix:ino");
    var modified = Files.getLastModifiedTime(file);
    byte[] content = Files.readAllBytes(file);

    // as if a server died after archiving but before the closer let the day go: it runs again
    redis(app, c -> c.sadd(Keys.openDays("demo"), "20261123"));
    closeDays(app);
    assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(names(file.getParent())).hasSize(1);
  }

  @Test
  void whileAnotherServerHoldsTheDayNothingIsWrittenAndTheDayStaysOpen() throws Exception {
    TestApp app = start();
    app.issue("demo", "ho-tich");
    app.clock().set(NEXT_DAY);
    String claim = Keys.archiveClaim("demo", "20261123");
    redis(app, c -> c.psetex(claim, 60_000, "another-server"));
    app.server().closePastDays().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertThat(Files.exists(archive(app))).isFalse();
    java.util.Set<String> open = redis(app, c -> c.smembers(Keys.openDays("demo")));
    assertThat(open).containsExactly("20261123");
    long summaries = redis(app, c -> c.exists(Keys.daySummary("demo", "20261123")));
    assertThat(summaries).isZero();

    redis(app, c -> c.del(claim));
    closeDays(app);
    assertThat(readArchive(archive(app))).hasSize(1);
  }

  @Test
  void twoServersClosingTheSameDayArchiveItOnce() throws Exception {
    TestApp app = start();
    TestApp sibling = app.sibling();
    apps.add(sibling);
    Logger logger = (Logger) LoggerFactory.getLogger(DayArchiver.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      for (int i = 0; i < 3; i++) {
        app.issue("demo", "chung-thuc");
      }
      app.clock().set(NEXT_DAY);
      CompletableFuture<Void> one = app.server().closePastDays().toCompletionStage().toCompletableFuture();
      CompletableFuture<Void> two = sibling.server().closePastDays().toCompletionStage().toCompletableFuture();
      CompletableFuture.allOf(one, two).get(30, TimeUnit.SECONDS);
      closeDays(app);
      closeDays(sibling);
      assertThat(readArchive(archive(app))).hasSize(3);
      assertThat(names(archive(app).getParent())).hasSize(1);
      assertThat(logged.list.stream().filter(e -> e.getFormattedMessage().contains("service day archived")))
          .hasSize(1);
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void onlyStaffOfTheOfficeAndAdminsMayRead() throws Exception {
    TestApp app = start();
    String staff = app.tokenFor("lan", "STAFF", "demo");
    String outsider = app.tokenFor("ngoai", "STAFF", "other");
    String kiosk = app.tokenFor("kiosk-1", "DEVICE", "demo");
    String tickets = HISTORY + "days/" + DAY + "/tickets";
    String summaries = HISTORY + "summaries?from=2026-11-01&to=2026-11-30";
    for (String path : List.of(tickets, summaries)) {
      ApiErrors.assertError(app.api().get(path), 401, "login_required");
      ApiErrors.assertError(app.api().get(path, "token", outsider), 403, "forbidden");
      ApiErrors.assertError(app.api().get(path, "token", kiosk), 403, "forbidden");
      assertThat(app.api().get(path, "token", staff).status()).isEqualTo(200);
      assertThat(app.api().get(path, "token", app.adminToken()).status()).isEqualTo(200);
    }
    assertThat(app.api().get(tickets, "token", staff).headers().firstValue("Cache-Control")).contains("no-store");
    ApiErrors.assertError(app.api().get("/api/v1/offices/nope/history/summaries?from=2026-11-01&to=2026-11-02",
        "token", app.adminToken()), 404, "office_not_found");
  }

  @Test
  void badDatesRangesAndPagesAreRefusedClearly() throws Exception {
    TestApp app = start();
    String admin = app.adminToken();
    for (String date : List.of("2026-02-30", "23-11-2026", "2026-1-5", "today", "20261123")) {
      ApiErrors.assertError(app.api().get(HISTORY + "days/" + date + "/tickets", "token", admin), 400, "invalid_date");
    }
    ApiErrors.assertError(app.api().get(HISTORY + "summaries?to=2026-11-30", "token", admin), 400, "invalid_date");
    ApiErrors.assertError(app.api().get(HISTORY + "summaries?from=2026-11-01&to=2026-13-01", "token", admin),
        400, "invalid_date");
    ApiErrors.assertError(app.api().get(HISTORY + "summaries?from=2026-11-30&to=2026-11-01", "token", admin),
        400, "invalid_date_range");
    String message = ApiErrors.assertError(app.api().get(HISTORY + "summaries?from=2025-01-01&to=2026-11-30",
        "token", admin, "Accept-Language", "en"), 400, "invalid_date_range");
    assertThat(message).contains("400 days");
    assertThat(app.api().get(HISTORY + "summaries?from=2025-10-25&to=2026-11-28", "token", admin).status())
        .as("400 days, both ends included").isEqualTo(200);
    for (String query : List.of("limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=99999999999")) {
      ApiErrors.assertError(app.api().get(HISTORY + "days/" + DAY + "/tickets?" + query, "token", admin),
          400, "invalid_number");
    }
    String vietnamese = ApiErrors.assertError(app.api().get(HISTORY + "days/2026-02-30/tickets", "token", admin),
        400, "invalid_date");
    assertThat(vietnamese).contains("phải là một ngày có thật");
  }

  // ---------- helpers

  private static void call(TestApp app, String counter, String token, String expectedId) {
    Api.Response r = app.counter("demo", counter, "call-next", token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getJsonObject("ticket").getString("id")).isEqualTo(expectedId);
  }

  private static void assertStep(JsonObject step, String action, String by, String counter, Instant at) {
    assertThat(step.getString("action")).isEqualTo(action);
    assertThat(step.getString("by")).isEqualTo(by);
    assertThat(step.getString("counter")).isEqualTo(counter);
    assertThat(OffsetDateTime.parse(step.getString("at")).toInstant()).isEqualTo(at);
  }

  /** Runs the day closer until every past day of every office is closed, archived and let go. */
  private static void closeDays(TestApp app) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      app.server().closePastDays().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      return redis(app, c -> c.exists(Keys.openDays("demo"), Keys.openDays("other"))) == 0;
    });
  }

  private static Path archive(TestApp app) {
    return app.config().dataDir().resolve("archive").resolve("demo").resolve(DAY + ".jsonl.gz");
  }

  private static List<JsonObject> readArchive(Path file) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
         Stream<String> lines = in.lines()) {
      return lines.map(JsonObject::new).toList();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static <T> T redis(TestApp app, java.util.function.Function<
      io.lettuce.core.api.sync.RedisCommands<String, String>, T> op) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    return RedisAdmin.sync(uri, op);
  }
}
