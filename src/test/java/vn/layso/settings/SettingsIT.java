package vn.layso.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * A manager reads and replaces the demo office's settings over their revision: 428 without
 * If-Match, 412 over a stale one, 400 listing every problem at once, a field with citizens waiting
 * cannot go, and a prefix change of a field that issued today waits for the office's midnight.
 */
class SettingsIT {

  private static final String SETTINGS = "/api/v1/offices/demo/settings";
  private TestApp app;
  private Api api;
  private String manager;

  @BeforeEach
  void start() throws Exception {
    app = TestApp.start();
    api = app.api();
    manager = app.tokenFor("lan", "manager", "demo");
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** The error's status and code (settings errors carry more fields: errors, revision). */
  private static void assertError(Api.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().getString("code")).isEqualTo(code);
    assertThat(r.json().getInteger("status")).isEqualTo(status);
    assertThat(r.json().getString("message")).isNotBlank();
  }

  private JsonObject settings() {
    Api.Response r = api.get(SETTINGS, "token", manager);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private Api.Response put(JsonObject doc, String ifMatch, String... more) {
    List<String> headers = new java.util.ArrayList<>(List.of("token", manager, "Content-Type", "application/json"));
    if (ifMatch != null) {
      headers.addAll(List.of("If-Match", ifMatch));
    }
    headers.addAll(List.of(more));
    return api.method("PUT", SETTINGS, doc.encode(), headers.toArray(String[]::new));
  }

  private static JsonObject service(JsonObject doc, String code) {
    return doc.getJsonArray("services").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
  }

  @Test
  void aManagerReadsTheSettingsWithTheirRevision() {
    Api.Response r = api.get(SETTINGS, "token", manager);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getLong("revision")).isEqualTo(1);
    assertThat(r.headers().firstValue("ETag")).contains("\"1\"");
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(r.json().getJsonArray("services")).isNotEmpty();
    assertThat(r.json().containsKey("pending")).isFalse();

    assertError(api.get(SETTINGS), 401, "login_required");
    assertError(api.method("PUT", SETTINGS, "{}", "If-Match", "1"), 401, "login_required");
    assertError(api.post("/api/v1/offices", "{}"), 401, "login_required");
    assertError(api.get(SETTINGS, "token", app.tokenFor("hoa", "staff", "demo")), 403, "forbidden");
    assertError(api.get("/api/v1/offices/nowhere/settings", "token", manager), 404, "office_not_found");
  }

