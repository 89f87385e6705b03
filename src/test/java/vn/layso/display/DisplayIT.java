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
  void aCallMadeThroughTheApiAppearsWithinOneSecond() throws Exception {
    try (TestApp app = TestApp.start(); Browser browser = Browser.open(1920, 1080)) {
      String staff = app.tokenFor("canbo-sanh", "STAFF", "demo");
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

  @Test
  void theScreenShowsMatKetNoiWhileTheServerIsDownAndRecoversAfterItsRestart() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    int fixed = port;
    try (TestApp own = TestApp.start(env -> env.put("PORT", Integer.toString(fixed)));
         Browser browser = Browser.open(1920, 1080)) {
      String token = own.tokenFor("canbo-restart", "STAFF", "demo");
      browser.go(own.api().base() + "/display?office=demo&sound=off");
      awaitLive(browser);
      assertThat(browser.find("#offline").isDisplayed()).isFalse();
      own.stopServer();
      browser.await(Duration.ofSeconds(10), d -> browser.find("#offline").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.text("#offline")).isEqualTo("Mất kết nối");
      screenshots(browser, "display-offline");
      own.startServer();
      browser.await(Duration.ofSeconds(30), d -> browser.find("#offline").isDisplayed() ? null : Boolean.TRUE);
      issue(own, "demo", "ho-tich");
      String number = callNext(own, "demo", "3", token);
      browser.awaitText("#now-number", number, Duration.ofSeconds(2));
    }
  }

  @Test
  void tenThousandEventsLeaveTheHeapBounded() throws Exception {
    // no fsync per write: the test is about the screen, and 10,000 flushes would take minutes
    try (TestApp own = TestApp.start(env -> env.put("REDIS_APPENDFSYNC", "no"));
         Browser browser = Browser.open(1920, 1080)) {
      String token = own.tokenFor("canbo-heap", "STAFF", "demo");
      browser.go(own.api().base() + "/display?office=demo");
      awaitLive(browser);
      String[] counters = {"1", "3", "5", "6", "7"};
      String[] services = {"dat-dai", "ho-tich", "chung-thuc", "dang-ky-kinh-doanh", "xay-dung"};
      for (int i = 0; i < counters.length; i++) {
        issue(own, "demo", services[i]);
        callNext(own, "demo", counters[i], token);
      }
      int[] issued = {0};
      events(own, token, counters, 1_000, issued);
      awaitAllShown(browser, own, issued);
      long after1k = browser.heapUsedAfterGc();
      events(own, token, counters, 9_000, issued);
      awaitAllShown(browser, own, issued);
      long after10k = browser.heapUsedAfterGc();
      System.out.printf("display: JS heap after GC: %,d bytes after 1,000 events, %,d after 10,000 (%+.1f%%)%n",
          after1k, after10k, 100.0 * (after10k - after1k) / after1k);
      assertThat(after10k).as("heap after 10,000 events vs after 1,000").isLessThan(after1k + after1k / 5);
      assertThat(browser.find("#offline").isDisplayed()).isFalse();
      assertThat(browser.findAll(".row")).hasSize(7);
      browser.screenshot("display-after-10000-events-1920x1080");
    }
  }

  /** {@code count} more events: recalls at the given counters, one ticket issued every tenth. */
  private static void events(TestApp own, String token, String[] counters, int count, int[] issued) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(counters.length);
    try {
      List<Future<?>> work = new ArrayList<>();
      int each = count / counters.length;
      for (String counter : counters) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            if (i % 10 == 9 && "1".equals(counter)) {
              own.issue("demo", "lao-dong");
            } else {
              assertThat(own.counter("demo", counter, "recall", token).status()).isEqualTo(200);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      issued[0] += each / 10;
    } finally {
      pool.shutdown();
    }
  }

  /** The waiting count of Lao động shows every ticket issued: every event before it was handled. */
  private static void awaitAllShown(Browser browser, TestApp own, int[] issued) {
    own.issue("demo", "lao-dong");
    issued[0]++;
    String expected = Integer.toString(issued[0]);
    browser.await(Duration.ofSeconds(60), d -> expected.equals(browser.text(".queue[data-service=lao-dong] .queue-count"))
        ? Boolean.TRUE : null);
  }

  @Test
  void filtersGiveOneScreenPerFloor() {
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(app.api().base() + "/display?office=demo&sound=off&counters=3,4");
      awaitLive(browser);
      assertThat(browser.findAll(".queue")).extracting(e -> e.getAttribute("data-service"))
          .containsExactly("ho-tich", "chung-thuc");
      issue(app, "demo", "dat-dai");
      String elsewhere = callNext(app, "demo", "1", staff);
      issue(app, "demo", "ho-tich");
      String here = callNext(app, "demo", "3", staff);
      browser.awaitText("#now-number", here, Duration.ofSeconds(2));
      assertThat(browser.text("#recent")).doesNotContain(elsewhere);
      browser.screenshot("display-counters-3-4-1920x1080");

      browser.go(app.api().base() + "/display?office=demo&sound=off&services=dat-dai,xay-dung");
      awaitLive(browser);
      assertThat(browser.findAll(".queue")).extracting(e -> e.getAttribute("data-service"))
          .containsExactly("dat-dai", "xay-dung");
      assertThat(browser.text("#now-number")).isEqualTo(elsewhere);
      issue(app, "demo", "chung-thuc");
      String other = callNext(app, "demo", "5", staff);
      issue(app, "demo", "xay-dung");
      String building = callNext(app, "demo", "7", staff);
      browser.awaitText("#now-number", building, Duration.ofSeconds(2));
      assertThat(browser.text("#recent")).doesNotContain(other);
    }
  }

  @Test
  void blockedSoundIsShownAndTheBatAmThanhButtonTurnsItOn() {
    try (Browser browser = Browser.open(1920, 1080)) {
      // as a browser without the kiosk flag: audio may only start after a gesture on the page
      ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
          (() => {
            const Real = window.AudioContext;
            window.AudioContext = class extends Real {
              constructor(o) { super(o); super.suspend(); }
              resume() { return navigator.userActivation.isActive ? super.resume() : new Promise(() => {}); }
            };
          })();"""));
      browser.go(app.api().base() + "/display?office=demo");
      awaitLive(browser);
      browser.await(Duration.ofSeconds(5), d -> browser.find("#sound-on").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.text("#sound-off")).isEqualTo("Âm thanh đang tắt");
      assertThat(browser.text("#sound-on")).isEqualTo("Bật âm thanh");
      screenshots(browser, "display-sound-blocked");
      browser.find("#sound-on").click();
      browser.await(Duration.ofSeconds(5), d -> browser.find("#sound-off").isDisplayed() ? null : Boolean.TRUE);
      assertThat(browser.find("#sound-on").isDisplayed()).isFalse();
      issue(app, "demo", "chung-thuc");
      String number = callNext(app, "demo", "5", staff);
      browser.await(Duration.ofSeconds(5), d -> browser.find("#announcing").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.text("#announcing")).isEqualTo("Đang mời số " + number);
      browser.screenshot("display-announcing-1920x1080");
    }
  }
}
