package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * call_next.lua must pick exactly what CallNextPolicy says. Random arrivals, priorities and
 * waits on a counter with uneven weights; after each call the model and the server must agree.
 */
class CallNextPolicyIT {

  private static final Map<String, Integer> WEIGHTS = new LinkedHashMap<>(Map.of("a", 3, "b", 1, "c", 2));
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    List<JsonObject> offices = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      JsonObject office = TestOffices.uniform("policy" + round, 1, List.of("a", "b", "c"), round % 3 == 0 ? 0 : 2);
      JsonArray served = new JsonArray();
      WEIGHTS.forEach((code, weight) -> served.add(new JsonObject().put("code", code).put("weight", weight)));
      office.getJsonArray("counters").getJsonObject(0).put("services", served);
      offices.add(office);
    }
    var file = TestOffices.write(offices.toArray(JsonObject[]::new));
    // the clock runs days on in this class: tokens must outlive it
    app = TestApp.start(env -> {
      env.put("OFFICES_FILE", file.toString());
      env.put("TOKEN_TTL_HOURS", "2000");
    });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theScriptFollowsThePolicyStepByStep() {
    String token = app.adminToken();
    for (int round = 0; round < 6; round++) {
      String office = "policy" + round;
      int maxInRow = round % 3 == 0 ? 0 : 2;
      Random random = new Random(round * 7919L);
      List<Head> waiting = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        app.clock().advance(Duration.ofSeconds(1 + random.nextInt(90)));
        String service = List.of("a", "b", "c").get(random.nextInt(3));
        boolean priority = random.nextInt(4) == 0;
        JsonObject body = new JsonObject().put("service", service);
        if (priority) {
          body.put("priority", "nguoi-cao-tuoi");
        }
        Api.Response r = app.api().post("/api/v1/offices/" + office + "/tickets", body.encode(), "token", token);
        assertThat(r.status()).isEqualTo(201);
        waiting.add(new Head(r.json().getString("id"), service, priority, app.clock().millis()));
      }
      int streak = 0;
      while (!waiting.isEmpty()) {
        app.clock().advance(Duration.ofSeconds(random.nextInt(200)));
        List<Head> heads = heads(waiting);
        Head expected = CallNextPolicy.choose(heads, WEIGHTS, app.clock().millis(), streak, maxInRow).orElseThrow();
        Api.Response called = app.counter(office, "1", "call-next", token);
        assertThat(called.status()).isEqualTo(200);
        assertThat(called.json().getJsonObject("ticket").getString("id"))
            .as("round %d, %d left, streak %d", round, waiting.size(), streak).isEqualTo(expected.ticketId());
        waiting.remove(expected);
        streak = CallNextPolicy.nextStreak(streak, expected.priority());
      }
      assertThat(app.counter(office, "1", "call-next", token).status()).isEqualTo(204);
    }
  }

  /**
   * With appointment tickets among the walk-ins: each is made as check_in.lua makes it (a ticket of
   * the field's sequence whose queue place is its slot start; the score ends in .5), with slot
   * starts on the quarter hour from 40 minutes before to 30 after its check-in. The script must
   * follow the policy's appointment rules (effective arrival, at most 2 in a row when a walk-in
   * waited 20 minutes) step by step, with the priority rule as well.
   */
  @Test
  void theScriptFollowsThePolicyWithAppointments() {
    String token = app.adminToken();
    int byWalkInRule = 0;
    int appointmentCalls = 0;
    String redis = app.server().embeddedRedis().uri();
    for (int round = 0; round < 6; round++) {
      String office = "policy" + round;
      startOfNextDay();
      var limits = new CallNextPolicy.Limits(round % 3 == 0 ? 0 : 2, QueueLimits.MAX_APPOINTMENTS_IN_ROW,
          QueueLimits.WALK_IN_MAX_WAIT_MINUTES * 60_000L);
      Random random = new Random(round * 104_729L + 1);
      List<Head> waiting = new ArrayList<>();
      for (int i = 0; i < 36; i++) {
        app.clock().advance(Duration.ofSeconds(1 + random.nextInt(90)));
        String service = List.of("a", "b", "c").get(random.nextInt(3));
        int kind = random.nextInt(6);
        boolean priority = kind == 0;
        JsonObject body = new JsonObject().put("service", service);
        if (priority) {
          body.put("priority", "nguoi-cao-tuoi");
        }
        Api.Response r = app.api().post("/api/v1/offices/" + office + "/tickets", body.encode(), "token", token);
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().getString("id");
        String ticketKey = Keys.ticket(office, id);
        JsonObject stored = new JsonObject(RedisAdmin.get(redis, ticketKey));
        int seq = stored.getInteger("seq");
        long now = app.clock().millis();
        if (kind >= 4) {
          long quarter = 15 * 60_000L;
          long slotStart = (now / quarter + random.nextInt(6) - 3) * quarter;
          stored.put("appointment", true).put("slotStart", slotStart).put("slot", "09:00");
          String queue = Keys.queue(office, stored.getString("serviceDate"), service);
          RedisAdmin.sync(redis, c -> {
            c.set(ticketKey, stored.encode());
            return c.zadd(queue, slotStart * 1000.0 + seq % 1000 + 0.5, id);
          });
          waiting.add(new Head(id, service, false, slotStart, true, seq));
        } else {
          waiting.add(new Head(id, service, priority, now, false, seq));
        }
      }
      var streaks = CallNextPolicy.Streaks.NONE;
      while (!waiting.isEmpty()) {
        app.clock().advance(Duration.ofSeconds(random.nextInt(200)));
        Head expected = CallNextPolicy.choose(waiting, WEIGHTS, app.clock().millis(), streaks, limits).orElseThrow();
        var withoutRule = new CallNextPolicy.Limits(limits.maxPriorityInRow(), 0, 0);
        if (!CallNextPolicy.choose(waiting, WEIGHTS, app.clock().millis(), streaks, withoutRule).orElseThrow()
            .equals(expected)) {
          byWalkInRule++;
        }
        appointmentCalls += expected.appointment() ? 1 : 0;
        Api.Response called = app.counter(office, "1", "call-next", token);
        assertThat(called.status()).isEqualTo(200);
        assertThat(called.json().getJsonObject("ticket").getString("id"))
            .as("round %d, %d left, %s", round, waiting.size(), streaks).isEqualTo(expected.ticketId());
        assertThat(called.json().getJsonObject("ticket").getBoolean("appointment", false))
            .isEqualTo(expected.appointment());
        waiting.remove(expected);
        streaks = streaks.after(expected);
      }
      assertThat(app.counter(office, "1", "call-next", token).status()).isEqualTo(204);
    }
    // the random queues did test both rules
    assertThat(appointmentCalls).isGreaterThan(20);
    assertThat(byWalkInRule).isPositive();
  }

  /** To 09:00 (office time) of the next day: a round never crosses midnight. */
  private static void startOfNextDay() {
    long day = Duration.ofDays(1).toMillis();
    long nineLocal = Duration.ofHours(2).toMillis();
    long now = app.clock().millis();
    app.clock().advance(Duration.ofMillis(((now - nineLocal) / day + 1) * day + nineLocal - now));
  }

  /** The first ticket of each (service, priority) queue, as the script sees them. */
  private static List<Head> heads(List<Head> waiting) {
    Map<String, Head> first = new LinkedHashMap<>();
    for (Head h : waiting) {
      first.merge(h.service() + h.priority(), h, (x, y) -> x.arrivalMillis() <= y.arrivalMillis() ? x : y);
    }
    return new ArrayList<>(first.values());
  }
}
