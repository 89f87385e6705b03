package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.SlowLiveClient;
import vn.layso.testing.TestApp;

/** The live WebSocket: snapshot first, then consecutive versions, resync on request, across two servers. */
class LiveEventsIT {

  private static TestApp app;
  private static TestApp sibling;

  @BeforeAll
  static void start() throws Exception {
    var flood = vn.layso.testing.TestOffices.uniform("flood", 1, List.of("a", "b", "c"), 3);
    var file = vn.layso.testing.TestOffices.write(flood);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    sibling = app.sibling();
  }

  @AfterAll
  static void stop() {
    sibling.close();
    app.close();
  }

  @Test
  void aScreenGetsASnapshotThenEveryChangeInVersionOrder() throws Exception {
    String token = app.adminToken();
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      JsonObject snapshot = screen.next();
      assertThat(snapshot.getString("type")).isEqualTo("snapshot");
      long v = snapshot.getLong("version");
      assertThat(snapshot.getJsonArray("counters")).hasSize(7);
      assertThat(snapshot.getJsonArray("queues").getJsonObject(0).getString("name")).isEqualTo("Đất đai");

      JsonObject ticket = app.issue("demo", "ho-tich");
      JsonObject issued = screen.next();
      assertThat(issued.getString("type")).isEqualTo("ticket.issued");
      assertThat(issued.getLong("version")).isEqualTo(v + 1);
      assertThat(issued.getJsonObject("ticket").getString("number")).isEqualTo(ticket.getString("number"));
      assertThat(issued.getJsonObject("queue").getInteger("waiting")).isGreaterThanOrEqualTo(1);

      app.counter("demo", "3", "call-next", token);
      JsonObject called = screen.next();
      assertThat(called.getString("type")).isEqualTo("ticket.called");
      assertThat(called.getLong("version")).isEqualTo(v + 2);
      assertThat(called.getJsonObject("ticket").getString("number")).isEqualTo(ticket.getString("number"));
      assertThat(called.getJsonObject("ticket").getString("counter")).isEqualTo("3");

      app.counter("demo", "3", "recall", token);
      JsonObject recalled = screen.next();
      assertThat(recalled.getString("type")).isEqualTo("ticket.recalled");
      assertThat(recalled.getLong("version")).isEqualTo(v + 3);

      app.counter("demo", "3", "complete", token);
      JsonObject done = screen.next();
      assertThat(done.getString("type")).isEqualTo("ticket.done");
      assertThat(done.getLong("version")).isEqualTo(v + 4);

      screen.send(new JsonObject().put("type", "resync"));
      JsonObject again = screen.next();
      assertThat(again.getString("type")).isEqualTo("snapshot");
      assertThat(again.getLong("version")).isEqualTo(v + 4);
      assertThat(again.getJsonArray("recentCalls").getJsonObject(0).getString("number")).isEqualTo(ticket.getString("number"));
    }
  }

  @Test
  void theSnapshotShowsWhoIsAtWhichCounter() throws Exception {
    String token = app.adminToken();
    JsonObject ticket = app.issue("demo", "chung-thuc");
    app.counter("demo", "5", "call-next", token);
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      JsonObject snapshot = screen.next();
      JsonObject counter5 = snapshot.getJsonArray("counters").stream().map(JsonObject.class::cast)
          .filter(c -> c.getString("id").equals("5")).findFirst().orElseThrow();
      assertThat(counter5.getString("name")).isEqualTo("Quầy 5");
      assertThat(counter5.getJsonObject("current").getString("number")).isEqualTo(ticket.getString("number"));
    } finally {
      app.counter("demo", "5", "complete", token);
    }
  }

  @Test
  void twoServersOnOneRedisShowTheSameVersionedEvents() throws Exception {
    String token = app.adminToken();
    try (LiveClient onA = new LiveClient(app.port(), "demo");
         LiveClient onB = new LiveClient(sibling.port(), "demo")) {
      long va = onA.next().getLong("version");
      long vb = onB.next().getLong("version");
      assertThat(va).isEqualTo(vb);

      app.issue("demo", "dat-dai");
      sibling.api().post("/api/v1/offices/demo/tickets", "{\"service\":\"dat-dai\"}");
      sibling.counter("demo", "1", "call-next", sibling.login("admin", TestApp.ADMIN_PASSWORD));
      app.counter("demo", "1", "complete", token);

      List<String> seenA = new ArrayList<>();
      List<String> seenB = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        JsonObject a = onA.next();
        JsonObject b = onB.next();
        assertThat(a.getLong("version")).isEqualTo(va + i + 1);
        seenA.add(a.getLong("version") + " " + a.getString("type") + " " + a.getJsonObject("ticket").getString("number"));
        seenB.add(b.getLong("version") + " " + b.getString("type") + " " + b.getJsonObject("ticket").getString("number"));
      }
      assertThat(seenB).isEqualTo(seenA);
      assertThat(seenA).extracting(s -> s.split(" ")[1])
          .containsExactly("ticket.issued", "ticket.issued", "ticket.called", "ticket.done");
    }
  }

  @Test
  void pauseAndResumeReachTheScreens() throws Exception {
    String token = app.adminToken();
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      app.counter("demo", "4", "pause", token);
      JsonObject paused = screen.await(m -> "counter.paused".equals(m.getString("type")));
      assertThat(paused.getString("counter")).isEqualTo("4");
      app.counter("demo", "4", "resume", token);
      assertThat(screen.await(m -> "counter.resumed".equals(m.getString("type"))).getString("counter")).isEqualTo("4");
    }
  }

  @Test
  void aScreenThatCannotKeepUpSkipsDeltasAndGetsAFreshSnapshot() throws Exception {
    try (SlowLiveClient slow = new SlowLiveClient(app.port(), "flood")) {
      JsonObject first = slow.next();
      assertThat(first.getString("type")).isEqualTo("snapshot");
      long start = first.getLong("version");
      // a burst larger than the socket buffers (kernel and server) of a reader that has stopped reading
      int events = 12_000;
      vn.layso.testing.RedisAdmin.publishBurst(app.server().embeddedRedis().uri(), "flood", start, events, 1000);

      long last = start;
      int deltas = 0;
      JsonObject message;
      do {
        message = slow.next();
        if (!"snapshot".equals(message.getString("type"))) {
          assertThat(message.getLong("version")).as("deltas stay consecutive").isEqualTo(last + 1);
          last = message.getLong("version");
          deltas++;
        }
      } while (!"snapshot".equals(message.getString("type")));
      assertThat(deltas).as("some deltas were skipped").isLessThan(events);
      assertThat(message.getLong("version")).as("the snapshot catches up").isGreaterThan(last);
      // whatever arrives after the snapshot continues from it (a further snapshot may come first)
      long current = message.getLong("version");
      app.issue("flood", "a");
      JsonObject after;
      while (true) {
        after = slow.next();
        if ("snapshot".equals(after.getString("type"))) {
          current = after.getLong("version");
          continue;
        }
        if (after.getLong("version") <= current) {
          continue;
        }
        assertThat(after.getLong("version")).as("no gap after a snapshot").isEqualTo(current + 1);
        current = after.getLong("version");
        if ("ticket.issued".equals(after.getString("type"))) {
          break;
        }
      }
    }
  }

  @Test
  void aScreenWhoseLastDeltaWasLostCatchesUpByItself() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      long before = screen.next().getLong("version");
      // a change whose event never arrives (as when pub/sub drops it during a reconnect)
      long bumped = vn.layso.testing.RedisAdmin.incr(app.server().embeddedRedis().uri(),
          vn.layso.store.redis.Keys.version("demo"));
      assertThat(bumped).isGreaterThan(before);
      JsonObject snapshot = screen.await(m -> "snapshot".equals(m.getString("type")));
      assertThat(snapshot.getLong("version")).isEqualTo(bumped);
    }
  }

  @Test
  void unknownMessagesGetAnErrorAndThePingGetsAPong() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      screen.send(new JsonObject().put("type", "hello"));
      assertThat(screen.next().getString("type")).isEqualTo("error");
      screen.send(new JsonObject().put("type", "ping"));
      assertThat(screen.next().getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void perMessageCompressionIsNotNegotiatedEvenWhenTheClientOffersIt() throws Exception {
    try (SlowLiveClient browserLike = new SlowLiveClient(app.port(), "demo",
        "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")) {
      assertThat(browserLike.responseHeader("Sec-WebSocket-Extensions")).isNull();
      assertThat(browserLike.next().getString("type")).isEqualTo("snapshot");
    }
  }

  @Test
  void theLiveEndpointRefusesUnknownOfficesAndPlainRequests() {
    Api.Response unknown = app.api().get("/api/v1/offices/nope/live");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("office_not_found");
    Api.Response plain = app.api().get("/api/v1/offices/demo/live");
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.code()).isEqualTo("websocket_required");
  }

  @Test
  void screensAreToldToReconnectWhenTheServerStops() throws Exception {
    TestApp third = app.sibling();
    LiveClient screen = new LiveClient(third.port(), "demo");
    try {
      screen.next();
      third.close();
      assertThat(screen.awaitClose()).isEqualTo((short) 1012);
    } finally {
      screen.close();
    }
  }
}
