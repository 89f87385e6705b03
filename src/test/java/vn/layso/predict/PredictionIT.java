package vn.layso.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Wait predictions through the API against real Redis: on issue and on the ticket, following the
 * queue and the counters, read from the live service-time statistics, and measured once called.
 * Each test has its own office: two counters serving one field "a" at 10 minutes on average.
 */
class PredictionIT {

  private static final String DAY = "20261123";
  private static TestApp app;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    JsonObject[] offices = new JsonObject[9];
    for (int i = 0; i < offices.length; i++) {
      offices[i] = TestOffices.uniform("p" + i, 2, List.of("a"), 3);
    }
    var file = TestOffices.write(offices);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    admin = app.adminToken();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String redisUri() {
    return app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
  }

  private static JsonObject ticket(String id) {
    Api.Response r = app.api().get("/api/v1/tickets/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Polls the ticket until its prediction says what {@code until} wants (the server's view may lag a second). */
  private static JsonObject awaitTicket(String id, Predicate<JsonObject> until) {
    JsonObject[] last = new JsonObject[1];
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> until.test(last[0] = ticket(id)));
    return last[0];
  }

  private static JsonObject wait(JsonObject ticket) {
    return ticket.getJsonObject("estimatedWait");
  }

  @Test
  void theIssueAnswerAndTheTicketCarryTheMedianAndTheNinetiethPercentile() {
    app.issue("p0", "a");
    app.issue("p0", "a");
    JsonObject third = app.issue("p0", "a");
    // nobody has called yet: both counters are counted busy, 3 completions at 2 x 1/10 min:
    // Gamma(3, 5 min): median 13.4, p90 26.6 minutes
    assertThat(wait(third)).isEqualTo(new JsonObject().put("p50Minutes", 14).put("p90Minutes", 27).put("ahead", 2));
    assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(14);
    assertThat(third.getInteger("position")).isEqualTo(3);

    JsonObject seen = ticket(third.getString("id"));
    assertThat(wait(seen)).isEqualTo(wait(third));
    assertThat(seen.getInteger("estimatedWaitMinutes")).isEqualTo(14);
  }

  @Test
  void itShrinksAsThePeopleAheadAreCalled() {
    app.issue("p1", "a");
    app.issue("p1", "a");
    app.issue("p1", "a");
    JsonObject mine = app.issue("p1", "a");
    assertThat(wait(mine).getInteger("ahead")).isEqualTo(3);
    int before = mine.getInteger("estimatedWaitMinutes");
    assertThat(app.counter("p1", "1", "call-next", admin).status()).isEqualTo(200);
    assertThat(app.counter("p1", "2", "call-next", admin).status()).isEqualTo(200);
    // two counters busy, one ahead: Gamma(2, 5 min), median 8.4 minutes
    JsonObject after = awaitTicket(mine.getString("id"), t -> wait(t).getInteger("ahead") == 1
        && t.getInteger("estimatedWaitMinutes") == 9);
    assertThat(after.getInteger("estimatedWaitMinutes")).isLessThan(before);
    assertThat(wait(after).getInteger("p90Minutes")).isEqualTo(20);
  }

  @Test
  void aPausedCounterLengthensTheWaitAndItsResumeShortensItAgain() {
    app.issue("p2", "a");
    app.issue("p2", "a");
    JsonObject mine = app.issue("p2", "a");
    app.counter("p2", "1", "call-next", admin);
    app.counter("p2", "2", "call-next", admin);
    // first in line, two busy counters: Exp(5 min), median 3.5 minutes
    awaitTicket(mine.getString("id"), t -> t.getInteger("estimatedWaitMinutes") == 4);
    Api.Response paused = app.api().post("/api/v1/offices/p2/counters/2/pause", "{\"reason\":\"hop\"}",
        "token", admin);
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    // counter 2 gives nothing while paused: Exp(10 min), median 6.9 minutes
    JsonObject longer = awaitTicket(mine.getString("id"), t -> t.getInteger("estimatedWaitMinutes") == 7);
    assertThat(wait(longer).getInteger("p90Minutes")).isEqualTo(24);
    app.api().post("/api/v1/offices/p2/counters/2/resume", null, "token", admin);
    awaitTicket(mine.getString("id"), t -> t.getInteger("estimatedWaitMinutes") == 4);
  }

  @Test
  void theLiveServiceTimesOfTheFieldAndOfEachCounterAreUsed() {
    // a field served in 2 minutes over 1000 completions (the configured 10 weigh as 3 samples): the
    // counters' own means, pooled by their completions
    RedisAdmin.sync(redisUri(), c -> c.hset(Keys.counter("p3", "1"), java.util.Map.of("t:a", "120000", "n:a", "1")));
    RedisAdmin.sync(redisUri(), c -> c.hset(Keys.counter("p3", "2"), java.util.Map.of("t:a", "120000", "n:a", "999")));
    app.issue("p3", "a");
    app.issue("p3", "a");
    JsonObject third = app.issue("p3", "a");
    // mean 2.02 minutes: Gamma(3, 1.01 min), median 2.7 minutes
    assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(3);
    // counter 1 takes 6 minutes there (its one completion moves the field's mean to 2.004 min): its
    // rate falls to 1/6, the office's to 1/6 + 1/2.03
    RedisAdmin.sync(redisUri(), c -> c.hset(Keys.counter("p3", "1"), "t:a", "360000"));
    JsonObject slower = awaitTicket(third.getString("id"), t -> t.getInteger("estimatedWaitMinutes") == 5);
    assertThat(wait(slower).getInteger("ahead")).isEqualTo(2);
  }

  @Test
  void everyCalledTicketsErrorIsRecordedAndSummarisedForTheDay() {
    app.clock().set(java.time.Instant.parse("2026-11-23T03:00:00Z"));
    JsonObject first = app.issue("p4", "a");
    JsonObject second = app.issue("p4", "a");
    // given: Exp(5 min) median 3.47, p90 11.5; Gamma(2, 5 min) median 8.39, p90 19.45
    assertThat(first.getInteger("estimatedWaitMinutes")).isEqualTo(4);
    assertThat(second.getInteger("estimatedWaitMinutes")).isEqualTo(9);
    Api.Response none = app.api().get("/api/v1/offices/p4/predictions", "token", admin);
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.json().getInteger("count")).isZero();

    app.clock().advance(Duration.ofMinutes(6));
    assertThat(app.counter("p4", "1", "call-next", admin).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(4));
    assertThat(app.counter("p4", "2", "call-next", admin).status()).isEqualTo(200);
    // a recall is no second call, and a ticket's error counts once
    app.counter("p4", "2", "recall", admin);

    String staff = app.tokenFor("p4-staff", "STAFF", "p4");
    JsonObject summary = await().atMost(Duration.ofSeconds(10)).until(
        () -> app.api().get("/api/v1/offices/p4/predictions?date=2026-11-23", "token", staff).json(),
        s -> s.getInteger("count") == 2);
    assertThat(summary.getString("office")).isEqualTo("p4");
    assertThat(summary.getString("date")).isEqualTo("2026-11-23");
    // errors |6 - 3.47| = 2.53 and |10 - 8.39| = 1.61 minutes; relative 0.42 and 0.16
    assertThat(summary.getDouble("medianAbsoluteErrorMinutes")).isCloseTo(2.07, within(0.01));
    assertThat(summary.getDouble("medianRelativeError")).isCloseTo(0.292, within(0.002));
    assertThat(summary.getDouble("withinP90Share")).isEqualTo(1.0);
    JsonArray rows = summary.getJsonArray("byAhead");
    assertThat(rows).hasSize(2);
    assertThat(rows.getJsonObject(0).getInteger("aheadFrom")).isZero();
    assertThat(rows.getJsonObject(0).getDouble("floor")).isEqualTo(1.0);
    assertThat(rows.getJsonObject(1).getInteger("aheadFrom")).isEqualTo(1);
    assertThat(rows.getJsonObject(1).getDouble("floor")).isCloseTo(0.707, within(0.001));
    assertThat(rows.getJsonObject(1).getDouble("medianAbsoluteErrorMinutes")).isCloseTo(1.61, within(0.01));

    // a ticket called again (after a transfer back into a queue) counts at its first call only
    RedisAdmin.sync(redisUri(), c -> c.rpush(Keys.predictionOutcomes("p4", DAY), second.getString("id") + ",999999"));
    assertThat(app.api().get("/api/v1/offices/p4/predictions?date=23/11/2026", "token", staff).json())
        .isEqualTo(summary);
    assertThat(app.api().get("/api/v1/offices/p4/predictions?date=2026-11-22", "token", staff).json()
        .getInteger("count")).isZero();
    // kept as long as the day's history
    long ttl = RedisAdmin.sync(redisUri(), c -> c.ttl(Keys.predictionOutcomes("p4", DAY)));
    assertThat(ttl).isBetween(399L * 86_400, 400L * 86_400);
  }

