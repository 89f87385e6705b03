package vn.layso.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * Three citizens' ticket pages, each in its own Chromium tab, follow their places through calls,
 * a priority ticket, a walk-in and a transfer into their field from the live events alone: each
 * shows the server's place after every step, and none asks the server for its ticket again (the
 * real page's requests, as the browser's resource timing records them). The first is then called
 * and shows its turn, still without asking.
 */
class TicketPagePushIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TICKET_GET = "return performance.getEntriesByType('resource')"
      + ".filter(e => /^\\/api\\/v1\\/tickets\\/[^/]+$/.test(new URL(e.name).pathname)).length";
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

  @Test
  void pagesFollowTheirPlaceFromTheEventsAndShowTheirTurnWithoutAskingPerCall() {
    JsonObject moving = app.issue("demo", "ho-tich");
    app.clock().advance(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      app.issue("demo", "dat-dai");
      app.clock().advance(Duration.ofMinutes(1));
    }
    List<JsonObject> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mine.add(app.issue("demo", "dat-dai"));
      app.clock().advance(Duration.ofMinutes(1));
    }
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      List<String> tabs = new ArrayList<>();
      for (JsonObject ticket : mine) {
        if (!tabs.isEmpty()) {
          browser.driver().switchTo().newWindow(WindowType.TAB);
        }
        tabs.add(browser.driver().getWindowHandle());
        browser.go(app.api().base() + "/t/" + ticket.getString("id"));
        browser.awaitText("#number", ticket.getString("number"), WAIT);
        awaitPlaces(browser, tabs, mine);
      }
      browser.driver().switchTo().window(tabs.get(0));
      browser.screenshot("ticket-push-waiting-390x844");

      int calls = 0;
      // two calls at counter 1 (dat-dai; its backup field is empty): every page moves up by two
      calls += call("1");
      calls += call("1");
      awaitPlaces(browser, tabs, mine);
      // a priority ticket takes place 1, a walk-in the last place: the pages move back by one
      Api.Response priority = app.api().post("/api/v1/offices/demo/tickets",
          "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}", "token", token);
      assertThat(priority.status()).isEqualTo(201);
      app.issue("demo", "dat-dai");
      awaitPlaces(browser, tabs, mine);
      // an earlier citizen of Hộ tịch is called at counter 3 and sent to Đất đai: it keeps its arrival, ahead of them
      calls += call("3");
      assertThat(app.api().post("/api/v1/offices/demo/counters/3/transfer", "{\"service\":\"dat-dai\"}",
          "token", token).status()).isEqualTo(200);
      assertThat(server(moving).getInteger("position")).as("behind the priority ticket only").isEqualTo(2);
      awaitPlaces(browser, tabs, mine);
      calls += call("2");
      calls += call("1");
      calls += call("2");
      awaitPlaces(browser, tabs, mine);

      List<Long> asked = new ArrayList<>();
      for (String tab : tabs) {
        browser.driver().switchTo().window(tab);
        asked.add((Long) browser.js(TICKET_GET));
      }
      // each page read its ticket once, when it opened; the old page read it again after every call
      assertThat(asked).as("ticket reads per page over %d calls", calls).containsOnly(1L);
      double perPagePerCall = asked.stream().mapToLong(n -> n - 1).sum() / (double) (tabs.size() * calls);
      assertThat(perPagePerCall).isLessThan(0.1);

      // the first page's number comes up: it shows its turn from the event, still without asking
      browser.driver().switchTo().window(tabs.get(0));
      String number = mine.get(0).getString("number");
      for (int i = 0; i < 20 && !"CALLED".equals(server(mine.get(0)).getString("status")); i++) {
        call("1");
      }
      browser.awaitText("#called", "Đến lượt bạn", WAIT);
      assertThat(browser.text("#called-counter")).isEqualTo("Mời đến Quầy 1");
      assertThat(browser.text("#number")).isEqualTo(number);
      assertThat((Long) browser.js(TICKET_GET)).as("its own call came with the event").isEqualTo(1L);
      browser.screenshot("ticket-push-called-390x844");
    }
  }

  private static int call(String counter) {
    Api.Response r = app.counter("demo", counter, "call-next", token);
    assertThat(r.status()).isEqualTo(200);
    return 1;
  }

  private static JsonObject server(JsonObject ticket) {
    return app.api().get("/api/v1/tickets/" + ticket.getString("id")).json();
  }

  /** Every open tab shows its ticket's place as the server has it now. */
  private static void awaitPlaces(Browser browser, List<String> tabs, List<JsonObject> mine) {
    for (int i = 0; i < tabs.size(); i++) {
      browser.driver().switchTo().window(tabs.get(i));
      int ahead = server(mine.get(i)).getInteger("position") - 1;
      browser.awaitText("#ahead", ahead == 0 ? "Bạn là người tiếp theo" : String.valueOf(ahead), WAIT);
    }
    browser.driver().switchTo().window(tabs.get(tabs.size() - 1));
  }
}
