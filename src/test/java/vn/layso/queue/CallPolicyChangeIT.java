package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * call_next.lua carries the office's call policy in its text (constants written by LuaSource, one
 * script per office): a saved change of the policy takes effect at the next press. Quầy 4 of the
 * demo office serves Hộ tịch (weight 1, target 30 min) and Chứng thực (weight 2, target 15 min).
 */
class CallPolicyChangeIT {

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

  /** Hộ tịch waits 29 min, Chứng thực 15 (its target): counter 4 presses next; the rule it called by. */
  private static JsonObject pair() {
    JsonObject civil = app.issue("demo", "ho-tich");
    app.clock().advance(Duration.ofMinutes(14));
    app.issue("demo", "chung-thuc");
    app.clock().advance(Duration.ofMinutes(15));
    Api.Response called = app.counter("demo", "4", "call-next", token);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    // the other one is called too, so the next pair starts from empty queues
    assertThat(app.counter("demo", "4", "call-next", token).status()).isEqualTo(200);
    return called.json().put("civil", civil.getString("id"));
  }

  @Test
  void escalationTurnedOffTakesEffectAtTheNextPress() {
    JsonObject on = pair();
    assertThat(on.getJsonObject("why").getString("rule")).isEqualTo("OVER_TARGET");

    String manager = app.tokenFor("lan", "manager", "demo");
    Api.Response read = app.api().get("/api/v1/offices/demo/settings", "token", manager);
    JsonObject doc = read.json();
    String revision = read.headers().firstValue("ETag").orElseThrow();
    doc.getJsonObject("callPolicy").put("escalation", false);
    Api.Response saved = app.api().method("PUT", "/api/v1/offices/demo/settings", doc.encode(), "token", manager,
        "Content-Type", "application/json", "If-Match", revision);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);

    JsonObject off = pair();
    assertThat(off.getJsonObject("why").getString("rule")).isEqualTo("WEIGHTED_WAIT");
    assertThat(off.getJsonObject("ticket").getString("id")).isEqualTo(off.getString("civil"));
  }
}
