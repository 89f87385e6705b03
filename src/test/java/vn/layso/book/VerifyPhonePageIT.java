package vn.layso.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The booking page's code step on a phone-sized Chromium, for an office with booking.verifyPhone:
 * "Xác nhận đặt lịch" first asks for the code, "Gửi mã xác minh" sends it through the (fake) Zalo,
 * the resend counts down, a wrong code says so, the right one verifies and the booking goes
 * through. With verification off the form shows nothing new.
 */
class VerifyPhonePageIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static FakeZalo zalo;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      zalo.configureOtp(env);
    });
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  private static void verifyPhones(boolean on) {
    Api.Response read = app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken());
    JsonObject doc = read.json();
    doc.getJsonObject("booking").put("verifyPhone", on).put("holdMinutes", 15);
    Api.Response saved = app.api().method("PUT", "/api/v1/offices/demo/settings", doc.encode(), "token",
        app.adminToken(), "Content-Type", "application/json", "If-Match", read.headers().firstValue("ETag").orElseThrow());
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  private static int available() {
    return app.api().get("/api/v1/offices/demo/slots?service=chung-thuc&date=2026-11-24").array()
        .getJsonObject(0).getInteger("available");
  }

  private static void type(Browser browser, String css, String text) {
    WebElement input = browser.find(css);
    input.clear();
    input.sendKeys(text);
  }

  private static void click(Browser browser, String css) {
    browser.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
    browser.find(css).click();
  }

  private static void openForm(Browser browser) {
    browser.go(app.api().base() + "/book?office=demo&service=chung-thuc");
    browser.await(WAIT, d -> browser.findAll("#days .day:not([disabled])").size() > 0 ? Boolean.TRUE : null);
    browser.find("#days .day:not([disabled])").click();
    browser.await(WAIT, d -> browser.findAll("#slots .slot:not([disabled])").size() > 0 ? Boolean.TRUE : null);
    browser.find("#slots .slot:not([disabled])").click();
    browser.awaitText("#step-form", "Họ và tên", WAIT);
  }

  @Test
  void theCodeStepSendsCountsDownRefusesAWrongCodeAndVerifies() {
    verifyPhones(true);
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      openForm(browser);
      browser.awaitText("#verify", "Đơn vị này cần xác minh số điện thoại", WAIT);
      WebElement code = browser.find("#verify-code");
      assertThat(code.getAttribute("inputmode")).isEqualTo("numeric");
      assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
      assertThat(code.getAttribute("maxlength")).isEqualTo("6");
      type(browser, "#full-name", "Nguyễn Thị Hoa");
      type(browser, "#phone", "0912 345 678");
      type(browser, "#citizen-id", "001190012345");

      // booking before the code: the page asks for it, and nothing is booked
      int before = available();
      click(browser, "#submit");
      browser.awaitText("#verify-error", "Vui lòng xác minh số điện thoại", WAIT);
      assertThat(available()).isEqualTo(before);

      click(browser, "#verify-send");
      browser.awaitText("#verify-sent", "Đã gửi mã đến số 091****678 qua Zalo. Mã có hiệu lực 5 phút.", WAIT);
      browser.await(WAIT, d -> zalo.lastOtp("84912345678") != null ? Boolean.TRUE : null);
      String otp = zalo.lastOtp("84912345678");
      WebElement resend = browser.find("#verify-resend");
      assertThat(resend.isEnabled()).isFalse();
      assertThat(resend.getText()).matches("Gửi lại mã sau 0:[0-5]\\d|Gửi lại mã sau 1:00");
      assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("verify-code");
      browser.screenshot("book-verify-sent-390x844");

      String wrong = String.format("%06d", (Integer.parseInt(otp) + 1) % 1_000_000);
      type(browser, "#verify-code", wrong);
      browser.awaitText("#verify-error", "Mã xác minh không đúng. Bạn còn 2 lần thử.", WAIT);
      browser.screenshot("book-verify-wrong-390x844");
      vn.layso.testing.Axe.assertNoSeriousViolations(browser, "booking page, code step");

      type(browser, "#verify-code", otp);
      browser.awaitText("#verify-ok", "Đã xác minh số điện thoại 091****678", WAIT);
      assertThat(browser.find("#verify-entry").isDisplayed()).isFalse();
      browser.screenshot("book-verify-done-390x844");
      click(browser, "#submit");
      browser.awaitText("#done", "Đặt lịch thành công", WAIT);
      assertThat(zalo.violations()).isEmpty();
    }
  }

  /**
   * The slot fills while the citizen types the code (an unverified hold keeps no place): the right
   * code then answers slot_full, and the page says so in Vietnamese and goes back to the slots.
   */
  @Test
  void aSlotThatFilledBeforeTheCodeSendsTheCitizenBackToTheSlots() {
    verifyPhones(true);
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      openForm(browser);
      type(browser, "#full-name", "Lê Văn Nam");
      type(browser, "#phone", "0912 345 679");
      type(browser, "#citizen-id", "001190012346");
      click(browser, "#verify-send");
      browser.awaitText("#verify-sent", "091****679", WAIT);
      browser.await(WAIT, d -> zalo.lastOtp("84912345679") != null ? Boolean.TRUE : null);
      String otp = zalo.lastOtp("84912345679");

      // meanwhile other citizens book every place of that slot (here: straight into its ledger)
      String redis = app.server().embeddedRedis().uri();
      Map<String, String> held = RedisAdmin.sync(redis, c -> c.keys(Keys.hold("demo", "*")).stream()
          .map(c::hgetall).filter(h -> h.containsKey("otpCode")).findFirst().orElseThrow());
      assertThat(held.get("counted")).isEqualTo("0");
      RedisAdmin.sync(redis, c -> c.hset(Keys.slotLedger("demo", held.get("service"), held.get("date")),
          held.get("start"), "1000"));

      type(browser, "#verify-code", otp);
      browser.awaitText("#message", "khung giờ này vừa hết chỗ", WAIT);
      assertThat(browser.find("#step-slot").isDisplayed()).isTrue();
      assertThat(browser.find("#step-form").isDisplayed()).isFalse();
      browser.screenshot("book-verify-slot-full-390x844");
      RedisAdmin.sync(redis, c -> c.hdel(Keys.slotLedger("demo", held.get("service"), held.get("date")),
          held.get("start")));
    }
  }

  @Test
  void withVerificationOffTheFormShowsNothingNew() {
    verifyPhones(false);
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      openForm(browser);
      browser.awaitText("#hold", "Chỗ của bạn đang được giữ", WAIT);
      assertThat(browser.findAll("#verify")).allMatch(e -> !e.isDisplayed());
    }
  }
}
