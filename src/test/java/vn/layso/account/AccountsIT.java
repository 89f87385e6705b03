package vn.layso.account;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
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
 * An office's accounts: listed, created, changed, disabled and enabled, reset to a one-time password
 * and deleted, by an admin or a manager of the office, within the manager's reach; every change in
 * the audit log without a password hash.
 */
class AccountsIT {

  static final String ACCOUNTS = "/api/v1/offices/demo/accounts";
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("north", 2, List.of("dat-dai"), 3),
        TestOffices.uniform("south", 2, List.of("dat-dai"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Api.Response create(Api api, String office, String token, String username, String role,
                                     String fullName, List<String> offices) {
    return People.create(api, office, token, username, role, fullName, offices);
  }

  private static String person(TestApp app, String username, String role, List<String> offices) {
    return People.person(app, username, role, offices);
  }

  private static Api.Response patch(String username, JsonObject body, String token) {
    return api.method("PATCH", ACCOUNTS + "/" + username, body.encode(), "token", token);
  }

  private static JsonArray audit(String office) {
    Api.Response r = api.get("/api/v1/offices/" + office + "/audit", "token", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.array();
  }

  private static List<JsonObject> auditOf(String office, String target) {
    return audit(office).stream().map(JsonObject.class::cast).filter(e -> e.getString("target").equals(target)).toList();
  }

  @Test
  void anAdminCreatesListsChangesAndDeletesAnOfficesPeople() {
    Api.Response created = create(api, "demo", app.adminToken(), "Lan.Nguyen", "staff", "  Nguyễn   Thị Lan ", null);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json()).isEqualTo(new JsonObject().put("username", "lan.nguyen").put("fullName", "Nguyễn Thị Lan")
        .put("role", "STAFF").put("offices", new JsonArray().add("demo")).put("disabled", false)
        .put("mustChangePassword", false));
    assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
    app.login("lan.nguyen", "password-of-Lan.Nguyen");
    api.post("/api/v1/offices/demo/devices", "{\"name\":\"kiosk-ds\",\"kind\":\"kiosk\"}", "token", app.adminToken());
    person(app, "clerk-north-only", "staff", List.of("north"));

    Api.Response listed = api.get(ACCOUNTS, "token", app.adminToken());
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Cache-Control")).contains("no-store");
    List<String> names = listed.array().stream().map(o -> ((JsonObject) o).getString("username")).toList();
    assertThat(names).contains("lan.nguyen").doesNotContain("kiosk-ds", "clerk-north-only", "admin");
    assertThat(listed.body()).doesNotContain("passwordHash", "$2a$");

    Api.Response changed = patch("lan.nguyen", new JsonObject().put("fullName", "Nguyễn Thị Lan Anh").put("role", "MANAGER")
        .put("offices", new JsonArray().add("demo").add("north")), app.adminToken());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getString("fullName")).isEqualTo("Nguyễn Thị Lan Anh");
    assertThat(changed.json().getString("role")).isEqualTo("MANAGER");
    assertThat(changed.json().getJsonArray("offices")).containsExactly("demo", "north");
    // the stored hash keeps the first office for older readers
    assertThat(RedisAdmin.<String>sync(redis(), c -> c.hget(Keys.user("lan.nguyen"), "office"))).isEqualTo("demo");
    assertThat(RedisAdmin.<String>sync(redis(), c -> c.hget(Keys.user("lan.nguyen"), "offices"))).isEqualTo("demo,north");
    JsonObject me = api.get("/api/v1/auth/me", "token", app.login("lan.nguyen", "password-of-Lan.Nguyen")).json();
    assertThat(me.getJsonArray("offices")).containsExactly("demo", "north");
    assertThat(me.getString("fullName")).isEqualTo("Nguyễn Thị Lan Anh");

    assertThat(api.method("DELETE", ACCOUNTS + "/lan.nguyen", null, "token", app.adminToken()).status()).isEqualTo(204);
    assertError(api.method("DELETE", ACCOUNTS + "/lan.nguyen", null, "token", app.adminToken()), 404, "user_not_found");
    assertError(api.post("/api/v1/auth/login", "{\"username\":\"lan.nguyen\",\"password\":\"password-of-Lan.Nguyen\"}"),
        401, "bad_credentials");

    List<String> actions = auditOf("demo", "account:lan.nguyen").stream().map(e -> e.getString("action")).toList();
    assertThat(actions).containsExactly("account.create", "account.update", "account.delete");
    assertThat(auditOf("north", "account:lan.nguyen")).extracting(e -> e.getString("action"))
        .containsExactly("account.update", "account.delete");
    JsonObject update = auditOf("demo", "account:lan.nguyen").get(1);
    assertThat(update.getString("actor")).isEqualTo("admin:admin");
    assertThat(update.getJsonObject("before").getString("role")).isEqualTo("STAFF");
    assertThat(update.getJsonObject("after").getString("role")).isEqualTo("MANAGER");
    assertThat(audit("demo").encode()).doesNotContain("passwordHash", "$2a$", "password-of");
  }

  @Test
  void aManagerManagesOnlyAccountsAllOfWhoseOfficesItManages() {
    String manager = person(app, "quan-ly-demo", "manager", List.of("demo"));
    person(app, "cb-demo", "staff", List.of("demo"));
    person(app, "cb-hai-noi", "staff", List.of("demo", "north"));
    person(app, "ql-north", "manager", List.of("north"));

    Api.Response mine = create(api, "demo", manager, "cb-moi", "staff", "Trần Văn Mới", null);
    assertThat(mine.status()).as(mine.body()).isEqualTo(201);
    assertThat(patch("cb-demo", new JsonObject().put("fullName", "Lê Văn Cán Bộ"), manager).status()).isEqualTo(200);
    assertThat(patch("cb-moi", new JsonObject().put("role", "manager"), manager).status()).isEqualTo(200);

    // an account also of an office it does not manage
    assertError(patch("cb-hai-noi", new JsonObject().put("fullName", "X"), manager), 403, "forbidden");
    assertError(api.post(ACCOUNTS + "/cb-hai-noi/reset-password", null, "token", manager), 403, "forbidden");
    assertError(api.method("DELETE", ACCOUNTS + "/cb-hai-noi", null, "token", manager), 403, "forbidden");
    // never an admin, never creates one, gives only its own offices
    assertError(create(api, "demo", manager, "new-admin", "admin", "Quản trị", null), 403, "forbidden");
    assertError(create(api, "demo", manager, "cb-x", "staff", "Cán bộ X", List.of("demo", "north")), 403, "forbidden");
    assertError(patch("cb-demo", new JsonObject().put("offices", new JsonArray().add("north")), manager),
        403, "forbidden");
    assertError(patch("admin", new JsonObject().put("fullName", "X"), manager), 404, "user_not_found");
    // the admin account is nobody's office account: not reachable even by an admin through an office
    assertError(patch("admin", new JsonObject().put("fullName", "X"), app.adminToken()), 404, "user_not_found");
    // another office's manager reaches nothing here
    String north = app.login("ql-north", "password-of-ql-north");
    assertError(api.get(ACCOUNTS, "token", north), 403, "forbidden");
    assertError(patch("cb-demo", new JsonObject().put("fullName", "X"), north), 403, "forbidden");
    // nor may a manager lock itself out
    assertError(patch("quan-ly-demo", new JsonObject().put("disabled", true), manager), 409, "cannot_change_self");
    assertError(api.method("DELETE", ACCOUNTS + "/quan-ly-demo", null, "token", manager), 409, "cannot_delete_self");
    assertThat(patch("quan-ly-demo", new JsonObject().put("fullName", "Phạm Quản Lý"), manager).status()).isEqualTo(200);

    assertThat(auditOf("demo", "account:cb-moi").get(0).getString("actor")).isEqualTo("manager:quan-ly-demo");
    assertThat(api.method("DELETE", ACCOUNTS + "/cb-moi", null, "token", manager).status()).isEqualTo(204);
  }

  @Test
  void aResetGivesAOneTimePasswordThatMustBeChangedAtTheNextLogIn() {
    String manager = person(app, "ql-reset", "manager", List.of("demo"));
    String old = person(app, "cb-quen", "staff", List.of("demo"));
    assertThat(app.counter("demo", "1", "call-next", old).status()).isIn(200, 204);

    Api.Response reset = api.post(ACCOUNTS + "/cb-quen/reset-password", null, "token", manager);
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.headers().firstValue("Cache-Control")).contains("no-store");
    String oneTime = reset.json().getString("oneTimePassword");
    assertThat(reset.json().getString("username")).isEqualTo("cb-quen");
    assertThat(oneTime).matches("[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}");
    assertError(app.counter("demo", "1", "call-next", old), 401, "invalid_token");
    assertError(api.post("/api/v1/auth/login", "{\"username\":\"cb-quen\",\"password\":\"password-of-cb-quen\"}"),
        401, "bad_credentials");

    Api.Response login = api.post("/api/v1/auth/login",
        new JsonObject().put("username", "cb-quen").put("password", oneTime).encode());
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().getBoolean("mustChangePassword")).isTrue();
    String restricted = login.json().getString("token");
    assertError(app.counter("demo", "1", "call-next", restricted), 403, "password_change_required");
    assertError(api.get("/api/v1/offices/demo/audit", "token", restricted), 403, "password_change_required");
    assertThat(api.get("/api/v1/auth/me", "token", restricted).json().getBoolean("mustChangePassword")).isTrue();

