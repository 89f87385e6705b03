package vn.layso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;
import static vn.layso.testing.ApiErrors.assertNoStackTrace;
import static vn.layso.testing.ApiErrors.assertShape;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.RawHttp;
import vn.layso.testing.TestApp;

/** Every way a request can be wrong gets the contract's JSON error with a 4xx status, never a 5xx. */
class HttpErrorsIT {

  private static final String TICKETS = "/api/v1/offices/demo/tickets";
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

  private static Api.Response issue(String body, String... headers) {
    return api.post(TICKETS, body, headers);
  }

  private static Api.Response counter(String counter, String action, String body) {
    return api.post("/api/v1/offices/demo/counters/" + counter + "/" + action, body, "token", app.adminToken());
  }

  @Test
  void unknownOfficeServicePriorityCounterAndTicket() {
    assertError(api.post("/api/v1/offices/nope/tickets", "{\"service\":\"dat-dai\"}"), 404, "office_not_found");
    assertError(api.get("/api/v1/offices/nope"), 404, "office_not_found");
    assertError(issue("{\"service\":\"nope\"}"), 400, "unknown_service");
    assertError(issue("{\"service\":\"dat-dai\",\"priority\":\"vip\"}", "token", app.adminToken()),
        400, "unknown_priority_group");
    assertError(counter("99", "call-next", null), 404, "counter_not_found");
    assertError(counter("99", "transfer", "{\"service\":\"ho-tich\"}"), 404, "counter_not_found");
    assertError(counter("1", "transfer", "{\"service\":\"nope\"}"), 400, "unknown_service");
    assertError(api.post("/api/v1/offices/nope/counters/1/call-next", null, "token", app.adminToken()),
        404, "office_not_found");
    assertError(api.get("/api/v1/tickets/demo-does-not-exist"), 404, "ticket_not_found");
    assertError(api.get("/api/v1/tickets/garbage"), 404, "ticket_not_found");
  }

  @Test
  void counterActionsWithoutACurrentTicketConflict() {
    for (String action : List.of("recall", "start", "complete", "no-show")) {
      assertError(counter("5", action, null), 409, "no_current_ticket");
    }
    assertError(counter("5", "transfer", "{\"service\":\"ho-tich\"}"), 409, "no_current_ticket");
  }

  @Test
  void transferToTheSameServiceConflictsAndAMissingBodyIsRequired() {
    app.issue("demo", "lao-dong");
    Api.Response called = counter("6", "call-next", null);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    assertError(counter("6", "transfer", null), 400, "body_required");
    assertError(counter("6", "transfer", "{}"), 400, "field_required");
    assertError(counter("6", "transfer", "{\"service\":\"lao-dong\"}"), 409, "same_service");
    assertThat(counter("6", "transfer", "{\"service\":\"ho-tich\"}").status()).isEqualTo(200);
  }

  @Test
  void bodiesThatAreNotOneJsonObject() {
    assertError(issue("{\"service\":"), 400, "invalid_json");
    assertError(issue("{service: 'dat-dai'}"), 400, "invalid_json");
    assertError(issue("[{\"service\":\"dat-dai\"}]"), 400, "invalid_json");
    assertError(issue("42"), 400, "invalid_json");
    assertError(issue("\"dat-dai\""), 400, "invalid_json");
    assertError(issue("null"), 400, "invalid_json");
    assertError(issue(null), 400, "body_required");
    assertError(issue(""), 400, "body_required");
    assertError(issue("{}"), 400, "field_required");
    assertError(issue("{\"service\":null}"), 400, "field_required");
    assertError(issue("{\"service\":\"  \"}"), 400, "field_required");
  }

  @Test
  void wrongTypesAndTooLongStrings() {
    assertError(issue("{\"service\":123}"), 400, "field_not_text");
    assertError(issue("{\"service\":[\"dat-dai\"]}"), 400, "field_not_text");
    assertError(issue("{\"service\":{\"code\":\"dat-dai\"}}"), 400, "field_not_text");
    assertError(issue("{\"service\":\"dat-dai\",\"priority\":true}"), 400, "field_not_text");
    assertError(issue("{\"service\":\"" + "x".repeat(33) + "\"}"), 400, "field_too_long");
    assertError(issue("{\"service\":\"" + "x".repeat(5000) + "\"}"), 400, "field_too_long");
  }

