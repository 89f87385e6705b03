package vn.layso.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.People;
import vn.layso.testing.Browser;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The kiosk page in a real Chromium against a real server, at a portrait kiosk's and two landscape
 * screens' sizes: a citizen takes a number and sees it with its QR code; the kiosk shows a pairing
 * code that a manager claims, and holds only its device token, after which priority groups are offered; a double tap
 * takes one number; the kiosk returns to its start screen by itself; an unknown check-in code
 * says so (KioskCheckInIT checks a real appointment in).
 */
class KioskIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int[][] SIZES = {{1080, 1920}, {1920, 1080}, {1366, 768}};
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String kiosk(String query) {
    return app.api().base() + "/kiosk?office=demo" + query;
  }

  private static WebElement service(Browser browser, String name) {
    browser.await(WAIT, d -> browser.find("#screen-start").isDisplayed()
        && d.findElements(By.cssSelector(".service")).size() >= 6 ? Boolean.TRUE : null);
    return browser.driver().findElements(By.cssSelector(".service")).stream()
        .filter(b -> b.getText().contains(name)).findFirst().orElseThrow();
  }

  private static void tap(Browser browser, WebElement element) {
    new Actions(browser.driver()).moveToElement(element).click().perform();
  }

  /**
   * Taps like a person, until the page takes it: the kiosk ignores taps in the first 400 ms after a
   * tap changed the screen (they are the echo of a double tap), and a test is quicker than a person.
   */
  private static void tapUntil(Browser browser, String css, String screen) {
    try {
      tapUntilNow(browser, css, screen);
    } catch (org.openqa.selenium.TimeoutException stuck) {
      browser.screenshot("kiosk-stuck-" + screen + "-" + System.currentTimeMillis());
      throw new AssertionError("still no " + screen + " screen after tapping " + css + "; on screen: "
          + browser.js("return document.body.dataset.screen + ' | ' + document.body.innerText.slice(0, 300);"), stuck);
    }
  }

  private static void tapUntilNow(Browser browser, String css, String screen) {
    browser.await(WAIT, d -> {
      WebElement target = browser.find(css);
      if (!browser.find("#screen-" + screen).isDisplayed() && target.isDisplayed()) {
        tap(browser, target);
      }
      return browser.find("#screen-" + screen).isDisplayed() ? Boolean.TRUE : null;
    });
  }

  /** The ticket on screen: waits for it, checks its QR image loaded and returns the ticket from the API. */
  private static JsonObject ticketOnScreen(Browser browser) {
    browser.await(WAIT, d -> browser.find("#screen-ticket").isDisplayed() && !browser.text("#t-number").isEmpty()
        ? Boolean.TRUE : null);
    browser.await(WAIT, d -> Boolean.TRUE.equals(browser.js(
        "const i = document.getElementById('t-qr'); return i.complete && i.naturalWidth > 0;")) ? Boolean.TRUE : null);
    String src = (String) browser.js("return document.getElementById('t-qr').getAttribute('src');");
    assertThat(src).matches("/api/v1/tickets/demo\\.[0-9a-z]{12}/qr\\.svg");
    String id = src.split("/")[4];
    Api.Response ticket = app.api().get("/api/v1/tickets/" + id);
    assertThat(ticket.status()).isEqualTo(200);
    assertThat(browser.text("#t-number")).isEqualTo(ticket.json().getString("number"));
    return ticket.json();
  }

  private static String adminTokenCount() {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    return Long.toString(RedisAdmin.sync(uri, c -> c.scard(Keys.userTokens("admin"))));
  }

  @Test
  void aCitizenTakesANumberAndSeesItWithItsQrAtEveryScreenSize() {
    for (int[] size : SIZES) {
      String name = size[0] + "x" + size[1];
      try (Browser browser = Browser.open(size[0], size[1])) {
        browser.go(kiosk("&print=none"));
        WebElement hoTich = service(browser, "Hộ tịch");
        assertThat(browser.text("#screen-start")).contains("Chọn lĩnh vực", "Đất đai", "Khai sinh, kết hôn",
            "Tôi đã đặt lịch hẹn");
        assertThat(browser.text(".bar")).contains("Ba Đình");
        assertThat(hoTich.getSize().getHeight()).isGreaterThanOrEqualTo(48);
        assertThat(browser.find("#priority-note").isDisplayed()).isTrue();
        assertThat(browser.find("#pair-open").isDisplayed()).isTrue();
        Boolean fits = (Boolean) browser.js("const s = document.getElementById('screen-start');"
            + " return s.scrollHeight <= s.clientHeight + 1;");
        assertThat(fits).as("start screen fits %s", name).isTrue();
        browser.screenshot("kiosk-start-" + name);
        tap(browser, hoTich);
        JsonObject ticket = ticketOnScreen(browser);
        assertThat(ticket.getString("service")).isEqualTo("ho-tich");
        assertThat(ticket.getString("priority")).isNull();
        assertThat(browser.text("#screen-ticket")).contains("Số thứ tự của bạn", "Hộ tịch",
            "Người đang chờ trước bạn", "Quét mã để theo dõi lượt của bạn", "/2026");
        Boolean ticketFits = (Boolean) browser.js("const r = document.getElementById('done').getBoundingClientRect();"
            + " return r.bottom <= innerHeight;");
        assertThat(ticketFits).as("ticket screen fits %s", name).isTrue();
        browser.screenshot("kiosk-ticket-" + name);
        long bytes = ((Number) browser.js("return performance.getEntriesByType('navigation')"
            + ".concat(performance.getEntriesByType('resource'))"
            + ".reduce((sum, e) => sum + Math.max(e.decodedBodySize || 0, e.encodedBodySize || 0), 0);")).longValue();
        assertThat(bytes).as("bytes the kiosk loaded, %s", name).isPositive().isLessThan(200_000);
        System.out.printf("kiosk page weight at %s: %d bytes%n", name, bytes);
      }
    }
  }

  @Test
  void anUnpairedKioskPrintsThroughTheBrowserByDefault() {
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(kiosk(""));
      browser.js("window.printed = 0; window.print = () => { window.printed++; };");
      tap(browser, service(browser, "Chứng thực"));
      ticketOnScreen(browser);
      browser.await(WAIT, d -> ((Number) browser.js("return window.printed;")).intValue() == 1 ? Boolean.TRUE : null);
    }
  }

  @Test
  void aKioskShowsACodeAManagerClaimsItAndTheKioskIsPairedWithoutAnyPassword() {
    String manager = People.person(app, "ql-kiosk", "manager", List.of("demo"));
    String adminTokensBefore = adminTokenCount();
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(kiosk("&print=none"));
      service(browser, "Đất đai");
      browser.find("#pair-open").click();
      browser.await(WAIT, d -> browser.find("#screen-pair").isDisplayed() ? Boolean.TRUE : null);
      browser.await(WAIT, d -> browser.text(".pairing-code").matches("[2-9A-Z]{3}-[2-9A-Z]{3}") ? Boolean.TRUE : null);
      String code = browser.text(".pairing-code");
      assertThat(browser.text("#screen-pair")).contains("Nhập mã này trong trang quản trị → Thiết bị");
      assertThat(browser.findAll("#screen-pair input")).as("nobody types a password into a kiosk").isEmpty();
      browser.screenshot("kiosk-pair-code-1080x1920");
      browser.resizeViewport(1920, 1080);
      browser.screenshot("kiosk-pair-code-1920x1080");
      browser.resizeViewport(1080, 1920);

      Api.Response claimed = app.api().post("/api/v1/offices/demo/devices/claim", new JsonObject().put("code", code)
          .put("kind", "kiosk").put("name", "kiosk-sanh-1").encode(), "token", manager);
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
      browser.awaitText("#notice-title", "Đã ghép thiết bị", WAIT);
      browser.screenshot("kiosk-paired-1080x1920");

      // the page keeps one token, the device's; no person's token was ever in it
      @SuppressWarnings("unchecked")
      List<String> stored = (List<String>) browser.js(
          "return Object.keys(localStorage).map(k => localStorage.getItem(k));");
      JsonObject saved = new JsonObject(stored.stream().filter(s -> s.contains("token")).findFirst().orElseThrow());
      JsonObject me = app.api().get("/api/v1/auth/me", "token", saved.getString("token")).json();
      assertThat(me.getString("role")).isEqualTo("DEVICE");
      assertThat(me.getString("username")).isEqualTo("kiosk-sanh-1");
      assertThat(adminTokenCount()).as("admin tokens after pairing").isEqualTo(adminTokensBefore);

      tapUntil(browser, "#notice-back", "start");
      tapUntil(browser, ".service[data-issue='dat-dai']", "priority");
      browser.awaitText("#screen-priority", "Người cao tuổi", WAIT);
      assertThat(browser.text("#screen-priority")).contains("Không, tôi lấy số thường", "Đất đai");
      browser.screenshot("kiosk-priority-1080x1920");
      tapUntil(browser, ".group[data-issue='nguoi-cao-tuoi']", "ticket");
      JsonObject ticket = ticketOnScreen(browser);
      assertThat(ticket.getString("priority")).isEqualTo("nguoi-cao-tuoi");
      assertThat(browser.text("#t-priority")).contains("Người cao tuổi");
      assertThat(browser.text(".bar")).contains("kiosk-sanh-1");
      browser.screenshot("kiosk-ticket-priority-1080x1920");

      // unpaired by the admin: the next start says "Thiết bị chưa ghép nối" with a new code; "Huỷ" goes back
      // to normal numbers only (DeviceUnpairedScreenIT: while the page runs)
      Api.Response unpaired = app.api().method("DELETE", "/api/v1/offices/demo/devices/kiosk-sanh-1", null,
          "token", app.adminToken());
      assertThat(unpaired.status()).isEqualTo(204);
      browser.go(kiosk("&print=none"));
      browser.awaitText("#screen-pair", "Thiết bị chưa ghép nối", WAIT);
      browser.screenshot("kiosk-revoked-1080x1920");
      tapUntil(browser, "#screen-pair [data-back]", "start");
      tapUntil(browser, ".service[data-issue='dat-dai']", "ticket");
      assertThat(ticketOnScreen(browser).getString("priority")).isNull();
      assertThat((Long) browser.js("return Object.keys(localStorage).filter(k => k.startsWith('layso.kiosk')).length;"))
          .isZero();
    }
  }

  @Test
  void aDoubleTapTakesOneNumber() {
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(kiosk("&print=none"));
      new Actions(browser.driver()).doubleClick(service(browser, "Xây dựng")).perform();
      JsonObject ticket = ticketOnScreen(browser);
      // a third tap right after, on the same spot of the next screen, changes nothing either
      String next = app.issue("demo", "xay-dung").getString("number");
      int shown = Integer.parseInt(ticket.getString("number").substring(1));
      assertThat(Integer.parseInt(next.substring(1))).isEqualTo(shown + 1);
    }
  }

  @Test
  void theKioskGoesBackToItsStartScreenWhenLeftAlone() {
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(kiosk("&print=none&idle=3"));
      tap(browser, service(browser, "Đăng ký kinh doanh"));
      ticketOnScreen(browser);
      browser.awaitText("#countdown", "giây", WAIT);
      browser.await(Duration.ofSeconds(8), d -> browser.find("#screen-start").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.find("#screen-ticket").isDisplayed()).isFalse();
    }
  }

  @Test
  void checkInWithAnUnknownCodeSaysSoByKeypadOrScanner() {
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(kiosk("&print=none"));
      service(browser, "Đất đai");
      browser.find("#checkin-open").click();
      for (String key : new String[] {"A", "B", "7", "Q"}) {
        browser.driver().findElements(By.cssSelector(".key")).stream().filter(k -> k.getText().equals(key))
            .findFirst().orElseThrow().click();
      }
      assertThat(browser.text("#code-display")).isEqualTo("AB7Q");
      browser.screenshot("kiosk-checkin-1080x1920");
      browser.find("#checkin-submit").click();
      browser.awaitText("#notice-title", "Không tìm thấy lịch hẹn", WAIT);
      assertThat(browser.text("#notice-text")).contains("Mã lịch hẹn không đúng").doesNotContain("{");
      browser.screenshot("kiosk-checkin-unknown-1080x1920");

      // a QR scanner types the code and Enter, from the start screen
      tapUntil(browser, "#notice-back", "start");
      new Actions(browser.driver()).sendKeys("XK42" + org.openqa.selenium.Keys.ENTER).perform();
      browser.awaitText("#notice-title", "Không tìm thấy lịch hẹn", WAIT);
    }
  }

  /** Pairs a kiosk through the API and gives its token to the page, as the pairing screen would. */
  private static void pairInPage(Browser browser, String name) {
    Api.Response paired = app.api().post("/api/v1/offices/demo/devices",
        new JsonObject().put("name", name).put("kind", "kiosk").encode(), "token", app.adminToken());
    assertThat(paired.status()).isEqualTo(201);
    browser.js("localStorage.setItem('layso.kiosk.device.demo', arguments[0]);",
        new JsonObject().put("token", paired.json().getString("token")).put("device", name).encode());
  }

  /** Answers the page's print request as the printing server would (that endpoint is another branch's). */
  private static void printerAnswers(Browser browser, String json) {
    browser.js("const real = window.fetch; window.printRequests = 0;"
        + " window.fetch = (url, options) => String(url).endsWith('/print')"
        + " ? (window.printRequests++, Promise.resolve(new Response(arguments[0],"
        + " {status: 200, headers: {'Content-Type': 'application/json'}})))"
        + " : real(url, options);", json);
  }

  @Test
  void aPairedKioskWithoutAServerPrinterPrintsThroughTheBrowser() {
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(kiosk(""));
      pairInPage(browser, "kiosk-in-trinh-duyet");
      browser.go(kiosk(""));
      browser.js("window.printed = 0; window.print = () => { window.printed++; };");
      tap(browser, service(browser, "Hộ tịch"));
      tapUntil(browser, "#no-priority", "ticket");
      ticketOnScreen(browser);
      // no print endpoint on this server yet (404), the same as no printer linked (409 no_printer)
      browser.await(WAIT, d -> ((Number) browser.js("return window.printed;")).intValue() == 1 ? Boolean.TRUE : null);
      assertThat(browser.find("#print-status").isDisplayed()).isFalse();
    }
  }

  @Test
  void aFailedPrintTellsTheCitizenWhatToDo() {
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(kiosk(""));
      pairInPage(browser, "kiosk-het-giay");
      browser.go(kiosk(""));
      browser.js("window.printed = 0; window.print = () => { window.printed++; };");
      printerAnswers(browser, "{\"status\":\"FAILED\",\"printer\":\"may-in-sanh\",\"reason\":\"paper_out\","
          + "\"message\":\"Máy in hết giấy.\"}");
      tap(browser, service(browser, "Đất đai"));
      tapUntil(browser, "#no-priority", "ticket");
      ticketOnScreen(browser);
      browser.awaitText("#print-status", "chưa in được phiếu", WAIT);
      assertThat(browser.text("#print-status")).contains("ghi lại số", "chụp ảnh màn hình", "báo cán bộ",
          "Máy in hết giấy.");
      assertThat(browser.find("#print-status").getAttribute("class")).contains("warn");
      assertThat(((Number) browser.js("return window.printed;")).intValue()).isZero();
      browser.screenshot("kiosk-print-failed-1920x1080");

      printerAnswers(browser, "{\"status\":\"PRINTED\",\"printer\":\"may-in-sanh\"}");
      tapUntil(browser, "#done", "start");
      tapUntil(browser, ".service[data-issue='chung-thuc']", "priority");
      tapUntil(browser, "#no-priority", "ticket");
      browser.awaitText("#print-status", "Đã in phiếu", WAIT);
    }
  }

  @Test
  void aNetworkErrorIsRetriedWithTheSameKeyAndGivesOneTicket() {
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(kiosk("&print=none"));
      service(browser, "Xây dựng");
      // the first answer is lost on the way back: the ticket exists, the kiosk saw a network error
      browser.js("const real = window.fetch; window.keys = []; let lose = true;"
          + " window.fetch = (url, options) => {"
          + "   if (!String(url).endsWith('/tickets')) return real(url, options);"
          + "   window.keys.push(options.headers['Idempotency-Key']);"
          + "   return real(url, options).then(r => { if (lose) { lose = false; throw new TypeError('lost'); } return r; });"
          + " };");
      tap(browser, service(browser, "Xây dựng"));
      browser.awaitText("#notice-title", "Chưa kết nối được máy chủ", WAIT);
      assertThat(browser.find("#notice-retry").isDisplayed()).isTrue();
      browser.screenshot("kiosk-network-error-1366x768");
      tapUntil(browser, "#notice-retry", "ticket");
      JsonObject ticket = ticketOnScreen(browser);
      @SuppressWarnings("unchecked")
      List<String> keys = (List<String>) browser.js("return window.keys;");
      assertThat(keys).hasSize(2);
      assertThat(keys.get(1)).isEqualTo(keys.get(0));
      int shown = Integer.parseInt(ticket.getString("number").substring(1));
      assertThat(Integer.parseInt(app.issue("demo", "xay-dung").getString("number").substring(1))).isEqualTo(shown + 1);
    }
  }

  @Test
  void aRateLimitedKioskShowsAFriendlyNotice() throws Exception {
    try (TestApp limited = TestApp.start(env -> env.put("RATE_LIMIT_PER_MINUTE", "1"));
         Browser browser = Browser.open(1920, 1080)) {
      limited.issue("demo", "ho-tich");
      browser.go(limited.api().base() + "/kiosk?office=demo&print=none");
      tap(browser, service(browser, "Hộ tịch"));
      browser.awaitText("#notice-title", "Vui lòng chờ một chút", WAIT);
      assertThat(browser.text("#notice-text")).contains("quá nhiều yêu cầu");
      assertThat(browser.find("#notice-retry").isDisplayed()).isFalse();
      browser.screenshot("kiosk-rate-limited-1920x1080");
    }
  }

  @Test
  void holdingTheLogoOpensPairingWhereAPairedKioskCanBeForgotten() {
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(kiosk("&print=none"));
      pairInPage(browser, "kiosk-giu-logo");
      browser.go(kiosk("&print=none"));
      service(browser, "Đất đai");
      assertThat(browser.find("#pair-open").isDisplayed()).as("no pairing link on a paired kiosk").isFalse();
      new Actions(browser.driver()).clickAndHold(browser.find("#brand")).pause(Duration.ofMillis(1700))
          .release().perform();
      browser.await(WAIT, d -> browser.find("#screen-pair").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.text("#pair-state")).contains("kiosk-giu-logo");
      browser.find("#pair-forget").click();
      browser.await(WAIT, d -> browser.find("#screen-start").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.find("#pair-open").isDisplayed()).isTrue();
      assertThat((Long) browser.js("return Object.keys(localStorage).filter(k => k.startsWith('layso.kiosk')).length;"))
          .isZero();
    }
  }

  @Test
  void theEnglishSwitchTranslatesTheKiosk() {
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(kiosk("&print=none&lang=en"));
      service(browser, "Đất đai");
      assertThat(browser.text("#screen-start")).contains("Choose the field", "I have an appointment");
      browser.screenshot("kiosk-start-en-1920x1080");
    }
  }
}
