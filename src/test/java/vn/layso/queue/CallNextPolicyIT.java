package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.office.OfficeJson;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.CallNextPolicy;
import vn.layso.queue.domain.CallNextPolicy.Decision;
import vn.layso.queue.domain.CallNextPolicy.Head;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.TicketStep;
import vn.layso.store.redis.Keys;
import vn.layso.store.redis.TicketCodec;
import vn.layso.store.redis.TicketFields;
import vn.layso.queue.domain.Ticket;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * call_next.lua must pick exactly what CallNextPolicy decides, for the same reason. Each round is an
 * office with its own rules (strict or ratio priority, aging, escalation on or off, tight or loose
 * targets, a backup field, the appointment rule on or off); random issues (walk-ins, priority
 * tickets, appointment tickets placed as check_in.lua places them) and calls interleave on one
 * counter while the clock runs; after each call the model and the server must agree on the ticket
 * and on the reason kept in its history (rule, row, candidates, wait, weight, target).
 */
class CallNextPolicyIT {

  private static final int ROUNDS = 12;
  private static final List<String> FIELDS = List.of("a", "b", "c", "d");
  private static final Map<String, Office> OFFICES = new java.util.LinkedHashMap<>();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    List<JsonObject> offices = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Random random = new Random(round * 31L + 7);
      JsonObject office = TestOffices.uniform("policy" + round, 1, FIELDS, round % 4 == 0 ? 0 : 2);
      JsonArray services = office.getJsonArray("services");
      for (int i = 0; i < services.size(); i++) {
        services.getJsonObject(i).put("targetWaitMinutes", 3 + random.nextInt(13));
      }
      JsonArray served = new JsonArray().add(new JsonObject().put("code", "a").put("weight", 3))
          .add(new JsonObject().put("code", "b").put("weight", 1))
          .add(new JsonObject().put("code", "c").put("weight", 2));
      // a backup field in most rounds; in the others d is not served by this counter at all
      if (round % 3 != 2) {
        served.add(new JsonObject().put("code", "d").put("backup", true));
      }
      office.getJsonArray("counters").getJsonObject(0).put("services", served);
      office.put("callPolicy", new JsonObject()
          .put("priority", round % 2 == 0 ? "strict" : "ratio")
          .put("normalsPerPriority", 1 + random.nextInt(3))
          .put("maxAppointmentsInRow", round % 5 == 4 ? 0 : 2)
          .put("walkInMaxWaitMinutes", 5 + random.nextInt(16))
          .put("agingPerHour", List.of(0, 6, 60).get(round % 3))
          .put("escalation", round % 6 != 5));
      offices.add(office);
      OFFICES.put("policy" + round, OfficeJson.read(office));
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
  void theScriptDecidesAsThePolicyForTheSameReasons() {
    String token = app.adminToken();
    String redis = app.server().embeddedRedis().uri();
    Map<CallReason.Rule, Integer> rules = new EnumMap<>(CallReason.Rule.class);
    int empty = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String officeId = "policy" + round;
      Office office = OFFICES.get(officeId);
      var desk = QueueLimits.desk(office.counter("1").orElseThrow());
      var targets = QueueLimits.targets(office);
      var policy = QueueLimits.rules(office);
      startOfNextDay();
      Random random = new Random(round * 104_729L + 1);
      List<Head> waiting = new ArrayList<>();
      var streaks = CallNextPolicy.Streaks.NONE;
      int issued = 0;
      while (issued < 45 || !waiting.isEmpty()) {
        app.clock().advance(Duration.ofSeconds(random.nextInt(150)));
        if (issued < 45 && random.nextInt(5) < 3) {
          waiting.add(issue(officeId, FIELDS.stream().filter(desk::mayServe).toList(), random, token, redis));
          issued++;
          continue;
        }
        long now = app.clock().millis();
        Optional<Decision> expected = CallNextPolicy.decide(waiting, desk, targets, now, streaks, policy);
        Api.Response called = app.counter(officeId, "1", "call-next", token);
        if (expected.isEmpty()) {
          // only backup-field tickets within their target wait (or nothing at all)
          assertThat(called.status()).as("round %d: nothing this counter may take", round).isEqualTo(204);
          empty++;
          continue;
        }
        Head head = expected.get().head();
        assertThat(called.status()).isEqualTo(200);
        String id = called.json().getJsonObject("ticket").getString("id");
        assertThat(id).as("round %d, %d waiting, %s, expected %s", round, waiting.size(), streaks, expected.get())
            .isEqualTo(head.ticketId());
        CallReason why = expected.get().why();
        List<String> steps = RedisAdmin.sync(redis, c -> c.lrange(Keys.ticketSteps(officeId, id), 0, -1));
        String call = steps.get(steps.size() - 1);
        assertThat(call).startsWith("CALL|");
        // stored as "RULE waited weight target row n" in the step and the hash (TicketCodec reads it back)
        String text = String.format("%s %d %d %d %d %d",
            why.code(), why.waitedSeconds(), why.weight(), why.targetSeconds(), why.row(), why.candidates());
        assertThat(call.split("\\|")[5]).as("round %d, ticket %s", round, head).isEqualTo(text);
        String stored = RedisAdmin.sync(redis, c -> c.hget(Keys.ticket(officeId, id), TicketFields.WHY.field()));
        assertThat(stored).isEqualTo(text);
        Ticket read = TicketCodec.fromHash(officeId, id,
            RedisAdmin.sync(redis, c -> c.hgetall(Keys.ticket(officeId, id))), steps);
        assertThat(read.steps().get(read.steps().size() - 1).why()).isEqualTo(why);
        assertThat(read.lastCall()).isEqualTo(why);
        rules.merge(why.rule(), 1, Integer::sum);
        waiting.remove(head);
        streaks = streaks.after(head);
      }
      assertThat(app.counter(officeId, "1", "call-next", token).status()).isEqualTo(204);
    }
    // the random queues did reach every rule, and the backup field's "not yet"
    assertThat(rules.keySet()).containsExactlyInAnyOrder(CallReason.Rule.values());
    assertThat(empty).isPositive();
  }

  /**
   * A random ticket: a walk-in, a priority walk-in, or an appointment ticket made as check_in.lua
   * makes it (a ticket of the field's sequence whose queue place is its slot start, the score ending
   * in .5), with its slot start on the quarter hour from 45 minutes before to 30 after now.
   */
  private static Head issue(String office, List<String> fields, Random random, String token, String redis) {
    String service = fields.get(random.nextInt(fields.size()));
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
    Map<String, String> stored = RedisAdmin.<Map<String, String>>sync(redis, c -> c.hgetall(ticketKey));
    int seq = Integer.parseInt(stored.get(TicketFields.SEQ.field()));
    long now = app.clock().millis();
    if (kind >= 4) {
      long quarter = 15 * 60_000L;
      long slotStart = (now / quarter + random.nextInt(6) - 3) * quarter;
      String queue = Keys.queue(office, stored.get(TicketFields.SERVICE_DATE.field()), service);
      RedisAdmin.sync(redis, c -> {
        c.hset(ticketKey, Map.of(TicketFields.SLOT_START.field(), Long.toString(slotStart),
            TicketFields.SLOT.field(), "09:00"));
        c.zrem(queue + Keys.QUEUE_WALK_INS, id);
        return c.zadd(queue, slotStart * 1000.0 + seq % 1000 + 0.5, id);
      });
      return new Head(id, service, false, slotStart, true, seq);
    }
    return new Head(id, service, priority, now, false, seq);
  }

  /** To 09:00 (office time) of the next day: a round never crosses midnight. */
  private static void startOfNextDay() {
    long day = Duration.ofDays(1).toMillis();
    long nineLocal = Duration.ofHours(2).toMillis();
    long now = app.clock().millis();
    app.clock().advance(Duration.ofMillis(((now - nineLocal) / day + 1) * day + nineLocal - now));
  }
}
