package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/** The pages are served from the jar, under a same-origin policy, and the start page lists the offices. */
class PagesIT {

  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyPageIsServedAsHtmlUnderASameOriginPolicy() {
    for (String path : new String[] {"/", "/display?office=demo", "/kiosk?office=demo", "/counter", "/t/demo.abc", "/book", "/book?office=demo&service=ho-tich", "/book/share?office=demo"}) {
      var response = app.api().get(path);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/html"));
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
          csp -> assertThat(csp).contains("default-src 'self'").contains("script-src 'self'"));
      assertThat(response.body()).as(path).contains("<html");
    }
  }

  @Test
  void sharedAssetsAreServedAndUnknownOnesAreJson404() {
    assertThat(app.api().get("/static/assets/live.js").status()).isEqualTo(200);
    assertThat(app.api().get("/static/i18n/vi.json").json().getJsonObject("common").getString("offline"))
        .isEqualTo("Mất kết nối");
    var missing = app.api().get("/static/assets/nothing-here.js");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("code")).isEqualTo("not_found");
    assertThat(app.api().get("/static/../pom.xml").status()).isIn(400, 404);
  }

  @Test
  void theStartPageListsTheOfficesWithTheirPages() {
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(app.api().base() + "/");
      browser.awaitText(".offices", "Ba Đình", Duration.ofSeconds(10));
      assertThat(browser.text("h1")).isEqualTo("Các trang của layso");
      assertThat(browser.text(".offices")).contains("Màn hình sảnh", "Máy lấy số");
      browser.screenshot("index-1280x800");
    }
  }
}
