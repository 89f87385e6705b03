package vn.layso.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/** The counter console in a real Chromium against a real server: log in, call, complete, transfer, keys. */
class CounterConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Logs in through the page as {@code user} (password "password-of-<user>") and chooses the counter. */
  static void logIn(Browser browser, String base, String user, String counterName) {
    browser.go(base + "/counter?office=demo");
    browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
    browser.find("#username").sendKeys(user);
    browser.find("#password").sendKeys("password-of-" + user);
    browser.find("#login-form button[type=submit]").click();
    browser.awaitText("#counter-choices", counterName, WAIT);
    for (WebElement choice : browser.driver().findElements(By.cssSelector("#counter-choices button"))) {
      if (choice.getText().startsWith(counterName + "\n") || choice.getText().equals(counterName)) {
        choice.click();
        break;
      }
    }
    browser.awaitText("#counter-name", counterName, WAIT);
  }

  private static JsonObject counterState(String counter, String token) {
    return app.api().get("/api/v1/offices/demo/counters/" + counter, "token", token).json();
  }

  private static boolean enabled(Browser browser, String action) {
    return browser.find("#actions [data-action='" + action + "']").isEnabled();
  }

  @Test
  void staffLogInCallCompleteAndTransferWithTheButtons() {
    String token = app.tokenFor("canbo-hotich", "STAFF", "demo");
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(app.api().base() + "/counter?office=demo");
      browser.awaitText("#login h1", "Đăng nhập quầy", WAIT);
      browser.screenshot("counter-login-1366x768");
      // a wrong password shows the server's message
      browser.find("#username").sendKeys("canbo-hotich");
      browser.find("#password").sendKeys("sai-mat-khau");
      browser.find("#login-form button[type=submit]").click();
      browser.awaitText("#login-error", "Tên đăng nhập hoặc mật khẩu không đúng", WAIT);
      browser.find("#password").clear();

      logIn(browser, app.api().base(), "canbo-hotich", "Quầy 4");
      browser.awaitText("#current-empty", "Chưa gọi số nào", WAIT);
      assertThat(enabled(browser, "call-next")).isTrue();
      assertThat(enabled(browser, "complete")).isFalse();

      JsonObject first = app.issue("demo", "ho-tich");
      JsonObject second = app.issue("demo", "chung-thuc");
      browser.awaitText("#queues", "Hộ tịch\n1", WAIT);

      browser.find("#actions [data-action='call-next']").click();
      browser.awaitText("#current-number", first.getString("number"), WAIT);
      assertThat(browser.text("#current-status")).isEqualTo("Đã gọi");
      assertThat(browser.text("#current-service")).isEqualTo("Hộ tịch");
      // why this one: both fields waited as long, Hộ tịch's number came first
      assertThat(browser.text("#current-why"))
          .isEqualTo("Vì sao gọi số này: Chờ lâu nhất theo trọng số trong 2 lĩnh vực: Hộ tịch, đã chờ 0 phút, trọng số 1.");
      assertThat(enabled(browser, "recall")).isTrue();
      assertThat(enabled(browser, "no-show")).isTrue();
      assertThat(counterState("4", token).getJsonObject("current").getString("id")).isEqualTo(first.getString("id"));
      browser.screenshot("counter-called-1366x768");

      browser.find("#actions [data-action='start']").click();
      browser.awaitText("#current-status", "Đang phục vụ", WAIT);
      assertThat(enabled(browser, "recall")).isFalse();
      browser.find("#actions [data-action='complete']").click();
      browser.awaitText("#current-empty", "Chưa gọi số nào", WAIT);
      browser.awaitText("#served", "1", WAIT);
      assertThat(app.api().get("/api/v1/tickets/" + first.getString("id")).json().getString("status")).isEqualTo("DONE");

      // transfer: call the next one (chứng thực) and send it to Hộ tịch
      browser.find("#actions [data-action='call-next']").click();
      browser.awaitText("#current-number", second.getString("number"), WAIT);
      browser.find("#actions [data-action='transfer']").click();
      browser.awaitText("#transfer-choices", "Hộ tịch", WAIT);
      assertThat(browser.text("#transfer-choices")).doesNotContain("Chứng thực");
      browser.screenshot("counter-transfer-1366x768");
      for (WebElement choice : browser.driver().findElements(By.cssSelector("#transfer-choices button"))) {
        if (choice.getText().contains("Hộ tịch")) {
          choice.click();
          break;
        }
      }
      browser.awaitText("#message", "Đã chuyển số " + second.getString("number") + " sang Hộ tịch", WAIT);
      JsonObject moved = app.api().get("/api/v1/tickets/" + second.getString("id")).json();
      assertThat(moved.getString("status")).isEqualTo("WAITING");
      assertThat(moved.getString("service")).isEqualTo("ho-tich");
      assertThat(moved.getString("transferredFrom")).isEqualTo("chung-thuc");
      browser.awaitText("#queues", "Hộ tịch\n1", WAIT);

      // a call made elsewhere (the API) shows live; priority group shows for staff
      JsonObject priority = app.api().post("/api/v1/offices/demo/tickets",
          "{\"service\":\"ho-tich\",\"priority\":\"nguoi-khuyet-tat\"}", "token", token).json();
      app.counter("demo", "4", "call-next", token);
      browser.awaitText("#current-number", priority.getString("number"), WAIT);
      assertThat(browser.text("#current-priority")).contains("Người khuyết tật");
      browser.screenshot("counter-priority-1366x768");
    }
  }

  @Test
  void keyboardAndNumpadShortcutsDoTheSameAndPauseTakesAReason() {
    String token = app.tokenFor("canbo-kinhdoanh", "STAFF", "demo");
    try (Browser browser = Browser.open(1280, 800)) {
      logIn(browser, app.api().base(), "canbo-kinhdoanh", "Quầy 6");
      JsonObject first = app.issue("demo", "dang-ky-kinh-doanh");
      JsonObject second = app.issue("demo", "lao-dong");
      browser.awaitText("#queues", "Đăng ký kinh doanh\n1", WAIT);
      Actions keys = new Actions(browser.driver());

      keys.sendKeys(Keys.F1).perform();
      browser.awaitText("#current-number", first.getString("number"), WAIT);
      keys.sendKeys(Keys.F2).perform();
      browser.awaitText("#current-recalls", "1", WAIT);
      keys.sendKeys(Keys.NUMPAD1).perform();
      browser.awaitText("#current-status", "Đang phục vụ", WAIT);
      keys.sendKeys(Keys.F4).perform();
      browser.awaitText("#served", "1", WAIT);
      assertThat(app.api().get("/api/v1/tickets/" + first.getString("id")).json().getString("status")).isEqualTo("DONE");

      keys.sendKeys(Keys.ADD).perform();
      browser.awaitText("#current-number", second.getString("number"), WAIT);
      keys.sendKeys(Keys.NUMPAD3).perform();
      browser.awaitText("#current-empty", "Chưa gọi số nào", WAIT);
      assertThat(app.api().get("/api/v1/tickets/" + second.getString("id")).json().getString("status")).isEqualTo("NO_SHOW");

      keys.sendKeys(Keys.F8).perform();
      browser.awaitText("#help", "Bàn phím số", WAIT);
      browser.screenshot("counter-help-1280x800");
      keys.sendKeys(Keys.ESCAPE).perform();
      browser.await(WAIT, d -> browser.find("#help").isDisplayed() ? null : Boolean.TRUE);

      // F7 opens the reasons; 2 chooses "Họp"; the note is typed; Enter pauses
      keys.sendKeys(Keys.F7).perform();
      browser.awaitText("#pause-reasons", "Họp", WAIT);
      keys.sendKeys(Keys.NUMPAD2).perform();
      browser.find("#pause-note").sendKeys("Họp giao ban");
      browser.screenshot("counter-pause-1280x800");
      browser.find("#pause-note").sendKeys(Keys.ENTER);
      browser.awaitText("#paused-banner", "Quầy đang tạm dừng: Họp — Họp giao ban", WAIT);
      JsonObject paused = counterState("6", token);
      assertThat(paused.getJsonObject("pause").getString("reason")).isEqualTo("hop");
      assertThat(paused.getJsonObject("pause").getString("note")).isEqualTo("Họp giao ban");
      assertThat(enabled(browser, "call-next")).isFalse();
      browser.screenshot("counter-paused-1280x800");

      keys.sendKeys(Keys.F7).perform();
      browser.await(WAIT, d -> browser.find("#paused-banner").isDisplayed() ? null : Boolean.TRUE);
      assertThat(counterState("6", token).getBoolean("paused")).isFalse();
      assertThat(enabled(browser, "call-next")).isTrue();
    }
  }

  @Test
  void anEndedSessionBringsBackTheLogIn() {
    app.tokenFor("canbo-phien", "STAFF", "demo");
    try (Browser browser = Browser.open(1280, 800)) {
      logIn(browser, app.api().base(), "canbo-phien", "Quầy 1");
      // a reload goes straight back to the remembered counter
      browser.driver().navigate().refresh();
      browser.awaitText("#counter-name", "Quầy 1", WAIT);
      // the account is deleted: every token of it is revoked, the next press answers 401
      assertThat(app.api().method("DELETE", "/api/v1/admin/users/canbo-phien", null, "token", app.adminToken()).status())
          .isEqualTo(204);
      // the next press (or a live refresh that comes first) meets the 401
      new Actions(browser.driver()).sendKeys(Keys.F1).perform();
      browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.text("#login-error")).isNotBlank();
    }
  }
}
