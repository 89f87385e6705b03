package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.SlowLiveClient;
import vn.layso.testing.TestApp;

/** One client must not be able to hurt the lobby: a socket that talks without reading costs bounded memory. */
class LiveAbuseIT {

  /** One socket's write queue (64 KiB in Vert.x) and a snapshot on top, with room to spare. */
  private static final long QUEUED_BYTES_BOUND = 256 * 1024;

  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static boolean healthyAndBounded(Api api) {
    Api.Response health = api.get("/health");
    return health.status() == 200 && health.json().getLong("liveQueuedBytes") <= QUEUED_BYTES_BOUND;
  }

  private static void othersStillReceive(LiveClient screen) throws InterruptedException {
    JsonObject ticket = app.issue("demo", "ho-tich");
    JsonObject issued = screen.await(m -> "ticket.issued".equals(m.getString("type"))
        && ticket.getString("number").equals(m.getJsonObject("ticket").getString("number")));
    assertThat(issued.getLong("version")).isPositive();
  }

  @Test
  void tenThousandResyncsFromAClientThatNeverReadsCostBoundedMemory() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo");
         SlowLiveClient abuser = new SlowLiveClient(app.port(), "demo")) {
      screen.next();
      for (int i = 0; i < 10_000; i++) {
        abuser.send("{\"type\":\"resync\"}");
      }
      abuser.flush();
      Api api = app.api();
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> healthyAndBounded(api));
      othersStillReceive(screen);
      assertThat(api.get("/health").json().getInteger("liveSockets")).as("not cut off: it asks, but has room")
          .isEqualTo(2);
    }
  }

  @Test
  void aClientThatAsksForASnapshotAfterEachOneGetsFiveThenOneEveryTwoSeconds() throws Exception {
    try (LiveClient client = new LiveClient(app.port(), "demo")) {
      client.next();
      long start = System.nanoTime();
      int answered = 0;
      for (int i = 0; i < 30; i++) {
        client.send(new JsonObject().put("type", "resync"));
        JsonObject answer = client.poll(Duration.ofMillis(1_500));
        if (answer == null) {
          break;
        }
        assertThat(answer.getString("type")).isEqualTo("snapshot");
        answered++;
      }
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;
      assertThat(answered).as("a burst of 5, then one more per 2 s (%d s); the rest ignored", seconds)
          .isBetween(5, 5 + (int) (seconds / 2) + 1);
      assertThat(app.api().get("/health").json().getInteger("liveSockets")).as("ignored, not cut off").isEqualTo(1);
    }
  }

  @Test
  void aClientThatKeepsSendingWhileItsQueueIsFullIsCutOffWith1008() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      int sent = 50_000;
      int[] answers = {0};
      SlowLiveClient.Close close;
      try (SlowLiveClient abuser = new SlowLiveClient(app.port(), "demo")) {
        for (int i = 0; i < sent; i++) {
          abuser.send(i % 2 == 0 ? "{\"type\":\"ping\"}" : "hello");
        }
        abuser.flush();
        Api api = app.api();
        await().atMost(Duration.ofSeconds(20)).until(() -> healthyAndBounded(api));
        close = abuser.readUntilClose(answers);
      }
      assertThat(close.code()).isEqualTo(1008);
      assertThat(close.reason()).isEqualTo("client does not read");
      assertThat(answers[0]).as("answers stopped once its queue was full").isGreaterThan(0).isLessThan(sent);
      Api api = app.api();
      await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/health").json().getInteger("liveSockets") == 1);
      assertThat(healthyAndBounded(api)).isTrue();
      othersStillReceive(screen);
    }
  }
}