  @Test
  void theAccuracyIsForStaffOfTheOfficeAndABadDateIsRefused() {
    assertThat(app.api().get("/api/v1/offices/p5/predictions").status()).isEqualTo(401);
    String other = app.tokenFor("p6-staff", "STAFF", "p6");
    assertThat(app.api().get("/api/v1/offices/p5/predictions", "token", other).status()).isEqualTo(403);
    for (String bad : new String[] {"2026-02-30", "yesterday", "23-11-2026", "31/11/2026", "2026-1-1"}) {
      Api.Response r = app.api().get("/api/v1/offices/p5/predictions?date=" + bad, "token", admin);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.code()).isEqualTo("invalid_date");
      assertThat(r.json().getString("message")).contains("date");
    }
    assertThat(app.api().get("/api/v1/offices/nope/predictions", "token", admin).status()).isEqualTo(404);
  }

  @Test
  void aBrokenAccuracyRecordNeverFailsIssuingOrCalling() {
    // the day's given predictions (where a store written before kept them) are not a hash: reading
    // them fails, the answers and the ticket's own record do not
    RedisAdmin.set(redisUri(), Keys.predictionsGiven("p7", DAY), "not a hash");
    JsonObject t = app.issue("p7", "a");
    assertThat(wait(t)).isNotNull();
    Api.Response called = app.counter("p7", "1", "call-next", admin);
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.json().getJsonObject("ticket").getString("number")).isEqualTo(t.getString("number"));
    assertThat(app.api().get("/api/v1/offices/p7/predictions", "token", admin).json().getInteger("count")).isOne();
  }

  /**
   * A store written by dcbe586 kept each prediction given in the day's given hash, not in the ticket's:
   * its outcomes are still joined with them, and a ticket with a record of its own is read from it.
   */
  @Test
  void aPredictionKeptInTheDaysHashByAStoreWrittenBeforeIsStillJoined() {
    JsonObject before = app.issue("p8", "a");
    JsonObject now = app.issue("p8", "a");
    String field = vn.layso.store.redis.TicketFields.GIVEN.field();
    String beforeKey = Keys.ticket("p8", before.getString("id"));
    String own = RedisAdmin.sync(redisUri(), c -> c.hget(beforeKey, field));
    assertThat(own).isNotNull();
    // the first ticket as dcbe586 stored it: its record in the day's hash, none in its own
    RedisAdmin.sync(redisUri(), c -> c.hdel(beforeKey, field));
    RedisAdmin.sync(redisUri(), c -> c.hset(Keys.predictionsGiven("p8", DAY), before.getString("id"),
        "0,60000,120000,60000,120000,a"));
    app.clock().advance(Duration.ofMinutes(3));
    assertThat(app.counter("p8", "1", "call-next", admin).status()).isEqualTo(200);
    assertThat(app.counter("p8", "2", "call-next", admin).status()).isEqualTo(200);
    String staff = app.tokenFor("p8-staff", "STAFF", "p8");
    JsonObject summary = await().atMost(Duration.ofSeconds(10)).until(
        () -> app.api().get("/api/v1/offices/p8/predictions", "token", staff).json(), s -> s.getInteger("count") == 2);
    // the day's record said 1 minute for the first ticket, which waited 3: 2 minutes off, relative 2
    JsonObject first = summary.getJsonArray("byAhead").getJsonObject(0);
    assertThat(first.getInteger("aheadFrom")).isZero();
    assertThat(first.getInteger("count")).isOne();
    assertThat(first.getDouble("medianAbsoluteErrorMinutes")).isCloseTo(2.0, within(0.01));
    assertThat(now.getInteger("position")).isEqualTo(2);
  }
}
