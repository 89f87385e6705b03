package vn.layso.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Two servers on one Redis: a change saved on one is in effect on the other within 2 s, without a
 * restart, whether it arrives by the config channel or (the message lost) by the revision check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsPropagationIT {

  private static final Duration WITHIN = Duration.ofSeconds(2);
  private static TestApp a;
  private static TestApp b;
  private static String manager;

  @BeforeAll
  static void start() throws Exception {
    a = TestApp.start();
    b = a.sibling();
    manager = a.tokenFor("lan", "manager", "demo");
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  private static JsonArray counterFields(TestApp app, int counter) {
    return app.api().get("/api/v1/offices/demo").json().getJsonArray("counters").getJsonObject(counter)
        .getJsonArray("services");
  }

  @Test
  void aCounterMovedOnOneServerCallsFromItsNewFieldOnTheOther() {
    String staff = b.tokenFor("hoa", "staff", "demo");
    JsonObject land = a.issue("demo", "dat-dai");
    a.issue("demo", "ho-tich");
    JsonObject doc = a.api().get("/api/v1/offices/demo/settings", "token", manager).json();
    long revision = doc.getLong("revision");
    // counter 3 leaves Hộ tịch for Đất đai
    doc.getJsonArray("counters").getJsonObject(2).put("services",
        new JsonArray().add(new JsonObject().put("code", "dat-dai").put("weight", 1)));
    Api.Response saved = a.api().method("PUT", "/api/v1/offices/demo/settings", doc.encode(), "token", manager,
        "If-Match", String.valueOf(revision));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);

    await().atMost(WITHIN).untilAsserted(() -> assertThat(counterFields(b, 2).getList()).containsExactly("dat-dai"));
    Api.Response called = b.counter("demo", "3", "call-next", staff);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    assertThat(called.json().getJsonObject("ticket").getString("number")).isEqualTo(land.getString("number"));
  }

  @Test
  void aLostMessageIsMadeUpByTheRevisionCheck() {
    String uri = a.server().embeddedRedis().uri();
    // a change written without its message: only the periodic revision check can find it
    RedisAdmin.sync(uri, c -> {
      JsonObject config = new JsonObject(c.get(Keys.officeConfig("demo")));
      config.getJsonObject("display").put("ticker", "Thông báo mới");
      c.set(Keys.officeConfig("demo"), config.encode());
      long next = Long.parseLong(c.get(Keys.officeRevision("demo")) == null ? "1" : c.get(Keys.officeRevision("demo")))
          + 1;
      return c.set(Keys.officeRevision("demo"), String.valueOf(next));
    });
    for (TestApp server : new TestApp[] {a, b}) {
      await().atMost(WITHIN).untilAsserted(() -> assertThat(server.api().get("/api/v1/offices/demo").json()
          .getJsonObject("display").getString("ticker")).isEqualTo("Thông báo mới"));
    }
  }

  @Test
  void anOfficeCreatedOnOneServerIsServedByTheOther() {
    JsonObject doc = a.api().get("/api/v1/offices/demo/settings", "token", a.adminToken()).json()
        .put("id", "chi-nhanh-2").put("name", "Chi nhánh số 2");
    Api.Response created = a.api().post("/api/v1/offices", doc.encode(), "token", a.adminToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    await().atMost(WITHIN).untilAsserted(() -> assertThat(b.api().get("/api/v1/offices").array().encode())
        .contains("chi-nhanh-2"));
    assertThat(b.issue("chi-nhanh-2", "dat-dai").getString("number")).isEqualTo("A001");
  }
  /** Last: it moves the shared clock to the next day. */
  @Test
  @Order(Integer.MAX_VALUE)
  void pendingSettingsTakeEffectAtMidnightOnEveryServer() {
    a.issue("demo", "chung-thuc");
    JsonObject doc = a.api().get("/api/v1/offices/demo/settings", "token", manager).json();
    doc.getJsonArray("services").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals("chung-thuc")).findFirst().orElseThrow().put("prefix", "Q");
    Api.Response saved = a.api().method("PUT", "/api/v1/offices/demo/settings", doc.encode(), "token", manager,
        "If-Match", String.valueOf(doc.getLong("revision")));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().getJsonObject("pending").getString("from")).isEqualTo("2026-11-24");
    assertThat(b.issue("demo", "chung-thuc").getString("number")).startsWith("C");

    a.clock().set(java.time.Instant.parse("2026-11-23T17:00:01Z"));
    for (TestApp server : new TestApp[] {a, b}) {
      await().atMost(WITHIN).untilAsserted(() -> assertThat(server.issue("demo", "chung-thuc").getString("number"))
          .startsWith("Q"));
    }
    await().atMost(WITHIN).untilAsserted(() -> {
      long pending = RedisAdmin.sync(a.server().embeddedRedis().uri(), c -> c.exists(Keys.officePending("demo")));
      assertThat(pending).as("applied in the store too").isZero();
    });
  }
}