  @Test
  void invalidUtf8LoneSurrogatesAndControlCharacters() {
    byte[] latin1 = "{\"service\":\"café\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] truncated = {'{', '"', 's', 'e', 'r', 'v', 'i', 'c', 'e', '"', ':', '"', (byte) 0xE1, (byte) 0xBA, '"', '}'};
    assertError(api.postBytes(TICKETS, latin1), 400, "invalid_encoding");
    assertError(api.postBytes(TICKETS, truncated), 400, "invalid_encoding");
    assertError(issue("{\"service\":\"\\ud800\"}"), 400, "field_invalid_characters");
    assertError(issue("{\"service\":\"dat-dai\\udc00\"}"), 400, "field_invalid_characters");
    assertError(issue("{\"service\":\"dat\\u0000dai\"}"), 400, "field_invalid_characters");
    assertError(issue("{\"service\":\"dat-dai\\n\"}"), 400, "field_invalid_characters");
    assertError(issue("{\"service\":\"\\u001b[2Jdat-dai\"}"), 400, "field_invalid_characters");
  }

  @Test
  void aBodyOverSixteenKibibytesIsTooLarge() throws Exception {
    String big = "{\"service\":\"dat-dai\",\"pad\":\"" + "x".repeat(17 * 1024) + "\"}";
    assertError(issue(big), 413, "body_too_large");

    HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + TICKETS))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as("without a Content-Length").isEqualTo(413);
    assertShape(413, chunked.headers().firstValue("Content-Type").orElse(null), chunked.body());

    String justUnder = "{\"service\":\"dat-dai\",\"pad\":\"" + "x".repeat(16 * 1024 - 40) + "\"}";
    assertThat(issue(justUnder).status()).as("a body under the limit is read").isEqualTo(201);
  }

  @Test
  void unknownRoutesAndWrongMethodsAnswerJson() {
    assertError(api.get("/api/v1/nope"), 404, "not_found");
    assertError(api.get("/nope"), 404, "not_found");
    assertError(api.post("/api/v2/offices/demo/tickets", "{\"service\":\"dat-dai\"}"), 404, "not_found");
    assertError(api.get(TICKETS), 405, "method_not_allowed");
    assertError(api.method("DELETE", "/api/v1/offices", null), 405, "method_not_allowed");
    assertError(api.method("PUT", "/api/v1/offices/demo/counters/1/call-next", "{}"), 405, "method_not_allowed");
  }

  @Test
  void messagesAreVietnameseByDefaultAndEnglishOnRequest() {
    String body = "{\"service\":\"nope\"}";
    assertThat(assertError(issue(body), 400, "unknown_service")).isEqualTo("Lĩnh vực \"nope\" không có tại đơn vị này.");
    assertThat(assertError(issue(body, "Accept-Language", "en"), 400, "unknown_service"))
        .isEqualTo("The service \"nope\" is not offered at this office.");
    assertThat(assertError(issue(body, "Accept-Language", "en-US,en;q=0.9,vi;q=0.5"), 400, "unknown_service"))
        .startsWith("The service");
    assertThat(assertError(issue(body, "Accept-Language", "fr-FR"), 400, "unknown_service")).startsWith("Lĩnh vực");
    assertThat(assertError(issue(body, "Accept-Language", "en;q=abc;;"), 400, "unknown_service")).startsWith("Lĩnh vực");
    assertThat(assertError(api.get("/nope", "Accept-Language", "en"), 404, "not_found")).isEqualTo("Nothing is at this address.");
  }

  @Test
  void untrustedIdentifiersAreDefusedInMessages() {
    String message = assertError(issue("{\"service\":\"<script>alert(1)</script>\"}"), 400, "unknown_service");
    assertThat(message).doesNotContain("<", ">");
    String longOne = assertError(api.post("/api/v1/offices/" + "o".repeat(300) + "/tickets", "{\"service\":\"a\"}"),
        404, "office_not_found");
    assertThat(longOne.length()).isLessThan(120);
  }

  private record Hostile(String method, String path, String body, String... headers) {
  }

  @Test
  void hostileRequestsThroughAnHttpClientGetAJson4xxOrAreAccepted() {
    String lua = "dat-dai') redis.call('FLUSHALL') --";
    List<Hostile> cases = List.of(
        new Hostile("POST", TICKETS, "{\"service\":\"" + lua.replace("'", "\\'") + "\"}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\\\"; FLUSHALL\"}"),
        new Hostile("POST", TICKETS, "{\"service\":\"' OR 1=1 --\"}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Idempotency-Key", "'; DROP TABLE tickets; --"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Idempotency-Key", "x}{other}:*?[a]"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Idempotency-Key", "k".repeat(101)),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Idempotency-Key", "   "),
        new Hostile("POST", TICKETS, "{\"service\":\"😀🇻🇳\"}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\\u0000\"}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\",\"service\":\"ho-tich\"}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\",\"__proto__\":{\"admin\":true}}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\",\"n\":1e999999999}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\",\"n\":" + "9".repeat(5000) + "}"),
        new Hostile("POST", TICKETS, "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
        new Hostile("POST", TICKETS, "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Content-Type", "text/xml"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Accept-Language", "en;" + "q=1;".repeat(1500)),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "X-Forwarded-For", "1.2.3.256, ::1, 10.0.0.1"),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "X-Big", "v".repeat(6000)),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Authorization", "Bearer " + "a".repeat(5000)),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Authorization", "Basic YWRtaW46YWRtaW4="),
        new Hostile("POST", TICKETS, "{\"service\":\"dat-dai\"}", "Authorization", "Bearer"),
        new Hostile("POST", "/api/v1/offices/..%2F..%2Fetc%2Fpasswd/tickets", "{\"service\":\"dat-dai\"}"),
        new Hostile("GET", "/api/v1/../../../../etc/passwd", null),
        new Hostile("GET", "/api/v1/offices/%2e%2e/%2e%2e/etc/passwd", null),
        new Hostile("GET", "/api/v1/tickets/..%2F..%2Fconfig", null),
        new Hostile("GET", "/api/v1/tickets/%00", null),
        new Hostile("GET", "/api/v1/tickets/%ff%fe%fd", null),
        new Hostile("GET", "/api/v1/offices/%7Bdemo%7D", null),
        new Hostile("GET", "/api/v1/offices/demo%2F..%2Fdemo", null),
        new Hostile("POST", "/api/v1/offices/%F0%9F%98%80/tickets", "{\"service\":\"dat-dai\"}"),
        new Hostile("POST", "/api/v1/offices/demo/counters/..%2F1/call-next", null, "token", app.adminToken()),
        new Hostile("POST", "/api/v1/offices/demo/counters/1/transfer", "{\"service\":\"*\"}", "token", app.adminToken()),
        new Hostile("DELETE", "/api/v1/admin/users/..%2Fadmin", null, "token", app.adminToken()),
        new Hostile("DELETE", "/api/v1/admin/users/*", null, "token", app.adminToken()),
        new Hostile("POST", "/api/v1/auth/login", "{\"username\":\"admin' --\",\"password\":\"' OR '1'='1\"}"),
        new Hostile("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + "p".repeat(300) + "\"}"),
        new Hostile("GET", "/api/v1/offices/demo/live", null),
        new Hostile("OPTIONS", TICKETS, null),
        new Hostile("PATCH", TICKETS, "{}"));
    List<String> problems = new ArrayList<>();
    for (Hostile h : cases) {
      Api.Response r = api.method(h.method(), h.path(), h.body(), h.headers());
      String label = h.method() + " " + h.path() + " " + String.join("|", h.headers()) + " -> " + r.status() + " " + r.body();
      if (r.status() >= 500 || r.status() < 200) {
        problems.add(label);
      } else if (r.status() >= 400) {
        try {
          assertShape(r.status(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (AssertionError e) {
          problems.add(label + " :: " + e.getMessage().lines().findFirst().orElse(""));
        }
      } else {
        assertNoStackTrace(r.body());
      }
    }
    assertThat(problems).as("answers that break the contract").isEmpty();
    assertThat(api.get("/api/v1/offices/demo").status()).as("the store survived").isEqualTo(200);
    assertThat(app.login("admin", TestApp.ADMIN_PASSWORD)).isNotBlank();
  }

  @Test
  void hostileBytesOnTheWireNeverGetA5xx() {
    int port = app.port();
    List<String> problems = new ArrayList<>();
    List<RawHttp.Answer> answers = new ArrayList<>();
    byte[] json = "{\"service\":\"dat-dai\"}".getBytes(StandardCharsets.UTF_8);
    answers.add(RawHttp.send(port, "POST " + TICKETS + " HTTP/1.1\r\nIdempotency-Key: khóa-😀\r\n", "{\"service\":\"dat-dai\"}"));
    answers.add(RawHttp.send(port, "POST " + TICKETS + " HTTP/1.1\r\nIdempotency-Key: a\u0000b\r\n", "{\"service\":\"dat-dai\"}"));
    answers.add(RawHttp.send(port, "POST " + TICKETS + " HTTP/1.1\r\nAccept-Language: en\u0000\r\n", "{}"));
    answers.add(RawHttp.send(port, "POST /api/v1/offices/de%/tickets HTTP/1.1\r\n", "{\"service\":\"dat-dai\"}"));
    answers.add(RawHttp.send(port, "POST /api/v1/offices/demo\u0000/tickets HTTP/1.1\r\n", "{\"service\":\"dat-dai\"}"));
    answers.add(RawHttp.send(port, "GET /api/v1/tickets/đ HTTP/1.1\r\n", null));
    answers.add(RawHttp.send(port, "GET /../../etc/passwd HTTP/1.1\r\n", null));
    answers.add(RawHttp.send(port, "GET http://evil.example/api/v1/offices HTTP/1.1\r\n", null));
    answers.add(RawHttp.send(port, "POST " + TICKETS + " HTTP/1.1\r\nContent-Length: 5\r\n", "{\"service\":\"dat-dai\"}"));
    answers.add(RawHttp.send(port, ("POST " + TICKETS + " HTTP/1.1\r\nAuthorization: Bearer tökën-ÿ\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), json));
    answers.add(RawHttp.send(port, ("POST " + TICKETS + " HTTP/1.1\r\nX-Forwarded-For: \u00ff\u00fe\r\n")
        .getBytes(StandardCharsets.ISO_8859_1), json));
    for (RawHttp.Answer a : answers) {
      if (a.status() >= 500) {
        problems.add(a.status() + " " + a.body());
      }
      if (a.status() >= 400) {
        assertShape(a.status(), a.header("Content-Type"), a.body());
      }
      assertNoStackTrace(a.body());
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void requestsTheHttpDecoderRefusesStillGetJsonErrors() {
    RawHttp.Answer longUri = RawHttp.send(app.port(), "GET /api/v1/offices/" + "a".repeat(9000) + " HTTP/1.1\r\n", null);
    assertShape(longUri.status(), longUri.header("Content-Type"), longUri.body());
    assertThat(longUri.status()).isEqualTo(414);
    assertThat(new JsonObject(longUri.body()).getString("code")).isEqualTo("uri_too_long");
    RawHttp.Answer bigHeader = RawHttp.send(app.port(), "GET /health HTTP/1.1\r\nX-Big: " + "b".repeat(9000) + "\r\n", null);
    assertShape(bigHeader.status(), bigHeader.header("Content-Type"), bigHeader.body());
    assertThat(bigHeader.status()).isEqualTo(431);
    assertThat(new JsonObject(bigHeader.body()).getString("code")).isEqualTo("headers_too_large");
  }

  @Test
  void aPathWithABrokenPercentEscapeGetsAJsonBadRequest() {
    for (String path : List.of("/api/v1/offices/de%/tickets", "/api/v1/tickets/%zz", "/%")) {
      RawHttp.Answer a = RawHttp.send(app.port(), "GET " + path + " HTTP/1.1\r\nAccept-Language: en\r\n", null);
      assertShape(a.status(), a.header("Content-Type"), a.body());
      assertThat(a.status()).as(path).isEqualTo(400);
      assertThat(new JsonObject(a.body()).getString("code")).isEqualTo("bad_request");
    }
  }

  @Test
  void aValidRequestStillWorksAndIsNotAnError() {
    Api.Response r = issue("{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}", "token", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject ticket = r.json();
    assertThat(ticket.getString("number")).startsWith("A");
    assertThat(ticket.getString("status")).isEqualTo("WAITING");
  }
}
