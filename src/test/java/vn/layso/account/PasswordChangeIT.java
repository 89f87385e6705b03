package vn.layso.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.People;
import vn.layso.testing.TestApp;

/**
 * Everyone changes their own password: 204, every token of the account revoked; a wrong current
 * password is 403 wrong_current_password (not 401: the caller's session is fine, only the proof is wrong).
 */
class PasswordChangeIT {

  private static final String PASSWORD = "/api/v1/auth/password";
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Api.Response change(String token, String current, String next) {
    return api.post(PASSWORD, new JsonObject().put("current", current).put("new", next).encode(), "token", token);
  }

  @Test
  void aPersonChangesTheirPasswordAndEverySessionEnds() {
    String first = People.person(app, "cb-doi-mk", "staff", List.of("demo"));
    String second = app.login("cb-doi-mk", "password-of-cb-doi-mk");
    Api.Response r = change(first, "password-of-cb-doi-mk", "một-mật-khẩu-mới");
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    assertError(api.get("/api/v1/auth/me", "token", first), 401, "invalid_token");
    assertError(api.get("/api/v1/auth/me", "token", second), 401, "invalid_token");
    assertError(api.post("/api/v1/auth/login", "{\"username\":\"cb-doi-mk\",\"password\":\"password-of-cb-doi-mk\"}"),
        401, "bad_credentials");
    assertThat(app.login("cb-doi-mk", "một-mật-khẩu-mới")).isNotBlank();
  }

  @Test
  void aManagerAndTheAdminChangeTheirsToo() throws Exception {
    String manager = People.person(app, "ql-doi-mk", "manager", List.of("demo"));
    assertThat(change(manager, "password-of-ql-doi-mk", "quan-ly-mat-khau-2").status()).isEqualTo(204);
    try (TestApp own = TestApp.start()) {
      Api.Response r = own.api().post(PASSWORD, new JsonObject().put("current", TestApp.ADMIN_PASSWORD)
          .put("new", "admin-mat-khau-moi").encode(), "token", own.adminToken());
      assertThat(r.status()).as(r.body()).isEqualTo(204);
      assertThat(own.login("admin", "admin-mat-khau-moi")).isNotBlank();
    }
  }

  @Test
  void aWrongCurrentPasswordOrABadNewOneChangesNothing() {
    String token = People.person(app, "cb-sai-mk", "staff", List.of("demo"));
    assertError(change(token, "not-my-password", "mat-khau-moi-dai"), 403, "wrong_current_password");
    assertError(change(token, "password-of-cb-sai-mk", "ngan"), 400, "password_too_short");
    assertError(change(token, "password-of-cb-sai-mk", "x".repeat(73)), 400, "password_too_long");
    assertError(change(token, "password-of-cb-sai-mk", "password-of-cb-sai-mk"), 400, "password_unchanged");
    assertError(api.post(PASSWORD, "{\"current\":\"password-of-cb-sai-mk\"}", "token", token), 400, "field_required");
    assertError(api.post(PASSWORD, "{\"current\":\"a\",\"new\":\"bbbbbbbbbbbb\"}"), 401, "login_required");
    // nothing changed: the token still works, the old password still logs in
    assertThat(api.get("/api/v1/auth/me", "token", token).status()).isEqualTo(200);
    assertThat(app.login("cb-sai-mk", "password-of-cb-sai-mk")).isNotBlank();
  }

  @Test
  void aDeviceHasNoPasswordToChange() {
    Api.Response paired = api.post("/api/v1/offices/demo/devices", "{\"name\":\"kiosk-mk\",\"kind\":\"kiosk\"}",
        "token", app.adminToken());
    assertError(change(paired.json().getString("token"), "whatever-it-is", "mat-khau-moi-dai"), 403, "forbidden");
  }
}
