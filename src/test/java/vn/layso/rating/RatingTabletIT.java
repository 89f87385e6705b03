package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * The counter's rating tablet in Chromium at 1280x800: a fresh tablet shows a pairing code that a
 * manager claims for its counter. Paired as a rating device of counter 3, it
 * waits on its idle screen, offers the rating when counter 3 completes a ticket (and only then),
 * takes a tap, thanks, and resets itself; the lowest level asks for a reason with big buttons.
 */
class RatingTabletIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static TestApp app;
  private static RatingFixture fx;

  @BeforeAll
  static void start() throws Exception {
    var five = TestOffices.uniform("nam", 2, java.util.List.of("chung-thuc"), 3)
        .put("ratings", new JsonObject().put("levels", 5).put("windowHours", 24));
    var file = TestOffices.write(five);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    fx = new RatingFixture(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aCitizenRatesOnTheTabletOfTheCounterThatServedThem() {
    app.tokenFor("lan", "STAFF", "demo");
    fx.setFullName("lan", "Nguyễn Thị Lan");
    String clerk = app.login("lan", "password-of-lan");
    String token = fx.tablet("demo", "danh-gia-quay-3", "3");
    String page = app.api().base() + "/rate?office=demo&counter=3";
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(page);
      browser.awaitText("#s-unpaired", "Thiết bị chưa ghép nối", WAIT);
      browser.screenshot("rate-unpaired-1280x800");

      browser.js("localStorage.setItem('layso.rate.device', arguments[0])", token);
      browser.go(page);
      browser.awaitText("#s-idle", "Xin kính chào quý khách", WAIT);
      assertThat(browser.text("#counter-name")).isEqualTo("Quầy 3");
      browser.screenshot("rate-idle-1280x800");

      // another counter's completion does not wake this tablet
      app.tokenFor("an", "STAFF", "demo");
      String other = app.login("an", "password-of-an");
      fx.served("demo", "dat-dai", "1", other);
      String id = fx.served("demo", "ho-tich", "3", clerk);
      String number = app.api().get("/api/v1/tickets/" + id).json().getString("number");
      browser.awaitText("#s-ask", "Quý khách có hài lòng với sự phục vụ?", WAIT);
      assertThat(browser.text("#ticket-line")).isEqualTo("Số " + number + " — Hộ tịch");
      assertThat(browser.text("#officer")).isEqualTo("Cán bộ phục vụ: Nguyễn Thị Lan");
      assertThat(browser.findAll("#levels .level-btn")).extracting(e -> e.getText())
          .containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");
      var first = browser.find("#levels .level-btn").getRect();
      assertThat(first.getHeight()).isGreaterThanOrEqualTo(250);
      assertThat(first.getWidth()).isGreaterThanOrEqualTo(300);
      assertThat(browser.driver().getPageSource()).doesNotContain(id);
      browser.screenshot("rate-ask-1280x800");

      browser.find("#levels .level-btn[data-level='3']").click();
      browser.awaitText("#s-thanks", "Cảm ơn quý khách đã đánh giá!", WAIT);
      browser.screenshot("rate-thanks-1280x800");
      JsonObject rating = app.api().get("/api/v1/tickets/" + id + "/rating").json().getJsonObject("rating");
      assertThat(rating.getInteger("level")).isEqualTo(3);
      assertThat(rating.getString("channel")).isEqualTo("tablet");
      // it resets itself
      browser.awaitText("#s-idle", "Xin kính chào quý khách", WAIT);

      // the next citizen is not satisfied: a reason, a note typed or not, then thanks
      String next = fx.served("demo", "ho-tich", "3", clerk);
      browser.awaitText("#s-ask", "Quý khách có hài lòng", WAIT);
      browser.find("#levels .level-btn[data-level='1']").click();
      browser.awaitText("#s-reason", "Điều gì làm quý khách chưa hài lòng?", WAIT);
      assertThat(browser.find("#send").isEnabled()).isFalse();
      browser.find("#reasons .reason-btn[data-code='cho-lau']").click();
      browser.screenshot("rate-reason-1280x800");
      browser.find("#send").click();
      browser.awaitText("#s-thanks", "Cảm ơn quý khách", WAIT);
      JsonObject low = app.api().get("/api/v1/tickets/" + next + "/rating").json().getJsonObject("rating");
      assertThat(low.getInteger("level")).isEqualTo(1);

      // in English
      browser.go(page + "&lang=en");
      browser.awaitText("#s-idle", "Welcome", WAIT);
      fx.served("demo", "ho-tich", "3", clerk);
      browser.awaitText("#s-ask", "Were you satisfied with the service?", WAIT);
      assertThat(browser.findAll("#levels .level-btn")).extracting(e -> e.getText())
          .containsExactly("Very satisfied", "Satisfied", "Not satisfied");
      browser.screenshot("rate-ask-en-1280x800");
    }
  }

  @Test
  void aFreshTabletShowsACodeThatAManagerClaimsForItsCounter() {
    app.tokenFor("hoa", "STAFF", "demo");
    fx.setFullName("hoa", "Lê Thị Hoa");
    String clerk = app.login("hoa", "password-of-hoa");
    String manager = app.tokenFor("quanly-tablet", "MANAGER", "demo");
    try (Browser browser = Browser.open(1280, 800)) {
      // a tablet out of its box: only /rate, no office, no counter, no token
      browser.go(app.api().base() + "/rate");
      browser.await(WAIT, d -> browser.text("#pairing .pairing-code").matches("[2-9A-Z]{3}-[2-9A-Z]{3}") ? Boolean.TRUE : null);
      assertThat(browser.text("#s-unpaired")).contains("Thiết bị chưa ghép nối").contains("Nhập mã này trong trang quản trị");
      String code = browser.text("#pairing .pairing-code");
      browser.screenshot("rate-pairing-code-1280x800");

      Api.Response claimed = app.api().post("/api/v1/offices/demo/devices/claim", new JsonObject().put("code", code)
          .put("kind", "rating").put("name", "danh-gia-quay-2").put("counter", "2").encode(), "token", manager);
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
      assertThat(claimed.json().getString("counter")).isEqualTo("2");

      // its next poll pairs it: the officer/counter screen of counter 2, which the address now names
      browser.awaitText("#s-idle", "Xin kính chào quý khách", WAIT);
      assertThat(browser.text("#counter-name")).isEqualTo("Quầy 2");
      assertThat(browser.driver().getCurrentUrl()).contains("office=demo").contains("counter=2");
      String id = fx.served("demo", "dat-dai", "2", clerk);
      browser.awaitText("#s-ask", "Quý khách có hài lòng với sự phục vụ?", WAIT);
      assertThat(browser.text("#officer")).isEqualTo("Cán bộ phục vụ: Lê Thị Hoa");
      browser.find("#levels .level-btn[data-level='2']").click();
      browser.awaitText("#s-thanks", "Cảm ơn quý khách", WAIT);
      JsonObject rating = app.api().get("/api/v1/tickets/" + id + "/rating").json().getJsonObject("rating");
      assertThat(rating.getInteger("level")).isEqualTo(2);
      assertThat(rating.getString("channel")).isEqualTo("tablet");

      // revoked in the console: the tablet shows a fresh code again
      String token = (String) browser.js("return JSON.parse(localStorage.getItem('layso.rate.device')).token");
      assertThat(app.api().method("DELETE", "/api/v1/offices/demo/devices/danh-gia-quay-2", null, "token", manager).status())
          .isEqualTo(204);
      Awaitility.await().atMost(WAIT).until(() ->
          app.api().get("/api/v1/offices/demo/counters/2/rating-prompt", "token", token).status() == 401);
      browser.go(app.api().base() + "/rate?office=demo&counter=2");
      browser.await(WAIT, d -> browser.text("#pairing .pairing-code").matches("[2-9A-Z]{3}-[2-9A-Z]{3}")
          && !browser.text("#pairing .pairing-code").equals(code) ? Boolean.TRUE : null);
    }
  }

  @Test
  void aFiveLevelOfficeShowsFiveFacesInARow() {
    app.tokenFor("vy", "STAFF", "nam");
    String clerk = app.login("vy", "password-of-vy");
    String token = fx.tablet("nam", "danh-gia-nam-1", "1");
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(app.api().base() + "/rate?office=nam&counter=1");
      browser.js("localStorage.setItem('layso.rate.device', JSON.stringify({token: arguments[0]}))", token);
      browser.go(app.api().base() + "/rate?office=nam&counter=1");
      browser.awaitText("#s-idle", "Xin kính chào quý khách", WAIT);
      String id = fx.served("nam", "chung-thuc", "1", clerk);
      browser.awaitText("#s-ask", "Quý khách có hài lòng", WAIT);
      assertThat(browser.findAll("#levels .level-btn")).extracting(e -> e.getText())
          .containsExactly("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng");
      assertThat(browser.text("#officer")).isEqualTo("Cán bộ phục vụ: vy");
      browser.screenshot("rate-ask-five-1280x800");
      browser.find("#levels .level-btn[data-level='3']").click();
      browser.awaitText("#s-thanks", "Cảm ơn quý khách", WAIT);
      assertThat(app.api().get("/api/v1/tickets/" + id + "/rating").json().getJsonObject("rating").getInteger("level"))
          .isEqualTo(3);
    }
  }

  @Test
  void onlyARatingTabletOfThatCounterMayReadThePrompt() {
    String token = fx.tablet("demo", "danh-gia-quay-4", "4");
    String prompt = "/api/v1/offices/demo/counters/3/rating-prompt";
    assertThat(app.api().get(prompt).status()).isEqualTo(401);
    assertThat(app.api().get(prompt, "token", token).status()).isEqualTo(403);
    assertThat(app.api().get(prompt, "token", app.adminToken()).status()).isEqualTo(403);
    Api.Response own = app.api().get("/api/v1/offices/demo/counters/4/rating-prompt", "token", token);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(own.json().getJsonObject("counter").getString("name")).isEqualTo("Quầy 4");
    assertThat(app.api().post("/api/v1/offices/demo/counters/3/rating", "{\"level\":3}", "token", token).status())
        .isEqualTo(403);
    assertThat(app.api().post("/api/v1/offices/demo/counters/4/rating", "{\"level\":3}", "token", token).code())
        .isEqualTo("not_rateable");
  }
}
