package vn.layso.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The manager's console (/admin) in Chromium against a real server: a manager logs in, the live
 * board follows the queue, devices are listed and revoked, the audit log shows its entries, the
 * settings editor moves a counter to another field and keeps unsaved changes over a stale save, a
 * kiosk pairs by its code, and a reset password is changed at the next log-in.
 */
class AdminConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String MANAGER = "quanly-lan";
  private static String managerPassword = "mat-khau-quan-ly-1";
  private static TestApp app;
  /** Which API created the manager: the accounts API (after the merge) or the older admin one. */
  private static String managerMadeBy;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    // the page reckons waits and "today" by the browser's clock: both run from 10:30 of today (Hà Nội),
    // so a ticket issued an hour "ago" is still today's whatever the real time of day (see open())
    app.clock().set(LocalDate.now(HANOI).atTime(10, 30).atZone(HANOI).toInstant());
    managerMadeBy = createManager(MANAGER, managerPassword, "Nguyễn Thị Lan");
    managerPassword = usable(MANAGER, managerPassword);
    System.out.println("AdminConsoleIT: the manager was created through the " + managerMadeBy + " API");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** The accounts API of issue 14 first; on a branch without it, the admin users API (role MANAGER). */
  static String createManager(String username, String password, String fullName) {
    Api.Response r = app.api().post("/api/v1/offices/demo/accounts", new JsonObject().put("username", username)
        .put("password", password).put("role", "manager").put("fullName", fullName)
        .put("offices", new JsonArray().add("demo")).encode(), "token", app.adminToken());
    if (r.status() == 201 || r.status() == 409) {
      return "accounts";
    }
    Api.Response old = app.api().post("/api/v1/admin/users", new JsonObject().put("username", username)
        .put("password", password).put("role", "MANAGER").put("office", "demo").encode(), "token", app.adminToken());
    assertThat(old.status()).as(old.body()).isIn(201, 409);
    return "admin-users";
  }

  /** A new account may have to change its first password: then it is changed here, once, through the API. */
  static String usable(String username, String password) {
    Api.Response login = app.api().post("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password).encode());
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    if (!login.json().getBoolean("mustChangePassword", false)) {
      return password;
    }
    String changed = password + "-doi";
    Api.Response r = app.api().post("/api/v1/auth/password", new JsonObject().put("current", password).put("new", changed).encode(),
        "token", login.json().getString("token"));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    return changed;
  }

  static void logIn(Browser browser, String user, String password) {
    browser.go(app.api().base() + "/admin?office=demo");
    browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
    browser.find("#username").sendKeys(user);
    browser.find("#password").sendKeys(password);
    browser.find("#login-form button[type=submit]").click();
    browser.await(WAIT, d -> browser.find("#shell").isDisplayed() || browser.find("#password-screen").isDisplayed()
        ? Boolean.TRUE : null);
  }

  /** A console-sized browser whose clock runs from the server's. */
  private static Browser open() {
    Browser browser = Browser.open(1366, 768);
    browser.clockAt(app.clock().instant());
    return browser;
  }

  private static void openTab(Browser browser, String tab) {
    browser.find(".tabs a[data-tab=" + tab + "]").click();
    browser.await(WAIT, d -> tab.equals(browser.find("#main").getAttribute("data-tab")) ? Boolean.TRUE : null);
  }

  private static String waitingOf(Browser browser, String service) {
    return textOf(browser, "#field-rows tr[data-service=" + service + "] td.waiting");
  }

  /** The text of the first match, read in one step: the live board redraws its rows on every event. */
  private static String textOf(Browser browser, String css) {
    return (String) browser.js("const n = document.querySelector(arguments[0]); return n ? n.innerText : '';", css);
  }

  private static void awaitTextOf(Browser browser, String css, String expected) {
    browser.await(WAIT, d -> textOf(browser, css).contains(expected) ? Boolean.TRUE : null);
  }

  @Test
  void theConsoleIsServedUnderTheSameOriginPolicy() {
    for (String path : new String[] {"/admin", "/admin?office=demo", "/static/admin/admin.js", "/static/admin/settings.js"}) {
      Api.Response r = app.api().get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'"));
    }
    assertThat(app.api().get("/admin").body()).contains("<html").contains("/static/admin/admin.js");
    assertThat(app.api().get("/static/i18n/vi.json").json().getJsonObject("admin").getJsonObject("live").getString("alert"))
        .isEqualTo("Lĩnh vực {field} đã vượt thời gian chờ mục tiêu");
  }

  @Test
  void aManagerSeesTheLiveBoardFollowTheQueue() throws Exception {
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      assertThat(browser.find("#shell").isDisplayed()).isTrue();
      assertThat(textOf(browser, "#user-name")).contains("Quản lý");
      browser.await(WAIT, d -> !waitingOf(browser, "ho-tich").isEmpty() ? Boolean.TRUE : null);
      int before = Integer.parseInt(waitingOf(browser, "ho-tich"));
      app.issue("demo", "ho-tich");
      app.issue("demo", "ho-tich");
      browser.await(WAIT, d -> waitingOf(browser, "ho-tich").equals(Integer.toString(before + 2)) ? Boolean.TRUE : null);

      // a citizen of Đất đai (target 45 minutes) has waited an hour: the row turns red, the alert shows
      Instant now = app.clock().instant();
      app.clock().set(now.minus(Duration.ofMinutes(60)));
      app.issue("demo", "dat-dai");
      app.clock().set(now);
      app.issue("demo", "dat-dai");
      awaitTextOf(browser, "#alerts", "Lĩnh vực Đất đai đã vượt thời gian chờ mục tiêu");
      assertThat((String) browser.js("return document.querySelector('#field-rows tr[data-service=dat-dai]').className")).contains("over");
      assertThat(textOf(browser, "#field-rows tr[data-service=dat-dai] td.oldest")).matches("6[01] phút.*");
      assertThat(textOf(browser, "#field-rows tr[data-service=ho-tich]")).doesNotContain("quá mục tiêu");

      // counters: one calls, one pauses with a reason
      String staff = app.tokenFor("canbo-bang", "STAFF", "demo");
      JsonObject called = app.counter("demo", "3", "call-next", staff).json().getJsonObject("ticket");
      app.api().post("/api/v1/offices/demo/counters/7/pause", new JsonObject().put("reason", "hop").encode(), "token", staff);
      awaitTextOf(browser, "#counter-cards li[data-counter='3']", called.getString("number"));
      awaitTextOf(browser, "#counter-cards li[data-counter='7']", "Họp");
      assertThat(textOf(browser, "#counter-cards li[data-counter='7'] .state")).isEqualTo("Tạm dừng");
      assertThat(textOf(browser, "#counter-cards li[data-counter='3'] .state")).isEqualTo("Đang gọi");
      assertThat(textOf(browser, "#counter-summary")).contains("1 tạm dừng");
      browser.screenshot("admin-live-1366x768");
      browser.resizeViewport(1920, 1080);
      browser.screenshot("admin-live-1920x1080");

      // English
      browser.find("#shell .lang-switch button:nth-child(2)").click();
      awaitTextOf(browser, "#alerts", "Field Đất đai is past its target wait");
      assertThat(textOf(browser, ".tabs")).contains("Today, live");
      browser.find("#shell .lang-switch button:nth-child(1)").click();
      awaitTextOf(browser, ".tabs", "Trực tiếp hôm nay");
    }
  }

  @Test
  void aStaffAccountIsSentToTheCounterPage() throws Exception {
    app.tokenFor("canbo-thu", "STAFF", "demo");
    try (Browser browser = open()) {
      browser.go(app.api().base() + "/admin");
      browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
      browser.find("#username").sendKeys("canbo-thu");
      browser.find("#password").sendKeys("password-of-canbo-thu");
      browser.find("#login-form button[type=submit]").click();
      browser.awaitText("#login-error", "/counter", WAIT);
      assertThat(browser.find("#shell").isDisplayed()).isFalse();
      browser.screenshot("admin-login-staff-1366x768");
    }
  }

  @Test
  void theDevicesTabListsAPairedDeviceAndRevokesIt() throws Exception {
    Api.Response paired = app.api().post("/api/v1/offices/demo/devices",
        new JsonObject().put("name", "danh-gia-quay-3").put("kind", "rating").put("counter", "3").encode(),
        "token", app.adminToken());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      openTab(browser, "devices");
      String row = "#device-rows tr[data-device='danh-gia-quay-3']";
      browser.awaitText(row, "Máy đánh giá", WAIT);
      assertThat(browser.text(row)).contains("Quầy 3");
      assertThat(browser.text(row)).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
      browser.screenshot("admin-devices-1366x768");
      browser.resizeViewport(1920, 1080);
      browser.screenshot("admin-devices-1920x1080");

      browser.find(row + " button").click();
      browser.await(WAIT, d -> browser.find("#dialog").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.text("#dialog-title")).contains("danh-gia-quay-3");
      browser.find("#dialog-foot .btn.danger").click();
      browser.await(WAIT, d -> browser.findAll(row).isEmpty() ? Boolean.TRUE : null);
      browser.awaitText("#shell-message", "Đã thu hồi", WAIT);
      JsonArray left = app.api().get("/api/v1/offices/demo/devices", "token", app.adminToken()).array();
      assertThat(left.stream().map(o -> ((JsonObject) o).getString("device"))).doesNotContain("danh-gia-quay-3");
    }
  }

  @Test
  void theAuditTabShowsAnEntryWithItsBeforeAndAfter() throws Exception {
    app.api().post("/api/v1/offices/demo/devices", new JsonObject().put("name", "kiosk-nhat-ky").put("kind", "kiosk").encode(),
        "token", app.adminToken());
    LocalDate today = LocalDate.ofInstant(app.clock().instant(), HANOI);
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    // an entry with a before and after, as the settings editor's saves write them (written here directly:
    // on a branch where no route records one yet, the tab still has something to show)
    String entry = new JsonObject().put("at", app.clock().instant().toEpochMilli()).put("actor", "manager:quanly-lan")
        .put("action", "settings.update").put("target", "office:demo")
        .put("before", new JsonObject().put("name", "Trung tâm cũ").encode())
        .put("after", new JsonObject().put("name", "Trung tâm mới").encode()).encode();
    RedisAdmin.sync(uri, c -> c.rpush(Keys.audit("demo", today.toString().replace("-", "")), entry));
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      openTab(browser, "audit");
      browser.awaitText("#audit-rows", "Sửa cấu hình", WAIT);
      WebElement row = browser.find("#audit-rows tr[data-action='settings.update']");
      assertThat(row.getText()).contains("manager:quanly-lan").contains("office:demo")
          .containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
      row.findElement(By.cssSelector("button")).click();
      browser.awaitText("#audit-rows .audit-detail", "Trung tâm mới", WAIT);
      assertThat(browser.text("#audit-rows .audit-detail")).contains("Trung tâm cũ");
      assertThat(browser.text("#audit-rows .changes")).contains("1 mục thay đổi").contains("name: \"Trung tâm cũ\" → \"Trung tâm mới\"");
      assertThat(browser.find("#audit-from").getAttribute("value")).matches("\\d{2}/\\d{2}/\\d{4}");
      browser.screenshot("admin-audit-1366x768");
      browser.resizeViewport(1920, 1080);
      browser.screenshot("admin-audit-1920x1080");
    }
  }

  @Test
  void movingACounterInTheSettingsEditorChangesWhereItCallsFrom() throws Exception {
    String staff = app.tokenFor("canbo-sau", "STAFF", "demo");
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      openTab(browser, "settings");
      browser.await(WAIT, d -> !browser.findAll("select[data-counter='6'][data-field='ho-tich']").isEmpty() ? Boolean.TRUE : null);
      browser.screenshot("admin-settings-1366x768");
      browser.js("document.getElementById('sec-counters').scrollIntoView({block: 'start'})");
      browser.screenshot("admin-settings-counters-1366x768");
      // Quầy 6 serves Đăng ký kinh doanh and Lao động: move it to Hộ tịch only
      new Select(browser.find("select[data-counter='6'][data-field='dang-ky-kinh-doanh']")).selectByValue("none");
      new Select(browser.find("select[data-counter='6'][data-field='lao-dong']")).selectByValue("none");
      new Select(browser.find("select[data-counter='6'][data-field='ho-tich']")).selectByValue("main");
      app.issue("demo", "dang-ky-kinh-doanh");
      JsonObject hoTich = app.issue("demo", "ho-tich");
      browser.find("#settings-save").click();
      awaitTextOf(browser, "#settings-status", "Đã lưu");
      browser.screenshot("admin-settings-saved-1366x768");
      // down at the last counters, the fields' names stay in view above their columns
      browser.js("document.getElementById('sec-counters').scrollIntoView({block: 'start'}); window.scrollBy(0, 500);");
      Number headTop = (Number) browser.js("return document.querySelector('#sec-counters thead th').getBoundingClientRect().top");
      assertThat(headTop.doubleValue()).isBetween(0.0, 120.0);
      browser.screenshot("admin-settings-counters-scrolled-1366x768");
      Awaitility.await().atMost(WAIT).until(() -> app.api().get("/api/v1/offices/demo").json()
          .getJsonArray("counters").stream().map(c -> (JsonObject) c).filter(c -> "6".equals(c.getString("id")))
          .anyMatch(c -> c.getJsonArray("services").contains("ho-tich")));
      JsonObject called = app.counter("demo", "6", "call-next", staff).json().getJsonObject("ticket");
      assertThat(called.getString("service")).isEqualTo("ho-tich");
      assertThat(called.getString("number")).startsWith("B");
      assertThat(hoTich.getString("service")).isEqualTo("ho-tich");

      // an invalid change: the error shows beside the input its path names, and in the list at the top
      WebElement prefix = browser.find("input[data-path='services[1].prefix']");
      prefix.clear();
      prefix.sendKeys("A");
      browser.find("#settings-save").click();
      browser.await(WAIT, d -> browser.find("#settings-errors").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.findAll(".field-error[data-path^='services[']")).isNotEmpty();
      browser.screenshot("admin-settings-errors-1366x768");
      browser.resizeViewport(1920, 1080);
      browser.screenshot("admin-settings-errors-1920x1080");
    }
  }

  @Test
  void aStaleSaveIsRefusedAndTheReloadKeepsTheUnsavedChanges() throws Exception {
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      openTab(browser, "settings");
      String description = "input[data-path='services[0].description']";
      browser.await(WAIT, d -> !browser.findAll(description).isEmpty() ? Boolean.TRUE : null);
      browser.find(description).sendKeys(" (sửa trong console)");
      // someone else saves first
      Api.Response current = app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken());
      JsonObject other = current.json();
      other.getJsonObject("display").put("ticker", "Thông báo của người khác");
      Api.Response saved = app.api().method("PUT", "/api/v1/offices/demo/settings", other.encode(),
          "token", app.adminToken(), "If-Match", String.valueOf(other.getValue("revision")));
      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      browser.find("#settings-save").click();
      awaitTextOf(browser, "#settings-status", "Người khác vừa thay đổi cấu hình; tải lại để xem");
      browser.find("#settings-reload").click();
      browser.find("#dialog-foot .btn.warn").click();
      awaitTextOf(browser, ".unsaved", "services[0].description");
      assertThat(browser.find("textarea[data-path='display.ticker']").getAttribute("value")).isEqualTo("Thông báo của người khác");
      browser.screenshot("admin-settings-conflict-1366x768");
      // the unsaved change goes back onto the newer settings; the other person's change stays
      browser.find(".unsaved .btn.secondary").click();
      browser.await(WAIT, d -> browser.findAll(".unsaved").isEmpty() ? Boolean.TRUE : null);
      assertThat(browser.find(description).getAttribute("value")).endsWith(" (sửa trong console)");
      assertThat(browser.find("textarea[data-path='display.ticker']").getAttribute("value")).isEqualTo("Thông báo của người khác");
      browser.find("#settings-save").click();
      awaitTextOf(browser, "#settings-status", "Đã lưu");
      JsonObject after = app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken()).json();
      assertThat(after.getJsonArray("services").getJsonObject(0).getString("description")).endsWith(" (sửa trong console)");
      assertThat(after.getJsonObject("display").getString("ticker")).isEqualTo("Thông báo của người khác");
    }
  }

  @Test
  void theHolidayCalendarIsEditedBesideTheSettings() throws Exception {
    int year = LocalDate.ofInstant(app.clock().instant(), HANOI).getYear();
    try (Browser browser = open()) {
      logIn(browser, "admin", TestApp.ADMIN_PASSWORD);
      openTab(browser, "settings");
      browser.await(WAIT, d -> browser.findAll("#holiday-rows tr").size() >= 4 ? Boolean.TRUE : null);
      browser.find("#sec-holidays .row-actions .btn.secondary").click();
      var inputs = browser.findAll("#holiday-rows tr:last-child input");
      inputs.get(0).sendKeys("02/01/" + year);
      inputs.get(1).sendKeys("Nghỉ bù Tết Dương lịch");
      browser.find("#holiday-save").click();
      browser.awaitText("#holiday-message", "Đã lưu lịch nghỉ năm " + year, WAIT);
      JsonArray days = app.api().get("/api/v1/offices/demo/holidays/" + year).json().getJsonArray("days");
      assertThat(days.stream().map(d -> ((JsonObject) d).getString("date"))).contains(year + "-01-02");
    }
  }

  @Test
  void aKioskAndARatingTabletPairByTheCodeTheyShow() throws Exception {
    Api.Response code = app.api().post("/api/v1/devices/pairing-codes", "{}");
    assertThat(code.status()).as(code.body()).isEqualTo(201);
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      openTab(browser, "devices");
      browser.find("#pair-code").sendKeys(code.json().getString("code").replace("-", "").toLowerCase());
      new Select(browser.find("#pair-kind")).selectByValue("kiosk");
      browser.find("#pair-name").sendKeys("kiosk-sanh-chinh");
      browser.find("#pair-form button[type=submit]").click();
      browser.awaitText("#pair-result", "Đã ghép", WAIT);
      browser.awaitText("#device-rows", "kiosk-sanh-chinh", WAIT);
      browser.screenshot("admin-devices-paired-1366x768");
      JsonObject polled = app.api().get("/api/v1/devices/pairing-codes/" + code.json().getString("secret")).json();
      assertThat(polled.getString("status")).isEqualTo("paired");
      assertThat(polled.getString("kind")).isEqualTo("kiosk");

      // a rating tablet: its counter is chosen in the same form
      Api.Response tablet = app.api().post("/api/v1/devices/pairing-codes", "{}");
      assertThat(tablet.status()).as(tablet.body()).isEqualTo(201);
      browser.find("#pair-code").sendKeys(tablet.json().getString("code"));
      new Select(browser.find("#pair-kind")).selectByValue("rating");
      browser.await(WAIT, d -> browser.find("#pair-counter").isDisplayed() ? Boolean.TRUE : null);
      new Select(browser.find("#pair-counter")).selectByValue("5");
      browser.find("#pair-name").sendKeys("danh-gia-quay-5");
      browser.find("#pair-form button[type=submit]").click();
      browser.awaitText("#pair-result", "Đã ghép Máy đánh giá danh-gia-quay-5", WAIT);
      String row = "#device-rows tr[data-device='danh-gia-quay-5']";
      browser.awaitText(row, "Quầy 5", WAIT);
      assertThat(browser.text(row)).contains("Máy đánh giá");
      JsonObject rating = app.api().get("/api/v1/devices/pairing-codes/" + tablet.json().getString("secret")).json();
      assertThat(rating.getString("kind")).isEqualTo("rating");
      assertThat(rating.getString("counter")).isEqualTo("5");
    }
  }

  @Test
  void aResetPasswordIsShownOnceAndMustBeChangedAtTheNextLogIn() throws Exception {
    createManager("quanly-minh", "mat-khau-ban-dau-1", "Trần Văn Minh");
    String oneTime;
    try (Browser browser = open()) {
      logIn(browser, MANAGER, managerPassword);
      openTab(browser, "accounts");
      String row = "#account-rows tr[data-username='quanly-minh']";
      browser.awaitText(row, "Trần Văn Minh", WAIT);
      assertThat(browser.findAll("#account-new")).hasSize(1);
      browser.find("#account-new").click();
      assertThat(browser.findAll("#dialog select option[value=admin]")).as("a manager never creates an admin").isEmpty();
      browser.find("#dialog-foot .btn.ghost").click();
      browser.screenshot("admin-accounts-1366x768");
      browser.resizeViewport(1920, 1080);
      browser.screenshot("admin-accounts-1920x1080");
      browser.resizeViewport(1366, 768);
      browser.find(row + " button[aria-label*='mật khẩu']").click();
      browser.find("#dialog-foot .btn.warn").click();
      browser.await(WAIT, d -> !browser.find("#one-time-password").getAttribute("value").isEmpty() ? Boolean.TRUE : null);
      oneTime = browser.find("#one-time-password").getAttribute("value");
      browser.screenshot("admin-accounts-one-time-1366x768");
      browser.find("#dialog-foot .btn").click();
      browser.find("#logout").click();
      browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);

      browser.find("#username").sendKeys("quanly-minh");
      browser.find("#password").sendKeys(oneTime);
      browser.find("#login-form button[type=submit]").click();
      browser.await(WAIT, d -> browser.find("#password-screen").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.find("#password-why").isDisplayed()).isTrue();
      browser.find("#pw-new").sendKeys("mat-khau-moi-cua-minh");
      browser.find("#pw-again").sendKeys("mat-khau-moi-cua-minh");
      browser.find("#password-form button[type=submit]").click();
      browser.await(WAIT, d -> browser.find("#shell").isDisplayed() ? Boolean.TRUE : null);
      browser.awaitText("#shell-message", "Đã đổi mật khẩu", WAIT);
    }
    assertThat(app.login("quanly-minh", "mat-khau-moi-cua-minh")).isNotBlank();
  }
}
