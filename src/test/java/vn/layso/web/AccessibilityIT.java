package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.layso.testing.Api;
import vn.layso.testing.Axe;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * Every page in its main states, at the size it is used at, passes axe-core's WCAG 2.1 A/AA rules
 * (the console /admin and /admin/reports at 1366x768, the rating tablet /rate at 1280x800, the ticket
 * page with its rating block at 390x844, and the older pages)
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

  /** A manager of demo made through the accounts API; {@code mustChange}: it must change its password first. */
  private static void manager(String username, String password, boolean mustChange) {
    Api.Response r = app.api().post("/api/v1/offices/demo/accounts", new JsonObject().put("username", username)
        .put("password", password).put("role", "manager").put("fullName", "Phạm Thu Hà")
        .put("offices", new JsonArray().add("demo")).put("mustChangePassword", mustChange).encode(), "token", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** Two citizens of Hộ tịch served at counter 3 today, one rated; a third called and waiting at the counter. */
  private static void aMorningOfWork() {
    String staff = app.tokenFor("a11y-canbo", "STAFF", "demo");
    String first = serve("3", app.issue("demo", "ho-tich").getString("id"), staff);
    serve("3", app.issue("demo", "ho-tich").getString("id"), staff);
    assertThat(app.api().post("/api/v1/tickets/" + first + "/rating", "{\"level\":3}").status()).isIn(201, 409);
    app.issue("demo", "dat-dai");
    String third = app.issue("demo", "ho-tich").getString("id");
    // older numbers the counter passes over are skipped: no Hộ tịch is left waiting for the other tests
    for (int i = 0; i < 20; i++) {
      Api.Response called = app.counter("demo", "3", "call-next", staff);
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      if (third.equals(called.json().getJsonObject("ticket").getString("id"))) {
        return;
      }
    }
    throw new AssertionError("counter 3 never called " + third);
  }

  /** Calls, starts and completes at the counter until the ticket {@code id} is done (others waiting go first). */
  private static String serve(String counter, String id, String staff) {
    for (int i = 0; i < 20; i++) {
      Api.Response called = app.counter("demo", counter, "call-next", staff);
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      assertThat(app.counter("demo", counter, "start", staff).status()).isEqualTo(200);
      assertThat(app.counter("demo", counter, "complete", staff).status()).isEqualTo(200);
      if (id.equals(called.json().getJsonObject("ticket").getString("id"))) {
        return id;
      }
    }
    throw new AssertionError("counter " + counter + " never called " + id);
  }

  private static void openTab(Browser browser, String tab) {
    browser.find(".tabs a[data-tab=" + tab + "]").click();
    browser.await(WAIT, d -> tab.equals(browser.find("#main").getAttribute("data-tab")) ? Boolean.TRUE : null);
  }

  @Test
  void theConsoleFromItsLogInThroughEveryTab() {
    List<String> failures = new ArrayList<>();
    aMorningOfWork();
    manager("a11y-quanly", "mat-khau-lan-dau-1", true);
    app.api().post("/api/v1/offices/demo/devices", new JsonObject().put("name", "danh-gia-a11y").put("kind", "rating")
        .put("counter", "3").encode(), "token", app.adminToken());
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(url("/admin?office=demo"));
      browser.awaitText("#login h1", "Đăng nhập bảng điều hành", WAIT);
      check(browser, "admin log-in", failures);
      browser.find("#username").sendKeys("a11y-quanly");
      browser.find("#password").sendKeys("mat-khau-lan-dau-1");
      browser.find("#login-form button[type=submit]").click();
      browser.await(WAIT, d -> browser.find("#password-screen").isDisplayed() ? Boolean.TRUE : null);
      check(browser, "admin change password", failures);
      browser.find("#pw-new").sendKeys("mat-khau-moi-cua-ha");
      browser.find("#pw-again").sendKeys("mat-khau-moi-cua-ha");
      browser.find("#password-form button[type=submit]").click();
      browser.await(WAIT, d -> browser.find("#shell").isDisplayed() ? Boolean.TRUE : null);
      browser.awaitText("#counter-cards", "Quầy 3", WAIT);
      browser.awaitText("#field-rows", "Hộ tịch", WAIT);
      check(browser, "admin live board", failures);

      openTab(browser, "settings");
      browser.await(WAIT, d -> !browser.findAll("select[data-counter='6'][data-field='ho-tich']").isEmpty() ? Boolean.TRUE : null);
      check(browser, "admin settings", failures);
      // a refused save: the errors beside their inputs and in the list at the top
      var prefix = browser.find("input[data-path='services[1].prefix']");
      prefix.clear();
      prefix.sendKeys("A");
      browser.find("#settings-save").click();
      browser.await(WAIT, d -> browser.find("#settings-errors").isDisplayed() ? Boolean.TRUE : null);
      check(browser, "admin settings errors", failures);
      // leaving with unsaved changes asks first
      browser.find(".tabs a[data-tab=accounts]").click();
      browser.await(WAIT, d -> d.switchTo().alert()).accept();
      browser.await(WAIT, d -> "accounts".equals(browser.find("#main").getAttribute("data-tab")) ? Boolean.TRUE : null);
      browser.awaitText("#account-rows", "a11y-canbo", WAIT);
      check(browser, "admin accounts", failures);
      browser.find("#account-rows tr[data-username='a11y-canbo'] button[aria-label*='mật khẩu']").click();
      browser.find("#dialog-foot .btn.warn").click();
      browser.await(WAIT, d -> !browser.findAll("#one-time-password").isEmpty()
          && !browser.find("#one-time-password").getAttribute("value").isEmpty() ? Boolean.TRUE : null);
      check(browser, "admin one-time password", failures);
      browser.find("#dialog-foot .btn").click();
      browser.find("#account-new").click();
      browser.await(WAIT, d -> browser.find("#dialog").isDisplayed() ? Boolean.TRUE : null);
      check(browser, "admin new account", failures);
      browser.find("#dialog-foot .btn.ghost").click();

      openTab(browser, "devices");
      browser.awaitText("#device-rows", "danh-gia-a11y", WAIT);
      new Select(browser.find("#pair-kind")).selectByValue("rating");
      check(browser, "admin devices", failures);

      openTab(browser, "audit");
      // the test clock's day, whatever the browser's own clock says
      for (String field : List.of("#audit-from", "#audit-to")) {
        browser.find(field).clear();
        browser.find(field).sendKeys("23/11/2026");
      }
      browser.find("#audit-form button[type=submit]").click();
      browser.awaitText("#audit-rows", "account:a11y-canbo", WAIT);
      browser.find("#audit-rows tr button").click();
      browser.await(WAIT, d -> browser.findAll("#audit-rows .audit-detail").isEmpty() ? null : Boolean.TRUE);
      check(browser, "admin audit", failures);
    }
    assertNone(failures);
  }

  @Test
  void theReportsPageWithADaysFigures() {
    List<String> failures = new ArrayList<>();
    aMorningOfWork();
    manager("a11y-baocao", "mat-khau-bao-cao-1", false);
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(url("/admin/reports?office=demo"));
      browser.awaitText("#login", "Đăng nhập quản lý", WAIT);
      check(browser, "reports log-in", failures);
      browser.find("#username").sendKeys("a11y-baocao");
      browser.find("#password").sendKeys("mat-khau-bao-cao-1");
      browser.find("#login button[type=submit]").click();
      browser.awaitText("#office-name", "Trung tâm Phục vụ hành chính công", WAIT);
      // the test clock's day, whatever the browser's own clock says
      browser.find("#from").clear();
      browser.find("#from").sendKeys("23/11/2026");
      browser.find("#to").clear();
      browser.find("#to").sendKeys("23/11/2026");
      browser.find("#range button[type=submit]").click();
      browser.awaitText("#table tbody", "Hộ tịch (ho-tich)", WAIT);
      browser.await(WAIT, d -> browser.findAll(".plot canvas").size() == 3 ? Boolean.TRUE : null);
      check(browser, "reports", failures);
      browser.find("#tabs .tab[data-by=staff]").click();
      browser.awaitText("#table tbody", "a11y-canbo", WAIT);
      check(browser, "reports by staff", failures);
    }
    assertNone(failures);
  }

  @Test
  void theRatingTabletFromItsPairingCodeToTheThankYou() {
    List<String> failures = new ArrayList<>();
    String staff = app.tokenFor("a11y-quay2", "STAFF", "demo");
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(url("/rate"));
      browser.await(WAIT, d -> browser.text("#pairing .pairing-code").matches("[2-9A-Z]{3}-[2-9A-Z]{3}") ? Boolean.TRUE : null);
      check(browser, "rate pairing code", failures);
      Api.Response claimed = app.api().post("/api/v1/offices/demo/devices/claim", new JsonObject()
          .put("code", browser.text("#pairing .pairing-code")).put("kind", "rating").put("name", "danh-gia-a11y-2")
          .put("counter", "2").encode(), "token", app.adminToken());
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
      browser.awaitText("#s-idle", "Xin kính chào quý khách", WAIT);
      check(browser, "rate idle", failures);
      app.issue("demo", "xay-dung");
      for (String action : List.of("call-next", "start", "complete")) {
        assertThat(app.counter("demo", "2", action, staff).status()).isEqualTo(200);
      }
      browser.awaitText("#s-ask", "Quý khách có hài lòng với sự phục vụ?", WAIT);
      check(browser, "rate levels", failures);
      browser.find("#levels .level-btn[data-level='1']").click();
      browser.awaitText("#s-reason", "Điều gì làm quý khách chưa hài lòng?", WAIT);
      check(browser, "rate reasons", failures);
      browser.find("#reasons .reason-btn").click();
      browser.find("#send").click();
      browser.awaitText("#s-thanks", "Cảm ơn quý khách", WAIT);
      check(browser, "rate thanks", failures);
    }
    assertNone(failures);
  }

  @Test
  void theTicketPagesRatingBlockAfterTheService() {
    List<String> failures = new ArrayList<>();
    String staff = app.tokenFor("a11y-quay5", "STAFF", "demo");
    String id = serve("5", app.issue("demo", "chung-thuc").getString("id"), staff);
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      browser.go(url("/t/" + id));
      browser.awaitText("#rating-title", "Bạn có hài lòng với sự phục vụ hôm nay?", WAIT);
      browser.js("document.getElementById('rating').scrollIntoView()");
      check(browser, "ticket rating", failures);
      browser.find("#rating-levels .level-btn[data-level='1']").click();
      browser.awaitText("#rating-reason", "Điều gì làm bạn chưa hài lòng?", WAIT);
      browser.find("#rating-reasons .reason-btn").click();
      browser.js("document.getElementById('rating-reason').scrollIntoView()");
      check(browser, "ticket rating reason", failures);
      browser.find("#rating-send").click();
      browser.awaitText("#rating-done", "Cảm ơn bạn đã đánh giá", WAIT);
      browser.js("document.getElementById('rating').scrollIntoView()");
      check(browser, "ticket rated", failures);
    }
    assertNone(failures);
  }
}
