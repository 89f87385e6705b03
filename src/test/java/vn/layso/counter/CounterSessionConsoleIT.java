package vn.layso.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Axe;
import vn.layso.testing.Browser;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Counter sessions in the console, in a real Chromium at a counter PC's 1366x768: choosing a counter
 * opens it; switching counters or logging out while a citizen is called or served there warns, and
 * offers to finish or transfer the ticket first, or to stay; the ticket is never left CALLED.
 */
class CounterSessionConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestApp app;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    token = app.tokenFor("doi-quay", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject counter(String id) {
    return app.api().get("/api/v1/offices/demo/counters/" + id, "token", token).json();
  }

  private static void choose(Browser browser, String counterName) {
    browser.awaitText("#counter-choices", counterName, WAIT);
    browser.findAll("#counter-choices button").stream()
        .filter(b -> b.getText().startsWith(counterName + "\n")).findFirst().orElseThrow().click();
    browser.awaitText("#counter-name", counterName, WAIT);
  }

  private static WebElement leaveChoice(Browser browser, String label) {
    browser.await(WAIT, d -> browser.find("#leave-dialog").isDisplayed() ? Boolean.TRUE : null);
    return browser.findAll("#leave-choices button").stream().filter(b -> b.getText().contains(label))
        .findFirst().orElseThrow(() -> new AssertionError("no choice " + label + " in " + browser.text("#leave-choices")));
  }

  @Test
  void switchingCountersWithACalledCitizenWarnsAndFinishesItFirst() {
    try (Browser browser = Browser.open(1366, 768)) {
      CounterConsoleIT.logIn(browser, app.api().base(), "doi-quay", "Quầy 3");
      browser.awaitText("#user-name", "doi-quay · làm việc từ 09:00", WAIT);
      assertThat(counter("3").getJsonObject("session").getString("by")).isEqualTo("staff:doi-quay");

      JsonObject ticket = app.issue("demo", "ho-tich");
      String number = ticket.getString("number");
      browser.find("#actions [data-action='call-next']").click();
      browser.awaitText("#current-number", number, WAIT);

      // "Đổi quầy" with a called citizen: a warning, never a silent switch; staying keeps everything
      browser.find("#change-counter").click();
      leaveChoice(browser, "Vắng mặt");
      assertThat(browser.text("#leave-dialog")).contains("Còn công dân tại quầy",
          "Quầy 3 đang có công dân " + number + " (đã gọi)", "Hoàn thành rồi rời quầy", "Chuyển lĩnh vực rồi rời quầy",
          "Ở lại quầy");
      browser.screenshot("counter-leave-warning-1366x768");
      Axe.assertNoSeriousViolations(browser, "counter leave dialog");
      browser.find("#leave-stay").click();
      assertThat(browser.find("#leave-dialog").isDisplayed()).isFalse();
      assertThat(browser.text("#counter-name")).isEqualTo("Quầy 3");
      assertThat(counter("3").getBoolean("open")).isTrue();
      assertThat(app.api().get("/api/v1/tickets/" + ticket.getString("id")).json().getString("status")).isEqualTo("CALLED");

      // again, and finish it as a no-show: the console closes counter 3 and offers the counters
      browser.find("#change-counter").click();
      leaveChoice(browser, "Vắng mặt rồi rời quầy").click();
      browser.await(WAIT, d -> browser.find("#setup").isDisplayed() ? Boolean.TRUE : null);
      assertThat(app.api().get("/api/v1/tickets/" + ticket.getString("id")).json().getString("status")).isEqualTo("NO_SHOW");
      assertThat(counter("3").getBoolean("open")).isFalse();
      browser.screenshot("counter-after-leaving-1366x768");

      choose(browser, "Quầy 6");
      assertThat(counter("6").getJsonObject("session").getString("username")).isEqualTo("doi-quay");

      // logging out while serving: complete first, then the session closes
      String business = app.issue("demo", "dang-ky-kinh-doanh").getString("number");
      browser.find("#actions [data-action='call-next']").click();
      browser.awaitText("#current-number", business, WAIT);
      browser.find("#actions [data-action='start']").click();
      browser.awaitText("#current-status", "Đang phục vụ", WAIT);
      browser.find("#logout").click();
      assertThat(browser.text("#leave-text")).contains("Quầy 6 đang có công dân " + business + " (đang phục vụ)");
      assertThat(browser.findAll("#leave-choices button")).extracting(WebElement::getText)
          .noneMatch(text -> text.contains("Vắng mặt"));
      browser.screenshot("counter-leave-serving-1366x768");
      leaveChoice(browser, "Hoàn thành rồi rời quầy").click();
      browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
      assertThat(counter("6").getBoolean("open")).isFalse();
      assertThat(counter("6").getInteger("servedToday")).isEqualTo(1);
    }
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    List<String> log = RedisAdmin.sync(uri, c -> c.lrange(Keys.counterLog("demo", "20261123"), 0, -1));
    assertThat(log.stream().map(JsonObject::new).filter(e -> List.of("3", "6").contains(e.getString("counter")))
        .map(e -> e.getString("counter") + ":" + e.getString("act")))
        .containsExactly("3:OPEN", "3:CLOSE", "6:OPEN", "6:CLOSE");
  }

  @Test
  void aCounterSomeoneElseTookOverSaysSo() {
    String other = app.tokenFor("nguoi-khac", "STAFF", "demo");
    try (Browser browser = Browser.open(1366, 768)) {
      CounterConsoleIT.logIn(browser, app.api().base(), "doi-quay", "Quầy 7");
      browser.awaitText("#user-name", "làm việc từ", WAIT);
      assertThat(app.counter("demo", "7", "open", other).status()).isEqualTo(200);
      browser.awaitText("#session-banner", "Quầy này đang do nguoi-khac làm việc", WAIT);
      browser.screenshot("counter-taken-over-1366x768");
      assertThat(browser.findAll("#session-banner")).hasSize(1);
      browser.driver().findElement(By.id("change-counter")).click();
      choose(browser, "Quầy 7");
      browser.awaitText("#message", "Bạn đã nhận quầy từ nguoi-khac", WAIT);
      assertThat(browser.find("#session-banner").isDisplayed()).isFalse();
    }
  }
}
