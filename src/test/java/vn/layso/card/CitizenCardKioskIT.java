package vn.layso.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.layso.testing.Api;
import vn.layso.testing.Axe;
import vn.layso.testing.Browser;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The kiosk with the office's citizenCard.atKiosk on, in a real browser at the kiosk's sizes: the
 * prompt, a scan typed as fast as a scanner types (and a person typing the same slowly, which is no
 * scan), the masked name and last four digits before the field is chosen, the ticket counted for
 * that citizen, the limit's message, the required mode's way to the staff desk, and the booking
 * page prefilled through sessionStorage.
 */
class CitizenCardKioskIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SETTINGS = "/api/v1/offices/demo/settings";
  private static final String CCCD = "001099012345";
  private static final String QR = CCCD + "|123456789|Nguyễn Văn An|15061999|Nam|Số 12 Tràng Tiền, Hoàn Kiếm, Hà Nội|10082021";
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @AfterEach
  void off() {
    atKiosk("off");
  }

  static void atKiosk(String mode) {
    JsonObject doc = app.api().get(SETTINGS, "token", app.adminToken()).json();
    String revision = String.valueOf(doc.getValue("revision"));
    doc.put("citizenCard", new JsonObject().put("atKiosk", mode));
    Api.Response put = app.api().method("PUT", SETTINGS, doc.encode(), "token", app.adminToken(),
        "Content-Type", "application/json", "If-Match", revision);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> mode.equals(
        app.api().get("/api/v1/offices/demo").json().getJsonObject("citizenCard").getString("atKiosk")));
  }

  /** A paired kiosk page (its own device token, as the pairing screen leaves it). */
  static Browser kiosk(int width, int height, String name) {
    Browser browser = Browser.open(width, height);
    browser.go(app.api().base() + "/kiosk?office=demo&print=none");
    Api.Response paired = app.api().post("/api/v1/offices/demo/devices",
        new JsonObject().put("name", name).put("kind", "kiosk").encode(), "token", app.adminToken());
    assertThat(paired.status()).isEqualTo(201);
    browser.js("localStorage.setItem('layso.kiosk.device.demo', arguments[0]);",
        new JsonObject().put("token", paired.json().getString("token")).put("device", name).encode());
    browser.go(app.api().base() + "/kiosk?office=demo&print=none");
    return browser;
  }

  static void onScreen(Browser browser, String screen) {
    browser.await(WAIT, d -> browser.find("#screen-" + screen).isDisplayed() ? Boolean.TRUE : null);
  }

  /** The card's text then Enter, as fast as the driver types: a keyboard-wedge scanner. */
  static void scan(Browser browser, String text) {
    new Actions(browser.driver()).sendKeys(text + Keys.ENTER).perform();
  }

  /** A field, then "no priority" (a paired kiosk asks): the issue request goes out. */
  static void tapField(Browser browser, String name) {
    browser.await(WAIT, d -> d.findElements(By.cssSelector(".service")).size() >= 6 ? Boolean.TRUE : null);
    WebElement field = browser.driver().findElements(By.cssSelector(".service")).stream()
        .filter(b -> b.getText().contains(name)).findFirst().orElseThrow();
    tapUntil(browser, field, "#screen-start");
    onScreen(browser, "priority");
    tapUntil(browser, browser.find("#no-priority"), "#screen-priority");
  }

  /** Taps until the page takes it (it ignores taps in the first 400 ms after its screen changed: a double tap's echo). */
  static void tapUntil(Browser browser, WebElement target, String whileShown) {
    browser.await(WAIT, d -> {
      if (browser.find(whileShown).isDisplayed() && target.isDisplayed()) {
        new Actions(d).moveToElement(target).click().perform();
      }
      return browser.find(whileShown).isDisplayed() ? null : Boolean.TRUE;
    });
  }

  static String uri() {
    return app.server().embeddedRedis().uri();
  }

  @Test
  void aScannedCardShowsTheMaskedNameAndItsTicketIsCounted() {
    atKiosk("optional");
    for (int[] size : new int[][] {{1080, 1920}, {1920, 1080}}) {
      try (Browser browser = kiosk(size[0], size[1], "kiosk-cccd-" + size[0])) {
        onScreen(browser, "card");
        assertThat(browser.text("#screen-card")).contains("Quét mã QR trên CCCD", "Không có thẻ",
            "Tôi đã đặt lịch hẹn");
        assertThat(browser.find("#card-required").isDisplayed()).isFalse();
        browser.screenshot("kiosk-cccd-prompt-" + size[0] + "x" + size[1]);
        Axe.assertNoSeriousViolations(browser, "kiosk CCCD prompt");

        // a person typing the same text slowly is no scan: nothing happens
        Actions slowly = new Actions(browser.driver());
        for (char c : QR.substring(0, 14).toCharArray()) {
          slowly.sendKeys(String.valueOf(c)).pause(Duration.ofMillis(120));
        }
        slowly.sendKeys("|Nguyễn Văn An|15061999" + Keys.ENTER).perform();
        assertThat(browser.find("#screen-card").isDisplayed()).isTrue();
        assertThat(browser.find("#card-banner").isDisplayed()).isFalse();

        scan(browser, QR);
        onScreen(browser, "start");
        browser.awaitText("#card-who", "Nguyễn V. A – ****2345", WAIT);
        assertThat(browser.text("#screen-start")).contains("Đặt lịch hẹn ngày khác", "Không phải tôi")
            .doesNotContain("Văn An", CCCD.substring(0, 8), "15061999");
        browser.screenshot("kiosk-cccd-scanned-" + size[0] + "x" + size[1]);
        Axe.assertNoSeriousViolations(browser, "kiosk with a scanned card");
        // the card is in no storage of the page
        assertThat((String) browser.js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage);"))
            .doesNotContain(CCCD).doesNotContain("Nguy");
        if (size[0] == 1920) {
          // "Không phải tôi" forgets the card and goes back to the prompt
          tapUntil(browser, browser.find("#card-not-me"), "#screen-start");
          onScreen(browser, "card");
          assertThat(browser.find("#card-banner").isDisplayed()).isFalse();
          continue;
        }
        tapField(browser, "Hộ tịch");
        onScreen(browser, "ticket");
        String number = browser.text("#t-number");
        assertThat(number).startsWith("B");
        List<String> counted = RedisAdmin.sync(uri(), c -> c.keys("*citizen:*:c:*"));
        assertThat(counted).hasSize(1);
        List<String> fields = RedisAdmin.sync(uri(), c -> c.hvals(counted.get(0)));
        assertThat(fields).containsExactly("ho-tich");
        // Done: back to the prompt, the card forgotten
        tapUntil(browser, browser.find("#done"), "#screen-ticket");
        onScreen(browser, "card");
        assertThat(browser.find("#card-banner").isDisplayed()).isFalse();

        // the same card again in the same field: the limit, said on the card screen
        scan(browser, QR);
        tapField(browser, "Hộ tịch");
        onScreen(browser, "card");
        browser.awaitText("#card-problem", "Hôm nay bạn đã có số hoặc lịch hẹn ở lĩnh vực này. Muốn lấy số lĩnh vực"
            + " khác, mời bạn quét lại thẻ rồi chọn lĩnh vực; hoặc hỏi cán bộ tiếp nhận.", WAIT);
        browser.screenshot("kiosk-cccd-limit-" + size[0] + "x" + size[1]);
      }
    }
  }

  @Test
  void theRequiredModeSendsACitizenWithoutACardToTheDesk() {
    atKiosk("required");
    try (Browser browser = kiosk(1080, 1920, "kiosk-cccd-bat-buoc")) {
      onScreen(browser, "card");
      assertThat(browser.find("#card-required").isDisplayed()).isTrue();
      assertThat(browser.find("#card-skip").isDisplayed()).isFalse();
      assertThat(browser.text("#card-required"))
          .isEqualTo("Không mang thẻ CCCD? Mời bạn đến bàn cán bộ tiếp nhận để được cấp số.");
      browser.screenshot("kiosk-cccd-required-1080x1920");
      // a text that is no card's
      scan(browser, "079123|||");
      browser.awaitText("#card-problem", "Không đọc được mã QR trên thẻ. Mời bạn quét lại mã QR ở mặt trước thẻ CCCD.",
          WAIT);
    }
  }

  @Test
  void aManagerTurnsTheCardOnInTheConsolesSettings() {
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(app.api().base() + "/admin?office=demo#settings");
      browser.await(WAIT, d -> browser.find("#login").isDisplayed() ? Boolean.TRUE : null);
      browser.find("#username").sendKeys("admin");
      browser.find("#password").sendKeys(TestApp.ADMIN_PASSWORD);
      browser.find("#login-form button[type=submit]").click();
      browser.await(WAIT, d -> browser.find("#shell").isDisplayed() ? Boolean.TRUE : null);
      browser.find(".tabs a[data-tab=settings]").click();
      browser.await(WAIT, d -> !browser.findAll("#sec-citizenCard select").isEmpty() ? Boolean.TRUE : null);
      assertThat(browser.js("return document.getElementById('sec-citizenCard-h').textContent;"))
          .isEqualTo("Thẻ CCCD tại máy lấy số");
      assertThat(browser.text("#sec-citizenCard")).contains("Quét mã QR trên CCCD khi lấy số tại kiosk");
      org.openqa.selenium.support.ui.Select select =
          new org.openqa.selenium.support.ui.Select(browser.find("#sec-citizenCard select"));
      assertThat(select.getFirstSelectedOption().getText()).isEqualTo("Không dùng");
      select.selectByValue("required");
      browser.js("document.getElementById('sec-citizenCard').scrollIntoView({block: 'center'})");
      browser.screenshot("admin-settings-citizen-card-1366x768");
      browser.find("#settings-save").click();
      org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "required".equals(
          app.api().get("/api/v1/offices/demo").json().getJsonObject("citizenCard").getString("atKiosk")));
    }
  }

  @Test
  void bookingAnotherDayPrefillsTheFormThroughSessionStorage() {
    atKiosk("optional");
    try (Browser browser = kiosk(1080, 1920, "kiosk-cccd-dat-lich")) {
      onScreen(browser, "card");
      scan(browser, "079305001234||Trần Thị Thủy|02012005|Nữ|Phường Bến Nghé, TP. Hồ Chí Minh|20032022");
      browser.awaitText("#card-who", "Trần T. T – ****1234", WAIT);
      browser.await(WAIT, d -> {
        if (!d.getCurrentUrl().contains("/book")) {
          browser.find("#card-book").click();
        }
        return d.getCurrentUrl().contains("/book") ? Boolean.TRUE : null;
      });
      assertThat(browser.driver().getCurrentUrl()).endsWith("/book?office=demo")
          .doesNotContain("1234").doesNotContain("Th");
      browser.await(WAIT, d -> "Trần Thị Thủy".equals(browser.js("return document.getElementById('full-name').value;"))
          ? Boolean.TRUE : null);
      assertThat(browser.js("return document.getElementById('citizen-id').value;")).isEqualTo("079305001234");
      assertThat(browser.js("return sessionStorage.getItem('layso.book.prefill');")).as("read once").isNull();
      browser.awaitText("#prefill-back", "Quay lại máy lấy số", WAIT);
      // a reload (the next person) finds an empty form
      browser.go(app.api().base() + "/book?office=demo");
      browser.await(WAIT, d -> Boolean.TRUE.equals(browser.js("return document.readyState === 'complete';"))
          ? Boolean.TRUE : null);
      assertThat(browser.js("return document.getElementById('full-name').value;")).isEqualTo("");
      assertThat(browser.findAll("#prefill-back")).isEmpty();
    }
  }
}
