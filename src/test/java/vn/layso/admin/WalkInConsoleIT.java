package vn.layso.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import vn.layso.testing.Api;
import vn.layso.testing.Axe;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * The manager's console and walk-in issuing, in a real browser: the live board shows the
 * issuing-surge alert the server raises, the settings form chooses who may take numbers, and an
 * unpaired kiosk of an office that issues from its kiosks only shows its pairing code.
 * The settings test closes the demo office to anonymous issuing: the kiosk's test follows it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkInConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String MANAGER = "quanly-hoa";
  private static String password = "mat-khau-quan-ly-2";
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireChromium();
    app = TestApp.start();
    app.clock().set(LocalDate.now(HANOI).atTime(9, 30).atZone(HANOI).toInstant());
    Api.Response made = app.api().post("/api/v1/offices/demo/accounts", new JsonObject().put("username", MANAGER)
        .put("password", password).put("role", "manager").put("fullName", "Trần Thị Hoa")
        .put("offices", new JsonArray().add("demo")).encode(), "token", app.adminToken());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    Api.Response login = app.api().post("/api/v1/auth/login",
        new JsonObject().put("username", MANAGER).put("password", password).encode());
    if (login.json().getBoolean("mustChangePassword", false)) {
      String changed = password + "-doi";
      app.api().post("/api/v1/auth/password", new JsonObject().put("current", password).put("new", changed).encode(),
          "token", login.json().getString("token"));
      password = changed;
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static Browser logIn() {
    Browser browser = Browser.open(1366, 768);
    browser.clockAt(app.clock().instant());
    browser.go(app.api().base() + "/admin?office=demo");
    browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
    browser.find("#username").sendKeys(MANAGER);
    browser.find("#password").sendKeys(password);
    browser.find("#login-form button[type=submit]").click();
    browser.await(WAIT, d -> browser.find("#shell").isDisplayed() ? Boolean.TRUE : null);
    return browser;
  }

  private static String textOf(Browser browser, String css) {
    return (String) browser.js("const n = document.querySelector(arguments[0]); return n ? n.innerText : '';", css);
  }

  @Test
  @Order(1)
  void theLiveBoardWarnsOfAFieldIssuingFarFasterThanNormal() throws Exception {
    try (Browser browser = logIn()) {
      browser.await(WAIT, d -> !textOf(browser, "#field-rows tr[data-service=chung-thuc]").isEmpty() ? Boolean.TRUE : null);
      // Chứng thực: two counters at 5 minutes serve 24 an hour; 12 in ten minutes is three times that
      for (int i = 0; i < 11; i++) {
        app.issue("demo", "chung-thuc");
      }
      assertThat(app.api().get("/api/v1/offices/demo/board", "token", app.adminToken()).json()
          .getJsonArray("surges")).isEmpty();
      app.issue("demo", "chung-thuc");
      browser.await(WAIT, d -> textOf(browser, "#alerts").contains(
          "Lĩnh vực Chứng thực đang cấp số nhanh gấp 3 lần bình thường") ? Boolean.TRUE : null);
      assertThat(textOf(browser, "#alerts .surge")).contains("12 số trong 10 phút qua");
      browser.screenshot("admin-live-surge-1366x768");
      Axe.assertNoSeriousViolations(browser, "admin live board with a surge alert");
      browser.find("#shell .lang-switch button:nth-child(2)").click();
      browser.await(WAIT, d -> textOf(browser, "#alerts").contains(
          "Field Chứng thực is issuing numbers 3 times faster than normal") ? Boolean.TRUE : null);
      browser.find("#shell .lang-switch button:nth-child(1)").click();
    }
  }

  @Test
  @Order(2)
  void theSettingsFormChoosesWhoMayTakeNumbers() throws Exception {
    try (Browser browser = logIn()) {
      browser.find(".tabs a[data-tab=settings]").click();
      browser.await(WAIT, d -> !browser.findAll("select[data-path=walkInIssuing]").isEmpty() ? Boolean.TRUE : null);
      Select mode = new Select(browser.find("select[data-path=walkInIssuing]"));
      assertThat(mode.getFirstSelectedOption().getText()).isEqualTo("Mở cho mọi người");
      assertThat(browser.find("input[data-path='walkIn.openTicketsPerAddress']").getAttribute("value")).isEqualTo("4");
      browser.js("document.querySelector('select[data-path=walkInIssuing]').scrollIntoView({block: 'center'})");
      browser.screenshot("admin-settings-walkin-1366x768");
      Axe.assertNoSeriousViolations(browser, "admin settings, walk-in issuing");

      mode.selectByValue("kiosk");
      browser.find("#settings-save").click();
      browser.await(WAIT, d -> textOf(browser, "#settings-status").contains("Đã lưu") ? Boolean.TRUE : null);
      Awaitility.await().atMost(WAIT).untilAsserted(() -> assertError(app.api().post("/api/v1/offices/demo/tickets",
          "{\"service\":\"ho-tich\"}"), 403, "kiosk_only"));
      assertThat(app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken()).json()
          .getString("walkInIssuing")).isEqualTo("kiosk");
    }
  }

  @Test
  @Order(3)
  void anUnpairedKioskOfAKioskOnlyOfficeShowsItsPairingCode() {
    assertThat(app.api().get("/api/v1/offices/demo").json().getString("walkInIssuing")).isEqualTo("kiosk");
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(app.api().base() + "/kiosk?office=demo&print=none");
      browser.await(WAIT, d -> {
        if (browser.find("#screen-pair").isDisplayed()) {
          return Boolean.TRUE;
        }
        d.findElements(By.cssSelector(".service")).stream().filter(b -> b.getText().contains("Hộ tịch")).findFirst()
            .filter(WebElement::isDisplayed).ifPresent(b -> new Actions(d).moveToElement(b).click().perform());
        return null;
      });
      browser.await(WAIT, d -> browser.text(".pairing-code").matches("[2-9A-Z]{3}-[2-9A-Z]{3}") ? Boolean.TRUE : null);
      browser.screenshot("kiosk-kiosk-only-pairing-1920x1080");
    }
  }
}
