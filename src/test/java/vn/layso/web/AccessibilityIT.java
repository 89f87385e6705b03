package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.layso.testing.Axe;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * Every page in its main states, at the size it is used at, passes axe-core's WCAG 2.1 A/AA rules
 * with nothing serious or critical. Each test collects every page's failures and reports them
 * together, so one run shows all that needs fixing. A new page: open it, bring it to its state,
 * then {@code check(browser, "its name", failures)} (or {@link Axe#assertNoSeriousViolations}).
 */
class AccessibilityIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String url(String path) {
    return app.api().base() + path;
  }

  /** Runs axe on the page as it is now; a failure is kept (with a screenshot) to be reported at the end. */
  private static void check(Browser browser, String page, List<String> failures) {
    browser.screenshot("a11y-" + page.replace(' ', '-'));
    try {
      Axe.assertNoSeriousViolations(browser, page);
    } catch (AssertionError failed) {
      failures.add(failed.getMessage());
    }
  }

  private static void assertNone(List<String> failures) {
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n\n", failures));
    }
  }

  @Test
  void theStartPageAndTheLobbyDisplay() {
    List<String> failures = new ArrayList<>();
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(url("/"));
      browser.awaitText(".offices", "Ba Đình", WAIT);
      check(browser, "start page", failures);
    }
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(url("/display?office=demo&sound=off"));
      String token = app.adminToken();
      String number = app.issue("demo", "ho-tich").getString("number");
      assertThat(app.counter("demo", "3", "call-next", token).status()).isEqualTo(200);
      browser.awaitText("#now-number", number, WAIT);
      check(browser, "display", failures);
      app.counter("demo", "3", "complete", token);
    }
    assertNone(failures);
  }

  @Test
  void theKioskStartAndTicketScreens() {
    List<String> failures = new ArrayList<>();
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(url("/kiosk?office=demo&print=none"));
      browser.await(WAIT, d -> browser.find("#screen-start").isDisplayed()
          && d.findElements(By.cssSelector(".service")).size() >= 6 ? Boolean.TRUE : null);
      check(browser, "kiosk start", failures);
      WebElement hoTich = browser.findAll(".service").stream().filter(b -> b.getText().contains("Hộ tịch"))
          .findFirst().orElseThrow();
      hoTich.click();
      browser.await(WAIT, d -> browser.find("#screen-ticket").isDisplayed() && !browser.text("#t-number").isEmpty()
          ? Boolean.TRUE : null);
      check(browser, "kiosk ticket", failures);
    }
    assertNone(failures);
  }

  @Test
  void theCounterConsoleLoggedOutAndWithACalledTicket() {
    List<String> failures = new ArrayList<>();
    app.tokenFor("a11y", "STAFF", "demo");
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(url("/counter?office=demo"));
      browser.awaitText("#login h1", "Đăng nhập quầy", WAIT);
      check(browser, "counter log-in", failures);
      browser.find("#username").sendKeys("a11y");
      browser.find("#password").sendKeys("password-of-a11y");
      browser.find("#login-form button[type=submit]").click();
      browser.awaitText("#counter-choices", "Quầy 6", WAIT);
      check(browser, "counter choice", failures);
      browser.findAll("#counter-choices button").stream().filter(b -> b.getText().startsWith("Quầy 6"))
          .findFirst().orElseThrow().click();
      browser.awaitText("#counter-name", "Quầy 6", WAIT);
      String number = app.issue("demo", "dang-ky-kinh-doanh").getString("number");
      browser.find("#actions [data-action='call-next']").click();
      browser.awaitText("#current-number", number, WAIT);
      check(browser, "counter called", failures);
      browser.find("#actions [data-action='complete']").click();
      browser.awaitText("#current-empty", "Chưa gọi số nào", WAIT);
    }
    assertNone(failures);
  }

  @Test
  void theTicketPageWaitingAndCalled() {
    List<String> failures = new ArrayList<>();
    JsonObject mine = app.issue("demo", "chung-thuc");
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      browser.go(url("/t/" + mine.getString("id")));
      browser.awaitText("#number", mine.getString("number"), WAIT);
      check(browser, "ticket waiting", failures);
      String token = app.adminToken();
      assertThat(app.counter("demo", "5", "call-next", token).status()).isEqualTo(200);
      browser.awaitText("#called", "Đến lượt bạn", WAIT);
      check(browser, "ticket called", failures);
      // the counter calls the next number while this one never came: the page says so
      app.issue("demo", "chung-thuc");
      assertThat(app.counter("demo", "5", "call-next", token).json().getJsonObject("skipped").getString("id"))
          .isEqualTo(mine.getString("id"));
      browser.awaitText("#ended", "Số này đã được gọi nhưng bạn không đến quầy", WAIT);
      assertThat(browser.text("#ended")).contains("Quầy đã gọi số tiếp theo");
      check(browser, "ticket skipped", failures);
      app.counter("demo", "5", "no-show", token);
    }
    assertNone(failures);
  }

  @Test
  void theBookingPagesStepByStepAndTheSharePage() {
    List<String> failures = new ArrayList<>();
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      browser.go(url("/book"));
      browser.awaitText("#services", "Đất đai", WAIT);
      check(browser, "book fields", failures);
      browser.go(url("/book?office=demo&service=ho-tich"));
      browser.awaitText("#step-day", "Chọn ngày", WAIT);
      check(browser, "book day", failures);
      browser.await(WAIT, d -> d.findElements(By.cssSelector("#days .day:not([disabled])")).isEmpty() ? null : true);
      browser.find("#days .day:not([disabled])").click();
      browser.await(WAIT, d -> d.findElements(By.cssSelector("#slots .slot:not([disabled])")).isEmpty() ? null : true);
      check(browser, "book slot", failures);
      browser.find("#slots .slot:not([disabled])").click();
      browser.awaitText("#step-form", "Họ và tên", WAIT);
      check(browser, "book form", failures);
      browser.find("#tab-lookup").click();
      check(browser, "book lookup", failures);
    }
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(url("/book/share?office=demo"));
      browser.awaitText("#login", "Đăng nhập cán bộ", WAIT);
      check(browser, "book share log-in", failures);
      browser.find("#username").sendKeys("admin");
      browser.find("#password").sendKeys(TestApp.ADMIN_PASSWORD);
      browser.find("#login button[type=submit]").click();
      browser.awaitText("#link-list", "Đất đai", WAIT);
      check(browser, "book share", failures);
    }
    assertNone(failures);
  }
}
