package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RawHttp;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.SlowLiveClient;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * One event log per office: every live event is an entry of the office's capped stream whose id
 * is its version; a socket that missed deltas is repaired by replaying exactly the missing ones
 * from it; a snapshot only when the gap is gone from the log or the epoch changed. Each test has
 * an office of its own, so their versions do not mix.
 */
class LiveReplayIT {

  private static final List<String> FIELDS = List.of("a", "b");
  private static TestApp app;
  private static String redis;

  @BeforeAll
  static void start() throws Exception {
    JsonObject[] offices = new JsonObject[9];
    for (int i = 0; i < offices.length; i++) {
      offices[i] = TestOffices.uniform("replay" + i, 2, FIELDS, 3);
    }
    var file = TestOffices.write(offices);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    redis = app.server().embeddedRedis().uri();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject issued(LiveClient screen) throws InterruptedException {
    return screen.await(m -> "ticket.issued".equals(m.getString("type")));
  }

  /** The next messages, until none comes for a moment. */
  private static List<JsonObject> drain(LiveClient screen) throws InterruptedException {
    List<JsonObject> out = new ArrayList<>();
    JsonObject m;
    while ((m = screen.poll(Duration.ofMillis(700))) != null) {
      out.add(m);
    }
    return out;
  }

  private static List<Long> versions(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getLong("version")).toList();
  }

