package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * The rating tablet's prompt is the ticket its counter completed last (kept in the counter's hash
 * by the step that completes it: complete, or call-next ending a SERVING ticket): each counter its
 * own, never another counter's, not once rated, not after 5 minutes or on another day; and on a
 * busy day of many tickets it still answers that one ticket. The second test moves the clock to
 * the next day, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RatingPromptIT {

  private static final int BUSY_COUNTERS = 6;
  private static final int BUSY_TICKETS = 1_500;
  private static final int BUSY_ROUNDS = 40;
  private static TestApp app;
  private static RatingFixture fx;
  private static final Map<String, String> TABLETS = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    var small = TestOffices.uniform("ba", 3, List.of("ho-tich"), 3);
    var busy = TestOffices.uniform("dong", BUSY_COUNTERS, List.of("dat-dai", "ho-tich"), 3);
    var file = TestOffices.write(small, busy);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    fx = new RatingFixture(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @Order(1)
  void aBusyDayStillAnswersTheTicketEachCounterCompletedLast() throws Exception {
    String clerk = app.tokenFor("dung", "STAFF", "dong");
    List<CompletableFuture<Api.Response>> issued = new ArrayList<>();
    for (int i = 0; i < BUSY_TICKETS; i++) {
      String field = i % 2 == 0 ? "dat-dai" : "ho-tich";
      issued.add(app.api().postAsync("/api/v1/offices/dong/tickets", new JsonObject().put("service", field).encode()));
      if (issued.size() == 100) {
        join(issued).forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        issued.clear();
      }
    }
    // every counter at once: call-next (completing the ticket it started), then start the one called
    Map<String, JsonObject> last = new HashMap<>();
    for (int round = 0; round < BUSY_ROUNDS; round++) {
      app.clock().advance(Duration.ofSeconds(1));
      List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
      for (int c = 1; c <= BUSY_COUNTERS; c++) {
        calls.add(press("dong", Integer.toString(c), "call-next", clerk));
      }
      List<Api.Response> answers = join(calls);
      for (int c = 1; c <= BUSY_COUNTERS; c++) {
        Api.Response r = answers.get(c - 1);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().containsKey("skipped")).isFalse();
        if (round > 0) {
          last.put(Integer.toString(c), r.json().getJsonObject("completed"));
        }
      }
      List<CompletableFuture<Api.Response>> starts = new ArrayList<>();
      for (int c = 1; c <= BUSY_COUNTERS; c++) {
        starts.add(press("dong", Integer.toString(c), "start", clerk));
      }
      join(starts).forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
    }
    // counter 1 completes its ticket with "complete"; counter 2 calls one more and skips it
    JsonObject completed = app.counter("dong", "1", "complete", clerk).json().getJsonObject("ticket");
    assertThat(completed.getString("status")).isEqualTo("DONE");
    last.put("1", completed);
    JsonObject called = app.counter("dong", "2", "call-next", clerk).json();
    last.put("2", called.getJsonObject("completed"));
    assertThat(app.counter("dong", "2", "call-next", clerk).json().getJsonObject("skipped").getString("number"))
        .isEqualTo(called.getJsonObject("ticket").getString("number"));

    String day = "20261123";
    long tickets = RedisAdmin.sync(fx.redisUri(), c -> c.zcard(Keys.dayTickets("dong", day)));
    assertThat(tickets).isGreaterThanOrEqualTo(BUSY_TICKETS);
    for (int c = 1; c <= BUSY_COUNTERS; c++) {
      String counter = Integer.toString(c);
      assertThat(shown("dong", counter)).as("counter " + counter).isEqualTo(last.get(counter).getString("number"));
    }
    // the tablet rates exactly that ticket
    Api.Response rated = app.api().post("/api/v1/offices/dong/counters/3/rating",
        new JsonObject().put("level", 2).encode(), "token", tablet("dong", "3"));
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    assertThat(fx.ratings("dong", day)).containsOnlyKeys(last.get("3").getString("id"));
    assertThat(shown("dong", "3")).isNull();
  }

  @Test
  @Order(2)
  void thePromptFollowsEachCountersLastCompletionAndNoOtherCounters() {
    String clerk = app.tokenFor("ba-lan", "STAFF", "ba");
    for (String c : List.of("1", "2", "3")) {
      assertThat(shown("ba", c)).as("counter " + c).isNull();
    }

    String a = number(fx.served("ba", "ho-tich", "1", clerk));
    assertThat(shown("ba", "1")).isEqualTo(a);
    assertThat(shown("ba", "2")).isNull();
    assertThat(shown("ba", "3")).isNull();

    String b = number(fx.served("ba", "ho-tich", "2", clerk));
    assertThat(shown("ba", "2")).isEqualTo(b);
    assertThat(shown("ba", "1")).isEqualTo(a);
    assertThat(shown("ba", "3")).isNull();

    // call-next completes the ticket counter 1 started; a skip and a no-show complete nothing
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(app.issue("ba", "ho-tich").getString("number"));
    }
    app.clock().advance(Duration.ofSeconds(1));
    ok(app.counter("ba", "1", "call-next", clerk));
    ok(app.counter("ba", "1", "start", clerk));
    app.clock().advance(Duration.ofSeconds(1));
    assertThat(app.counter("ba", "1", "call-next", clerk).json().getJsonObject("completed").getString("number"))
        .isEqualTo(waiting.get(0));
    assertThat(shown("ba", "1")).isEqualTo(waiting.get(0));
    assertThat(app.counter("ba", "1", "call-next", clerk).json().getJsonObject("skipped").getString("number"))
        .isEqualTo(waiting.get(1));
    assertThat(shown("ba", "1")).isEqualTo(waiting.get(0));
    ok(app.counter("ba", "1", "no-show", clerk));
    assertThat(shown("ba", "1")).isEqualTo(waiting.get(0));

    // rated on the tablet: the prompt is empty, and another counter's completion does not fill it
    Api.Response rated = app.api().post("/api/v1/offices/ba/counters/1/rating",
        new JsonObject().put("level", 3).encode(), "token", tablet("ba", "1"));
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    assertThat(shown("ba", "1")).isNull();
    assertThat(prompt("ba", "1").getString("officer")).isEqualTo("ba-lan");
    String f = number(fx.served("ba", "ho-tich", "3", clerk));
    assertThat(shown("ba", "3")).isEqualTo(f);
    assertThat(shown("ba", "1")).isNull();
    assertThat(shown("ba", "2")).isEqualTo(b);

    // at most 5 minutes after DONE
    app.clock().advance(Duration.ofMinutes(5));
    assertThat(shown("ba", "3")).isEqualTo(f);
    app.clock().advance(Duration.ofSeconds(3));
    assertThat(shown("ba", "3")).isNull();
    assertThat(shown("ba", "2")).isNull();

    // a ticket of today only: completed two minutes before midnight, gone at midnight
    String g = app.issue("ba", "ho-tich").getString("number");
    app.clock().set(Instant.parse("2026-11-23T16:58:00Z"));
    String evening = app.login("ba-lan", "password-of-ba-lan");
    ok(app.counter("ba", "2", "call-next", evening));
    ok(app.counter("ba", "2", "start", evening));
    ok(app.counter("ba", "2", "complete", evening));
    assertThat(shown("ba", "2")).isEqualTo(g);
    app.clock().set(Instant.parse("2026-11-23T17:00:01Z"));
    assertThat(shown("ba", "2")).isNull();
  }

  private static String number(String ticketId) {
    return app.api().get("/api/v1/tickets/" + ticketId).json().getString("number");
  }

  /** The number the counter's tablet offers, or null. */
  private static String shown(String office, String counter) {
    JsonObject ticket = prompt(office, counter).getJsonObject("ticket");
    return ticket == null ? null : ticket.getString("number");
  }

  private static JsonObject prompt(String office, String counter) {
    Api.Response r = app.api().get("/api/v1/offices/" + office + "/counters/" + counter + "/rating-prompt",
        "token", tablet(office, counter));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static String tablet(String office, String counter) {
    return TABLETS.computeIfAbsent(office + "/" + counter,
        k -> fx.tablet(office, "danh-gia-" + office + "-" + counter, counter));
  }

  private static CompletableFuture<Api.Response> press(String office, String counter, String action, String token) {
    return app.api().postAsync("/api/v1/offices/" + office + "/counters/" + counter + "/" + action, "",
        "token", token);
  }

  private static void ok(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static List<Api.Response> join(List<CompletableFuture<Api.Response>> all) throws Exception {
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    return all.stream().map(CompletableFuture::join).toList();
  }
}
