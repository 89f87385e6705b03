package vn.layso.device;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.People;
import vn.layso.testing.TestApp;

/**
 * Pairing by code: an unpaired device asks for a code and polls with its secret; a manager claims
 * the code with the device's kind, name and counter; the device's next poll gets its token, once.
 */
class DevicePairingCodeIT {

  private static final String CODES = "/api/v1/devices/pairing-codes";
  private static final String CLAIM = "/api/v1/offices/demo/devices/claim";
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> env.put("RATE_LIMIT_PER_MINUTE", "30"));
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Every test starts 5 s into a fresh one-minute window of the rate limit. */
  @BeforeEach
  void freshWindow() {
    Duration intoMinute = Duration.ofSeconds(app.clock().instant().getEpochSecond() % 60);
    app.clock().advance(Duration.ofMinutes(1).minus(intoMinute).plusSeconds(5));
  }

  private static JsonObject newCode() {
    Api.Response r = api.post(CODES, null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static Api.Response poll(String secret) {
    return api.get(CODES + "/" + secret);
  }

  private static Api.Response claim(String code, String name, String kind, String counter, String token) {
    JsonObject body = new JsonObject().put("code", code).put("name", name).put("kind", kind);
    if (counter != null) {
      body.put("counter", counter);
    }
    return api.post(CLAIM, body.encode(), "token", token);
  }

  @Test
  void aKioskShowsACodeAManagerClaimsItAndTheKioskGetsItsTokenOnce() {
    String manager = People.person(app, "ql-ghep", "manager", List.of("demo"));
    Api.Response asked = api.post(CODES, null);
    assertThat(asked.headers().firstValue("Cache-Control")).contains("no-store");
    JsonObject code = asked.json();
    assertThat(code.getString("code")).matches("[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}");
    assertThat(code.getString("secret")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(Instant.parse(code.getString("expiresAt"))).isEqualTo(app.clock().instant().plus(Duration.ofMinutes(10)));

    JsonObject waiting = poll(code.getString("secret")).json();
    assertThat(waiting.getString("status")).isEqualTo("waiting");
    assertThat(waiting.getString("code")).isEqualTo(code.getString("code"));
    assertThat(waiting.containsKey("token")).isFalse();

    // typed in lower case without the dash, as a person might
    String typed = code.getString("code").replace("-", "").toLowerCase();
    Api.Response claimed = claim(typed, "Kiosk-Sanh-2", "kiosk", null, manager);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
    assertThat(claimed.json().getString("device")).isEqualTo("kiosk-sanh-2");
    assertThat(claimed.json().getString("kind")).isEqualTo("kiosk");
    assertThat(claimed.json().getString("office")).isEqualTo("demo");
    assertThat(claimed.json().containsKey("token")).as("the manager never sees the token").isFalse();

    Api.Response paired = poll(code.getString("secret"));
    assertThat(paired.status()).as(paired.body()).isEqualTo(200);
    assertThat(paired.json().getString("status")).isEqualTo("paired");
    assertThat(paired.json().getString("device")).isEqualTo("kiosk-sanh-2");
    String token = paired.json().getString("token");
    assertThat(api.get("/api/v1/devices/me", "token", token).json().getString("kind")).isEqualTo("kiosk");
    assertThat(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}",
        "token", token).status()).isEqualTo(201);

    // once only: neither the device's poll nor a second claim finds it again
    assertError(poll(code.getString("secret")), 404, "pairing_not_found");
    assertError(claim(code.getString("code"), "kiosk-khac", "kiosk", null, manager), 404, "pairing_code_not_found");

    JsonObject audit = api.get("/api/v1/offices/demo/audit", "token", manager).array().stream()
        .map(JsonObject.class::cast).filter(e -> e.getString("target").equals("device:kiosk-sanh-2")).findFirst()
        .orElseThrow();
    assertThat(audit.getString("action")).isEqualTo("device.pair");
    assertThat(audit.getString("actor")).isEqualTo("manager:ql-ghep");
    assertThat(audit.encode()).doesNotContain(token, code.getString("code"), code.getString("secret"));
  }

  @Test
  void aRatingTabletIsPairedToACounterOfTheOffice() {
    String admin = app.adminToken();
    String code = newCode().getString("code");
    assertError(claim(code, "danh-gia-1", "rating", null, admin), 400, "field_required");
    assertError(claim(code, "danh-gia-1", "rating", "99", admin), 400, "unknown_counter");
    assertError(claim(code, "danh-gia-1", "kiosk", "1", admin), 400, "counter_not_allowed");
    assertError(claim(code, "danh-gia-1", "printer", null, admin), 400, "invalid_device_kind");
    assertError(claim(code, "đánh giá", "rating", "1", admin), 400, "invalid_device_name");
    Api.Response r = claim(code, "danh-gia-1", "rating", "1", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().getString("counter")).isEqualTo("1");
  }

  @Test
  void twoClaimsOfOneCodeAtOnceExactlyOneWins() throws Exception {
    String admin = app.adminToken();
    String manager = People.person(app, "ql-dong-thoi", "manager", List.of("demo"));
    for (int round = 0; round < 5; round++) {
      JsonObject code = newCode();
      String body = "{\"code\":\"" + code.getString("code") + "\",\"kind\":\"display\",\"name\":\"man-hinh-";
      CompletableFuture<Api.Response> a = api.postAsync(CLAIM, body + "a" + round + "\"}", "token", admin);
      CompletableFuture<Api.Response> b = api.postAsync(CLAIM, body + "b" + round + "\"}", "token", manager);
      List<Api.Response> both = List.of(a.get(), b.get());
      assertThat(both).extracting(Api.Response::status).as("round %d", round).containsExactlyInAnyOrder(201, 404);
      Api.Response lost = both.stream().filter(r -> r.status() == 404).findFirst().orElseThrow();
      assertError(lost, 404, "pairing_code_not_found");
      String winner = both.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().getString("device");
      JsonObject paired = poll(code.getString("secret")).json();
      assertThat(paired.getString("device")).isEqualTo(winner);
      String loser = winner.contains("-a") ? "man-hinh-b" + round : "man-hinh-a" + round;
      assertThat(api.get("/api/v1/offices/demo/devices", "token", admin).body()).doesNotContain("\"" + loser + "\"");
    }
  }

  @Test
  void aGuessedOrExpiredCodeIsNotFoundAndAnExpiredDeviceAsksAgain() {
    String admin = app.adminToken();
    assertError(claim("ABC-234", "kiosk-doan", "kiosk", null, admin), 404, "pairing_code_not_found");
    assertError(claim("nonsense!", "kiosk-doan", "kiosk", null, admin), 404, "pairing_code_not_found");
    assertError(poll("a".repeat(43)), 404, "pairing_not_found");
    assertError(poll("short"), 404, "pairing_not_found");

    JsonObject code = newCode();
    app.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
    assertError(claim(code.getString("code"), "kiosk-het-han", "kiosk", null, admin), 404, "pairing_code_not_found");
    assertError(poll(code.getString("secret")), 404, "pairing_not_found");
    assertThat(newCode().getString("code")).isNotBlank();
  }

  @Test
  void onlyAManagerOfTheOfficeOrAnAdminClaims() {
    String code = newCode().getString("code");
    String staff = People.person(app, "cb-ghep", "staff", List.of("demo"));
    assertError(claim(code, "kiosk-q", "kiosk", null, null), 401, "login_required");
    assertError(claim(code, "kiosk-q", "kiosk", null, staff), 403, "forbidden");
    assertThat(poll(newCode().getString("secret")).json().getString("status")).isEqualTo("waiting");
  }

  @Test
  void aDevicesLastSeenTimeIsWrittenOnItsFirstUseAndNotOnEveryRequest() {
    String token = People.device(app, "demo", "man-hinh-lan-cuoi", "display", null);
    java.util.function.Supplier<String> lastSeen = () -> api.get("/api/v1/offices/demo/devices", "token",
        app.adminToken()).array().stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("device").equals("man-hinh-lan-cuoi")).findFirst().orElseThrow()
        .getString("lastSeenAt");
    assertThat(lastSeen.get()).isNull();
    Instant first = app.clock().instant();
    assertThat(api.get("/api/v1/devices/me", "token", token).status()).isEqualTo(200);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lastSeen.get() != null);
    assertThat(Instant.parse(lastSeen.get())).isEqualTo(first);
    app.clock().advance(Duration.ofSeconds(30));
    for (int i = 0; i < 5; i++) {
      assertThat(api.get("/api/v1/devices/me", "token", token).status()).isEqualTo(200);
    }
    assertThat(Instant.parse(lastSeen.get())).as("not rewritten within the minute").isEqualTo(first);
  }

  @Test
  void anAddressMayAskForTenCodesAMinute() {
    for (int i = 0; i < 10; i++) {
      assertThat(api.post(CODES, null).status()).as("code %d", i).isEqualTo(201);
    }
    assertError(api.post(CODES, null), 429, "rate_limited");
  }
}