  @Test
  void aSavedChangeTakesEffectAndIsAudited() {
    JsonObject doc = settings();
    // counter 3 moves from Hộ tịch to Chứng thực
    doc.getJsonArray("counters").getJsonObject(2).put("services",
        new JsonArray().add(new JsonObject().put("code", "chung-thuc").put("weight", 1)));
    // typed with combining marks (NFD), stored as NFC
    doc.getJsonObject("display").put("ticker", java.text.Normalizer.normalize("Chào mừng", java.text.Normalizer.Form.NFD));

    Api.Response saved = put(doc, "\"1\"");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().getLong("revision")).isEqualTo(2);
    assertThat(saved.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(saved.json().containsKey("pending")).isFalse();

    JsonObject office = api.get("/api/v1/offices/demo").json();
    assertThat(office.getJsonArray("counters").getJsonObject(2).getJsonArray("services").getList())
        .containsExactly("chung-thuc");
    assertThat(office.getJsonObject("display").getString("ticker")).isEqualTo("Chào mừng");

    JsonArray audit = api.get("/api/v1/offices/demo/audit?from=2026-11-23&to=2026-11-23", "token",
        app.adminToken()).array();
    JsonObject entry = audit.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("action").equals("settings.update")).findFirst().orElseThrow();
    assertThat(entry.getString("actor")).isEqualTo("manager:lan");
    assertThat(entry.getString("target")).isEqualTo("office:demo");
    assertThat(entry.getJsonObject("before").getMap()).containsEntry("counters[2].services[0].code", "ho-tich")
        .containsKey("display.ticker");
    assertThat(entry.getJsonObject("after").getMap()).containsEntry("counters[2].services[0].code", "chung-thuc")
        .containsEntry("display.ticker", "Chào mừng");
    assertThat(entry.getJsonObject("after").size()).as("only the changed paths").isLessThan(6);
  }

  @Test
  void aSaveNeedsTheCurrentRevision() {
    JsonObject doc = settings();
    assertError(put(doc, null), 428, "revision_required");
    assertThat(put(doc, "1").status()).isEqualTo(200);
    Api.Response stale = put(doc, "1");
    assertError(stale, 412, "revision_conflict");
    assertThat(stale.json().getLong("revision")).isEqualTo(2);
    assertError(put(doc, "abc"), 428, "revision_required");
    assertThat(put(doc, "W/\"2\"").status()).isEqualTo(200);
  }

  @Test
  void everyProblemIsListedAtOnceWithItsPath() {
    JsonObject doc = settings();
    JsonArray services = doc.getJsonArray("services");
    services.getJsonObject(1).put("prefix", "A");
    services.getJsonObject(2).put("targetWaitMinutes", 0).put("numberStart", 50).put("numberEnd", 10);
    doc.getJsonArray("counters").getJsonObject(0).put("services",
        new JsonArray().add(new JsonObject().put("code", "xay-dung").put("backup", true)));
    doc.getJsonArray("counters").getJsonObject(1).getJsonArray("services").getJsonObject(0).put("weight", 0);
    doc.getJsonArray("counters").getJsonObject(3).put("id", "3");
    doc.getJsonArray("counters").getJsonObject(4).getJsonArray("services").add(new JsonObject().put("code", "nope"));
    doc.getJsonObject("openingHours").put("monday", new JsonArray().add("07:30-11:30").add("11:00-12:00"))
        .put("tuesday", new JsonArray().add("11:30-07:30"));
    doc.getJsonObject("display").put("voice", "robot");
    doc.put("ratings", new JsonObject().put("levels", 4).put("windowHours", 800));
    doc.put("maxPriorityInRow", "three");

    Api.Response r = put(doc, "1", "Accept-Language", "en");
    assertError(r, 400, "invalid_settings");
    JsonArray errors = r.json().getJsonArray("errors");
    var byPath = errors.stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(e -> e.getString("path"), e -> e.getString("code"), (a, b) -> a + "," + b));
    assertThat(byPath).containsEntry("services[1].prefix", "duplicate")
        .containsEntry("services[2].targetWaitMinutes", "out_of_range")
        .containsEntry("services[2].numberEnd", "range_reversed")
        .containsEntry("counters[0].services", "counter_without_field")
        .containsEntry("counters[1].services[0].weight", "out_of_range")
        .containsEntry("counters[3].id", "duplicate")
        .containsEntry("counters[4].services[2].code", "unknown_field")
        .containsEntry("openingHours.monday[1]", "sessions_overlap")
        .containsEntry("openingHours.tuesday[0]", "session_reversed")
        .containsEntry("display.voice", "invalid_choice")
        .containsEntry("ratings.levels", "invalid_choice")
        .containsEntry("ratings.windowHours", "out_of_range")
        .containsEntry("maxPriorityInRow", "wrong_type");
    errors.forEach(e -> assertThat(((JsonObject) e).getString("message")).isNotBlank());
    assertThat(errors.encode()).contains("The value \\\"A\\\" is already used elsewhere.");
    assertThat(put(doc, "1").json().getJsonArray("errors").encode()).contains("đã được dùng ở mục khác");
    assertThat(settings().getLong("revision")).as("nothing saved").isEqualTo(1);
  }

  @Test
  void aFieldWithCitizensWaitingCannotBeRemoved() {
    app.issue("demo", "ho-tich");
    JsonObject doc = settings();
    doc.put("services", new JsonArray(doc.getJsonArray("services").stream()
        .filter(s -> !((JsonObject) s).getString("code").equals("ho-tich")).toList()));
    for (Object c : doc.getJsonArray("counters")) {
      JsonObject counter = (JsonObject) c;
      JsonArray kept = new JsonArray(counter.getJsonArray("services").stream()
          .filter(s -> !((JsonObject) s).getString("code").equals("ho-tich")).toList());
      counter.put("services", kept.isEmpty() ? new JsonArray().add(new JsonObject().put("code", "chung-thuc")
          .put("weight", 1)) : kept);
    }
    Api.Response r = put(doc, "1");
    assertError(r, 400, "invalid_settings");
    JsonObject problem = r.json().getJsonArray("errors").getJsonObject(0);
    assertThat(problem.getString("path")).isEqualTo("services[1]");
    assertThat(problem.getString("code")).isEqualTo("field_has_waiting");
    assertThat(problem.getString("message")).contains("ho-tich", "1");
    assertThat(settings().getLong("revision")).isEqualTo(1);

    // once nobody waits there, it goes
    String staff = app.tokenFor("hoa", "staff", "demo");
    assertThat(app.counter("demo", "3", "call-next", staff).status()).isEqualTo(200);
    assertThat(put(doc, "1").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/offices/demo").json().getJsonArray("services").encode()).doesNotContain("ho-tich");
  }

  @Test
  void aNewPrefixOfAFieldThatIssuedTodayWaitsForMidnight() {
    JsonObject first = app.issue("demo", "dat-dai");
    assertThat(first.getString("number")).isEqualTo("A001");
    JsonObject doc = settings();
    service(doc, "dat-dai").put("prefix", "K");
    service(doc, "lao-dong").put("prefix", "L"); // no number issued today: applies at once
    service(doc, "ho-tich").put("avgServiceMinutes", 12);

    Api.Response saved = put(doc, "1");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    JsonObject pending = saved.json().getJsonObject("pending");
    assertThat(pending.getString("from")).isEqualTo("2026-11-24");
    assertThat(pending.getJsonArray("reasons").getJsonObject(0).getString("path")).isEqualTo("services[0]");
    assertThat(pending.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("field_issued_today");
    assertThat(service(pending.getJsonObject("settings"), "dat-dai").getString("prefix")).isEqualTo("K");
    assertThat(service(saved.json(), "dat-dai").getString("prefix")).isEqualTo("A");
    assertThat(service(saved.json(), "lao-dong").getString("prefix")).isEqualTo("L");
    assertThat(service(saved.json(), "ho-tich").getInteger("avgServiceMinutes")).isEqualTo(12);
    assertThat(settings().getJsonObject("pending").getString("from")).isEqualTo("2026-11-24");

    assertThat(app.issue("demo", "dat-dai").getString("number")).isEqualTo("A002");
    assertThat(app.issue("demo", "lao-dong").getString("number")).isEqualTo("L001");

    // 00:00:05 in Hà Nội on the 24th
    app.clock().set(Instant.parse("2026-11-23T17:00:05Z"));
    manager = app.login("lan", "password-of-lan");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(service(
        api.get("/api/v1/offices/demo").json(), "dat-dai").getString("prefix")).isEqualTo("K"));
    assertThat(app.issue("demo", "dat-dai").getString("number")).isEqualTo("K001");
    JsonObject now = settings();
    assertThat(now.containsKey("pending")).isFalse();
    assertThat(now.getLong("revision")).isEqualTo(3);
    assertThat(service(now, "dat-dai").getString("prefix")).isEqualTo("K");
  }

  @Test
  void aTimeZoneChangeWaitsForTheNextDay() {
    JsonObject doc = settings().put("timezone", "Asia/Bangkok");
    Api.Response saved = put(doc, "1");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().getString("timezone")).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(saved.json().getJsonObject("pending").getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("timezone_change");
  }

  @Test
  void anAdminCreatesAnOffice() {
    JsonObject doc = settings().put("id", "phuong-moi").put("name", "Phường Mới");
    doc.remove("revision");
    assertError(api.post("/api/v1/offices", doc.encode(), "token", manager), 403, "forbidden");
    Api.Response created = api.post("/api/v1/offices", doc.encode(), "token", app.adminToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getLong("revision")).isEqualTo(1);
    assertThat(api.get("/api/v1/offices").array().encode()).contains("phuong-moi");
    assertError(api.post("/api/v1/offices", doc.encode(), "token", app.adminToken()), 409, "office_exists");
    Api.Response bad = api.post("/api/v1/offices", doc.copy().put("id", "Bad Id").put("services", new JsonArray())
        .encode(), "token", app.adminToken());
    assertError(bad, 400, "invalid_settings");
    assertThat(bad.json().getJsonArray("errors").size()).isGreaterThanOrEqualTo(2);
    assertThat(api.get("/api/v1/offices/demo/audit?from=2026-11-23&to=2026-11-23", "token", app.adminToken())
        .body()).doesNotContain("office.create");
    assertThat(api.get("/api/v1/offices/phuong-moi/audit?from=2026-11-23&to=2026-11-23", "token",
        app.adminToken()).body()).contains("office.create");
  }
  @Test
  void aProvincialCentresSettingsFitInOneDocument() {
    JsonArray services = new JsonArray();
    for (int i = 0; i < 40; i++) {
      services.add(new JsonObject().put("code", "linh-vuc-" + i).put("name", "Lĩnh vực số " + i)
          .put("prefix", "" + (char) ('A' + i / 26) + (char) ('A' + i % 26)).put("avgServiceMinutes", 15)
          .put("description", "Thủ tục hành chính thuộc lĩnh vực số " + i + " của trung tâm phục vụ hành chính công tỉnh"));
    }
    JsonArray counters = new JsonArray();
    for (int i = 0; i < 60; i++) {
      JsonArray served = new JsonArray();
      for (int j = 0; j < 3; j++) {
        served.add(new JsonObject().put("code", "linh-vuc-" + ((i + j * 7) % 40)).put("weight", j + 1));
      }
      counters.add(new JsonObject().put("id", String.valueOf(i + 1)).put("name", "Quầy " + (i + 1))
          .put("services", served));
    }
    JsonObject doc = settings().put("id", "tinh").put("name", "Trung tâm Phục vụ hành chính công tỉnh")
        .put("services", services).put("counters", counters);
    doc.remove("booking");
    doc.remove("revision");
    assertThat(doc.encode().length()).as("larger than other bodies may be").isGreaterThan(16 * 1024);
    Api.Response created = api.post("/api/v1/offices", doc.encode(), "token", app.adminToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getJsonArray("counters")).hasSize(60);
  }

  @Test
  void aManagerOfAnotherOfficeCannotChangeThisOne() {
    JsonObject doc = settings().put("id", "khac").put("name", "Đơn vị khác");
    assertThat(api.post("/api/v1/offices", doc.encode(), "token", app.adminToken()).status()).isEqualTo(201);
    String other = app.tokenFor("binh", "manager", "khac");
    assertError(api.get(SETTINGS, "token", other), 403, "forbidden");
    assertError(api.method("PUT", SETTINGS, settings().encode(), "token", other, "If-Match", "1"), 403, "forbidden");
    assertThat(api.get("/api/v1/offices/khac/settings", "token", other).status()).isEqualTo(200);
  }
}