    Api.Response changed = api.post("/api/v1/auth/password",
        new JsonObject().put("current", oneTime).put("new", "mat-khau-moi-cua-toi").encode(), "token", restricted);
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertError(api.get("/api/v1/auth/me", "token", restricted), 401, "invalid_token");
    assertError(api.post("/api/v1/auth/login", new JsonObject().put("username", "cb-quen").put("password", oneTime)
        .encode()), 401, "bad_credentials");
    Api.Response again = api.post("/api/v1/auth/login",
        "{\"username\":\"cb-quen\",\"password\":\"mat-khau-moi-cua-toi\"}");
    assertThat(again.json().getBoolean("mustChangePassword")).isFalse();
    assertThat(app.counter("demo", "1", "call-next", again.json().getString("token")).status()).isIn(200, 204);

    assertThat(auditOf("demo", "account:cb-quen")).extracting(e -> e.getString("action"))
        .contains("account.reset_password", "account.change_password");
    assertThat(audit("demo").encode()).doesNotContain(oneTime);
  }

  @Test
  void aDisabledAccountLosesItsTokensAndCannotLogInUntilEnabled() {
    String token = person(app, "cb-nghi", "staff", List.of("demo"));
    Api.Response disabled = patch("cb-nghi", new JsonObject().put("disabled", true), app.adminToken());
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().getBoolean("disabled")).isTrue();
    assertError(api.get("/api/v1/auth/me", "token", token), 401, "invalid_token");
    String right = "{\"username\":\"cb-nghi\",\"password\":\"password-of-cb-nghi\"}";
    assertError(api.post("/api/v1/auth/login", right), 403, "account_disabled");
    // a wrong password learns nothing about the account
    assertError(api.post("/api/v1/auth/login", "{\"username\":\"cb-nghi\",\"password\":\"wrong-password-1\"}"),
        401, "bad_credentials");

    assertThat(patch("cb-nghi", new JsonObject().put("disabled", false), app.adminToken()).json().getBoolean("disabled"))
        .isFalse();
    assertThat(api.post("/api/v1/auth/login", right).status()).isEqualTo(200);
    assertThat(auditOf("demo", "account:cb-nghi")).extracting(e -> e.getString("action"))
        .containsSubsequence("account.create", "account.disable", "account.enable");
  }

  @Test
  void aChangeOfNameOnlyKeepsTheSessionsAChangeOfRoleEndsThem() {
    String token = person(app, "cb-doi-ten", "staff", List.of("demo"));
    patch("cb-doi-ten", new JsonObject().put("fullName", "Tên Mới").put("role", "staff")
        .put("offices", new JsonArray().add("demo")), app.adminToken());
    assertThat(api.get("/api/v1/auth/me", "token", token).status()).isEqualTo(200);
    patch("cb-doi-ten", new JsonObject().put("role", "manager"), app.adminToken());
    assertError(api.get("/api/v1/auth/me", "token", token), 401, "invalid_token");
  }

  @Test
  void anAccountStoredBeforeOfficesIsAnAccountOfItsOneOffice() {
    person(app, "cb-cu", "staff", List.of("demo"));
    RedisAdmin.sync(redis(), c -> c.hdel(Keys.user("cb-cu"), "offices", "fullName"));
    Api.Response login = api.post("/api/v1/auth/login", "{\"username\":\"cb-cu\",\"password\":\"password-of-cb-cu\"}");
    assertThat(login.json().getJsonArray("offices")).containsExactly("demo");
    assertThat(login.json().getString("fullName")).isEqualTo("cb-cu");
    assertThat(api.get(ACCOUNTS, "token", app.adminToken()).body()).contains("\"cb-cu\"");
    assertThat(app.counter("demo", "1", "call-next", login.json().getString("token")).status()).isIn(200, 204);
  }

  @Test
  void badInputIsRefused() {
    String admin = app.adminToken();
    assertError(create(api, "demo", admin, "x y", "staff", "Tên", null), 400, "invalid_username");
    assertError(create(api, "demo", admin, "cb-role", "boss", "Tên", null), 400, "invalid_person_role");
    assertError(create(api, "demo", admin, "cb-role", "device", "Tên", null), 400, "invalid_person_role");
    assertError(create(api, "demo", admin, "cb-name", "staff", "a".repeat(81), null), 400, "invalid_full_name");
    assertError(create(api, "demo", admin, "cb-name", "staff", "   ", null), 400, "field_required");
    assertError(create(api, "demo", admin, "cb-off", "staff", "Tên", List.of("north")), 400, "invalid_offices");
    assertError(create(api, "demo", admin, "cb-off", "staff", "Tên", List.of("demo", "nowhere")), 404,
        "office_not_found");
    assertError(api.post(ACCOUNTS, "{\"username\":\"cb-pw\",\"password\":\"short\",\"role\":\"staff\",\"fullName\":\"A\"}",
        "token", admin), 400, "password_too_short");
    person(app, "cb-trung", "staff", List.of("demo"));
    assertError(create(api, "demo", admin, "cb-trung", "staff", "Tên", null), 409, "username_taken");
    assertError(patch("cb-trung", new JsonObject().put("disabled", "yes"), admin), 400, "field_not_boolean");
    assertError(patch("cb-trung", new JsonObject().put("offices", new JsonArray()), admin), 400, "invalid_offices");
    assertError(patch("nobody", new JsonObject().put("fullName", "A"), admin), 404, "user_not_found");
    assertError(api.get("/api/v1/offices/nowhere/accounts", "token", admin), 404, "office_not_found");
  }

  static String redis() {
    return app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
  }

  @Test
  void theAdminsOlderAccountRoutesAreAuditedToo() {
    Api.Response staff = api.post("/api/v1/admin/users", new JsonObject().put("username", "cu-an").put("role", "staff")
        .put("office", "demo").put("password", "mat-khau-cua-an").encode(), "token", app.adminToken());
    assertThat(staff.status()).as(staff.body()).isEqualTo(201);
    assertThat(auditOf("demo", "account:cu-an")).extracting(e -> e.getString("action")).containsExactly("account.create");
    Api.Response admin = api.post("/api/v1/admin/users", new JsonObject().put("username", "it-tinh").put("role", "admin")
        .put("password", "mat-khau-cua-tinh").encode(), "token", app.adminToken());
    assertThat(admin.status()).as(admin.body()).isEqualTo(201);
    JsonArray province = api.get("/api/v1/audit", "token", app.adminToken()).array();
    assertThat(province.stream().map(JsonObject.class::cast).filter(e -> e.getString("target").equals("account:it-tinh")))
        .extracting(e -> e.getString("action")).containsExactly("account.create");
    assertThat(api.method("DELETE", "/api/v1/admin/users/cu-an", null, "token", app.adminToken()).status()).isEqualTo(204);
    assertThat(auditOf("demo", "account:cu-an")).extracting(e -> e.getString("action"))
        .containsExactly("account.create", "account.delete");
    assertThat(audit("demo").encode()).doesNotContain("mat-khau-cua-an").doesNotContain("passwordHash");
  }
}
