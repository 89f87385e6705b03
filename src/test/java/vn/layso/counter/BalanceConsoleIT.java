package vn.layso.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Browser;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/**
 * The counter console's "Gợi ý điều phối" panel follows the office's balancing advice live, and
 * the lobby display carries on through a balance.advice event as if it had not come.
 */
class BalanceConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theConsoleShowsTheAdviceLiveAndItsCounterIsMarked() throws Exception {
    String token = app.tokenFor("canbo-chungthuc", "STAFF", "demo");
    try (Browser browser = Browser.open(1366, 768)) {
      CounterConsoleIT.logIn(browser, app.api().base(), "canbo-chungthuc", "Quầy 5");
      browser.awaitText("#balance-none", "Không có gợi ý", WAIT);
      assertThat(browser.text("#balance h2")).as("card titles are set in capitals").isEqualTo("GỢI Ý ĐIỀU PHỐI");
      assertThat(browser.find("#balance").getAttribute("class")).doesNotContain("active");

      // Hộ tịch: nine citizens, counters 3 and 4 each call one: seven wait, 39 minutes predicted against 30
      for (int i = 0; i < 9; i++) {
        app.issue("demo", "ho-tich");
      }
      app.counter("demo", "3", "call-next", token);
      app.counter("demo", "4", "call-next", token);
      browser.awaitText("#balance-list", "Chuyển Quầy 5 sang Hộ tịch", WAIT);
      assertThat(browser.find("#balance-none").isDisplayed()).isFalse();
      assertThat(browser.find("#balance").getAttribute("class")).contains("active");
      assertThat(browser.text("#balance-list .advice.mine .advice-mine")).isEqualTo("Quầy này");
      assertThat(browser.text("#balance-list .advice-detail"))
          .isEqualTo("7 người chờ · dự kiến 39 phút (mục tiêu 30 phút)");
      browser.screenshot("counter-balance-1366x768");

      // the queue drains: the advice goes, live
      while (app.counter("demo", "3", "call-next", token).status() == 200) {
        assertThat(browser.find("#console").isDisplayed()).isTrue();
      }
      browser.await(WAIT, d -> browser.find("#balance-none").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.findAll("#balance-list li")).isEmpty();

      // in English, the advice's own English text
      for (int i = 0; i < 9; i++) {
        app.issue("demo", "ho-tich");
      }
      app.counter("demo", "3", "call-next", token);
      app.counter("demo", "4", "call-next", token);
      browser.go(app.api().base() + "/counter?office=demo&lang=en");
      browser.awaitText("#balance-list", "Move Quầy 5 to Hộ tịch", WAIT);
      assertThat(browser.text("#balance h2")).isEqualTo("BALANCING ADVICE");
      assertThat(browser.text("#balance-list .advice-mine")).isEqualTo("This counter");
    }
  }

  @Test
  void theLobbyDisplayIgnoresTheAdviceEvent() throws Exception {
    String token = app.tokenFor("canbo-ho-tich-2", "STAFF", "demo");
    drain(token);
    try (Browser display = Browser.open(1366, 768); LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      screen.send(new JsonObject().put("type", "auth").put("token", token));
      display.go(app.api().base() + "/display?office=demo&sound=off");
      display.await(WAIT, d -> display.find("#now").isDisplayed() ? Boolean.TRUE : null);
      for (int i = 0; i < 9; i++) {
        app.issue("demo", "ho-tich");
      }
      app.counter("demo", "3", "call-next", token);
      app.counter("demo", "4", "call-next", token);
      screen.await(m -> "balance.advice".equals(m.getString("type")) && m.getInteger("count") > 0);
      JsonObject called = app.counter("demo", "3", "call-next", token).json().getJsonObject("ticket");
      display.awaitText("#now-number", called.getString("number"), WAIT);
      display.awaitText("#now-counter", "Quầy 3", WAIT);
      assertThat(display.find("#offline").isDisplayed()).isFalse();
      assertThat(display.text("body")).doesNotContain("Chuyển Quầy").doesNotContain("balance");
    }
  }

  /** Empties every Hộ tịch queue and frees counters 3 and 4, whatever an earlier test left. */
  private static void drain(String token) {
    while (app.counter("demo", "3", "call-next", token).status() == 200) {
      app.counter("demo", "3", "complete", token);
    }
    app.counter("demo", "3", "complete", token);
    app.counter("demo", "4", "complete", token);
  }
}
