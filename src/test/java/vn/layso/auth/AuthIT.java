package vn.layso.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** Log-in, bearer tokens, roles and offices: 401 without a valid token, 403 for the wrong role or office. */
class AuthIT {

  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(
        TestOffices.uniform("north", 2, List.of("dat-dai", "ho-tich"), 3),
        TestOffices.uniform("south", 2, List.of("dat-dai"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Api.Response login(String username, String password) {
    return api.post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password).encode());
  }

  private static Api.Response createUser(String token, String username, String password, String role, String office) {
    return api.post("/api/v1/admin/users", new JsonObject().put("username", username).put("password", password)
        .put("role", role).put("office", office).encode(), "token", token);
  }

  private static Api.Response me(String token) {
    return api.get("/api/v1/auth/me", "token", token);
  }

  private static Api.Response issue(String office, String token) {
    return api.post("/api/v1/offices/" + office + "/tickets", "{\"service\":\"dat-dai\"}", "token", token);
  }

  @Test
  void theAdminLogsInAndGetsATokenForTwelveHours() {
    Api.Response r = login("admin", TestApp.ADMIN_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject body = r.json();
    assertThat(body.getString("token")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(body.getString("role")).isEqualTo("ADMIN");
    assertThat(Instant.parse(body.getString("expiresAt"))).isEqualTo(app.clock().instant().plus(Duration.ofHours(12)));
    assertThat(me(body.getString("token")).json().getString("username")).isEqualTo("admin");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    String wrong = assertError(login("admin", "not-the-password"), 401, "bad_credentials");
    String unknown = assertError(login("nobody-here", "not-the-password"), 401, "bad_credentials");
    assertThat(unknown).isEqualTo(wrong);
    assertError(login("ADMIN", "not-the-password"), 401, "bad_credentials");
    assertError(api.post("/api/v1/auth/login", "{\"username\":\"admin\"}"), 400, "field_required");
    assertError(api.post("/api/v1/auth/login", "[]"), 400, "invalid_json");
  }

  @Test
  void aPasswordOverSeventyTwoBytesIsRefusedAtLogInBeforeAnyHashing() {
    String tooLong = assertError(login("admin", "x".repeat(73)), 400, "password_too_long");
    assertThat(tooLong).contains("72");
    assertError(login("nobody-here", "đ".repeat(36) + "x"), 400, "password_too_long");
    assertError(login("admin", TestApp.ADMIN_PASSWORD + "x".repeat(73 - TestApp.ADMIN_PASSWORD.length())),
        400, "password_too_long");
    assertError(login("admin", "x".repeat(72)), 401, "bad_credentials");
    assertError(login("admin", "đ".repeat(36)), 401, "bad_credentials");
  }

  @Test
  void usernamesAreCaseInsensitiveAtLogIn() {
    assertThat(login("Admin", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void counterActionsNeedAValidToken() {
    String path = "/api/v1/offices/north/counters/1/call-next";
    assertError(api.post(path, null), 401, "login_required");
    assertError(api.post(path, null, "token", "garbage-garbage-garbage-garbage"), 401, "invalid_token");
    assertError(api.post(path, null, "token", "short"), 401, "invalid_token");
    assertError(api.post(path, null, "token", "x".repeat(500)), 401, "invalid_token");
    assertError(api.post(path, null, "Authorization", "Basic YWRtaW46YWRtaW4="), 401, "invalid_token");
    assertError(api.post(path, null, "Authorization", "Bearer "), 401, "invalid_token");
  }

  @Test
  void staffActOnlyInTheirOwnOffice() {
    String staff = app.tokenFor("staff-north", "STAFF", "north");
    assertError(app.counter("south", "1", "call-next", staff), 403, "forbidden");
    assertError(app.counter("demo", "1", "call-next", staff), 403, "forbidden");
    assertError(api.post("/api/v1/offices/south/counters/1/transfer", "{\"service\":\"dat-dai\"}", "token", staff),
        403, "forbidden");
    assertError(app.counter("south", "1", "pause", staff), 403, "forbidden");

    Api.Response empty = app.counter("north", "2", "call-next", staff);
    assertThat(empty.status()).as(empty.body()).isIn(200, 204);
    while (app.counter("north", "2", "call-next", staff).status() == 200) {
      assertThat(app.counter("north", "2", "complete", staff).status()).isEqualTo(200);
    }
    String id = app.issue("north", "ho-tich").getString("id");
    Api.Response called = app.counter("north", "2", "call-next", staff);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    assertThat(called.json().getJsonObject("ticket").getString("id")).isEqualTo(id);
    assertThat(app.counter("north", "2", "start", staff).status()).isEqualTo(200);
    assertThat(app.counter("north", "2", "complete", staff).status()).isEqualTo(200);
    assertThat(app.counter("north", "2", "call-next", staff).status()).isEqualTo(204);
  }

  @Test
  void anAdminActsInEveryOffice() {
    for (String office : List.of("north", "south", "demo")) {
      assertThat(app.counter(office, "1", "call-next", app.adminToken()).status()).as(office).isIn(200, 204);
    }
  }

  @Test
  void aDeviceMayIssueTicketsButNotActOnCounters() {
    String device = app.tokenFor("kiosk-north", "DEVICE", "north");
    assertError(app.counter("north", "1", "call-next", device), 403, "forbidden");
    assertError(app.counter("north", "1", "recall", device), 403, "forbidden");
    assertError(api.post("/api/v1/admin/users", "{}", "token", device), 403, "forbidden");
    Api.Response issued = issue("north", device);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
  }

  @Test
  void onlyAnAdminManagesAccounts() {
    String staff = app.tokenFor("staff-south", "STAFF", "south");
    assertError(api.get("/api/v1/admin/users", "token", staff), 403, "forbidden");
    assertError(createUser(staff, "sneaky", "password-12345", "ADMIN", null), 403, "forbidden");
    assertError(api.method("DELETE", "/api/v1/admin/users/admin", null, "token", staff), 403, "forbidden");
    assertError(api.get("/api/v1/admin/users"), 401, "login_required");
    assertError(createUser(null, "sneaky", "password-12345", "ADMIN", null), 401, "login_required");
    assertError(api.method("DELETE", "/api/v1/admin/users/staff-south", null), 401, "login_required");
    assertThat(login("sneaky", "password-12345").status()).isEqualTo(401);
  }

  @Test
  void anAdminCreatesListsAndDeletesAccounts() {
    String admin = app.adminToken();
    Api.Response created = createUser(admin, "clerk-one", "mật-khẩu-dài-đủ", "staff", "north");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json()).isEqualTo(new JsonObject().put("username", "clerk-one").put("role", "STAFF")
        .put("office", "north").put("offices", new JsonArray().add("north")).put("fullName", "clerk-one")
        .put("disabled", false).put("mustChangePassword", false));
    assertThat(created.body()).doesNotContain("password", "mật");

    JsonArray all = api.get("/api/v1/admin/users", "token", admin).array();
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("username"))).contains("admin", "clerk-one");
    assertThat(all.encode()).doesNotContain("passwordHash", "$2");

    String clerk = login("clerk-one", "mật-khẩu-dài-đủ").json().getString("token");
    assertThat(me(clerk).status()).isEqualTo(200);
    assertThat(api.method("DELETE", "/api/v1/admin/users/clerk-one", null, "token", admin).status()).isEqualTo(204);
    assertError(me(clerk), 401, "invalid_token");
    assertError(app.counter("north", "1", "call-next", clerk), 401, "invalid_token");
    assertError(login("clerk-one", "mật-khẩu-dài-đủ"), 401, "bad_credentials");
    assertThat(api.get("/api/v1/admin/users", "token", admin).body()).doesNotContain("clerk-one");
    assertError(api.method("DELETE", "/api/v1/admin/users/clerk-one", null, "token", admin), 404, "user_not_found");
  }

  @Test
  void accountsAreValidated() {
    String admin = app.adminToken();
    assertError(createUser(admin, "shorty", "123456789", "STAFF", "north"), 400, "password_too_short");
    assertError(createUser(admin, "longy", "x".repeat(73), "STAFF", "north"), 400, "password_too_long");
    assertError(createUser(admin, "x", "password-12345", "STAFF", "north"), 400, "invalid_username");
    assertError(createUser(admin, "bad name", "password-12345", "STAFF", "north"), 400, "invalid_username");
    assertError(createUser(admin, "role-less", "password-12345", "ROOT", "north"), 400, "invalid_role");
    assertError(createUser(admin, "homeless", "password-12345", "STAFF", null), 400, "field_required");
    assertError(createUser(admin, "lost", "password-12345", "STAFF", "atlantis"), 404, "office_not_found");
    assertThat(createUser(admin, "twice", "password-12345", "STAFF", "north").status()).isEqualTo(201);
    assertError(createUser(admin, "twice", "password-67890", "DEVICE", "south"), 409, "username_taken");
    assertError(createUser(admin, "TWICE", "password-67890", "STAFF", "south"), 409, "username_taken");
    assertThat(login("twice", "password-12345").status()).as("the first account is untouched").isEqualTo(200);
    assertError(api.method("DELETE", "/api/v1/admin/users/admin", null, "token", admin), 409, "cannot_delete_self");
  }

  @Test
  void logOutRevokesOnlyThatToken() {
    String first = app.tokenFor("staff-logout", "STAFF", "north");
    String second = app.login("staff-logout", "password-of-staff-logout");
    assertThat(api.post("/api/v1/auth/logout", null, "token", first).status()).isEqualTo(204);
    assertError(me(first), 401, "invalid_token");
    assertError(api.post("/api/v1/auth/logout", null, "token", first), 401, "invalid_token");
    assertThat(me(second).status()).isEqualTo(200);
    assertError(api.post("/api/v1/auth/logout", null), 401, "login_required");
  }

  @Test
  void aStaffTokenExpiresAfterTwelveHoursButADeviceTokenDoesNot() {
    String staff = app.tokenFor("staff-expiry", "STAFF", "north");
    String device = app.tokenFor("kiosk-expiry", "DEVICE", "north");
    Instant before = app.clock().instant();
    try {
      app.clock().advance(Duration.ofHours(12).minusSeconds(1));
      assertThat(me(staff).status()).isEqualTo(200);
      app.clock().advance(Duration.ofSeconds(1));
      assertError(me(staff), 401, "invalid_token");
      assertError(app.counter("north", "1", "call-next", staff), 401, "invalid_token");
      assertThat(me(device).status()).isEqualTo(200);
    } finally {
      app.clock().set(before);
    }
  }
}
