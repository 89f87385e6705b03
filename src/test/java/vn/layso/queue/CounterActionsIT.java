package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/** counter_transition.lua, transfer.lua, counter_pause.lua and call_next.lua on the demo office. */
class CounterActionsIT {

  private static TestApp app;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    token = app.adminToken();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject ticketOf(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonObject("ticket");
  }

  @Test
  void aVisitFromCallToDone() {
    JsonObject issued = app.issue("demo", "ho-tich");
    JsonObject called = ticketOf(app.counter("demo", "3", "call-next", token));
    assertThat(called.getString("id")).isEqualTo(issued.getString("id"));
    assertThat(called.getString("status")).isEqualTo("CALLED");
    assertThat(called.getString("counter")).isEqualTo("3");

    assertThat(ticketOf(app.counter("demo", "3", "recall", token)).getInteger("recalls")).isEqualTo(1);
    assertThat(ticketOf(app.counter("demo", "3", "recall", token)).getInteger("recalls")).isEqualTo(2);
    JsonObject serving = ticketOf(app.counter("demo", "3", "start", token));
    assertThat(serving.getString("status")).isEqualTo("SERVING");
    assertThat(serving.getString("startedAt")).isNotNull();

    Api.Response recallWhileServing = app.counter("demo", "3", "recall", token);
    assertThat(recallWhileServing.status()).isEqualTo(409);
    assertThat(recallWhileServing.code()).isEqualTo("invalid_transition");

    JsonObject done = ticketOf(app.counter("demo", "3", "complete", token));
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(app.api().get("/api/v1/tickets/" + issued.getString("id")).json().getString("status")).isEqualTo("DONE");

    for (String action : new String[] {"recall", "start", "complete", "no-show"}) {
      Api.Response none = app.counter("demo", "3", action, token);
      assertThat(none.status()).as(action).isEqualTo(409);
      assertThat(none.code()).as(action).isEqualTo("no_current_ticket");
    }
  }

  @Test
  void noShowEndsTheCallAndNoShowAfterStartIsRefused() {
    JsonObject issued = app.issue("demo", "dang-ky-kinh-doanh");
    ticketOf(app.counter("demo", "6", "call-next", token));
    assertThat(ticketOf(app.counter("demo", "6", "no-show", token)).getString("status")).isEqualTo("NO_SHOW");
    assertThat(app.api().get("/api/v1/tickets/" + issued.getString("id")).json().getString("status")).isEqualTo("NO_SHOW");

    app.issue("demo", "dang-ky-kinh-doanh");
    ticketOf(app.counter("demo", "6", "call-next", token));
    ticketOf(app.counter("demo", "6", "start", token));
    assertThat(app.counter("demo", "6", "no-show", token).code()).isEqualTo("invalid_transition");
    ticketOf(app.counter("demo", "6", "complete", token));
  }

  @Test
  void callNextEndsTheCountersUnfinishedTicketFirst() {
    JsonObject first = app.issue("demo", "chung-thuc");
    JsonObject second = app.issue("demo", "chung-thuc");
    JsonObject third = app.issue("demo", "chung-thuc");
    ticketOf(app.counter("demo", "5", "call-next", token));
    // called, never started: the citizen did not come, a no-show skipped by the next call
    Api.Response next = app.counter("demo", "5", "call-next", token);
    assertThat(ticketOf(next).getString("id")).isEqualTo(second.getString("id"));
    assertThat(next.json().getJsonObject("skipped").getString("id")).isEqualTo(first.getString("id"));
    JsonObject skipped = app.api().get("/api/v1/tickets/" + first.getString("id")).json();
    assertThat(skipped.getString("status")).isEqualTo("NO_SHOW");
    assertThat(skipped.getString("endReason")).isEqualTo("skipped");
    // being served: completed
    ticketOf(app.counter("demo", "5", "start", token));
    next = app.counter("demo", "5", "call-next", token);
    assertThat(ticketOf(next).getString("id")).isEqualTo(third.getString("id"));
    assertThat(next.json().getJsonObject("completed").getString("id")).isEqualTo(second.getString("id"));
    assertThat(app.api().get("/api/v1/tickets/" + second.getString("id")).json().getString("status")).isEqualTo("DONE");
    ticketOf(app.counter("demo", "5", "complete", token));
  }

