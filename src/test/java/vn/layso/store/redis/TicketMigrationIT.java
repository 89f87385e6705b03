package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * A store written by the previous release (23e9099: every ticket a JSON string) is migrated once at
 * start and reads back through the API: tickets, their history, the reports, a counter's view, and
 * the queues go on. The fixture was written by 23e9099's own scripts (see its "about").
 */
class TicketMigrationIT {

  private static final String WAITING = "demo.wa0000000001";
  private static final String DONE = "demo.dn0000000002";
  private static final String CALLED = "demo.ca0000000003";
  private static final String TRANSFERRED = "demo.tr0000000004";
  private static final String APPOINTMENT = "demo.ap0000000005";
  private static final String EXPIRED = "demo.ex0000000006";
  private static final long HISTORY_MS = 400L * 24 * 3600 * 1000;

  @Test
  void aStoreOfThePreviousReleaseIsMigratedAtStartAndReadsBackThroughTheApi() throws Exception {
    try (TestApp app = TestApp.start()) {
      JsonObject fixture = fixture();
      write(uri(app), fixture);
      assertThat(type(uri(app), Keys.ticket("demo", DONE))).isEqualTo("string");

      app.restart();
      String uri = uri(app);
      for (String key : fixture.getJsonObject("strings").fieldNames()) {
        if (key.contains(":ticket:")) {
          assertThat(type(uri, key)).as(key).isEqualTo("hash");
          JsonArray oldSteps = new JsonObject(fixture.getJsonObject("strings").getString(key)).getJsonArray("steps");
          List<String> steps = RedisAdmin.sync(uri, c -> c.lrange(key + Keys.TICKET_STEPS, 0, -1));
          // every step but the issue (the hash's issuedAt, source and first field)
          assertThat(steps).as(key).hasSize(oldSteps.size() - 1);
          long ttl = RedisAdmin.sync(uri, c -> c.pttl(key));
          assertThat(ttl).as(key).isBetween(HISTORY_MS - 3_600_000, HISTORY_MS);
          if (!steps.isEmpty()) {
            long stepsTtl = RedisAdmin.sync(uri, c -> c.pttl(key + Keys.TICKET_STEPS));
            assertThat(stepsTtl).as(key).isBetween(ttl - 60_000, ttl + 60_000);
          }
          // every field migrated is one of TicketFields
          Map<String, String> hash = RedisAdmin.sync(uri, c -> c.hgetall(key));
          assertThat(hash.keySet()).allMatch(f -> TicketFields.of(f).isPresent());
        }
      }
      assertThat(RedisAdmin.exists(uri, Keys.TICKET_HASH_MIGRATED)).isTrue();

      Api api = app.api();
      JsonObject waiting = api.get("/api/v1/tickets/" + WAITING).json();
      assertThat(waiting.getString("number")).isEqualTo("A001");
      assertThat(waiting.getString("status")).isEqualTo("WAITING");
      assertThat(waiting.getInteger("position")).isEqualTo(2);
      JsonObject transferred = api.get("/api/v1/tickets/" + TRANSFERRED).json();
      assertThat(transferred.getString("service")).isEqualTo("dat-dai");
      assertThat(transferred.getString("transferredFrom")).isEqualTo("ho-tich");
      assertThat(transferred.getInteger("position")).isEqualTo(1);
      assertThat(transferred.getString("issuedAt")).startsWith("2026-11-23T08:55:00");
      JsonObject appointment = api.get("/api/v1/tickets/" + APPOINTMENT).json();
      assertThat(appointment.getBoolean("appointment")).isTrue();
      assertThat(appointment.getString("slot")).isEqualTo("09:30");
      JsonObject done = api.get("/api/v1/tickets/" + DONE).json();
      assertThat(done.getString("status")).isEqualTo("DONE");
      assertThat(done.getString("counter")).isEqualTo("4");
      assertThat(done.getString("finishedAt")).startsWith("2026-11-23T08:59:40");
      assertThat(api.get("/api/v1/tickets/" + EXPIRED).json().getString("status")).isEqualTo("EXPIRED");

      String token = app.adminToken();
      JsonObject counter = api.get("/api/v1/offices/demo/counters/3", "token", token).json();
      assertThat(counter.getJsonObject("current").getString("number")).isEqualTo("B002");
      assertThat(counter.getJsonObject("current").getJsonObject("why").getString("rule")).isEqualTo("ONLY_ONE");

      JsonObject today = api.get("/api/v1/offices/demo/history/days/2026-11-23/tickets", "token", token).json();
      JsonObject record = today.getJsonArray("tickets").stream().map(JsonObject.class::cast)
          .filter(t -> DONE.equals(t.getString("id"))).findFirst().orElseThrow();
      assertThat(record.getJsonArray("history").stream().map(s -> ((JsonObject) s).getString("action")))
          .containsExactly("ISSUE", "CALL", "START", "COMPLETE");
      JsonObject call = record.getJsonArray("history").getJsonObject(1);
      assertThat(call.getString("by")).isEqualTo("staff:lan");
      assertThat(call.getJsonObject("why").getString("rule")).isEqualTo("ONLY_ONE");
      JsonObject yesterday = api.get("/api/v1/offices/demo/history/days/2026-11-22/tickets", "token", token).json();
      assertThat(yesterday.encode()).contains(EXPIRED).contains("EXPIRED");

      JsonObject report = api.get("/api/v1/offices/demo/reports?from=2026-11-23&to=2026-11-23&by=field", "token",
          token).json();
      assertThat(report.getJsonObject("total").getInteger("issued")).isEqualTo(5);
      assertThat(report.getJsonObject("total").getInteger("served")).isEqualTo(1);
      assertThat(report.getJsonObject("total").getInteger("transferred")).isEqualTo(1);

      // the queues go on: the priority ticket first, then the walk-in (through the walk-in index
      // the migration built), and the appointment at its counter
      assertThat(RedisAdmin.<List<String>>sync(uri, c -> c.zrange(Keys.walkIns("demo", "20261123", "dat-dai"), 0, -1)))
          .containsExactly(WAITING);
      Api.Response first = app.counter("demo", "1", "call-next", token);
      assertThat(first.json().getJsonObject("ticket").getString("id")).isEqualTo(TRANSFERRED);
      Api.Response second = app.counter("demo", "1", "call-next", token);
      assertThat(second.json().getJsonObject("ticket").getString("id")).isEqualTo(WAITING);
      assertThat(second.json().getJsonObject("skipped").getString("id")).isEqualTo(TRANSFERRED);
      Api.Response fresh = api.post("/api/v1/offices/demo/tickets", new JsonObject().put("service", "ho-tich").encode());
      assertThat(fresh.json().getString("number")).isEqualTo("B004");
    }
  }

