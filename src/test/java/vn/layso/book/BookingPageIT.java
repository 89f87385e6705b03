package vn.layso.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * The booking page on a phone-sized Chromium, against the real booking API: the deep link
 * preselects office and field, a citizen books (with Vietnamese validation messages on the way),
 * sees the code and its QR, then finds the booking by code and cancels it. The server's clock is
 * Monday 23/11/2026 09:00 in Hà Nội, so the first bookable day is Tuesday 24/11/2026.
 */
class BookingPageIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterEach
  void resetClock() {
    app.clock().set(java.time.Instant.parse("2026-11-23T02:00:00Z"));
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

  private static void type(Browser browser, String css, String text) {
    WebElement input = browser.find(css);
    input.clear();
    input.sendKeys(text);
  }

  private static void submitForm(Browser browser) {
    browser.js("document.getElementById('submit').scrollIntoView({block: 'center'})");
    browser.find("#submit").click();
  }

  @Test
  void bookThroughTheDeepLinkSeeTheCodeAndQrThenCancelIt() {
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/book?office=demo&service=ho-tich");
      // the deep link skips office and field: the page opens on the days, both shown as chosen
      browser.awaitText("#step-day", "Chọn ngày", WAIT);
      assertThat(browser.text("#summary")).contains("Ba Đình", "Hộ tịch");
      browser.await(WAIT, d -> browser.findAll("#days .day").size() > 0 ? Boolean.TRUE : null);
      WebElement first = browser.find("#days .day:not([disabled])");
      assertThat(first.getAttribute("data-date")).isEqualTo("2026-11-24");
      assertThat(first.getText()).contains("24/11");
      assertThat(browser.text("#days")).as("Sunday is shown, closed").contains("Nghỉ");
      browser.screenshot("book-days-390x844");
      first.click();

      browser.awaitText("#slot-day", "24/11/2026", WAIT);
      browser.await(WAIT, d -> browser.findAll("#slots .slot").size() > 0 ? Boolean.TRUE : null);
      assertThat(browser.text("#slots .slot")).startsWith("07:30 – 08:00");
      browser.screenshot("book-slots-390x844");
      browser.find("#slots .slot:not([disabled])").click();

      browser.awaitText("#step-form", "Họ và tên", WAIT);
      browser.awaitText("#hold", "Chỗ của bạn đang được giữ trong 4:", WAIT);
      // the page's own hints first, in Vietnamese
      type(browser, "#full-name", "Nguyễn Thị Hoa");
      type(browser, "#phone", "12345");
      type(browser, "#citizen-id", "0011900");
      submitForm(browser);
      browser.awaitText("#phone-error", "Số điện thoại chưa đúng", WAIT);
      assertThat(browser.text("#citizen-id-error")).isEqualTo("Số CCCD phải gồm đúng 12 chữ số, ví dụ 001090012345.");
      browser.screenshot("book-form-errors-390x844");

      // twelve digits, but no such province: the server decides, and its message is shown
      type(browser, "#phone", "0912 345 678");
      type(browser, "#citizen-id", "000190012345");
      submitForm(browser);
      browser.await(WAIT, d -> !browser.text("#citizen-id-error").isEmpty() || !browser.text("#form-error").isEmpty()
          ? Boolean.TRUE : null);
      String serverSays = browser.text("#citizen-id-error") + browser.text("#form-error");
      assertThat(serverSays).contains("CCCD");
      assertThat(serverSays).isEqualTo(app.api().post("/api/v1/offices/demo/appointments",
          "{\"service\":\"ho-tich\",\"date\":\"2026-11-24\",\"start\":\"07:30\",\"fullName\":\"A B\","
              + "\"phone\":\"0912345678\",\"citizenId\":\"000190012345\"}").json().getString("message"));

      type(browser, "#citizen-id", "001190012345");
      submitForm(browser);
      browser.awaitText("#done", "Đặt lịch thành công", WAIT);
      String code = browser.text("#done-code");
      assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}");
      assertThat(browser.text("#done-when")).isEqualTo("07:30 – 08:00, Thứ Ba, 24/11/2026");
      assertThat(browser.text("#done-service")).isEqualTo("Hộ tịch");
      assertThat(browser.text("#done-arrive")).isEqualTo("Vui lòng có mặt từ 07:00 đến 07:45 và nhận số tại máy lấy số. "
          + "Đến muộn hơn, bạn sẽ lấy số như người đến trực tiếp.");
      browser.await(WAIT, d -> Boolean.TRUE.equals(browser.js(
          "const i = document.getElementById('done-qr'); return i.complete && i.naturalWidth > 0")));
      assertThat(browser.find("#done-ics").getAttribute("href")).endsWith("/api/v1/appointments/" + code + ".ics");
      browser.screenshot("book-done-390x844");
      // the page budget: everything it loaded, fonts and the QR included, from this origin only
      Number bytes = (Number) browser.js("const all = performance.getEntriesByType('navigation')"
          + ".concat(performance.getEntriesByType('resource'));"
          + "if (!all.every(e => e.name.startsWith(location.origin))) return -1;"
          + "return all.reduce((n, e) => n + (e.decodedBodySize || 0), 0)");
      assertThat(bytes.longValue()).as("bytes loaded").isBetween(1L, 200L * 1024);
      assertThat(app.api().get("/api/v1/appointments/" + code).json().getString("status")).isEqualTo("BOOKED");

      // look it up by code and cancel it with the phone
      browser.find("#tab-lookup").click();
      type(browser, "#lookup-code", code.toLowerCase().replace("-", ""));
      browser.find("#lookup-form button[type=submit]").click();
      browser.awaitText("#appt-status", "Đã đặt lịch", WAIT);
      assertThat(browser.text("#appt-when")).contains("24/11/2026");
      type(browser, "#proof-phone", "0912345678");
      browser.find("#cancel").click();
      browser.awaitText("#confirm-cancel", "Huỷ lịch hẹn này?", WAIT);
      browser.screenshot("book-lookup-390x844");
      browser.find("#cancel-yes").click();
      browser.awaitText("#appt-status", "Đã huỷ", WAIT);
      assertThat(browser.text("#message")).isEqualTo("Đã huỷ lịch hẹn.");
      assertThat(browser.findAll("#appt-actions")).allMatch(e -> !e.isDisplayed());
      browser.screenshot("book-cancelled-390x844");
      assertThat(app.api().get("/api/v1/appointments/" + code).json().getString("status")).isEqualTo("CANCELLED");
    }
  }

  @Test
  void aSlotTakenWhileTheFormIsFilledSendsTheCitizenBackToTheSlots() {
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/book?office=demo&service=dat-dai");
      browser.await(WAIT, d -> browser.findAll("#days .day:not([disabled])").size() > 0 ? Boolean.TRUE : null);
      browser.find("#days .day:not([disabled])").click();
      browser.await(WAIT, d -> browser.findAll("#slots .slot:not([disabled])").size() > 0 ? Boolean.TRUE : null);
      WebElement slot = browser.find("#slots .slot:not([disabled])");
      String start = slot.getAttribute("data-start");
      slot.click();
      browser.awaitText("#step-form", "Họ và tên", WAIT);
      // the citizen takes longer than the hold, and others take every place left in that slot meanwhile
      app.clock().advance(Duration.ofMinutes(6));
      var slots = app.api().get("/api/v1/offices/demo/slots?service=dat-dai&date=2026-11-24").array();
      int left = 0;
      for (int i = 0; i < slots.size(); i++) {
        if (slots.getJsonObject(i).getString("start").equals(start)) {
          left = slots.getJsonObject(i).getInteger("available");
        }
      }
      for (int i = 0; i < left; i++) {
        var taken = app.api().post("/api/v1/offices/demo/appointments", "{\"service\":\"dat-dai\",\"date\":\"2026-11-24\","
            + "\"start\":\"" + start + "\",\"fullName\":\"Trần Văn " + "ABCDEFGHIJ".charAt(i) + "\",\"phone\":\"091234560" + i + "\","
            + "\"citizenId\":\"00109001234" + i + "\"}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
      }
      type(browser, "#full-name", "Lê Văn Nam");
      type(browser, "#phone", "+84 987 654 321");
      type(browser, "#citizen-id", "079095001234");
      submitForm(browser);
      browser.awaitText("#message", "hết chỗ", WAIT);
      browser.awaitText("#step-slot", "Chọn giờ", WAIT);
      browser.screenshot("book-slot-full-390x844");
    }
  }

  @Test
  void aBookingOpenedByItsCodeMovesToAnotherDayAndSlot() {
    var booked = app.api().post("/api/v1/offices/demo/appointments", "{\"service\":\"chung-thuc\",\"date\":\"2026-11-24\","
        + "\"start\":\"08:00\",\"fullName\":\"Phạm Minh Đức\",\"phone\":\"0388123456\",\"citizenId\":\"036085001234\"}");
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String code = booked.json().getString("code");
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/book?code=" + code);
      browser.awaitText("#appt-status", "Đã đặt lịch", WAIT);
      assertThat(browser.text("#appt-when")).isEqualTo("08:00 – 08:30, Thứ Ba, 24/11/2026");
      type(browser, "#proof-phone", "0388 123 456");
      browser.find("#reschedule").click();
      browser.await(WAIT, d -> browser.findAll("#move-days .day:not([disabled])").size() > 1 ? Boolean.TRUE : null);
      browser.find("#move-days .day[data-date='2026-11-25']").click();
      browser.await(WAIT, d -> browser.findAll("#move-slots .slot:not([disabled])").size() > 0 ? Boolean.TRUE : null);
      browser.find("#move-slots .slot[data-start='14:00']").click();
      browser.awaitText("#message", "Đã đổi lịch hẹn sang 14:00, 25/11/2026.", WAIT);
      assertThat(browser.text("#appt-when")).isEqualTo("14:00 – 14:30, Thứ Tư, 25/11/2026");
      browser.screenshot("book-moved-390x844");
    }
    var moved = app.api().get("/api/v1/appointments/" + code).json();
    assertThat(moved.getString("date") + " " + moved.getString("start")).isEqualTo("2026-11-25 14:00");
  }

  @Test
  void withoutALinkTheCitizenChoosesTheFieldOnADeskScreenToo() {
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(app.api().base() + "/book");
      // one office: chosen at once, the fields follow
      browser.awaitText("#services", "Đất đai", WAIT);
      assertThat(browser.findAll("#services .choice")).hasSize(6);
      assertThat(browser.text("#office-name")).contains("Ba Đình");
      browser.screenshot("book-fields-1280x800");
    }
  }
}
