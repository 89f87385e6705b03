package vn.layso.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/** Calls and recalls reach the lobby with the server's announcement; the office shows its display settings. */
class AnnouncementIT {

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
  void callsAndRecallsCarryTheirAnnouncementInEventsAndSnapshots() throws Exception {
    String staff = app.tokenFor("canbo-quay-3", "STAFF", "demo");
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      JsonObject ticket = app.issue("demo", "ho-tich");
      String number = ticket.getString("number");
      app.counter("demo", "3", "call-next", staff);
      JsonObject called = screen.await(m -> "ticket.called".equals(m.getString("type")));
      JsonObject announcement = called.getJsonObject("announcement");
      assertThat(announcement.getString("text")).isEqualTo("Kính mời công dân có số thứ tự " + number + " đến quầy số 3");
      assertThat(announcement.getJsonArray("clips").getList()).startsWith("chime", "kinh-moi", "letter-b")
          .endsWith("den-quay-so", "ba");
      assertThat(announcement.encode()).doesNotContain(ticket.getString("id"));

      app.counter("demo", "3", "recall", staff);
      JsonObject recalled = screen.await(m -> "ticket.recalled".equals(m.getString("type")));
      assertThat(recalled.getJsonObject("announcement").getString("text")).isEqualTo("Nhắc lại: " + announcement.getString("text"));

      app.counter("demo", "3", "start", staff);
      JsonObject serving = screen.await(m -> "ticket.serving".equals(m.getString("type")));
      assertThat(serving.containsKey("announcement")).isFalse();

      screen.send(new JsonObject().put("type", "resync"));
      JsonObject snapshot = screen.await(m -> "snapshot".equals(m.getString("type")));
      var calls = snapshot.getJsonArray("recentCalls");
      assertThat(calls.getJsonObject(0).getJsonObject("announcement").getString("text")).startsWith("Nhắc lại: ");
      assertThat(calls.getJsonObject(1).getJsonObject("announcement").getString("text")).isEqualTo(announcement.getString("text"));
    }
  }

  @Test
  void theOfficeShowsItsTickerAndVoiceSettings() {
    JsonObject display = app.api().get("/api/v1/offices/demo").json().getJsonObject("display");
    assertThat(display.getString("ticker")).startsWith("Giờ làm việc");
    assertThat(display.getString("numberReading")).isEqualTo("digits");
    assertThat(display.getString("voicePack")).isEqualTo("vi-espeak");
  }
}