  @Test
  void aBatchRunTwiceAtOnceOrAgainConvertsEachTicketOnceAndAStartAfterAKilledOneFinishesTheRest() throws Exception {
    try (TestApp app = TestApp.start()) {
      String uri = uri(app);
      JsonObject fixture = fixture();
      write(uri, fixture);
      List<String> keys = fixture.getJsonObject("strings").fieldNames().stream()
          .filter(k -> k.contains(":ticket:")).sorted().toList();
      String script = RedisStore.source("migrate_tickets", TicketMigrationIT::resource);
      // two servers' batches on the same keys at the same moment, then one again
      CyclicBarrier together = new CyclicBarrier(2);
      List<CompletableFuture<String>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(CompletableFuture.supplyAsync(() -> RedisAdmin.sync(uri, c -> {
          try {
            together.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return c.<String>eval(script, ScriptOutputType.VALUE, keys.toArray(String[]::new));
        })));
      }
      int migrated = 0;
      for (CompletableFuture<String> run : runs) {
        migrated += new JsonObject(run.get()).getInteger("migrated");
      }
      assertThat(migrated).isEqualTo(keys.size());
      Map<String, Map<String, String>> once = new java.util.HashMap<>();
      for (String key : keys) {
        once.put(key, RedisAdmin.sync(uri, c -> c.hgetall(key)));
        assertThat(RedisAdmin.<Long>sync(uri, c -> c.llen(key + Keys.TICKET_STEPS))).isEqualTo(
            new JsonObject(fixture.getJsonObject("strings").getString(key)).getJsonArray("steps").size() - 1L);
      }
      String again = RedisAdmin.sync(uri, c -> c.<String>eval(script, ScriptOutputType.VALUE, keys.toArray(String[]::new)));
      assertThat(new JsonObject(again).getInteger("migrated")).isZero();
      for (String key : keys) {
        assertThat(RedisAdmin.<Map<String, String>>sync(uri, c -> c.hgetall(key))).isEqualTo(once.get(key));
      }

      // a server killed after its first batch: the marker is not set, the next start converts the rest
      write(uri, fixture);
      RedisAdmin.sync(uri, c -> c.<String>eval(script, ScriptOutputType.VALUE, keys.subList(0, 2).toArray(String[]::new)));
      app.restart();
      for (String key : keys) {
        assertThat(type(uri(app), key)).as(key).isEqualTo("hash");
        assertThat(RedisAdmin.<Map<String, String>>sync(uri(app), c -> c.hgetall(key))).isEqualTo(once.get(key));
      }
      // a migrated store (the marker) is not scanned again: a JSON ticket written now stays as it is
      RedisAdmin.set(uri(app), Keys.ticket("demo", "demo.zz0000000009"), "{\"status\":\"WAITING\"}");
      app.restart();
      assertThat(type(uri(app), Keys.ticket("demo", "demo.zz0000000009"))).isEqualTo("string");
    }
  }

  private static String uri(TestApp app) {
    return app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
  }

  private static String type(String uri, String key) {
    return RedisAdmin.sync(uri, c -> c.type(key));
  }

  private static JsonObject fixture() throws IOException {
    try (InputStream in = TicketMigrationIT.class.getResourceAsStream("/migration/tickets-23e9099.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The previous release's keys as it wrote them (tickets with the history's lifetime), and no marker. */
  private static void write(String uri, JsonObject fixture) {
    RedisAdmin.sync(uri, c -> {
      c.del(Keys.TICKET_HASH_MIGRATED);
      fixture.getJsonObject("strings").forEach(e -> {
        c.del(e.getKey(), e.getKey() + Keys.TICKET_STEPS);
        if (e.getKey().contains(":ticket:")) {
          c.psetex(e.getKey(), HISTORY_MS, (String) e.getValue());
        } else {
          c.set(e.getKey(), (String) e.getValue());
        }
      });
      fixture.getJsonObject("zsets").forEach(e -> {
        c.del(e.getKey());
        ((JsonObject) e.getValue()).forEach(m -> c.zadd(e.getKey(), Double.parseDouble((String) m.getValue()), m.getKey()));
      });
      fixture.getJsonObject("hashes").forEach(e -> {
        c.del(e.getKey());
        ((JsonObject) e.getValue()).forEach(f -> c.hset(e.getKey(), f.getKey(), (String) f.getValue()));
      });
      fixture.getJsonObject("sets").forEach(e -> {
        c.del(e.getKey());
        ((JsonArray) e.getValue()).forEach(m -> c.sadd(e.getKey(), (String) m));
      });
      return null;
    });
  }

  private static String resource(String path) {
    try {
      return Files.readString(Path.of("src", "main", "resources", path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
