package vn.layso.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * A device revoked while its page runs (kiosk, lobby display, rating tablet) switches within
 * seconds to the full-screen "Thiết bị chưa ghép nối" with a new pairing code; the pages keep the
 * fresh token a rotation hands them (X-Layso-Token). Screenshots at the devices' sizes.
 */
class DeviceUnpairedScreenIT {

  /** The pages ask every 10 s whether they are still paired. */
  private static final Duration WITHIN = Duration.ofSeconds(25);
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String DEVICES = "/api/v1/offices/demo/devices";
  private static final String CODE = "[2-9A-Z]{3}-[2-9A-Z]{3}";
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireChromium();
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String admin() {
    return app.login("admin", TestApp.ADMIN_PASSWORD);
  }

  private static JsonObject pair(String name, String kind, String counter) {
    JsonObject body = new JsonObject().put("name", name).put("kind", kind);
    if (counter != null) {
      body.put("counter", counter);
    }
    Api.Response paired = app.api().post(DEVICES, body.encode(), "token", admin());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    return paired.json();
  }

  private static void revoke(String name) {
    assertThat(app.api().method("DELETE", DEVICES + "/" + name, null, "token", admin()).status()).isEqualTo(204);
  }

  private static String storedToken(Browser browser, String key) {
    return (String) browser.js("const v = JSON.parse(localStorage.getItem(arguments[0]) || 'null');"
        + " return v && v.token;", key);
  }

  private static void awaitUnpaired(Browser browser, String scope, String title) {
    browser.await(WITHIN, d -> browser.text(scope).contains(title)
        && browser.text(scope + " .pairing-code").matches(CODE) ? Boolean.TRUE : null);
  }

  @Test
  void aKioskKeepsItsRotatedTokenAndShowsTheUnpairedScreenOnceRevoked() {
    String token = pair("kiosk-sanh-2", "kiosk", null).getString("token");
    String key = "layso.kiosk.device.demo";
    try (Browser browser = Browser.open(1080, 1920)) {
      browser.go(app.api().base() + "/kiosk?office=demo&print=none");
      browser.js("localStorage.setItem(arguments[0], JSON.stringify({token: arguments[1], device: 'kiosk-sanh-2'}))",
          key, token);
      browser.go(app.api().base() + "/kiosk?office=demo&print=none");
      browser.await(WAIT, d -> browser.find("#screen-start").isDisplayed() ? Boolean.TRUE : null);

      // a day later the kiosk's next check brings a fresh token, which the page keeps
      app.clock().advance(Duration.ofHours(25));
      browser.await(WITHIN, d -> {
        String now = storedToken(browser, key);
        return now != null && !now.equals(token) ? Boolean.TRUE : null;
      });
      String fresh = storedToken(browser, key);
      assertThat(app.api().get("/api/v1/devices/me", "token", fresh).json().getString("device"))
          .isEqualTo("kiosk-sanh-2");

      revoke("kiosk-sanh-2");
      awaitUnpaired(browser, "#screen-pair", "Thiết bị chưa ghép nối");
      assertThat(browser.text("#screen-pair")).contains("Nhập mã này trong trang quản trị");
      assertThat(storedToken(browser, key)).isNull();
      browser.screenshot("kiosk-unpaired-1080x1920");
    }
  }

  @Test
  void aLobbyDisplayRevokedWhileShowingSaysSoInEnglishToo() {
    JsonObject paired = pair("man-hinh-tang-1", "display", null);
    String key = "layso.display.device.demo";
    try (Browser browser = Browser.open(1920, 1080)) {
      browser.go(app.api().base() + "/display?office=demo&sound=off&lang=en");
      browser.js("localStorage.setItem(arguments[0], JSON.stringify({token: arguments[1], device: 'man-hinh-tang-1',"
          + " office: 'demo', kind: 'display'}))", key, paired.getString("token"));
      browser.go(app.api().base() + "/display?office=demo&sound=off&lang=en");
      browser.await(WAIT, d -> !browser.text("#office-name").isEmpty() ? Boolean.TRUE : null);
      assertThat(browser.find("#pairing").isDisplayed()).isFalse();

      revoke("man-hinh-tang-1");
      awaitUnpaired(browser, "#pairing", "Device not paired");
      assertThat(browser.text("#pairing")).contains("Enter this code in the console");
      browser.screenshot("display-unpaired-en-1920x1080");
    }
  }

  @Test
  void aRatingTabletRevokedWhileWaitingShowsTheUnpairedScreen() {
    JsonObject paired = pair("danh-gia-quay-4", "rating", "4");
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(app.api().base() + "/rate");
      browser.js("localStorage.setItem('layso.rate.device', JSON.stringify({token: arguments[0],"
          + " device: 'danh-gia-quay-4', office: 'demo', kind: 'rating', counter: '4'}))", paired.getString("token"));
      browser.go(app.api().base() + "/rate?office=demo&counter=4");
      browser.awaitText("#s-idle", "Xin kính chào quý khách", WAIT);

      revoke("danh-gia-quay-4");
      awaitUnpaired(browser, "#s-unpaired", "Thiết bị chưa ghép nối");
      browser.screenshot("rate-unpaired-1280x800");
    }
  }
}