  @Test
  void everyEventIsAnEntryOfTheOfficesLogWhoseIdIsItsVersion() throws Exception {
    String office = "replay0";
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      screen.next();
      app.issue(office, "a");
      JsonObject event = issued(screen);
      long v = event.getLong("version");
      var entries = RedisAdmin.sync(redis, c -> c.xrange(Keys.eventLog(office), io.lettuce.core.Range.create("0-" + v, "0-" + v)));
      assertThat(entries).hasSize(1);
      JsonObject logged = new JsonObject(entries.get(0).getBody().get("e"));
      assertThat(logged.getLong("version")).isEqualTo(v);
      assertThat(logged.getString("epoch")).isEqualTo(event.getString("epoch"));
      assertThat(logged.getString("type")).isEqualTo("ticket.issued");
    }
  }

  @Test
  void aReconnectingClientGetsExactlyTheDeltasItMissedInOrderAndNoSnapshot() throws Exception {
    String office = "replay1";
    long had;
    String epoch;
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      JsonObject snapshot = screen.next();
      epoch = snapshot.getString("epoch");
      app.issue(office, "a");
      had = issued(screen).getLong("version");
    }
    // while it was away: three changes
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      numbers.add(app.issue(office, i % 2 == 0 ? "a" : "b").getString("number"));
    }
    try (LiveClient back = LiveClient.resuming(app.port(), office, had, epoch)) {
      JsonObject first = back.next();
      assertThat(first.getString("type")).isEqualTo("replay");
      assertThat(first.getString("epoch")).isEqualTo(epoch);
      assertThat(first.getLong("from")).isEqualTo(had);
      List<JsonObject> missed = drain(back);
      assertThat(versions(missed)).containsExactly(had + 1, had + 2, had + 3);
      assertThat(missed).extracting(m -> m.getJsonObject("ticket").getString("number")).containsExactlyElementsOf(numbers);
      assertThat(missed).noneMatch(m -> "snapshot".equals(m.getString("type")));
    }
    // on another server, which did not hold them in memory: the same deltas, from the log
    try (TestApp other = app.sibling(); LiveClient elsewhere = LiveClient.resuming(other.port(), office, had, epoch)) {
      assertThat(elsewhere.next().getString("type")).isEqualTo("replay");
      List<JsonObject> missed = drain(elsewhere);
      assertThat(versions(missed)).containsExactly(had + 1, had + 2, had + 3);
      assertThat(missed).extracting(m -> m.getJsonObject("ticket").getString("number")).containsExactlyElementsOf(numbers);
      assertThat(missed.get(0).getString("office")).isEqualTo(office);
    }
    try (LiveClient back = LiveClient.resuming(app.port(), office, had + 3, epoch)) {
      assertThat(back.next().getString("type")).isEqualTo("replay");

      app.issue(office, "a");
      assertThat(issued(back).getLong("version")).as("live deltas go on after the replay").isEqualTo(had + 4);
    }
  }

  @Test
  void aClientThatIsUpToDateIsToldSoAndGetsNoSnapshot() throws Exception {
    String office = "replay2";
    long had;
    String epoch;
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      JsonObject snapshot = screen.next();
      epoch = snapshot.getString("epoch");
      had = snapshot.getLong("version");
    }
    try (LiveClient back = LiveClient.resuming(app.port(), office, had, epoch)) {
      JsonObject first = back.next();
      assertThat(first.getString("type")).isEqualTo("replay");
      assertThat(first.getLong("from")).isEqualTo(had);
      assertThat(drain(back)).isEmpty();
    }
  }

  @Test
  void aResyncWithSinceReplaysTheGapFromThatVersion() throws Exception {
    String office = "replay3";
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      long v = screen.next().getLong("version");
      app.issue(office, "a");
      app.issue(office, "b");
      issued(screen);
      issued(screen);
      screen.send(new JsonObject().put("type", "resync").put("since", v));
      JsonObject marker = screen.next();
      assertThat(marker.getString("type")).isEqualTo("replay");
      assertThat(marker.getLong("from")).isEqualTo(v);
      assertThat(versions(drain(screen))).containsExactly(v + 1, v + 2);

      // without since, the contract's answer: a snapshot
      screen.send(new JsonObject().put("type", "resync"));
      JsonObject fresh = screen.next();
      assertThat(fresh.getString("type")).isEqualTo("snapshot");
      assertThat(fresh.getLong("version")).isEqualTo(v + 2);
    }
  }

  @Test
  void aDeliveryTheServerNeverGotIsReplayedFromTheLogNotASnapshot() throws Exception {
    String office = "replay4";
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      JsonObject snapshot = screen.next();
      long v = snapshot.getLong("version");
      logWithoutPublishing(office);
      app.issue(office, "a");
      List<JsonObject> got = drain(screen);
      assertThat(versions(got)).containsExactly(v + 1, v + 2);
      assertThat(got.get(0).getString("type")).as("the lost one, from the log").isEqualTo("counter.paused");
      assertThat(got.get(1).getString("type")).isEqualTo("ticket.issued");
    }
  }

  @Test
  void aReaderThatFellBehindGetsTheDeltasItSkippedAfterItsQueueDrainsNotASnapshot() throws Exception {
    String office = "replay8";
    try (SlowLiveClient slow = new SlowLiveClient(app.port(), office)) {
      JsonObject first = slow.next();
      assertThat(first.getString("type")).isEqualTo("snapshot");
      long start = first.getLong("version");
      // a burst larger than the socket buffers of a reader that has stopped reading, but within
      // what a replay repairs (OfficeChannel.MAX_REPLAY)
      int events = 180;
      RedisAdmin.publishBurst(redis, office, start, events, 100_000);
      for (long v = start + 1; v <= start + events; v++) {
        JsonObject m = slow.next();
        assertThat(m.getString("type")).as("version %d", v).isNotEqualTo("snapshot");
        assertThat(m.getLong("version")).isEqualTo(v);
      }
    }
  }

  @Test
  void aLostLastDeliveryIsReplayedByTheHeartbeat() throws Exception {
    String office = "replay7";
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      long v = screen.next().getLong("version");
      logWithoutPublishing(office);
      // nothing follows it: the heartbeat sees the store ahead and replays it
      JsonObject repaired = screen.next();
      assertThat(repaired.getString("type")).isEqualTo("counter.paused");
      assertThat(repaired.getLong("version")).isEqualTo(v + 1);
    }
  }

  /** An event logged as emit does, whose delivery was lost: version and log written, nothing published. */
  private static void logWithoutPublishing(String office) {
    RedisAdmin.sync(redis, c -> c.eval("""
        local v = redis.call('INCR', KEYS[1])
        local e = cjson.encode({ type = 'counter.paused', office = ARGV[1], at = 1, counter = '1',
          version = v, epoch = redis.call('GET', KEYS[1] .. ':epoch') })
        redis.call('XADD', KEYS[1] .. ':log', '0-' .. v, 'e', e)
        return v""", ScriptOutputType.INTEGER, new String[] {Keys.version(office)}, office));
  }

  @Test
  void aGapNoLongerInTheLogOrOfAnotherEpochGetsASnapshot() throws Exception {
    String office = "replay5";
    long had;
    String epoch;
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      JsonObject snapshot = screen.next();
      epoch = snapshot.getString("epoch");
      app.issue(office, "a");
      had = issued(screen).getLong("version");
    }
    app.issue(office, "a");
    app.issue(office, "b");
    // trimmed: the log keeps only its newest entry, the one after `had` is gone. The client comes
    // back on another server, which never held the office's events in memory: it reads the log
    RedisAdmin.sync(redis, c -> c.xtrim(Keys.eventLog(office), 1));
    try (TestApp other = app.sibling()) {
      try (LiveClient back = LiveClient.resuming(other.port(), office, had, epoch)) {
        JsonObject first = back.next();
        assertThat(first.getString("type")).isEqualTo("snapshot");
        assertThat(first.getLong("version")).isEqualTo(had + 2);
      }
      try (LiveClient back = LiveClient.resuming(other.port(), office, had + 1, epoch)) {
        JsonObject first = back.next();
        assertThat(first.getString("type")).as("the last entry is still logged").isEqualTo("replay");
        assertThat(back.next().getLong("version")).isEqualTo(had + 2);
      }
    }
    try (LiveClient back = LiveClient.resuming(app.port(), office, had + 2, "1700000000000000")) {
      JsonObject first = back.next();
      assertThat(first.getString("type")).as("another epoch's version means nothing here").isEqualTo("snapshot");
      assertThat(first.getString("epoch")).isEqualTo(epoch);
    }
  }

  @Test
  void aVersionLostWhileTheLogSurvivedStartsANewEpochAndALogOfIt() throws Exception {
    String office = "replay6";
    try (LiveClient screen = new LiveClient(app.port(), office)) {
      String epoch = screen.next().getString("epoch");
      app.issue(office, "a");
      issued(screen);
      // the version key is lost (a restore of part of the data), the log is not
      RedisAdmin.del(redis, Keys.version(office));
      app.issue(office, "b");
      JsonObject fresh = screen.await(m -> "snapshot".equals(m.getString("type")));
      assertThat(fresh.getString("epoch")).isNotEqualTo(epoch);
      JsonObject ticket = app.issue(office, "b");
      JsonObject later = issued(screen);
      assertThat(later.getString("epoch")).isEqualTo(fresh.getString("epoch"));
      long entries = RedisAdmin.sync(redis, c -> c.xlen(Keys.eventLog(office)));
      assertThat(entries).as("the old epoch's log was dropped").isLessThanOrEqualTo(2);
      assertThat(later.getJsonObject("ticket").getString("number")).isEqualTo(ticket.getString("number"));
    }
  }

  @Test
  void badResumeParametersAreRefused() {
    for (String query : List.of("?since=5", "?epoch=123", "?since=-1&epoch=1", "?since=1&epoch=abc",
        "?since=99999999999999999999&epoch=1")) {
      var r = RawHttp.send(app.port(), "GET /api/v1/offices/replay0/live" + query + " HTTP/1.1\r\n"
          + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n", null);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("invalid_live_resume");
    }
  }
}
