package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * The citizen's ticket page on a 390x844 phone: after DONE the rating block offers the levels, the
 * lowest asks for a reason, then "Cảm ơn bạn đã đánh giá"; a rated ticket says so; after the window nothing.
 */
class TicketPageRatingIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static TestApp app;
  private static RatingFixture fx;

  @BeforeAll
  static void start() throws Exception {
    var five = TestOffices.uniform("tp", 2, List.of("ho-tich"), 3)
        .put("ratings", new JsonObject().put("levels", 5).put("windowHours", 24));
    var file = TestOffices.write(five);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    fx = new RatingFixture(app);
    app.tokenFor("mai", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theCitizenRatesOnTheirPhoneAfterTheService() {
    String clerk = app.login("mai", "password-of-mai"); // the other test moves the clock past a token's life
    String id = app.issue("demo", "ho-tich").getString("id");
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      browser.go(app.api().base() + "/t/" + id);
      browser.awaitText("#number", "B", WAIT);
      assertThat(browser.find("#rating").isDisplayed()).isFalse();

      // served while the page is open: the block appears on its own
      for (String action : List.of("call-next", "start", "complete")) {
        assertThat(app.counter("demo", "3", action, clerk).status()).isEqualTo(200);
      }
      browser.awaitText("#rating-title", "Bạn có hài lòng với sự phục vụ hôm nay?", WAIT);
      assertThat(browser.findAll("#rating-levels .level-btn")).extracting(e -> e.getText())
          .containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");
      browser.js("document.getElementById('rating').scrollIntoView()");
      browser.screenshot("ticket-rating-390x844");

      browser.find("#rating-levels .level-btn[data-level='1']").click();
      browser.awaitText("#rating-reason", "Điều gì làm bạn chưa hài lòng?", WAIT);
      browser.find("#rating-reasons .reason-btn[data-code='huong-dan']").click();
      browser.find("#rating-note").sendKeys("Không biết nộp giấy tờ ở đâu");
      browser.js("document.getElementById('rating-reason').scrollIntoView()");
      browser.screenshot("ticket-rating-reason-390x844");
      browser.find("#rating-send").click();
      browser.awaitText("#rating-done", "Cảm ơn bạn đã đánh giá", WAIT);
      assertThat(browser.text("#rating-done")).contains("Bạn đã đánh giá: Không hài lòng");
      browser.js("document.getElementById('rating').scrollIntoView()");
      browser.screenshot("ticket-rating-thanks-390x844");
      JsonObject rating = app.api().get("/api/v1/tickets/" + id + "/rating").json().getJsonObject("rating");
      assertThat(rating.getInteger("level")).isEqualTo(1);
      assertThat(rating.getString("channel")).isEqualTo("web");

      // opened again: already rated, says so
      browser.go(app.api().base() + "/t/" + id);
      browser.awaitText("#rating-done", "Cảm ơn bạn đã đánh giá", WAIT);
    }
  }

  @Test
  void aFiveLevelOfficeOffersFiveAndTheWindowHidesTheBlockWhenItPasses() {
    app.tokenFor("tam", "STAFF", "tp");
    String tam = app.login("tam", "password-of-tam");
    String id = fx.served("tp", "ho-tich", "1", tam);
    String late = fx.served("tp", "ho-tich", "2", tam);
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      browser.go(app.api().base() + "/t/" + id + "?lang=en");
      browser.awaitText("#rating-title", "Were you satisfied with today's service?", WAIT);
      assertThat(browser.findAll("#rating-levels .level-btn")).extracting(e -> e.getText())
          .containsExactly("Very satisfied", "Satisfied", "Neutral", "Not satisfied", "Very dissatisfied");
      browser.js("document.getElementById('rating').scrollIntoView()");
      browser.screenshot("ticket-rating-five-en-390x844");
      browser.find("#rating-levels .level-btn[data-level='4']").click();
      browser.awaitText("#rating-done", "Thank you for your rating", WAIT);

      app.clock().advance(Duration.ofHours(24).plusSeconds(1));
      browser.go(app.api().base() + "/t/" + late + "?lang=en");
      browser.awaitText("#ended", "", WAIT);
      browser.await(WAIT, d -> browser.find("#ended").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.find("#rating").isDisplayed()).isFalse();
    }
  }
}
