package vn.layso.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.People;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Two servers on one Redis: a token that server B holds in its cache stops working on B within 2 s
 * of any change on A that must end the account's sessions, and within 2 s too when the revocation
 * bypasses the published message (a lost pub/sub message: the cache's trust time).
 */
class RevocationIT {

  private static final String ACCOUNTS = "/api/v1/offices/demo/accounts/";
  private static TestApp a;
  private static TestApp b;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("north", 1, List.of("dat-dai"), 3));
    a = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    b = a.sibling();
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  private record Change(String name, BiConsumer<String, String> onA) {
  }

  private static void patch(String user, JsonObject body) {
    Api.Response r = a.api().method("PATCH", ACCOUNTS + user, body.encode(), "token", a.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static final List<Change> CHANGES = List.of(
      new Change("disable", (user, token) -> patch(user, new JsonObject().put("disabled", true))),
      new Change("role", (user, token) -> patch(user, new JsonObject().put("role", "manager"))),
      new Change("offices", (user, token) -> patch(user, new JsonObject().put("offices",
          new JsonArray().add("demo").add("north")))),
      new Change("reset", (user, token) -> assertThat(a.api().post(ACCOUNTS + user + "/reset-password", null,
          "token", a.adminToken()).status()).isEqualTo(200)),
      new Change("own-password", (user, token) -> assertThat(a.api().post("/api/v1/auth/password",
          new JsonObject().put("current", "password-of-" + user).put("new", "mat-khau-moi-" + user).encode(),
          "token", token).status()).isEqualTo(204)),
      new Change("delete", (user, token) -> assertThat(a.api().method("DELETE", ACCOUNTS + user, null,
          "token", a.adminToken()).status()).isEqualTo(204)));

  @Test
  void everyChangeThatEndsSessionsReachesTheOtherServerWithinTwoSeconds() {
    for (Change change : CHANGES) {
      String user = "cb-thu-" + change.name();
      String token = People.person(a, user, "staff", List.of("demo"));
      // B reads the token once and trusts it for a while from then on
      assertThat(b.api().get("/api/v1/auth/me", "token", token).status()).as(change.name()).isEqualTo(200);
      change.onA().accept(user, token);
      await(change.name()).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> b.api().get("/api/v1/auth/me", "token", token).status() == 401);
    }
  }

  @Test
  void aRevocationWhoseMessageIsLostStillEndsWithinTheCachesTrustTime() {
    String token = People.person(a, "cb-mat-tin", "staff", List.of("demo"));
    assertThat(b.api().get("/api/v1/auth/me", "token", token).status()).isEqualTo(200);
    // behind both servers' backs: the tokens go, no message is published
    String uri = a.config().redisUri() != null ? a.config().redisUri() : a.server().embeddedRedis().uri();
    RedisAdmin.sync(uri, c -> {
      c.smembers(Keys.userTokens("cb-mat-tin")).forEach(hash -> c.del(Keys.token(hash)));
      return c.hset(Keys.user("cb-mat-tin"), "disabled", "1");
    });
    long started = System.nanoTime();
    await().atMost(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(50))
        .until(() -> b.api().get("/api/v1/auth/me", "token", token).status() == 401);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void aDeviceRevokedOnOneServerStopsOnTheOther() {
    String token = People.device(a, "demo", "man-hinh-thu", "display", null);
    assertThat(b.api().get("/api/v1/devices/me", "token", token).status()).isEqualTo(200);
    assertThat(a.api().method("DELETE", "/api/v1/offices/demo/devices/man-hinh-thu", null, "token", a.adminToken())
        .status()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
        .until(() -> b.api().get("/api/v1/devices/me", "token", token).status() == 401);
  }
}
