package vn.layso.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * A booked citizen checks in at the kiosk with the code (typed by a QR scanner): the ticket shows
 * "Lịch hẹn lúc 09:30"; a code whose window has not opened says when it opens.
 */
class KioskCheckInIT {

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

  /** Booked on Monday (the test clock's start) for Tuesday 2026-11-24. */
  private static String book(String start, String phone, String cccd) {
    Api.Response r = app.api().post("/api/v1/offices/demo/appointments", new JsonObject().put("service", "ho-tich")
        .put("date", "2026-11-24").put("start", start).put("fullName", "Lê Văn Cường").put("phone", phone)
        .put("citizenId", cccd).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("code");
  }

  private static void scan(Browser browser, String code) {
    browser.await(WAIT, d -> browser.find("#screen-start").isDisplayed()
        && d.findElements(By.cssSelector(".service")).size() >= 6 ? Boolean.TRUE : null);
    new Actions(browser.driver()).sendKeys(code.replace("-", "") + Keys.ENTER).perform();
  }

  @Test
  void aCheckedInAppointmentGetsATicketWithItsTime() {
    String onTime = book("09:30", "0913 222 001", "001203099001");
    String later = book("10:30", "0913 222 002", "001203099002");
    app.clock().set(Instant.parse("2026-11-24T02:05:00Z")); // Tuesday 09:05 in Hà Nội
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(app.api().base() + "/kiosk?office=demo&print=none");
      scan(browser, onTime);
      browser.awaitText("#t-appointment", "Lịch hẹn lúc 09:30", WAIT);
      assertThat(browser.text("#t-number")).startsWith("B");
      assertThat(browser.find("#t-late").isDisplayed()).isFalse();
      browser.screenshot("kiosk-checkin-ticket-1080x1920");

      browser.go(app.api().base() + "/kiosk?office=demo&print=none");
      scan(browser, later);
      browser.awaitText("#notice-title", "Chưa đến giờ xác nhận", WAIT);
      assertThat(browser.text("#notice-text")).contains("10:00").contains("10:30");
      browser.screenshot("kiosk-checkin-too-early-1080x1920");
    }
  }
}
