package vn.layso.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * A priority group (disability, pregnancy, old age) is chosen by the office's own kiosk or staff,
 * who see the citizen, or by an admin; anonymous callers and other offices' tokens get 403.
 */
class PriorityGrantIT {

  private static final String TICKETS = "/api/v1/offices/demo/tickets";
  private static final String PRIORITY = "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}";
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("north", 1, List.of("dat-dai"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String storedSource(String ticketId) {
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    return RedisAdmin.<String>sync(uri, c -> c.hget(Keys.ticket("demo", ticketId), "source"));
  }

  @Test
  void anAnonymousCallerMayNotChooseAPriorityGroup() {
    String vi = assertError(api.post(TICKETS, PRIORITY), 403, "priority_requires_token");
    assertThat(vi).contains("nhóm ưu tiên");
    String en = assertError(api.post(TICKETS, PRIORITY, "Accept-Language", "en"), 403, "priority_requires_token");
    assertThat(en).contains("priority group");
    assertError(api.post(TICKETS, "{\"service\":\"dat-dai\",\"priority\":\"vip\"}"), 403, "priority_requires_token");
    Api.Response normal = api.post(TICKETS, "{\"service\":\"dat-dai\",\"priority\":null}");
    assertThat(normal.status()).as(normal.body()).isEqualTo(201);
    assertThat(normal.json().getString("priority")).isNull();
    assertThat(storedSource(normal.json().getString("id"))).isEqualTo("public");
  }

  @Test
  void theOfficesKioskGivesAPriorityAndTheTicketRecordsTheKiosk() {
    String kiosk = app.tokenFor("kiosk-1", "DEVICE", "demo");
    Api.Response r = api.post(TICKETS, PRIORITY, "token", kiosk);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().getString("priority")).isEqualTo("nguoi-cao-tuoi");
    assertThat(storedSource(r.json().getString("id"))).isEqualTo("device:kiosk-1");
  }

  @Test
  void theOfficesStaffAndAnAdminGiveAPriority() {
    String staff = app.tokenFor("clerk-demo", "STAFF", "demo");
    Api.Response byStaff = api.post(TICKETS, PRIORITY, "token", staff);
    assertThat(byStaff.status()).as(byStaff.body()).isEqualTo(201);
    assertThat(byStaff.json().getString("priority")).isEqualTo("nguoi-cao-tuoi");
    assertThat(storedSource(byStaff.json().getString("id"))).isEqualTo("staff:clerk-demo");
    Api.Response byAdmin = api.post(TICKETS, PRIORITY, "token", app.adminToken());
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
    assertThat(storedSource(byAdmin.json().getString("id"))).isEqualTo("admin:admin");
    assertError(api.post(TICKETS, "{\"service\":\"dat-dai\",\"priority\":\"vip\"}", "token", staff),
        400, "unknown_priority_group");
  }

  @Test
  void aTokenOfAnotherOfficeMayNotChooseAPriorityGroup() {
    String kiosk = app.tokenFor("kiosk-north", "DEVICE", "north");
    String staff = app.tokenFor("clerk-north", "STAFF", "north");
    assertError(api.post(TICKETS, PRIORITY, "token", kiosk), 403, "priority_requires_token");
    assertError(api.post(TICKETS, PRIORITY, "token", staff), 403, "priority_requires_token");
    Api.Response atHome = api.post("/api/v1/offices/north/tickets", PRIORITY, "token", kiosk);
    assertThat(atHome.status()).as(atHome.body()).isEqualTo(201);
    Api.Response noPriority = api.post(TICKETS, "{\"service\":\"dat-dai\"}", "token", kiosk);
    assertThat(noPriority.status()).as("a plain number is still fine: " + noPriority.body()).isEqualTo(201);
  }
}
