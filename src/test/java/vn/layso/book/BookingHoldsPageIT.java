package vn.layso.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.layso.testing.Browser;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The booking page's holds as a citizen meets them, in a phone-sized Chromium against the real
 * server: reloads never leave more than one place held (the page's session replaces its own hold,
 * and leaving the page gives it back), "Đổi" gives the place back at once, a double tap on "Huỷ
 * lịch" sends one cancel and shows one message, and a day whose booking closed at its cut-off is
 * shown closed with when it closed. Slot counts are read through the API, as anyone else sees them.
 */
class BookingHoldsPageIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T02:00:00Z");
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    // the anonymous limit on, high: its per-address counts are the server's own tally of the page's writes
    app = TestApp.start(env -> env.put("RATE_LIMIT_PER_MINUTE", "10000"));
  }

  @AfterEach
  void resetClock() {
    app.clock().set(MONDAY_9AM);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Browser phone() {
    Browser browser = Browser.open(390, 844);
    browser.emulatePhone(390, 844);
    return browser;
  }

  private static int available(String service, String date, String start) {
    var slots = app.api().get("/api/v1/offices/demo/slots?service=" + service + "&date=" + date).array();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.getJsonObject(i).getString("start").equals(start)) {
        return slots.getJsonObject(i).getInteger("available");
      }
    }
    throw new AssertionError("no slot " + start);
  }

  private static void awaitAvailable(Browser browser, String service, String date, String start, int expected) {
    browser.await(WAIT, d -> available(service, date, start) == expected ? Boolean.TRUE : null);
  }

  /** From the day step: picks the day and the slot, and waits for the form with its hold. */
  private static void pick(Browser browser, String date, String start) {
    browser.await(WAIT, d -> browser.findAll("#days .day[data-date='" + date + "']:not([disabled])").size() > 0
        ? Boolean.TRUE : null);
    browser.find("#days .day[data-date='" + date + "']").click();
    browser.await(WAIT, d -> browser.findAll("#slots .slot[data-start='" + start + "']:not([disabled])").size() > 0
        ? Boolean.TRUE : null);
    browser.find("#slots .slot[data-start='" + start + "']").click();
    browser.awaitText("#hold", "Chỗ của bạn đang được giữ", WAIT);
  }

  private static void type(Browser browser, String css, String text) {
    WebElement input = browser.find(css);
    input.clear();
    input.sendKeys(text);
  }

  @Test
  void threeReloadsLeaveAtMostOnePlaceHeld() {
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/book?office=demo&service=ho-tich");
      pick(browser, "2026-11-24", "09:00");
      assertThat(available("ho-tich", "2026-11-24", "09:00")).isEqualTo(2);
      // a reload leaves the page: its place goes back at once (fetch keepalive on pagehide)
      browser.driver().navigate().refresh();
      awaitAvailable(browser, "ho-tich", "2026-11-24", "09:00", 3);
      pick(browser, "2026-11-24", "09:00");

      // and when that release never reaches the server (a dropped connection), the page's session
      // makes each new hold replace the one before: three reloads still hold one place
      ChromeDriver chrome = (ChromeDriver) browser.driver();
      chrome.executeCdpCommand("Network.enable", Map.of());
      chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/holds/*")));
      for (int i = 0; i < 3; i++) {
        browser.driver().navigate().refresh();
        pick(browser, "2026-11-24", "09:00");
        assertThat(available("ho-tich", "2026-11-24", "09:00")).as("after reload " + (i + 1)).isEqualTo(2);
      }
      browser.screenshot("book-hold-after-reloads-390x844");
      // another citizen still sees the slot open
      try (Browser other = phone()) {
        other.go(app.api().base() + "/book?office=demo&service=ho-tich");
        other.await(WAIT, d -> other.findAll("#days .day[data-date='2026-11-24']").size() > 0 ? Boolean.TRUE : null);
        other.find("#days .day[data-date='2026-11-24']").click();
        other.awaitText("#slots .slot[data-start='09:00']", "Còn 2 chỗ", WAIT);
      }
    }
  }

  @Test
  void changingTheTimeGivesThePlaceBackAtOnceAndAnotherSlotReplacesIt() {
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/book?office=demo&service=ho-tich");
      pick(browser, "2026-11-25", "10:00");
      assertThat(available("ho-tich", "2026-11-25", "10:00")).isEqualTo(2);
      // "Đổi" beside the chosen time: back to the slots, the place given back before the list is read
      List<WebElement> changes = browser.findAll("#summary .change");
      changes.get(changes.size() - 1).click();
      browser.awaitText("#step-slot", "Chọn giờ", WAIT);
      assertThat(available("ho-tich", "2026-11-25", "10:00")).isEqualTo(3);
      browser.awaitText("#slots .slot[data-start='10:00']", "Còn 3 chỗ", WAIT);
      browser.screenshot("book-change-released-390x844");
      // another slot, then "Đổi" on the day: nothing stays held
      browser.find("#slots .slot[data-start='10:30']").click();
      browser.awaitText("#hold", "Chỗ của bạn đang được giữ", WAIT);
      assertThat(available("ho-tich", "2026-11-25", "10:30")).isEqualTo(2);
      browser.findAll("#summary .change").get(2).click();
      browser.awaitText("#step-day", "Chọn ngày", WAIT);
      assertThat(available("ho-tich", "2026-11-25", "10:30")).isEqualTo(3);
      assertThat(available("ho-tich", "2026-11-25", "10:00")).isEqualTo(3);
    }
  }

  @Test
  void aDoubleTapOnCancelSendsOneCancelAndShowsOneMessage() {
    String once = book("08:00", "0911222333", "001190022331");
    String twice = book("08:30", "0911222444", "001190022441");
    try (Browser browser = phone()) {
      long single = writesOf(browser, once, "0911222333", false);
      long doubled = writesOf(browser, twice, "0911222444", true);
      assertThat(single).as("the server's count of one cancel's writes").isPositive();
      assertThat(doubled).as("a double tap is one request").isEqualTo(single);
      assertThat(browser.text("#message")).isEqualTo("Đã huỷ lịch hẹn.");
      assertThat(browser.findAll("#appt-error")).allMatch(e -> !e.isDisplayed());
      assertThat(browser.findAll(".notice.error")).allMatch(e -> !e.isDisplayed());
      browser.screenshot("book-cancel-double-tap-390x844");
    }
    assertThat(app.api().get("/api/v1/appointments/" + twice).json().getString("status")).isEqualTo("CANCELLED");
  }

  private static String book(String start, String phone, String citizenId) {
    var r = app.api().post("/api/v1/offices/demo/appointments", new JsonObject().put("service", "chung-thuc")
        .put("date", "2026-11-24").put("start", start).put("fullName", "Vũ Thị Lan").put("phone", phone)
        .put("citizenId", citizenId).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("code");
  }

  /** Opens the booking by code, cancels it with one tap or two at once, and returns the server's count of anonymous writes meanwhile. */
  private static long writesOf(Browser browser, String code, String phone, boolean doubleTap) {
    browser.go(app.api().base() + "/book?code=" + code);
    browser.awaitText("#appt-status", "Đã đặt lịch", WAIT);
    type(browser, "#proof-phone", phone);
    browser.find("#cancel").click();
    browser.awaitText("#confirm-cancel", "Huỷ lịch hẹn này?", WAIT);
    long before = anonymousWrites();
    if (doubleTap) {
      // two taps before the first answer can come back
      browser.js("const b = document.getElementById('cancel-yes'); b.click(); b.click();");
    } else {
      browser.find("#cancel-yes").click();
    }
    browser.awaitText("#appt-status", "Đã huỷ", WAIT);
    browser.awaitText("#message", "Đã huỷ lịch hẹn.", WAIT);
    return anonymousWrites() - before;
  }

  /** The per-address counts of this minute, summed over every anonymous limit's bucket (the server's own tally). */
  private static long anonymousWrites() {
    String uri = app.server().embeddedRedis().uri();
    return RedisAdmin.sync(uri, c -> {
      long sum = 0;
      for (String key : c.keys("layso:rate:*")) {
        String value = c.get(key);
        sum += value == null ? 0 : Long.parseLong(value);
      }
      return sum;
    });
  }

  @Test
  void aDayThatClosedAtItsCutOffIsShownClosedWithTheMomentItClosed() {
    app.clock().set(Instant.parse("2026-11-23T09:30:00Z")); // Monday 16:30 in Hà Nội: tomorrow's booking closed at 16:00
    try (Browser browser = phone()) {
      browser.clockAt(Instant.parse("2026-11-23T09:30:00Z"));
      browser.go(app.api().base() + "/book?office=demo&service=dat-dai");
      browser.await(WAIT, d -> browser.findAll("#days .day").size() > 0 ? Boolean.TRUE : null);
      WebElement tomorrow = browser.find("#days .day[data-date='2026-11-24']");
      assertThat(tomorrow.getAttribute("disabled")).isNotNull();
      assertThat(tomorrow.getText()).contains("24/11", "Đã hết hạn đặt lịch lúc 16:00 ngày 23/11/2026");
      WebElement today = browser.find("#days .day[data-date='2026-11-23']");
      assertThat(today.getText()).contains("Đã hết hạn đặt lịch lúc 16:00 ngày 22/11/2026");
      assertThat(browser.find("#days .day:not([disabled])").getAttribute("data-date")).isEqualTo("2026-11-25");
      browser.screenshot("book-days-cutoff-390x844");
    }
  }
}
