package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * A call-next is one event, one version: the ticket it ended rides inside its ticket.called. The
 * recent calls a snapshot shows are read from the office's event log, so they survive a restart
 * and no list of them is kept beside it.
 */
class LiveCallsIT {

  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("calls0", 2, List.of("a"), 3),
        TestOffices.uniform("calls1", 2, List.of("a", "b"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<JsonObject> drain(LiveClient screen) throws InterruptedException {
    List<JsonObject> out = new ArrayList<>();
    JsonObject m;
    while ((m = screen.poll(Duration.ofMillis(700))) != null) {
      out.add(m);
    }
    return out;
  }

  @Test
  void aCallNextThatEndsATicketAndCallsAnotherIsOneEventOfOneVersion() throws Exception {
    String office = "calls0";
    String token = app.adminToken();
    String first = app.issue(office, "a").getString("number");
    String second = app.issue(office, "a").getString("number");
    String third = app.issue(office, "a").getString("number");
    assertThat(app.counter(office, "1", "call-next", token).status()).isEqualTo(200);
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      long v = screen.next().getLong("version");

      // the first one was served: the press completes it and calls the second
      assertThat(app.counter(office, "1", "start", token).status()).isEqualTo(200);
      assertThat(app.counter(office, "1", "call-next", token).status()).isEqualTo(200);
      List<JsonObject> events = drain(screen);
      assertThat(events).extracting(e -> e.getString("type")).containsExactly("ticket.serving", "ticket.called");
      JsonObject called = events.get(1);
      assertThat(called.getLong("version")).isEqualTo(v + 2);
      assertThat(called.getJsonObject("ticket").getString("number")).isEqualTo(second);
      assertThat(called.getString("closedAs")).isEqualTo("ticket.done");
      assertThat(called.getJsonObject("closed").getString("number")).isEqualTo(first);
      assertThat(called.getJsonObject("closed").getString("status")).isEqualTo("DONE");
      assertThat(called.containsKey("endReason")).isFalse();
      assertThat(called.getJsonObject("closed").containsKey("id")).as("public ticket only").isFalse();
      assertThat(called.getJsonObject("announcement")).as("still announced").isNotNull();

      // the second never started: the press skips it as a no-show and calls the third
      assertThat(app.counter(office, "1", "call-next", token).status()).isEqualTo(200);
      List<JsonObject> skip = drain(screen);
      assertThat(skip).hasSize(1);
      JsonObject next = skip.get(0);
      assertThat(next.getString("type")).isEqualTo("ticket.called");
      assertThat(next.getLong("version")).isEqualTo(v + 3);
      assertThat(next.getJsonObject("ticket").getString("number")).isEqualTo(third);
      assertThat(next.getString("closedAs")).isEqualTo("ticket.no_show");
      assertThat(next.getString("endReason")).isEqualTo("skipped");
      assertThat(next.getJsonObject("closed").getString("number")).isEqualTo(second);
      assertThat(next.getJsonObject("closed").getString("status")).isEqualTo("NO_SHOW");

      // nobody left: the ended ticket's own event, alone
      assertThat(app.counter(office, "1", "start", token).status()).isEqualTo(200);
      assertThat(app.counter(office, "1", "call-next", token).status()).as("none called").isEqualTo(204);
      List<JsonObject> last = drain(screen);
      assertThat(last).extracting(e -> e.getString("type")).containsExactly("ticket.serving", "ticket.done");
      assertThat(last.get(1).getString("counter")).isEqualTo("1");
      assertThat(last.get(1).getJsonObject("ticket").getString("number")).isEqualTo(third);
      assertThat(last.get(1).getLong("version")).isEqualTo(v + 5);
    }
  }

  @Test
  void theRecentCallsComeFromTheLogAndSurviveARestart() throws Exception {
    String office = "calls1";
    String token = app.adminToken();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(app.issue(office, i == 1 ? "b" : "a").getString("number"));
    }
    app.counter(office, "1", "call-next", token);
    app.counter(office, "2", "call-next", token);
    app.counter(office, "1", "call-next", token);
    app.counter(office, "1", "recall", token);
    // many events that are no calls between them and the snapshot
    for (int i = 0; i < 150; i++) {
      app.issue(office, "b");
    }
    app.restart();
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      JsonArray calls = screen.next().getJsonArray("recentCalls");
      assertThat(calls).hasSize(4);
      JsonObject recall = calls.getJsonObject(0);
      assertThat(recall.getInteger("recalls")).isEqualTo(1);
      // newest first: the recall, its call, then the two before it
      assertThat(calls.stream().map(JsonObject.class::cast).map(c -> c.getString("number")).toList())
          .containsExactly(numbers.get(2), numbers.get(2), numbers.get(1), numbers.get(0));
      assertThat(calls.getJsonObject(1).getInteger("recalls")).isZero();
      assertThat(calls.getJsonObject(2).getString("counter")).isEqualTo("2");
    }
    String redis = app.server().embeddedRedis().uri();
    List<String> lists = RedisAdmin.sync(redis, c -> c.keys("layso:{" + office + "}:calls:*"));
    assertThat(lists).as("no recent-calls list is kept").isEmpty();
  }
}
