package vn.layso.predict;

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
 * The citizen's page /t/<id> on a phone-sized Chromium shows the predicted wait with its range,
 * and follows it as the line moves and a counter pauses (it asks for its ticket on live events).
 */
class WaitOnTicketPageIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static TestApp app;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("wp", 2, List.of("a"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    admin = app.adminToken();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void thePageShowsTheMedianAndTheRangeAndFollowsTheLine() {
    for (int i = 0; i < 4; i++) {
      app.issue("wp", "a");
    }
    JsonObject mine = app.issue("wp", "a");
    // four ahead, two counters counted busy: Gamma(5, 5 min), median 23.4, p90 40.0 minutes
    assertThat(mine.getJsonObject("estimatedWait"))
        .isEqualTo(new JsonObject().put("p50Minutes", 24).put("p90Minutes", 40).put("ahead", 4));
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      browser.go(app.api().base() + "/t/" + mine.getString("id"));
      browser.awaitText("#wait", "Dự kiến chờ khoảng 24 phút (có thể đến 40 phút)", WAIT);
      assertThat(browser.text("#ahead")).isEqualTo("4");
      browser.screenshot("ticket-wait-range-390x844");

      // two are called: two ahead, both counters busy: Gamma(3, 5 min), median 13.4, p90 26.6
      app.counter("wp", "1", "call-next", admin);
      app.counter("wp", "2", "call-next", admin);
      browser.awaitText("#wait", "Dự kiến chờ khoảng 14 phút (có thể đến 27 phút)", WAIT);
      assertThat(browser.text("#ahead")).isEqualTo("2");

      // counter 2 pauses: the page asks again (after the server's one-second view of the office)
      app.api().post("/api/v1/offices/wp/counters/2/pause", "{\"reason\":\"hop\"}", "token", admin);
      // one counter: Gamma(3, 10 min), median 26.7, p90 53.2
      browser.awaitText("#wait", "Dự kiến chờ khoảng 27 phút (có thể đến 54 phút)", WAIT);

      browser.go(app.api().base() + "/t/" + mine.getString("id") + "?lang=en");
      browser.awaitText("#wait", "Expected wait about 27 min (up to 54 min)", WAIT);
      browser.screenshot("ticket-wait-range-en-390x844");
    }
  }
}
