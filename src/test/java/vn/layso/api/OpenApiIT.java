package vn.layso.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/**
 * The OpenAPI document at /api/v1/openapi.json: served, OpenAPI 3.1, exactly the routes the router
 * mounts, and real answers (HTTP and live socket) carry what its schemas require.
 */
class OpenApiIT {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static TestApp app;
  private static Api api;
  private static JsonObject doc;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    api = app.api();
    Api.Response served = api.get("/api/v1/openapi.json");
    assertThat(served.status()).as(served.body()).isEqualTo(200);
    doc = served.json();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theDocumentIsServedAsOpenApi31Json() throws IOException {
    Api.Response served = api.get("/api/v1/openapi.json");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonObject json = served.json();
    assertThat(json.getString("openapi")).matches("3\\.1\\.\\d+");
    assertThat(json.getJsonObject("info").getString("title")).isNotBlank();
    assertThat(json.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearerAuth")
        .getString("scheme")).isEqualTo("bearer");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/openapi.json")) {
      assertThat(in).as("the resource").isNotNull();
      assertThat(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo(json);
    }
  }

  @Test
  void everyMountedRouteIsDocumentedAndEveryDocumentedOperationIsMounted() {
    Set<String> mounted = new TreeSet<>();
    // the pages (/, /display, /kiosk, /counter, /t/{id}) are HTML for people, not API operations
    app.server().routes().stream().filter(e -> e.path().startsWith("/api/") || e.path().equals("/health"))
        .forEach(endpoint -> endpoint.methods().forEach(method ->
        mounted.add(method.toUpperCase(Locale.ROOT) + " " + endpoint.path().replaceAll(":([A-Za-z0-9_]+)", "{$1}"))));
    Set<String> documented = new TreeSet<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String key : paths.getJsonObject(path).fieldNames()) {
        if (METHODS.contains(key)) {
          documented.add(key.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertThat(mounted).contains("GET /health", "GET /api/v1/openapi.json",
        "POST /api/v1/offices/{office}/counters/{counter}/call-next", "GET /api/v1/offices/{office}/live");
    assertThat(documented).as("documented operations").isEqualTo(mounted);
  }

  @Test
  void everyOperationDocumentsLanguageSecurityAndItsErrors() {
    forEachOperation((key, op) -> {
      JsonArray params = op.getJsonArray("parameters", new JsonArray());
      if (!key.equals("GET /health")) {
        assertThat(params.stream().map(Object::toString)).as(key).anyMatch(p -> p.contains("Accept-Language"));
      }
      assertThat(op.getJsonObject("responses").fieldNames()).as(key).contains("500", "414", "431");
      JsonArray roles = op.getJsonArray("x-roles");
      if (roles != null) {
        assertThat(op.getJsonArray("security").encode()).as(key).contains("bearerAuth");
        assertThat(op.getJsonObject("responses").fieldNames()).as(key).contains("401");
        if (roles.size() < 3) {
          assertThat(op.getJsonObject("responses").fieldNames()).as(key).contains("403");
        }
      }
      if (key.startsWith("POST ") || key.startsWith("DELETE ")) {
        assertThat(op.getJsonObject("responses").fieldNames()).as(key).contains("413");
      }
    });
    JsonObject issue = operation("post", "/api/v1/offices/{office}/tickets");
    assertThat(issue.getJsonArray("parameters").encode()).contains("Idempotency-Key");
    assertThat(resolve(issue.getJsonObject("responses").getJsonObject("429")).getJsonObject("headers").fieldNames())
        .contains("Retry-After");
    assertThat(operation("post", "/api/v1/offices/{office}/counters/{counter}/call-next")
        .getJsonArray("x-roles")).containsExactlyInAnyOrder("ADMIN", "STAFF");
    assertThat(operation("get", "/api/v1/admin/users").getJsonArray("x-roles")).containsExactly("ADMIN");
  }

  @Test
  void theDocumentedErrorCodesAreExactlyTheServersMessageCodes() throws IOException {
    Properties messages = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/messages.properties")) {
      messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> codes = new TreeSet<>(messages.stringPropertyNames());
    codes.remove("error");
    JsonArray documented = schema("Error").getJsonObject("properties").getJsonObject("code").getJsonArray("examples");
    assertThat(new TreeSet<>(documented.getList())).isEqualTo(codes);
    // every code a response example shows is a known one
    Set<String> shown = new TreeSet<>();
    collectErrorExamples(doc, shown);
    assertThat(codes).containsAll(shown);
    assertThat(shown).contains("no_current_ticket", "invalid_transition", "same_service", "counter_paused",
        "numbers_exhausted", "idempotency_key_reused", "rate_limited", "body_too_large", "uri_too_long",
        "headers_too_large");
  }

  @Test
  void realAnswersCarryWhatTheirSchemasRequire() {
    String token = app.adminToken();
    check("get", "/health", api.get("/health"));
    check("get", "/api/v1/offices", api.get("/api/v1/offices"));
    check("get", "/api/v1/offices/{office}", api.get("/api/v1/offices/demo"));

    Api.Response issued = api.post("/api/v1/offices/demo/tickets", "{\"service\":\"ho-tich\"}",
        "Idempotency-Key", "openapi-it-1");
    check("post", "/api/v1/offices/{office}/tickets", issued);
    String id = issued.json().getString("id");
    check("get", "/api/v1/tickets/{id}", api.get("/api/v1/tickets/" + id));

    Api.Response called = app.counter("demo", "3", "call-next", token);
    assertThat(called.json().getJsonObject("ticket").getString("id")).isEqualTo(id);
    check("post", "/api/v1/offices/{office}/counters/{counter}/call-next", called);
    check("post", "/api/v1/offices/{office}/counters/{counter}/start", app.counter("demo", "3", "start", token));
    check("post", "/api/v1/offices/{office}/counters/{counter}/call-next", app.counter("demo", "3", "call-next", token));
    check("get", "/api/v1/offices/{office}/counters/{counter}", api.get("/api/v1/offices/demo/counters/3", "token", token));
    check("post", "/api/v1/offices/{office}/counters/{counter}/pause", app.counter("demo", "3", "pause", token));
    check("get", "/api/v1/offices/{office}/counters/{counter}", api.get("/api/v1/offices/demo/counters/3", "token", token));
    check("post", "/api/v1/offices/{office}/counters/{counter}/resume", app.counter("demo", "3", "resume", token));
    // the called ticket's prediction is measured just after its call
    Api.Response accuracy = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .until(() -> api.get("/api/v1/offices/demo/predictions", "token", token),
            r -> r.json().getInteger("count") > 0);
    check("get", "/api/v1/offices/{office}/predictions", accuracy);

    check("post", "/api/v1/auth/login", api.post("/api/v1/auth/login",
        new JsonObject().put("username", "admin").put("password", TestApp.ADMIN_PASSWORD).encode()));
    check("get", "/api/v1/auth/me", api.get("/api/v1/auth/me", "token", token));
    check("get", "/api/v1/admin/users", api.get("/api/v1/admin/users", "token", token));
    check("post", "/api/v1/admin/users", api.post("/api/v1/admin/users", new JsonObject()
        .put("username", "canbo-openapi").put("password", "mat-khau-dai-hon").put("role", "STAFF")
        .put("office", "demo").encode(), "token", token));
    // the account just made is in the audit log, with its state after
    Api.Response audit = api.get("/api/v1/offices/demo/audit", "token", token);
    assertThat(audit.array()).isNotEmpty();
    check("get", "/api/v1/offices/{office}/audit", audit);
    check("get", "/api/v1/audit", api.get("/api/v1/audit", "token", token));
    check("get", "/api/v1/audit", api.get("/api/v1/audit?from=2026-13-01", "token", token));
    check("get", "/api/v1/auth/me", api.get("/api/v1/auth/me"));
    check("get", "/api/v1/offices/{office}/board", api.get("/api/v1/offices/demo/board", "token", token));
    // the first ticket was completed by the second call-next: its citizen may rate it, once
    String rating = "/api/v1/tickets/" + id + "/rating";
    check("get", "/api/v1/tickets/{id}/rating", api.get(rating));
    check("post", "/api/v1/tickets/{id}/rating", api.post(rating, "{\"level\":\"ba\"}"));
    Api.Response rated = api.post(rating, "{\"level\":3}");
    assertThat(rated.status()).as(rated.body()).isEqualTo(201);
    check("post", "/api/v1/tickets/{id}/rating", rated);
    check("post", "/api/v1/tickets/{id}/rating", api.post(rating, "{\"level\":3}"));
    check("get", "/api/v1/tickets/{id}/rating", api.get(rating));
  }

  @Test
  void answersOfTheFeaturesConvertedInTheSecondRoundMatchTheirSchemas() {
    String token = app.adminToken();
    String accounts = "/api/v1/offices/{office}/accounts";
    check("post", accounts, api.post("/api/v1/offices/demo/accounts", new JsonObject().put("username", "lan-openapi")
        .put("password", "mat-khau-dai-hon").put("role", "staff").put("fullName", "Nguyễn Thị Lan")
        .put("mustChangePassword", true).encode(), "token", token));
    check("post", accounts, api.post("/api/v1/offices/demo/accounts", "{\"username\":\"x\",\"offices\":\"demo\"}",
        "token", token));
    check("get", accounts, api.get("/api/v1/offices/demo/accounts", "token", token));
    String one = accounts + "/{username}";
    check("patch", one, api.method("PATCH", "/api/v1/offices/demo/accounts/lan-openapi", "{\"disabled\":true}",
        "token", token));
    check("patch", one, api.method("PATCH", "/api/v1/offices/demo/accounts/lan-openapi", "{\"disabled\":\"yes\"}",
        "token", token));
    check("post", one + "/reset-password", api.post("/api/v1/offices/demo/accounts/lan-openapi/reset-password", "",
        "token", token));
    check("delete", one, api.method("DELETE", "/api/v1/offices/demo/accounts/lan-openapi", null, "token", token));
    check("post", "/api/v1/auth/password", api.post("/api/v1/auth/password", "{\"current\":\"sai\",\"new\":\"x\"}",
        "token", token));
    check("get", "/api/v1/admin/notifications", api.get("/api/v1/admin/notifications", "token", token));
    check("get", "/api/v1/admin/notifications", api.get("/api/v1/admin/notifications?limit=0", "token", token));
    check("get", "/api/v1/admin/notifications/{trackingId}", api.get("/api/v1/admin/notifications/nope", "token", token));
    check("get", "/api/v1/offices/{office}/balance", api.get("/api/v1/offices/demo/balance", "token", token));
    check("get", "/api/v1/offices/{office}/printers", api.get("/api/v1/offices/demo/printers", "token", token));
    check("get", "/api/v1/offices/{office}/print-failures", api.get("/api/v1/offices/demo/print-failures", "token", token));
    check("get", "/api/v1/offices/{office}/history/summaries",
        api.get("/api/v1/offices/demo/history/summaries?from=2026-11-01&to=2026-11-30", "token", token));
  }

  @Test
  void reportAnswersMatchTheirSchemasInEachMediaType() {
    String token = app.adminToken();
    app.issue("demo", "ho-tich");
    app.counter("demo", "3", "call-next", token);
    app.counter("demo", "3", "start", token);
    app.counter("demo", "3", "complete", token);
    String office = "/api/v1/offices/{office}/reports";
    String period = "?from=2026-11-20&to=2026-11-23";
    for (String by : List.of("day", "field", "counter", "staff", "hour")) {
      check("get", office, api.get("/api/v1/offices/demo/reports" + period + "&by=" + by, "token", token));
    }
    check("get", office, api.get("/api/v1/offices/demo/reports" + period + "&format=pdf", "token", token));
    check("get", office, api.get("/api/v1/offices/demo/reports?from=2026-11-23&to=2026-11-20", "token", token));
    check("get", office, api.get("/api/v1/offices/nope/reports" + period, "token", token));
    check("get", "/api/v1/reports", api.get("/api/v1/reports" + period, "token", token));
    check("get", "/api/v1/reports", api.get("/api/v1/reports?from=2026-11-31&to=2026-12-01", "token", token));
    JsonObject content = resolve(operation("get", office).getJsonObject("responses").getJsonObject("200"))
        .getJsonObject("content");
    assertThat(content.fieldNames()).containsExactly("application/json", "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    for (String format : List.of("csv", "xlsx")) {
      Api.Response export = api.get("/api/v1/offices/demo/reports" + period + "&format=" + format, "token", token);
      assertThat(export.status()).isEqualTo(200);
      String type = export.headers().firstValue("Content-Type").orElse("");
      assertThat(content.fieldNames()).as(type).anyMatch(type::startsWith);
    }
  }

  @Test
  void realErrorsAreDocumentedForTheirOperation() {
    String token = app.adminToken();
    check("post", "/api/v1/offices/{office}/counters/{counter}/no-show", app.counter("demo", "1", "no-show", token));
    check("post", "/api/v1/offices/{office}/counters/{counter}/call-next", app.counter("demo", "1", "call-next", null));
    check("get", "/api/v1/offices/{office}/predictions", api.get("/api/v1/offices/demo/predictions?date=2026-02-30",
        "token", token));
    check("get", "/api/v1/offices/{office}", api.get("/api/v1/offices/nope", "Accept-Language", "en"));
    check("post", "/api/v1/offices/{office}/tickets", api.post("/api/v1/offices/demo/tickets", "{\"service\":\"nope\"}"));
    check("get", "/api/v1/tickets/{id}", api.get("/api/v1/tickets/demo.000000000000"));
    check("post", "/api/v1/auth/login", api.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"sai-mat-khau\"}"));
    check("post", "/api/v1/offices/{office}/tickets", api.post("/api/v1/offices/demo/tickets",
        "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}"));
    check("post", "/api/v1/auth/login", api.post("/api/v1/auth/login",
        new JsonObject().put("username", "admin").put("password", "x".repeat(73)).encode()));
    check("get", "/api/v1/offices", api.get("/api/v1/offices", "token", "not-a-real-token-but-long-enough"));
    check("get", "/api/v1/offices/{office}/live", api.get("/api/v1/offices/demo/live"));
    check("post", "/api/v1/offices/{office}/counters/{counter}/pause", api.post(
        "/api/v1/offices/demo/counters/5/pause", "{\"reason\":\"nope\"}", "token", token));
    check("get", "/api/v1/offices/{office}/counters/{counter}", api.get("/api/v1/offices/demo/counters/99", "token", token));
  }

  @Test
  void historyAnswersMatchTheirSchemas() throws Exception {
    // a server of its own: closing a day moves its clock (and outdates its tokens)
    try (TestApp other = TestApp.start()) {
      String token = other.adminToken();
      other.issue("demo", "ho-tich");
      other.counter("demo", "3", "call-next", token);
      other.counter("demo", "3", "start", token);
      other.counter("demo", "3", "complete", token);
      other.issue("demo", "dat-dai");
      other.clock().advance(java.time.Duration.ofDays(1));
      String fresh = other.login("admin", TestApp.ADMIN_PASSWORD);
      String summaries = "/api/v1/offices/demo/history/summaries?from=2026-11-23&to=2026-11-24";
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
        other.server().closePastDays().toCompletionStage().toCompletableFuture()
            .get(20, java.util.concurrent.TimeUnit.SECONDS);
        return other.api().get(summaries, "token", fresh).json().getJsonArray("days").size() == 1;
      });
      String tickets = "/api/v1/offices/{office}/history/days/{date}/tickets";
      check("get", tickets, other.api().get("/api/v1/offices/demo/history/days/2026-11-23/tickets", "token", fresh));
      check("get", tickets, other.api().get("/api/v1/offices/demo/history/days/2026-13-01/tickets", "token", fresh));
      check("get", tickets, other.api().get("/api/v1/offices/demo/history/days/2026-11-23/tickets?limit=0",
          "token", fresh));
      check("get", tickets, other.api().get("/api/v1/offices/demo/history/days/2026-11-23/tickets"));
      check("get", "/api/v1/offices/{office}/history/summaries", other.api().get(summaries, "token", fresh));
      check("get", "/api/v1/offices/{office}/history/summaries", other.api().get(
          "/api/v1/offices/demo/history/summaries?from=2026-11-24&to=2026-11-23", "token", fresh));
      check("get", "/api/v1/offices/{office}/history/summaries", other.api().get(
          "/api/v1/offices/nope/history/summaries?from=2026-11-23&to=2026-11-23", "token", fresh));
    }
  }

  @Test
  void liveMessagesMatchTheirSchemas() throws Exception {
    String token = app.adminToken();
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      JsonObject snapshot = screen.next();
      checkLive("LiveSnapshot", snapshot);
      app.issue("demo", "chung-thuc");
      checkLive("TicketIssuedEvent", screen.await(type("ticket.issued")));
      app.counter("demo", "5", "call-next", token);
      checkLive("TicketCalledEvent", screen.await(type("ticket.called")));
      app.counter("demo", "5", "recall", token);
      checkLive("TicketRecalledEvent", screen.await(type("ticket.recalled")));
      app.counter("demo", "5", "start", token);
      checkLive("TicketServingEvent", screen.await(type("ticket.serving")));
      app.counter("demo", "5", "complete", token);
      checkLive("TicketDoneEvent", screen.await(type("ticket.done")));
      app.issue("demo", "chung-thuc");
      app.counter("demo", "5", "call-next", token);
      app.counter("demo", "5", "no-show", token);
      checkLive("TicketNoShowEvent", screen.await(type("ticket.no_show")));
      app.issue("demo", "chung-thuc");
      app.counter("demo", "5", "call-next", token);
      assertThat(api.post("/api/v1/offices/demo/counters/5/transfer", "{\"service\":\"lao-dong\"}", "token", token)
          .status()).isEqualTo(200);
      checkLive("TicketTransferredEvent", screen.await(type("ticket.transferred")));
      app.counter("demo", "5", "pause", token);
      checkLive("CounterPausedEvent", screen.await(type("counter.paused")));
      app.counter("demo", "5", "resume", token);
      checkLive("CounterResumedEvent", screen.await(type("counter.resumed")));
      screen.send(new JsonObject().put("type", "ping"));
      checkLive("LivePong", screen.await(type("pong")));
      screen.send(new JsonObject().put("type", "hello"));
      checkLive("LiveError", screen.await(type("error")));
      screen.send(new JsonObject().put("type", "resync"));
      JsonObject fresh = screen.await(type("snapshot"));
      checkLive("LiveSnapshot", fresh);
      assertThat(fresh.getJsonArray("recentCalls")).isNotEmpty();
      // a call-next that skips the called ticket and calls another: one event with the ended one inside
      app.counter("demo", "5", "complete", token);
      app.issue("demo", "chung-thuc");
      app.issue("demo", "chung-thuc");
      app.counter("demo", "5", "call-next", token);
      app.counter("demo", "5", "call-next", token);
      JsonObject both = screen.await(m -> "ticket.called".equals(m.getString("type")) && m.containsKey("closed"));
      checkLive("TicketCalledEvent", both);
      screen.send(new JsonObject().put("type", "resync").put("since", both.getLong("version") - 1));
      checkLive("LiveReplay", screen.await(type("replay")));
    }
  }

  @Test
  void balanceAnswersAndTheAdviceEventMatchTheirSchemas() throws Exception {
    // a server of its own: the advice needs a crowded field, which would change the other tests' queues
    try (TestApp other = TestApp.start(); LiveClient screen = new LiveClient(other.port(), "demo")) {
      screen.next();
      String token = other.adminToken();
      // the advice is staff-only: the socket's staff channel (the auth answer and the state at once)
      screen.send(new JsonObject().put("type", "auth").put("token", token));
      checkLive("LiveAuth", screen.await(type("auth")));
      checkLive("BalanceAdviceEvent", screen.await(type("balance.advice")));
      String balance = "/api/v1/offices/{office}/balance";
      check("get", balance, other.api().get("/api/v1/offices/demo/balance", "token", token));
      for (int i = 0; i < 9; i++) {
        other.issue("demo", "ho-tich");
      }
      other.counter("demo", "3", "call-next", token);
      other.counter("demo", "4", "call-next", token);
      JsonObject event = screen.await(type("balance.advice"));
      checkLive("BalanceAdviceEvent", event);
      check("get", balance, other.api().get("/api/v1/offices/demo/balance", "token", token));
      while (other.counter("demo", "3", "call-next", token).status() == 200) {
        assertThat(other.api().get("/api/v1/offices/demo/balance", "token", token).status()).isEqualTo(200);
      }
      checkLive("BalanceAdviceEvent", screen.await(type("balance.advice")));
      check("get", balance, other.api().get("/api/v1/offices/demo/balance"));
      check("get", balance, other.api().get("/api/v1/offices/nope/balance", "token", token));
    }
  }

  @Test
  void checkInAnswersMatchTheirSchemas() throws Exception {
    // a server of its own: a check-in needs a booking made the day before, and moves the clock
    try (TestApp other = TestApp.start()) {
      other.clock().set(java.time.Instant.parse("2026-11-23T02:00:00Z"));
      String code = other.api().post("/api/v1/offices/demo/appointments", new JsonObject().put("service", "ho-tich")
          .put("date", "2026-11-24").put("start", "09:30").put("fullName", "Trần Thị Bình").put("phone", "0912 345 678")
          .put("citizenId", "001203012345").encode()).json().getString("code");
      String checkIn = "/api/v1/offices/{office}/check-in";
      other.clock().set(java.time.Instant.parse("2026-11-24T01:59:00Z"));
      check("post", checkIn, other.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", code).encode()));
      other.clock().set(java.time.Instant.parse("2026-11-24T02:00:00Z"));
      Api.Response in = other.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", code).encode());
      assertThat(in.status()).as(in.body()).isEqualTo(201);
      assertThat(in.json().getBoolean("appointment")).isTrue();
      check("post", checkIn, in);
      check("post", checkIn, other.api().post("/api/v1/offices/demo/check-in", "{\"code\":7}"));
      check("post", checkIn, other.api().post("/api/v1/offices/demo/check-in", "{\"code\":\"ZZZZ-ZZZZ\"}"));
      String token = other.adminToken();
      Api.Response called = other.counter("demo", "3", "call-next", token);
      check("post", "/api/v1/offices/{office}/counters/{counter}/call-next", called);
      assertThat(called.json().getJsonObject("ticket").getBoolean("appointment")).isTrue();
      check("post", "/api/v1/offices/{office}/counters/{counter}/transfer", other.api().post(
          "/api/v1/offices/demo/counters/3/transfer", "{\"service\":\"dat-dai\"}", "token", token));
    }
  }

  @Test
  void bookingAnswersMatchTheirSchemas() throws Exception {
    // a server of its own, on a Monday morning, so that the next day's slots are bookable
    try (TestApp other = TestApp.start()) {
      other.clock().set(java.time.Instant.parse("2026-11-23T02:00:00Z"));
      Api api = other.api();
      String holds = "/api/v1/offices/{office}/holds";
      JsonObject place = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", "09:30");
      Api.Response held = api.post("/api/v1/offices/demo/holds", place.encode(), "Idempotency-Key", "openapi-hold");
      assertThat(held.status()).as(held.body()).isEqualTo(201);
      check("post", holds, held);
      check("post", holds, api.post("/api/v1/offices/demo/holds", place.encode(), "Idempotency-Key", "openapi-hold"));
      check("post", holds, api.post("/api/v1/offices/demo/holds", place.copy().put("date", "2026-02-30").encode()));
      check("post", holds, api.post("/api/v1/offices/demo/holds", "{\"service\":7}"));
      check("post", holds, api.post("/api/v1/offices/nope/holds", place.encode()));
      String hold = "/api/v1/offices/{office}/holds/{hold}";
      check("delete", hold, api.method("DELETE", "/api/v1/offices/demo/holds/" + held.json().getString("hold"), null));
      check("delete", hold, api.method("DELETE", "/api/v1/offices/demo/holds/" + "x".repeat(41), null));
      // the demo office does not verify phones: the refusals are documented
      String second = api.post("/api/v1/offices/demo/holds", place.encode()).json().getString("hold");
      String verify = "/api/v1/offices/demo/holds/" + second + "/verification";
      check("post", "/api/v1/offices/{office}/holds/{hold}/verification",
          api.post(verify, "{\"phone\":\"0912 345 678\"}"));
      check("post", "/api/v1/offices/{office}/holds/{hold}/verification", api.post(verify, "{}"));
      check("post", "/api/v1/offices/{office}/holds/{hold}/verification/confirm",
          api.post(verify + "/confirm", "{\"code\":\"123456\"}"));
      check("post", "/api/v1/offices/{office}/holds/{hold}/verification/confirm", api.post(verify + "/confirm", "[]"));
      String days = "/api/v1/offices/{office}/booking-days";
      Api.Response window = api.get("/api/v1/offices/demo/booking-days?service=ho-tich");
      assertThat(window.json().getJsonArray("days")).isNotEmpty();
      check("get", days, window);
      check("get", days, api.get("/api/v1/offices/demo/booking-days"));
      check("get", days, api.get("/api/v1/offices/demo/booking-days?service=nope"));
      check("get", days, api.get("/api/v1/offices/nope/booking-days?service=ho-tich"));
      String links = "/api/v1/offices/{office}/booking-links";
      Api.Response shared = api.get("/api/v1/offices/demo/booking-links", "token", other.adminToken());
      assertThat(shared.json().getJsonArray("links")).isNotEmpty();
      check("get", links, shared);
      check("get", links, api.get("/api/v1/offices/demo/booking-links"));
      String qr = "/api/v1/offices/{office}/services/{service}/booking-qr.svg";
      checkMedia("get", qr, api.get("/api/v1/offices/demo/services/ho-tich/booking-qr.svg"), "image/svg+xml");
      check("get", qr, api.get("/api/v1/offices/demo/services/nope/booking-qr.svg"));
      String slots = "/api/v1/offices/{office}/slots";
      Api.Response day = api.get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-11-24");
      assertThat(day.array()).isNotEmpty();
      check("get", slots, day);
      check("get", slots, api.get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-02-30"));
      check("get", slots, api.get("/api/v1/offices/nope/slots?service=ho-tich&date=2026-11-24"));
      String appointments = "/api/v1/offices/{office}/appointments";
      JsonObject booking = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", "10:00")
          .put("fullName", "Trần Thị Bình").put("phone", "0912 345 678").put("citizenId", "001203012345");
      Api.Response booked = api.post("/api/v1/offices/demo/appointments", booking.encode());
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
      check("post", appointments, booked);
      check("post", appointments, api.post("/api/v1/offices/demo/appointments", booking.copy().put("phone", "12").encode()));
      check("post", appointments, api.post("/api/v1/offices/demo/appointments", "{\"service\":\"ho-tich\"}"));
      String code = booked.json().getString("code");
      String appointment = "/api/v1/appointments/" + code;
      Api.Response found = api.get(appointment);
      assertThat(found.json().getString("phone")).isEqualTo("091****678");
      check("get", "/api/v1/appointments/{code}", found);
      check("get", "/api/v1/appointments/{code}", api.get("/api/v1/appointments/ZZZZ-ZZZZ"));
      checkMedia("get", "/api/v1/appointments/{code}.ics", api.get(appointment + ".ics"), "text/calendar");
      checkMedia("get", "/api/v1/appointments/{code}/qr.svg", api.get(appointment + "/qr.svg"), "image/svg+xml");
      String reschedule = "/api/v1/appointments/{code}/reschedule";
      check("post", reschedule, api.post(appointment + "/reschedule",
          "{\"phone\":\"0912345678\",\"date\":\"2026-11-24\",\"start\":\"10:30\"}"));
      check("post", reschedule, api.post(appointment + "/reschedule", "{\"phone\":\"0912345678\",\"date\":\"x\"}"));
      Api.Response cancelled = api.method("DELETE", appointment, "{\"phone\":\"0912345678\"}");
      assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
      check("delete", "/api/v1/appointments/{code}", cancelled);
      check("delete", "/api/v1/appointments/{code}", api.method("DELETE", appointment, "{\"phone\":\"0912345678\"}"));
      check("delete", "/api/v1/appointments/{code}", api.method("DELETE", appointment, "{\"phone\":7}"));
      String holidays = "/api/v1/offices/{office}/holidays/{year}";
      check("get", holidays, api.get("/api/v1/offices/demo/holidays/2026"));
      check("get", holidays, api.get("/api/v1/offices/demo/holidays/20x6"));
      JsonObject year = new JsonObject().put("days", new JsonArray().add(new JsonObject().put("date", "2026-01-10")
          .put("name", "Làm bù").put("kind", "working").put("hours", new JsonArray().add("07:30-11:30"))));
      Api.Response saved = api.method("PUT", "/api/v1/offices/demo/holidays/2026", year.encode(), "token",
          other.adminToken());
      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      check("put", holidays, saved);
      check("put", holidays, api.method("PUT", "/api/v1/offices/demo/holidays/2026", "{\"days\":7}", "token",
          other.adminToken()));
      check("put", holidays, api.method("PUT", "/api/v1/offices/demo/holidays/2026", year.encode()));
    }
  }

  @Test
  void deviceAnswersMatchTheirSchemas() {
    String token = app.adminToken();
    String devices = "/api/v1/offices/demo/devices";
    Api.Response paired = api.post(devices, "{\"name\":\"kiosk-openapi\",\"kind\":\"kiosk\"}", "token", token);
    check("post", "/api/v1/offices/{office}/devices", paired);
    String device = paired.json().getString("token");
    check("get", "/api/v1/devices/me", api.get("/api/v1/devices/me", "token", device));
    check("get", "/api/v1/devices/me", api.get("/api/v1/devices/me", "token", token));
    check("get", "/api/v1/offices/{office}/devices", api.get(devices, "token", token));
    check("post", "/api/v1/offices/{office}/devices", api.post(devices, "{\"name\":\"admin\"}", "token", token));
    check("post", "/api/v1/offices/{office}/devices", api.post(devices, "{\"name\":\"x\"}", "token", token));
    check("post", "/api/v1/offices/{office}/devices", api.post(devices, "{\"name\":\"kiosk-b\"}", "token", device));
    check("delete", "/api/v1/offices/{office}/devices/{device}",
        api.method("DELETE", devices + "/kiosk-openapi", null, "token", token));
    check("delete", "/api/v1/offices/{office}/devices/{device}",
        api.method("DELETE", devices + "/kiosk-openapi", null, "token", token));
    check("get", "/api/v1/tickets/{id}/qr.svg", api.get("/api/v1/tickets/demo.000000000000/qr.svg"));
    // pairing by code: the code, the poll while waiting, the claim, the poll once paired (answered once)
    Api.Response code = api.post("/api/v1/devices/pairing-codes", "");
    check("post", "/api/v1/devices/pairing-codes", code);
    String poll = "/api/v1/devices/pairing-codes/" + code.json().getString("secret");
    check("get", "/api/v1/devices/pairing-codes/{secret}", api.get(poll));
    check("post", "/api/v1/offices/{office}/devices/claim", api.post("/api/v1/offices/demo/devices/claim",
        new JsonObject().put("code", code.json().getString("code")).put("kind", "display").put("name", "man-hinh-openapi")
            .encode(), "token", token));
    Api.Response handedOver = api.get(poll);
    assertThat(handedOver.json().getString("status")).isEqualTo("paired");
    check("get", "/api/v1/devices/pairing-codes/{secret}", handedOver);
    check("get", "/api/v1/devices/pairing-codes/{secret}", api.get(poll));
  }

  @Test
  void theCheckerRefusesAnswersThatMissOrMistypeRequiredFields() {
    JsonObject ticket = app.issue("demo", "dat-dai");
    assertThat(violations(ref("Ticket"), ticket, "$")).isEmpty();
    JsonObject missing = ticket.copy();
    missing.remove("number");
    assertThat(violations(ref("Ticket"), missing, "$")).anyMatch(v -> v.contains("number"));
    JsonObject mistyped = ticket.copy().put("recalls", "none").put("status", "LOST");
    assertThat(violations(ref("Ticket"), mistyped, "$")).hasSize(2);
    assertThat(violations(ref("Error"), new JsonObject().put("status", 409).put("code", "x"), "$"))
        .anyMatch(v -> v.contains("message"));
    assertThat(violations(ref("LiveServerMessage"), new JsonObject().put("type", "ticket.called").put("version", 3), "$"))
        .isNotEmpty();
  }

  // ---------- helpers

  private static Predicate<JsonObject> type(String type) {
    return m -> type.equals(m.getString("type"));
  }

  private static void checkLive(String schemaName, JsonObject message) {
    assertThat(violations(ref(schemaName), message, "$")).as("%s: %s", schemaName, message).isEmpty();
    assertThat(violations(ref("LiveServerMessage"), message, "$")).as("as a server message: %s", message).isEmpty();
  }

  private interface OperationCheck {
    void accept(String key, JsonObject operation);
  }

  private static void forEachOperation(OperationCheck check) {
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          check.accept(method.toUpperCase(Locale.ROOT) + " " + path, item.getJsonObject(method));
        }
      }
    }
  }

  private static JsonObject operation(String method, String path) {
    JsonObject item = doc.getJsonObject("paths").getJsonObject(path);
    assertThat(item).as("documented path %s", path).isNotNull();
    JsonObject op = item.getJsonObject(method);
    assertThat(op).as("documented %s %s", method, path).isNotNull();
    return op;
  }

  /** The live answer's status is documented for the operation and its JSON body matches the documented schema. */
  private static void check(String method, String path, Api.Response answer) {
    JsonObject responses = operation(method, path).getJsonObject("responses");
    String status = Integer.toString(answer.status());
    assertThat(responses.fieldNames()).as("%s %s answered %s: %s", method, path, status, answer.body()).contains(status);
    JsonObject response = resolve(responses.getJsonObject(status));
    JsonObject content = response.getJsonObject("content");
    if (content == null) {
      assertThat(answer.body()).as("%s %s %s has no body", method, path, status).isEmpty();
      return;
    }
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonObject media = content.getJsonObject("application/json");
    Object body = answer.body().strip().startsWith("[") ? answer.array() : answer.json();
    assertThat(violations(media.getValue("schema"), body, "$"))
        .as("%s %s %s: %s", method, path, status, answer.body()).isEmpty();
    JsonObject examples = media.getJsonObject("examples");
    if (examples != null && body instanceof JsonObject json && json.containsKey("code")) {
      assertThat(examples.fieldNames()).as("documented error codes of %s %s %s", method, path, status)
          .contains(json.getString("code"));
    }
  }

  /** An answer that is not JSON: its status is documented with its media type (a string). */
  private static void checkMedia(String method, String path, Api.Response answer, String media) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(media);
    JsonObject content = resolve(operation(method, path).getJsonObject("responses").getJsonObject("200"))
        .getJsonObject("content");
    assertThat(content.fieldNames()).as("%s %s", method, path).containsExactly(media);
    assertThat(content.getJsonObject(media).getJsonObject("schema").getString("type")).isEqualTo("string");
  }

  private static JsonObject ref(String name) {
    return new JsonObject().put("$ref", "#/components/schemas/" + name);
  }

  private static JsonObject schema(String name) {
    return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
  }

  private static JsonObject resolve(JsonObject node) {
    JsonObject current = node;
    while (current.containsKey("$ref")) {
      String ref = current.getString("$ref");
      assertThat(ref).startsWith("#/");
      Object target = doc;
      for (String part : ref.substring(2).split("/")) {
        target = ((JsonObject) target).getValue(part.replace("~1", "/").replace("~0", "~"));
        assertThat(target).as("reference %s", ref).isNotNull();
      }
      current = (JsonObject) target;
    }
    return current;
  }

  /**
   * A small JSON Schema checker for the subset the document uses: $ref, type (also as a list),
   * const, enum, oneOf, required, properties, additionalProperties and items.
   */
  private static List<String> violations(Object schemaNode, Object value, String at) {
    List<String> out = new ArrayList<>();
    if (schemaNode instanceof Boolean allowed) {
      if (!allowed) {
        out.add(at + ": not allowed");
      }
      return out;
    }
    JsonObject schema = resolve((JsonObject) schemaNode);
    if (schema.containsKey("oneOf")) {
      long matching = schema.getJsonArray("oneOf").stream().filter(s -> violations(s, value, at).isEmpty()).count();
      if (matching != 1) {
        out.add(at + ": matches " + matching + " of oneOf, not exactly one");
      }
    }
    if (schema.containsKey("const") && !java.util.Objects.equals(schema.getValue("const"), value)) {
      out.add(at + ": is " + value + ", not " + schema.getValue("const"));
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
      out.add(at + ": " + value + " is not one of " + schema.getJsonArray("enum"));
    }
    Object type = schema.getValue("type");
    if (type != null) {
      List<Object> types = type instanceof JsonArray list ? list.getList() : List.of(type);
      if (types.stream().noneMatch(t -> hasType(value, (String) t))) {
        out.add(at + ": " + (value == null ? "null" : value.getClass().getSimpleName()) + " is not " + types);
        return out;
      }
    }
    if (value instanceof JsonObject object) {
      for (Object required : schema.getJsonArray("required", new JsonArray())) {
        if (!object.containsKey((String) required)) {
          out.add(at + ": required property " + required + " is missing");
        }
      }
      JsonObject properties = schema.getJsonObject("properties", new JsonObject());
      Object additional = schema.getValue("additionalProperties");
      for (String field : object.fieldNames()) {
        if (properties.containsKey(field)) {
          out.addAll(violations(properties.getValue(field), object.getValue(field), at + "." + field));
        } else if (additional != null) {
          out.addAll(violations(additional, object.getValue(field), at + "." + field));
        }
      }
    }
    if (value instanceof JsonArray array && schema.containsKey("items")) {
      for (int i = 0; i < array.size(); i++) {
        out.addAll(violations(schema.getValue("items"), array.getValue(i), at + "[" + i + "]"));
      }
    }
    return out;
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "null" -> value == null;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "integer" -> value instanceof Integer || value instanceof Long
          || (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()));
      case "number" -> value instanceof Number;
      case "object" -> value instanceof JsonObject;
      case "array" -> value instanceof JsonArray;
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static void collectErrorExamples(Object node, Set<String> codes) {
    if (node instanceof JsonObject object) {
      Object value = object.getValue("value");
      if (value instanceof JsonObject example && example.containsKey("status") && example.containsKey("code")
          && example.containsKey("message")) {
        codes.add(example.getString("code"));
      }
      object.forEach(e -> collectErrorExamples(e.getValue(), codes));
    } else if (node instanceof JsonArray array) {
      array.forEach(v -> collectErrorExamples(v, codes));
    }
  }
}
