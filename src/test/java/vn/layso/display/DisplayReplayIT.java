package vn.layso.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/**
 * The shared live client (assets/live.js) on a real lobby display: a reconnect asks for the deltas
 * it missed (?since&epoch) and gets them replayed, not a snapshot; a gap it sees on an open socket
 * is asked for with resync + since. The page's WebSocket is wrapped to record what each socket
 * received and, on the test's word, to lose incoming messages.
 */
class DisplayReplayIT {

  private static final String WRAP = """
      (() => {
        const Real = window.WebSocket;
        const live = window.__live = { urls: [], got: [], sockets: [], drop: false, dropped: 0 };
        window.WebSocket = class extends Real {
          constructor(url, protocols) {
            super(url, protocols);
            this.__index = live.sockets.length;
            live.sockets.push(this);
            live.urls.push(String(url));
          }
          set onmessage(handler) {
            super.onmessage = handler && (event => {
              if (live.drop) { live.dropped++; return; }
              live.got.push(this.__index + ' ' + JSON.parse(event.data).type);
              handler(event);
            });
          }
          get onmessage() { return super.onmessage; }
        };
      })();""";

  private static TestApp app;
  private static String staff;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireChromium();
    app = TestApp.start();
    staff = app.tokenFor("canbo-replay", "STAFF", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Browser open() {
    Browser browser = Browser.open(1920, 1080);
    ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WRAP));
    browser.go(app.api().base() + "/display?office=demo&sound=off");
    DisplayIT.awaitLive(browser);
    return browser;
  }

  /** Until the page has lost {@code count} incoming messages. */
  private static void awaitDropped(Browser browser, long count) {
    browser.await(Duration.ofSeconds(10), d -> ((Number) browser.js("return window.__live.dropped")).longValue() >= count
        ? Boolean.TRUE : null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> got(Browser browser) {
    return (List<String>) browser.js("return window.__live.got.slice()");
  }

  @Test
  void aReconnectGetsTheCallsItMissedReplayedNotASnapshot() {
    try (Browser browser = open()) {
      assertThat(got(browser)).containsExactly("0 snapshot");
      // the line drops: what comes meanwhile is lost, then the socket closes and live.js reconnects
      browser.js("window.__live.drop = true");
      DisplayIT.issue(app, "demo", "ho-tich");
      String number = DisplayIT.callNext(app, "demo", "3", staff);
      awaitDropped(browser, 2);
      browser.js("window.__live.drop = false; window.__live.sockets[0].close()");

      browser.awaitText("#now-number", number, Duration.ofSeconds(15));
      assertThat(browser.text("#now-counter")).contains("3");
      String url = (String) browser.js("return window.__live.urls[1]");
      assertThat(url).contains("?since=").contains("&epoch=");
      List<String> second = got(browser).stream().filter(m -> m.startsWith("1 ")).toList();
      assertThat(second).containsExactly("1 replay", "1 ticket.issued", "1 ticket.called");
      assertThat(browser.find("#offline").isDisplayed()).isFalse();
      browser.screenshot("display-replayed-1920x1080");
    }
  }

  @Test
  void aGapOnAnOpenSocketIsAskedForAndReplayed() {
    try (Browser browser = open()) {
      browser.js("window.__live.drop = true");
      DisplayIT.issue(app, "demo", "chung-thuc");
      String number = DisplayIT.callNext(app, "demo", "5", staff);
      awaitDropped(browser, 2);
      // the next delta shows a gap: the page asks for the missing ones
      browser.js("window.__live.drop = false");
      DisplayIT.issue(app, "demo", "dat-dai");
      browser.awaitText("#now-number", number, Duration.ofSeconds(15));
      List<String> after = got(browser);
      assertThat(after.subList(1, after.size()))
          .containsExactly("0 ticket.issued", "0 replay", "0 ticket.issued", "0 ticket.called", "0 ticket.issued");
      assertThat(after).doesNotContain("1 snapshot");
    }
  }
}
