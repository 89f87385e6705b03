package vn.layso.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.People;
import vn.layso.testing.TestApp;

/**
 * The lobby display pairs only when asked (?pair=1): it shows its code over the board until a
 * manager claims it; a paired display whose token is revoked shows a code again. Without either it
 * never shows one (the live stream is public).
 */
class DisplayPairingIT {

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

  private static String codeOnScreen(Browser browser) {
    browser.await(WAIT, d -> browser.find("#pairing").isDisplayed()
        && browser.text(".pairing-code").matches("[2-9A-Z]{3}-[2-9A-Z]{3}") ? Boolean.TRUE : null);
    return browser.text(".pairing-code");
  }

  @Test
  void aDisplayAskedToPairShowsItsCodeUntilClaimedAndAgainOnceRevoked() {
    String manager = People.person(app, "ql-man-hinh", "manager", List.of("demo"));
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(app.api().base() + "/display?office=demo");
      browser.await(WAIT, d -> !browser.text("#office-name").isEmpty() ? Boolean.TRUE : null);
      assertThat(browser.find("#pairing").isDisplayed()).as("no code unless asked").isFalse();

      browser.go(app.api().base() + "/display?office=demo&pair=1");
      String code = codeOnScreen(browser);
      assertThat(browser.text("#pairing")).contains("Nhập mã này trong trang quản trị → Thiết bị");
      browser.screenshot("display-pair-code-1920x1080");
      browser.resizeViewport(1080, 1920);
      browser.screenshot("display-pair-code-1080x1920");
      browser.resizeViewport(1920, 1080);

      Api.Response claimed = app.api().post("/api/v1/offices/demo/devices/claim", new JsonObject().put("code", code)
          .put("kind", "display").put("name", "man-hinh-sanh").encode(), "token", manager);
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
      browser.await(WAIT, d -> !browser.find("#pairing").isDisplayed() ? Boolean.TRUE : null);
      Object stored = browser.js("return localStorage.getItem('layso.display.device.demo');");
      assertThat(new JsonObject((String) stored).getString("kind")).isEqualTo("display");
      assertThat(app.api().get("/api/v1/offices/demo/devices", "token", manager).body()).contains("man-hinh-sanh");

      assertThat(app.api().method("DELETE", "/api/v1/offices/demo/devices/man-hinh-sanh", null, "token", manager)
          .status()).isEqualTo(204);
      browser.go(app.api().base() + "/display?office=demo");
      assertThat(codeOnScreen(browser)).isNotEqualTo(code);
      assertThat(browser.text("#pairing")).contains("Thiết bị chưa ghép nối");
    }
  }
}
