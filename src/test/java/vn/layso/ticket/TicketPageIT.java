package vn.layso.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/** The citizen's ticket page on a phone-sized Chromium: position, wait, its call, its end, a bad link. */
class TicketPageIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestApp app;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    token = app.adminToken();
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

  @Test
  void showsPositionAndWaitThenTurnsToYourTurnWhenCalled() {
    app.issue("demo", "dat-dai");
    app.issue("demo", "dat-dai");
    JsonObject mine = app.issue("demo", "dat-dai");
    String id = mine.getString("id");
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/t/" + id);
      browser.awaitText("#number", mine.getString("number"), WAIT);
      assertThat(browser.text("#service")).isEqualTo("Đất đai");
      assertThat(browser.text("#office-name")).contains("Ba Đình");
      assertThat(browser.text("#ahead")).isEqualTo("2");
      JsonObject wait = mine.getJsonObject("estimatedWait");
      assertThat(browser.text("#wait")).isEqualTo("Dự kiến chờ khoảng " + wait.getInteger("p50Minutes")
          + " phút (có thể đến " + wait.getInteger("p90Minutes") + " phút)");
      assertThat(browser.text("#issued")).isEqualTo("09:00, 23/11/2026");
      assertThat(browser.text("body")).as("the id is the holder's secret").doesNotContain(id);
      browser.screenshot("ticket-waiting-390x844");

      // two citizens ahead are called: the position follows (debounced, with jitter)
      app.counter("demo", "1", "call-next", token);
      app.counter("demo", "2", "call-next", token);
      browser.awaitText("#ahead", "Bạn là người tiếp theo", WAIT);

      long pressed = System.nanoTime();
      app.counter("demo", "7", "call-next", token);
      browser.awaitText("#called", "Đến lượt bạn", Duration.ofSeconds(3));
      long shownMs = (System.nanoTime() - pressed) / 1_000_000;
      assertThat(browser.text("#called-counter")).isEqualTo("Mời đến Quầy 7");
      assertThat(shownMs).as("shown within a couple of seconds").isLessThan(2500);
      browser.screenshot("ticket-called-390x844");

      app.counter("demo", "7", "recall", token);
      browser.awaitText("#called-counter", "Quầy đang gọi lại số của bạn — Mời đến Quầy 7", WAIT);

      app.counter("demo", "7", "start", token);
      browser.awaitText("#serving", "Đang được phục vụ tại Quầy 7", WAIT);
      app.counter("demo", "7", "complete", token);
      browser.awaitText("#ended", "Cảm ơn", WAIT);
      browser.screenshot("ticket-done-390x844");
    }
  }

  @Test
  void aTransferredTicketSaysWhereItWentAndTheEnglishPageReadsEnglish() {
    JsonObject mine = app.issue("demo", "chung-thuc");
    app.counter("demo", "5", "call-next", token);
    var moved = app.api().post("/api/v1/offices/demo/counters/5/transfer", "{\"service\":\"ho-tich\"}", "token", token);
    assertThat(moved.status()).isEqualTo(200);
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/t/" + mine.getString("id"));
      browser.awaitText("#transferred", "Số của bạn đã được chuyển sang lĩnh vực Hộ tịch", WAIT);
      assertThat(browser.text("#service")).isEqualTo("Hộ tịch");
      browser.screenshot("ticket-transferred-390x844");
      browser.go(app.api().base() + "/t/" + mine.getString("id") + "?lang=en");
      browser.awaitText("#transferred", "Your number was moved to Hộ tịch", WAIT);
      assertThat(browser.text(".label")).isEqualToIgnoringCase("Your number");
    }
  }

  @Test
  void anUnknownIdIsAFriendlyNotFound() {
    try (Browser browser = phone()) {
      browser.go(app.api().base() + "/t/demo.000000000000");
      browser.awaitText("#not-found", "Không tìm thấy số thứ tự", WAIT);
      assertThat(browser.text("#not-found")).contains("quét lại mã QR");
      browser.screenshot("ticket-not-found-390x844");
      browser.go(app.api().base() + "/t/%3Cscript%3E");
      browser.awaitText("#not-found", "Không tìm thấy số thứ tự", WAIT);
    }
  }
}
