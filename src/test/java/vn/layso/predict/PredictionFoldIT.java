package vn.layso.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.store.redis.TicketFields;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * The wait prediction handed out with a ticket is recorded by the step that issues it (issue_ticket.lua,
 * check_in.lua: issue_new), not by a second script: the record is in the ticket's own hash as soon as
 * the answer is, issuing runs one script per ticket, and the answer shows exactly what was recorded.
 */
class PredictionFoldIT {

  private static TestApp app;
  private static String uri;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("pf0", 2, List.of("a"), 3),
        TestOffices.uniform("pf1", 2, List.of("a"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /**
   * The record of the prediction given for a ticket, read once (no waiting: it must be there already)
   * from the ticket's hash; the day's given hash (where a store written before kept it) stays empty.
   */
  private static String given(String office, String day, String ticketId) {
    String inDaysHash = RedisAdmin.sync(uri, c -> c.hget(Keys.predictionsGiven(office, day), ticketId));
    assertThat(inDaysHash).isNull();
    return RedisAdmin.sync(uri, c -> c.hget(Keys.ticket(office, ticketId), TicketFields.GIVEN.field()));
  }

  /** The answer shows exactly the record: "ahead,p50,p90,rawP50,rawP90,field" against estimatedWait. */
  private static void showsItsRecord(JsonObject ticket, String record, String field) {
    assertThat(record).as("the record of " + ticket.getString("number")).isNotNull();
    String[] v = record.split(",");
    assertThat(v).hasSize(6);
    JsonObject wait = ticket.getJsonObject("estimatedWait");
    assertThat(Integer.parseInt(v[0])).isEqualTo(ticket.getInteger("position") - 1).isEqualTo(wait.getInteger("ahead"));
    assertThat(wait.getInteger("p50Minutes")).isEqualTo(minutes(Long.parseLong(v[1])));
    assertThat(wait.getInteger("p90Minutes")).isEqualTo(minutes(Long.parseLong(v[2])));
    assertThat(v[5]).isEqualTo(field);
  }

  private static int minutes(long millis) {
    return (int) ((millis + 59_999) / 60_000);
  }

  /** Scripts run since the statistics were reset: EVALSHAs, less the ones refused as not loaded yet (each SCRIPT LOAD). */
  private static long scriptsRun() {
    String info = RedisAdmin.sync(uri, c -> c.info("commandstats"));
    return calls(info, "evalsha") - calls(info, "script");
  }

  private static long calls(String info, String command) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("cmdstat_" + command + ":")) {
        int calls = line.indexOf("calls=");
        return Long.parseLong(line.substring(calls + 6, line.indexOf(',', calls)));
      }
    }
    return 0;
  }

  @Test
  void eachTicketsPredictionIsRecordedWhenItsAnswerArrivesAndIsWhatItShows() {
    for (int i = 0; i < 30; i++) {
      JsonObject t = app.issue("pf0", "a");
      assertThat(t.getInteger("position")).isEqualTo(i + 1);
      showsItsRecord(t, given("pf0", "20261123", t.getString("id")), "a");
    }
  }

  @Test
  void fortyParallelIssuesAreEachRecordedByTheirOwnStepInOneScriptEach() {
    int n = 40;
    app.issue("demo", "chung-thuc"); // the issuing script loaded (a first run of a script on a store loads it)
    RedisAdmin.sync(uri, c -> c.configResetstat());
    List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(app.api().postAsync("/api/v1/offices/pf1/tickets", new JsonObject().put("service", "a").encode()));
    }
    List<JsonObject> tickets = sent.stream().map(CompletableFuture::join).map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      return r.json();
    }).toList();
    long scripts = scriptsRun();
    for (JsonObject t : tickets) {
      showsItsRecord(t, given("pf1", "20261123", t.getString("id")), "a");
    }
    assertThat(tickets.stream().map(t -> t.getInteger("position")).distinct()).hasSize(n);
    // one script per ticket, and a few more: the predictor's read of the office, and the servers'
    // timers (settings, balancing, no-show sweeps: about one a second on a busy machine); recording
    // in a step of its own took two per ticket
    assertThat(scripts).isBetween((long) n, n + n / 2L);
  }

  @Test
  void aCheckInIsRecordedByItsStepAlsoWhenItsSlotPlacesItBeforeTheWalkInsAlreadyThere() {
    // booked on Monday for Tuesday 09:30 at the demo office (Hộ tịch)
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", "09:30")
        .put("fullName", "Lê Văn Tâm").put("phone", "0912 345 678").put("citizenId", "001199054321");
    Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    Instant saved = app.clock().instant();
    try {
      // Tuesday 09:35: five walk-ins came after the slot's start, then the citizen checks in (on time)
      app.clock().set(Instant.parse("2026-11-24T02:35:00Z"));
      for (int i = 0; i < 5; i++) {
        app.issue("demo", "ho-tich");
      }
      Api.Response checkedIn = app.api().post("/api/v1/offices/demo/check-in",
          new JsonObject().put("code", booked.json().getString("code")).encode());
      assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(201);
      JsonObject t = checkedIn.json();
      assertThat(t.getInteger("position")).isEqualTo(1);
      showsItsRecord(t, given("demo", "20261124", t.getString("id")), "ho-tich");
    } finally {
      app.clock().set(saved);
    }
  }
}
