package vn.layso.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Accounts and devices for tests, made through the real API: a person's or a device's token. */
public final class People {

  private People() {
  }

  /** Creates a person through an office's accounts as {@code token} (password "password-of-" + username). */
  public static Api.Response create(Api api, String office, String token, String username, String role,
                                    String fullName, List<String> offices) {
    JsonObject body = new JsonObject().put("username", username).put("password", "password-of-" + username)
        .put("role", role).put("fullName", fullName);
    if (offices != null) {
      body.put("offices", new JsonArray(offices));
    }
    return api.post("/api/v1/offices/" + office + "/accounts", body.encode(), "token", token);
  }

  /** A person of these offices (staff or manager), created by the admin if new, logged in: its token. */
  public static String person(TestApp app, String username, String role, List<String> offices) {
    Api.Response r = create(app.api(), offices.get(0), app.adminToken(), username, role, "Người " + username, offices);
    assertThat(r.status()).as(r.body()).isIn(201, 409);
    return app.login(username, "password-of-" + username);
  }

  /** A device of the office paired by the admin (kind kiosk, display or rating; counter for rating): its token. */
  public static String device(TestApp app, String office, String name, String kind, String counter) {
    JsonObject body = new JsonObject().put("name", name).put("kind", kind);
    if (counter != null) {
      body.put("counter", counter);
    }
    Api.Response r = app.api().post("/api/v1/offices/" + office + "/devices", body.encode(), "token", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("token");
  }
}