  @Test
  void aTransferKeepsTheOriginalArrivalSoTheCitizenDoesNotQueueAgain() {
    JsonObject transferred = app.issue("demo", "xay-dung");
    app.clock().advance(Duration.ofMinutes(5));
    JsonObject laterLand = app.issue("demo", "dat-dai");
    ticketOf(app.counter("demo", "7", "call-next", token));
    ticketOf(app.counter("demo", "7", "start", token));

    Api.Response moved = app.counter("demo", "7", "transfer", token);
    assertThat(moved.status()).as("transfer needs a body").isEqualTo(400);
    moved = app.api().post("/api/v1/offices/demo/counters/7/transfer", "{\"service\":\"dat-dai\"}", "token", token);
    JsonObject t = ticketOf(moved);
    assertThat(t.getString("status")).isEqualTo("WAITING");
    assertThat(t.getString("service")).isEqualTo("dat-dai");
    assertThat(t.getString("number")).as("the printed number stays").isEqualTo(transferred.getString("number"));
    assertThat(t.getString("issuedAt")).isEqualTo(transferred.getString("issuedAt"));
    assertThat(t.getInteger("position")).isEqualTo(1);
    assertThat(app.counter("demo", "7", "complete", token).code()).isEqualTo("no_current_ticket");

    // counter 1 serves only land: it gets the transferred citizen before the later land ticket
    assertThat(ticketOf(app.counter("demo", "1", "call-next", token)).getString("id")).isEqualTo(transferred.getString("id"));
    assertThat(ticketOf(app.counter("demo", "1", "call-next", token)).getString("id")).isEqualTo(laterLand.getString("id"));
    ticketOf(app.counter("demo", "1", "complete", token));
  }

  @Test
  void transferRefusesTheSameOrAnUnknownService() {
    app.issue("demo", "ho-tich");
    ticketOf(app.counter("demo", "4", "call-next", token));
    Api.Response same = app.api().post("/api/v1/offices/demo/counters/4/transfer", "{\"service\":\"ho-tich\"}", "token", token);
    assertThat(same.status()).isEqualTo(409);
    assertThat(same.code()).isEqualTo("same_service");
    Api.Response unknown = app.api().post("/api/v1/offices/demo/counters/4/transfer", "{\"service\":\"nope\"}", "token", token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo("unknown_service");
    ticketOf(app.counter("demo", "4", "complete", token));
  }

  @Test
  void aPausedCounterIsGivenNoTicketUntilResumed() {
    JsonObject waiting = app.issue("demo", "dat-dai");
    Api.Response paused = app.counter("demo", "2", "pause", token);
    assertThat(paused.status()).isEqualTo(200);
    assertThat(paused.json().getBoolean("paused")).isTrue();
    Api.Response refused = app.counter("demo", "2", "call-next", token);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("counter_paused");
    assertThat(app.api().get("/api/v1/tickets/" + waiting.getString("id")).json().getString("status")).isEqualTo("WAITING");
    assertThat(app.counter("demo", "2", "resume", token).json().getBoolean("paused")).isFalse();
    assertThat(ticketOf(app.counter("demo", "2", "call-next", token)).getString("id")).isEqualTo(waiting.getString("id"));
    ticketOf(app.counter("demo", "2", "complete", token));
  }

  @Test
  void aCounterOnlyGetsFieldsItServes() {
    app.issue("demo", "lao-dong");
    assertThat(app.counter("demo", "3", "call-next", token).status()).as("counter 3 serves only ho-tich").isEqualTo(204);
    JsonObject t = ticketOf(app.counter("demo", "6", "call-next", token));
    assertThat(t.getString("service")).isEqualTo("lao-dong");
    ticketOf(app.counter("demo", "6", "complete", token));
  }

  @Test
  void unknownCountersAreNotFound() {
    Api.Response r = app.counter("demo", "99", "call-next", token);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo("counter_not_found");
  }
}
