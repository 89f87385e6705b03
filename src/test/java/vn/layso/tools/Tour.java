package vn.layso.tools;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * Takes the README's tour screenshots with the real pages at their real sizes: a real server with
 * its embedded Redis and the demo office, a morning of work at its counters (numbers issued, called,
 * served, one counter paused), then headless Chromium on the kiosk, the lobby display, the counter
 * console, a citizen's ticket page, the booking page, the manager's console and the reports. The
 * pictures go to docs/screenshots/tour-*.png (and, as every browser test's, to target/screenshots).
 * Not a test: run
 * <pre>
 * mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=vn.layso.tools.Tour
 * </pre>
 */
public final class Tour {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path OUT = Path.of("docs", "screenshots");
  private static final String STAFF_PASSWORD = "mat-khau-cua-can-bo";

  private final TestApp app;
  private final Api api;

  private Tour(TestApp app) {
    this.app = app;
    this.api = app.api();
  }

  public static void main(String[] args) throws Exception {
    Browser.requireChromium();
    Files.createDirectories(OUT);
    try (TestApp app = TestApp.start()) {
      Tour tour = new Tour(app);
      tour.morning();
      tour.kiosk();
      tour.display();
      tour.counterConsole();
      tour.ticketPage();
      tour.bookingPage();
      tour.managerConsole();
      tour.reports();
    }
    System.out.println("tour screenshots written to " + OUT.toAbsolutePath());
  }

  private String url(String path) {
    return api.base() + path;
  }

  /** A staff account of demo with its full name (the console shows it), logged in. */
  private String staff(String username, String fullName, String role) {
    Api.Response created = api.post("/api/v1/offices/demo/accounts", new JsonObject().put("username", username)
        .put("password", STAFF_PASSWORD).put("role", role).put("fullName", fullName)
        .put("offices", new JsonArray().add("demo")).encode(), "token", app.adminToken());
    if (created.status() != 201) {
      throw new IllegalStateException("could not create " + username + ": " + created.body());
    }
    return app.login(username, STAFF_PASSWORD);
  }

  private JsonObject press(String counter, String action, String token) {
    Api.Response r = app.counter("demo", counter, action, token);
    if (r.status() != 200 && r.status() != 204) {
      throw new IllegalStateException(action + " at counter " + counter + ": " + r.status() + " " + r.body());
    }
    return r.status() == 200 ? r.json() : new JsonObject();
  }

  private void minutes(int n) {
    app.clock().advance(Duration.ofMinutes(n));
  }

  /**
   * From 07:30 of a Monday: citizens take numbers in every field every few minutes while seven
   * counters open, call, serve and complete (the citizens rate the service); then a busier quarter of
   * an hour fills the queues, counter 6 goes on a break and the others call again.
   */
  private void morning() {
    app.clock().set(java.time.Instant.parse("2026-11-23T00:30:00Z"));
    String[] fields = {"dat-dai", "ho-tich", "chung-thuc", "dat-dai", "dang-ky-kinh-doanh", "ho-tich", "xay-dung",
        "chung-thuc", "dat-dai", "lao-dong", "ho-tich", "dat-dai", "chung-thuc", "xay-dung", "dat-dai", "ho-tich",
        "dat-dai", "chung-thuc", "ho-tich", "dat-dai", "xay-dung", "dat-dai", "ho-tich", "chung-thuc", "dat-dai",
        "ho-tich", "chung-thuc", "dat-dai", "xay-dung", "ho-tich", "dat-dai", "chung-thuc"};
    String[][] people = {{"1", "minh", "Trần Văn Minh"}, {"2", "hoa", "Lê Thị Hoa"}, {"4", "tuan", "Phạm Anh Tuấn"},
        {"5", "thu", "Đỗ Thị Thu"}, {"7", "nam", "Vũ Hoài Nam"}, {"3", "mai", "Ngô Thanh Mai"},
        {"6", "binh", "Hoàng Văn Bình"}};
    String[] tokens = new String[people.length];
    for (int i = 0; i < people.length; i++) {
      tokens[i] = staff(people[i][1], people[i][2], "staff");
      api.post("/api/v1/offices/demo/counters/" + people[i][0] + "/open", null, "token", tokens[i]);
    }
    for (int i = 0; i < fields.length; i++) {
      app.issue("demo", fields[i]);
      minutes(2);
      int c = i % people.length;
      JsonObject called = press(people[c][0], "call-next", tokens[c]);
      if (called.containsKey("ticket")) {
        minutes(1);
        press(people[c][0], "start", tokens[c]);
        minutes(3);
        press(people[c][0], "complete", tokens[c]);
        String level = i % 5 == 4 ? "2" : "3";
        api.post("/api/v1/tickets/" + called.getJsonObject("ticket").getString("id") + "/rating",
            "{\"level\":" + level + "}");
      }
    }
    // a busier quarter of an hour: the queues fill up again
    for (String field : List.of("dat-dai", "ho-tich", "chung-thuc", "dat-dai", "xay-dung", "ho-tich", "dat-dai",
        "chung-thuc", "ho-tich", "dat-dai", "lao-dong", "dat-dai")) {
      app.issue("demo", field);
      minutes(1);
    }
    api.post("/api/v1/offices/demo/counters/6/pause", new JsonObject().put("reason", "nghi-giai-lao").encode(),
        "token", tokens[6]);
    // the counters at work as the tour starts: two serving, two called
    press("1", "call-next", tokens[0]);
    press("1", "start", tokens[0]);
    press("4", "call-next", tokens[2]);
    minutes(2);
    press("5", "call-next", tokens[3]);
    press("5", "start", tokens[3]);
    press("7", "call-next", tokens[4]);
    minutes(1);
  }

  private Browser browser(int width, int height) {
    Browser browser = Browser.open(width, height);
    browser.clockAt(app.clock().instant());
    return browser;
  }

  private Browser phone() {
    Browser browser = browser(390, 844);
    browser.emulatePhone(390, 844);
    return browser;
  }

  private static void save(Browser browser, String name) throws Exception {
    Path shot = browser.screenshot("tour-" + name);
    Files.copy(shot, OUT.resolve("tour-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    System.out.println("  " + OUT.resolve("tour-" + name + ".png"));
  }

  private void kiosk() throws Exception {
    try (Browser browser = browser(1080, 1920)) {
      browser.go(url("/kiosk?office=demo&print=none"));
      browser.await(WAIT, d -> browser.find("#screen-start").isDisplayed()
          && d.findElements(By.cssSelector(".service")).size() >= 6 ? Boolean.TRUE : null);
      save(browser, "kiosk-1080x1920");
      WebElement hoTich = browser.findAll(".service").stream().filter(b -> b.getText().contains("Hộ tịch"))
          .findFirst().orElseThrow();
      hoTich.click();
      browser.await(WAIT, d -> browser.find("#screen-ticket").isDisplayed() && !browser.text("#t-number").isEmpty()
          ? Boolean.TRUE : null);
      save(browser, "kiosk-ticket-1080x1920");
    }
  }

  private void display() throws Exception {
    try (Browser browser = browser(1920, 1080)) {
      browser.go(url("/display?office=demo&sound=off"));
      browser.await(WAIT, d -> browser.text("#now-number").isEmpty() ? null : Boolean.TRUE);
      String token = app.login("mai", STAFF_PASSWORD);
      String number = press("3", "call-next", token).getJsonObject("ticket").getString("number");
      browser.awaitText("#now-number", number, WAIT);
      save(browser, "display-1920x1080");
    }
  }

  private void counterConsole() throws Exception {
    staff("lan", "Nguyễn Thị Lan", "staff");
    try (Browser browser = browser(1366, 768)) {
      browser.go(url("/counter?office=demo"));
      browser.awaitText("#login h1", "Đăng nhập quầy", WAIT);
      browser.find("#username").sendKeys("lan");
      browser.find("#password").sendKeys(STAFF_PASSWORD);
      browser.find("#login-form button[type=submit]").click();
      browser.awaitText("#counter-choices", "Quầy 2", WAIT);
      browser.findAll("#counter-choices button").stream().filter(b -> b.getText().startsWith("Quầy 2"))
          .findFirst().orElseThrow().click();
      browser.awaitText("#counter-name", "Quầy 2", WAIT);
      browser.find("#actions [data-action='call-next']").click();
      browser.await(WAIT, d -> browser.text("#current-number").isEmpty() ? null : Boolean.TRUE);
      browser.find("#actions [data-action='start']").click();
      browser.awaitText("#current-status", "Đang phục vụ", WAIT);
      save(browser, "counter-1366x768");
    }
  }

  private void ticketPage() throws Exception {
    JsonObject mine = app.issue("demo", "dat-dai");
    try (Browser browser = phone()) {
      browser.go(url("/t/" + mine.getString("id")));
      browser.awaitText("#number", mine.getString("number"), WAIT);
      browser.await(WAIT, d -> browser.text("body").contains("Dự kiến") ? Boolean.TRUE : null);
      save(browser, "ticket-390x844");
    }
  }

  private void bookingPage() throws Exception {
    try (Browser browser = phone()) {
      browser.go(url("/book?office=demo&service=ho-tich"));
      browser.awaitText("#step-day", "Chọn ngày", WAIT);
      browser.await(WAIT, d -> d.findElements(By.cssSelector("#days .day:not([disabled])")).isEmpty() ? null : true);
      browser.find("#days .day:not([disabled])").click();
      browser.await(WAIT, d -> d.findElements(By.cssSelector("#slots .slot:not([disabled])")).isEmpty() ? null : true);
      save(browser, "book-390x844");
    }
  }

  private void managerConsole() throws Exception {
    staff("ha", "Phạm Thu Hà", "manager");
    try (Browser browser = browser(1366, 768)) {
      browser.go(url("/admin?office=demo"));
      browser.awaitText("#login h1", "Đăng nhập bảng điều hành", WAIT);
      browser.find("#username").sendKeys("ha");
      browser.find("#password").sendKeys(STAFF_PASSWORD);
      browser.find("#login-form button[type=submit]").click();
      browser.await(WAIT, d -> browser.find("#shell").isDisplayed() ? Boolean.TRUE : null);
      browser.awaitText("#counter-cards", "Quầy 3", WAIT);
      browser.awaitText("#field-rows", "Hộ tịch", WAIT);
      save(browser, "admin-1366x768");
    }
  }

  private void reports() throws Exception {
    try (Browser browser = browser(1366, 768)) {
      browser.go(url("/admin/reports?office=demo"));
      browser.awaitText("#login", "Đăng nhập quản lý", WAIT);
      browser.find("#username").sendKeys("ha");
      browser.find("#password").sendKeys(STAFF_PASSWORD);
      browser.find("#login button[type=submit]").click();
      browser.awaitText("#office-name", "Trung tâm Phục vụ hành chính công", WAIT);
      for (String field : List.of("#from", "#to")) {
        browser.find(field).clear();
        browser.find(field).sendKeys("23/11/2026");
      }
      browser.find("#range button[type=submit]").click();
      browser.awaitText("#table tbody", "Hộ tịch (ho-tich)", WAIT);
      browser.await(WAIT, d -> browser.findAll(".plot canvas").size() == 3 ? Boolean.TRUE : null);
      browser.find("#tabs .tab[data-by=field]").click();
      browser.awaitText("#table tbody", "Hộ tịch (ho-tich)", WAIT);
      save(browser, "reports-1366x768");
    }
  }
}
