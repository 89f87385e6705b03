package vn.layso.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * An admin pairs a kiosk or display of an office and gets its token (a year long) directly; pairing
 * the same name again revokes the old token; only admins pair, list and unpair; the device's token
 * lifts the anonymous issuing limit of its office and may set a priority group.
 */
class DevicePairingIT {

  private static final int LIMIT = 3;
  private static final String TICKETS = "/api/v1/offices/demo/tickets";
  private static final String DEVICES = "/api/v1/offices/demo/devices";
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("north", 1, java.util.List.of("dat-dai"), 3));
    app = TestApp.start(env -> {
      env.put("RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT));
      env.put("OFFICES_FILE", file.toString());
    });
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Every test starts 15 s into a fresh one-minute window of the rate limit. */
  @BeforeEach
  void freshWindow() {
    Duration intoMinute = Duration.ofSeconds(app.clock().instant().getEpochSecond() % 60);
    app.clock().advance(Duration.ofMinutes(1).minus(intoMinute).plusSeconds(15));
  }

  private static Api.Response pair(String office, String name, String kind, String token) {
    JsonObject body = new JsonObject().put("name", name);
    if (kind != null) {
      body.put("kind", kind);
    }
    return api.post("/api/v1/offices/" + office + "/devices", body.encode(), "token", token);
  }

  private static String pairedToken(String name) {
    Api.Response r = pair("demo", name, "kiosk", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("token");
  }

  @Test
  void anAdminPairsAKioskAndItsTokenSaysWhoItIsForAYear() {
    Api.Response r = pair("demo", "Kiosk-Sanh-1", "kiosk", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject paired = r.json();
    assertThat(paired.getString("device")).isEqualTo("kiosk-sanh-1");
    assertThat(paired.getString("office")).isEqualTo("demo");
    assertThat(paired.getString("kind")).isEqualTo("kiosk");
    assertThat(paired.getString("token")).isNotBlank().isNotEqualTo(app.adminToken());
    assertThat(Instant.parse(paired.getString("expiresAt")))
        .isEqualTo(app.clock().instant().plus(Duration.ofDays(365)));
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");

    JsonObject me = api.get("/api/v1/devices/me", "token", paired.getString("token")).json();
    assertThat(me.getString("device")).isEqualTo("kiosk-sanh-1");
    assertThat(me.getString("office")).isEqualTo("demo");
    assertThat(me.getString("kind")).isEqualTo("kiosk");
    assertThat(me.getString("expiresAt")).isEqualTo(paired.getString("expiresAt"));

    var listed = api.get(DEVICES, "token", app.adminToken()).array();
    assertThat(listed.stream().map(o -> ((JsonObject) o).getString("device"))).contains("kiosk-sanh-1");
    assertThat(listed.stream().map(o -> ((JsonObject) o).getString("device")))
        .doesNotContain("admin");
    assertThat(api.get("/api/v1/offices/north/devices", "token", app.adminToken()).array()).isEmpty();
  }

  @Test
  void aDisplayIsPairedToo() {
    Api.Response r = pair("demo", "man-hinh-tang-1", "display", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(api.get("/api/v1/devices/me", "token", r.json().getString("token")).json().getString("kind"))
        .isEqualTo("display");
  }

  @Test
  void rePairingTheSameNameRevokesTheOldTokenAtOnce() {
    String first = pairedToken("kiosk-thay-the");
    assertThat(api.get("/api/v1/devices/me", "token", first).status()).isEqualTo(200);
    String second = pairedToken("kiosk-thay-the");
    assertError(api.get("/api/v1/devices/me", "token", first), 401, "invalid_token");
    assertError(api.post(TICKETS, "{\"service\":\"dat-dai\"}", "token", first), 401, "invalid_token");
    assertThat(api.get("/api/v1/devices/me", "token", second).status()).isEqualTo(200);
    long named = api.get(DEVICES, "token", app.adminToken()).array().stream()
        .filter(o -> ((JsonObject) o).getString("device").equals("kiosk-thay-the")).count();
    assertThat(named).isEqualTo(1);
  }

  @Test
  void anotherServerStopsTakingTheOldTokenWithinTheCachesLifetime() throws Exception {
    try (TestApp other = app.sibling()) {
      String first = pairedToken("kiosk-hai-may-chu");
      // the other server has the old token in its memory (CachingAuthStore keeps it a few seconds)
      assertThat(other.api().get("/api/v1/devices/me", "token", first).status()).isEqualTo(200);
      pairedToken("kiosk-hai-may-chu");
      // the revocation is published: well before the cache entry would have expired
      await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> other.api().get("/api/v1/devices/me", "token", first).status() == 401);
      String third = pairedToken("kiosk-hai-may-chu");
      assertThat(other.api().get("/api/v1/devices/me", "token", third).status()).isEqualTo(200);
      api.method("DELETE", DEVICES + "/kiosk-hai-may-chu", null, "token", app.adminToken());
      await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> other.api().get("/api/v1/devices/me", "token", third).status() == 401);
    }
  }

  @Test
  void onlyAnAdminPairsListsAndUnpairs() {
    String staff = app.tokenFor("can-bo-demo", "STAFF", "demo");
    String device = pairedToken("kiosk-quyen");
    String body = "{\"name\":\"kiosk-x\"}";
    assertError(api.post(DEVICES, body), 401, "login_required");
    assertError(api.post(DEVICES, body, "token", staff), 403, "forbidden");
    assertError(api.post(DEVICES, body, "token", device), 403, "forbidden");
    assertError(api.get(DEVICES, "token", staff), 403, "forbidden");
    assertError(api.method("DELETE", DEVICES + "/kiosk-quyen", null, "token", device), 403, "forbidden");
    assertError(api.get("/api/v1/devices/me", "token", staff), 403, "device_token_required");
    assertError(api.get("/api/v1/devices/me"), 401, "login_required");
  }

  @Test
  void badNamesKindsOfficesAndTakenNamesAreRefused() {
    assertError(pair("demo", "kiosk sảnh", "kiosk", app.adminToken()), 400, "invalid_device_name");
    assertError(pair("demo", "k", "kiosk", app.adminToken()), 400, "invalid_device_name");
    assertError(pair("demo", "kiosk-2", "printer", app.adminToken()), 400, "invalid_device_kind");
    assertError(pair("nowhere", "kiosk-2", "kiosk", app.adminToken()), 404, "office_not_found");
    assertError(api.post(DEVICES, "{}", "token", app.adminToken()), 400, "field_required");
    app.tokenFor("nguoi-that", "STAFF", "demo");
    assertThat(assertError(pair("demo", "nguoi-that", "kiosk", app.adminToken()), 409, "device_name_taken"))
        .contains("nguoi-that");
    assertError(pair("demo", "admin", "kiosk", app.adminToken()), 409, "device_name_taken");
    pairedToken("kiosk-chung");
    assertError(pair("north", "kiosk-chung", "kiosk", app.adminToken()), 409, "device_name_taken");
    // the person's account is untouched
    assertThat(app.login("nguoi-that", "password-of-nguoi-that")).isNotBlank();
  }

  @Test
  void aDeviceNeverLogsInWithAPassword() {
    pairedToken("kiosk-mat-khau");
    assertError(api.post("/api/v1/auth/login", "{\"username\":\"kiosk-mat-khau\",\"password\":\"0123456789ab\"}"),
        401, "bad_credentials");
  }

  @Test
  void unpairingRevokesTheTokenAndForgetsTheDevice() {
    String token = pairedToken("kiosk-thao-ra");
    Api.Response gone = api.method("DELETE", DEVICES + "/kiosk-thao-ra", null, "token", app.adminToken());
    assertThat(gone.status()).as(gone.body()).isEqualTo(204);
    assertError(api.get("/api/v1/devices/me", "token", token), 401, "invalid_token");
    assertThat(api.get(DEVICES, "token", app.adminToken()).array().stream()
        .map(o -> ((JsonObject) o).getString("device"))).doesNotContain("kiosk-thao-ra");
    assertError(api.method("DELETE", DEVICES + "/kiosk-thao-ra", null, "token", app.adminToken()),
        404, "device_not_found");
    app.tokenFor("nhan-vien-b", "STAFF", "demo");
    assertError(api.method("DELETE", DEVICES + "/nhan-vien-b", null, "token", app.adminToken()),
        404, "device_not_found");
    assertThat(app.login("nhan-vien-b", "password-of-nhan-vien-b")).isNotBlank();
  }

  @Test
  void thePairedKioskIsNotLimitedAndMaySetAPriority() {
    String kiosk = pairedToken("kiosk-uu-tien");
    for (int i = 0; i < LIMIT * 3; i++) {
      Api.Response r = api.post(TICKETS, "{\"service\":\"dat-dai\"}", "token", kiosk);
      assertThat(r.status()).as("ticket %d: %s", i, r.body()).isEqualTo(201);
    }
    Api.Response priority = api.post(TICKETS, "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}",
        "token", kiosk);
    assertThat(priority.status()).as(priority.body()).isEqualTo(201);
    assertThat(priority.json().getString("priority")).isEqualTo("nguoi-cao-tuoi");
    // not in another office
    assertError(api.post("/api/v1/offices/north/tickets",
        "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}", "token", kiosk), 403, "priority_requires_token");
  }

  @Test
  void anUnpairedKioskIssuesNormalTicketsUnderTheAnonymousLimit() {
    assertError(api.post(TICKETS, "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}"),
        403, "priority_requires_token");
    int issued = 0;
    Api.Response last = null;
    for (int i = 0; i < LIMIT + 1; i++) {
      last = api.post(TICKETS, "{\"service\":\"dat-dai\"}");
      if (last.status() == 201) {
        issued++;
      }
    }
    assertThat(issued).isLessThanOrEqualTo(LIMIT);
    assertError(last, 429, "rate_limited");
  }
}
