package vn.layso.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * Device tokens rotate on use (issue 15): after 24 h a device's request gets one fresh token in
 * X-Layso-Token (one, however many requests race, on two servers), the old token keeps working for
 * the 48 h grace and then stops, the device is still one device in the list, and revoking it ends
 * the fresh token and the one in grace alike, on every server.
 */
class DeviceTokenRotationIT {

  private static final String ME = "/api/v1/devices/me";
  private static final String DEVICES = "/api/v1/offices/demo/devices";
  private static final String HEADER = "X-Layso-Token";

  private TestApp app;
  private TestApp sibling;

  @BeforeEach
  void start() throws Exception {
    app = TestApp.start();
    sibling = app.sibling();
  }

  @AfterEach
  void stop() {
    sibling.close();
    app.close();
  }

  /** An admin's token of now (the test clock moves past a staff token's 12 hours). */
  private String admin() {
    return app.login("admin", TestApp.ADMIN_PASSWORD);
  }

  private String pair(String name, String kind) {
    JsonObject body = new JsonObject().put("name", name).put("kind", kind);
    if (kind.equals("rating")) {
      body.put("counter", "3");
    }
    Api.Response paired = app.api().post(DEVICES, body.encode(), "token", admin());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    return paired.json().getString("token");
  }

  private static Optional<String> fresh(Api.Response answer) {
    return answer.headers().firstValue(HEADER);
  }

  private Api.Response me(Api api, String token) {
    return api.get(ME, "token", token);
  }

  @Test
  void afterADayOneRequestGetsAFreshTokenAndTheOldOneWorksThroughTheGraceOnly() throws Exception {
    String first = pair("kiosk-sanh-1", "kiosk");
    Api.Response young = me(app.api(), first);
    assertThat(young.status()).isEqualTo(200);
    assertThat(fresh(young)).as("a token of today is not rotated").isEmpty();
    app.clock().advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(fresh(me(app.api(), first))).isEmpty();
    assertThat(fresh(me(sibling.api(), first))).isEmpty();

    // 24 h: twenty requests at once, on two servers, get one fresh token between them
    app.clock().advance(Duration.ofMinutes(2));
    List<Api.Response> answers = race(20, i -> me(i % 2 == 0 ? app.api() : sibling.api(), first));
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    List<String> freshTokens = answers.stream().flatMap(a -> fresh(a).stream()).toList();
    assertThat(freshTokens).hasSize(1);
    String second = freshTokens.get(0);
    assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(40);
    Api.Response withHeader = answers.stream().filter(a -> fresh(a).isPresent()).findFirst().orElseThrow();
    assertThat(withHeader.headers().firstValue("Cache-Control")).contains("no-store");

    // the fresh token is the same device; neither token rotates again today
    JsonObject meNow = me(app.api(), second).json();
    assertThat(meNow.getString("device")).isEqualTo("kiosk-sanh-1");
    assertThat(fresh(me(app.api(), second))).isEmpty();
    app.clock().advance(Duration.ofHours(2));
    assertThat(fresh(me(app.api(), first))).as("a token in grace mints nothing").isEmpty();
    assertThat(fresh(me(sibling.api(), second))).isEmpty();
    Api.Response list = app.api().get(DEVICES, "token", admin());
    assertThat(list.array().stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("device").equals("kiosk-sanh-1")).toList()).as(list.body()).singleElement()
        .satisfies(d -> assertThat(d.getString("lastSeenAt")).isNotNull());

    // the old token works until 48 h after the rotation, then stops, on both servers
    app.clock().advance(Duration.ofHours(45).plusMinutes(50));
    assertThat(me(app.api(), first).status()).isEqualTo(200);
    assertThat(me(sibling.api(), first).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(11));
    assertError(me(app.api(), first), 401, "invalid_token");
    await().atMost(Duration.ofSeconds(5)).until(() -> me(sibling.api(), first).status() == 401);
    assertError(app.api().post("/api/v1/offices/demo/tickets", "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}",
        "token", first), 401, "invalid_token");
    // a kiosk's work goes on with its fresh token
    Api.Response issued = app.api().post("/api/v1/offices/demo/tickets", "{\"service\":\"dat-dai\"}", "token", second);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
  }

  @Test
  void revokingADeviceEndsItsFreshTokenAndTheOneInGraceOnEveryServer() throws Exception {
    String first = pair("man-hinh-sanh", "display");
    app.clock().advance(Duration.ofHours(25));
    String second = fresh(me(app.api(), first)).orElseThrow();
    // both tokens are known to both servers' caches
    for (Api api : List.of(app.api(), sibling.api())) {
      assertThat(me(api, first).status()).isEqualTo(200);
      assertThat(me(api, second).status()).isEqualTo(200);
    }
    Api.Response revoked = app.api().method("DELETE", DEVICES + "/man-hinh-sanh", null, "token", admin());
    assertThat(revoked.status()).as(revoked.body()).isIn(200, 204);
    for (String token : List.of(first, second)) {
      assertError(me(app.api(), token), 401, "invalid_token");
      await().atMost(Duration.ofSeconds(2)).until(() -> me(sibling.api(), token).status() == 401);
    }
  }

  @Test
  void aDeviceUnusedForDaysRotatesAtItsNextRequestAndPairingAgainStartsAFreshDay() {
    String first = pair("may-danh-gia-3", "rating");
    app.clock().advance(Duration.ofDays(30));
    String second = fresh(me(app.api(), first)).orElseThrow();
    // paired again (a replaced tablet): every token before is revoked, the new one is a day's
    String third = pair("may-danh-gia-3", "rating");
    assertError(me(app.api(), second), 401, "invalid_token");
    assertThat(fresh(me(app.api(), third))).isEmpty();
    app.clock().advance(Duration.ofHours(24));
    assertThat(fresh(me(app.api(), third))).isPresent();
  }

  private interface Call {
    Api.Response run(int i) throws Exception;
  }

  /** n real requests released together. */
  private static List<Api.Response> race(int n, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CyclicBarrier start = new CyclicBarrier(n);
      List<CompletableFuture<Api.Response>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        all.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
            return call.run(index);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, pool));
      }
      List<Api.Response> out = new ArrayList<>();
      for (CompletableFuture<Api.Response> f : all) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
