package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Balancing advice is staff-only (issue 15): a public live socket never gets it, nor any other
 * staff-only field, while a socket a staff token of the office authenticated gets it at once and
 * on each change. The public stream's versions stay gapless.
 */
class LiveStaffChannelIT {

  /** Every type the hub may put on a public socket. */
  private static final Set<String> PUBLIC_TYPES = Set.of("snapshot", "ticket.issued", "ticket.called",
      "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show", "ticket.transferred", "counter.paused",
      "counter.resumed", "counter.opened", "counter.closed", "day.closed", "pong");
  private static final Duration QUIET = Duration.ofSeconds(3);

  private TestApp app;
  private String staff;

  @BeforeEach
  void start() throws Exception {
    var other = TestOffices.write(TestOffices.uniform("other", 2, List.of("a"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", other.toString()));
    staff = app.tokenFor("canbo-ho-tich", "STAFF", "demo");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private static boolean advice(JsonObject m) {
    return "balance.advice".equals(m.getString("type"));
  }

  private static JsonObject auth(String token) {
    return new JsonObject().put("type", "auth").put("token", token);
  }

  /** Nine Hộ tịch citizens, counters 3 and 4 busy: Hộ tịch passes its target and counter 5 is advised to help. */
  private void hoTichOverTarget() {
    for (int i = 0; i < 9; i++) {
      app.issue("demo", "ho-tich");
    }
    assertThat(app.counter("demo", "3", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("demo", "4", "call-next", staff).status()).isEqualTo(200);
  }

  @Test
  void theAdviceReachesStaffSocketsOnlyAndThePublicStreamStaysGapless() throws Exception {
    try (LiveClient lobby = new LiveClient(app.port(), "demo");
         LiveClient console = new LiveClient(app.port(), "demo")) {
      List<JsonObject> seen = new ArrayList<>();
      seen.add(lobby.next());
      console.next();
      console.send(auth(staff));
      assertThat(console.next().encode()).isEqualTo("{\"type\":\"auth\",\"staff\":true}");
      assertThat(console.await(LiveStaffChannelIT::advice).getInteger("count")).as("the state at once").isZero();

      hoTichOverTarget();
      JsonObject event = console.await(m -> advice(m) && m.getInteger("count") > 0);
      assertThat(event.getJsonArray("advice").getJsonObject(0).getString("counter")).isEqualTo("5");
      assertThat(event.containsKey("version")).isFalse();
      // a public socket asks for a resync and pings: still nothing staff-only
      lobby.send(new JsonObject().put("type", "resync"));
      lobby.send(new JsonObject().put("type", "ping"));
      for (JsonObject m = lobby.poll(QUIET); m != null; m = lobby.poll(QUIET)) {
        seen.add(m);
      }
      assertThat(seen).extracting(m -> m.getString("type")).contains("ticket.issued", "ticket.called", "pong")
          .allMatch(PUBLIC_TYPES::contains);
      for (JsonObject m : seen) {
        String text = m.encode();
        assertThat(text).as(text).doesNotContain("advice").doesNotContain("canbo-ho-tich")
            .doesNotContain("Chuyển Quầy").doesNotContain("predictedMinutes").doesNotContain("sessionBy");
      }
      // the deltas the lobby got are gapless: the advice took no version of the public stream
      long version = seen.get(0).getLong("version");
      for (JsonObject m : seen.subList(1, seen.size())) {
        if (m.containsKey("version") && !"snapshot".equals(m.getString("type"))) {
          assertThat(m.getLong("version")).as(m.encode()).isEqualTo(++version);
        }
      }
      assertThat(version).as("9 issued, 2 called").isEqualTo(seen.get(0).getLong("version") + 11);
    }
  }

  @Test
  void aSocketResyncedAfterAuthGetsTheStandingAdviceAgain() throws Exception {
    hoTichOverTarget();
    try (LiveClient console = new LiveClient(app.port(), "demo")) {
      console.next();
      console.send(auth(app.tokenFor("quan-ly-demo", "MANAGER", "demo")));
      console.await(m -> "auth".equals(m.getString("type")));
      // the watcher publishes within about a second of the events; the standing advice comes with each snapshot
      JsonObject standing = console.await(m -> advice(m) && m.getInteger("count") > 0);
      assertThat(standing.getJsonArray("advice")).hasSize(1);
      console.send(new JsonObject().put("type", "resync"));
      console.await(m -> "snapshot".equals(m.getString("type")));
      assertThat(console.await(LiveStaffChannelIT::advice).getInteger("count")).isEqualTo(1);
    }
  }

  @Test
  void tokensThatDoNotServeTheOfficeAreRefusedAndGetNoAdvice() throws Exception {
    String otherStaff = app.tokenFor("canbo-khac", "STAFF", "other");
    String kiosk = app.tokenFor("kiosk-sanh", "DEVICE", "demo");
    try (LiveClient stranger = new LiveClient(app.port(), "demo");
         LiveClient device = new LiveClient(app.port(), "demo");
         LiveClient forger = new LiveClient(app.port(), "demo")) {
      stranger.next();
      device.next();
      forger.next();
      stranger.send(auth(otherStaff));
      device.send(auth(kiosk));
      forger.send(auth("not-a-real-token-but-long-enough"));
      forger.send(new JsonObject().put("type", "auth").put("token", 42));
      assertThat(stranger.await(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("forbidden");
      assertThat(device.await(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("forbidden");
      JsonObject refused = forger.await(m -> "error".equals(m.getString("type")));
      assertThat(refused.getString("code")).isEqualTo("invalid_token");
      assertThat(refused.getString("message")).isNotBlank();
      assertThat(forger.await(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("invalid_token");

      hoTichOverTarget();
      try (LiveClient console = new LiveClient(app.port(), "demo")) {
        console.next();
        console.send(auth(app.adminToken()));
        console.await(m -> advice(m) && m.getInteger("count") > 0);
      }
      for (LiveClient refusedSocket : List.of(stranger, device, forger)) {
        for (JsonObject m = refusedSocket.poll(QUIET); m != null; m = refusedSocket.poll(QUIET)) {
          assertThat(advice(m)).as(m.encode()).isFalse();
        }
      }
    }
  }
}
