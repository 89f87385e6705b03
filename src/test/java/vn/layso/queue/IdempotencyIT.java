package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;
import static vn.layso.testing.ApiErrors.assertShape;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.RawHttp;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** The same Idempotency-Key returns the same ticket, however often and however concurrently it is sent. */
class IdempotencyIT {

  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("other", 1, List.of("dat-dai", "ho-tich", "xay-dung"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Api.Response issue(String office, String service, String key) {
    return api.post("/api/v1/offices/" + office + "/tickets", new JsonObject().put("service", service).encode(),
        "Idempotency-Key", key);
  }

  private static String number(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("number");
  }

  @Test
  void theSameKeyReturnsTheSameTicketMarkedAsReplayed() {
    Api.Response first = issue("demo", "ho-tich", "kiosk-1:press-0001");
    Api.Response again = issue("demo", "ho-tich", "kiosk-1:press-0001");

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(again.json().getString("number")).isEqualTo(first.json().getString("number"));
    assertThat(again.json().getString("issuedAt")).isEqualTo(first.json().getString("issuedAt"));

    Api.Response other = issue("demo", "ho-tich", "kiosk-1:press-0002");
    assertThat(other.json().getString("id")).isNotEqualTo(first.json().getString("id"));
    assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void twentyParallelRequestsWithOneKeyMakeOneTicketAndAdvanceTheSequenceByOne() throws Exception {
    String before = number(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"xay-dung\"}"));
    List<CompletableFuture<Api.Response>> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sent.add(api.postAsync("/api/v1/offices/demo/tickets", "{\"service\":\"xay-dung\"}", "Idempotency-Key", "parallel-key"));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    List<String> ids = new ArrayList<>();
    int fresh = 0;
    for (var f : sent) {
      Api.Response r = f.get();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
      if (r.headers().firstValue("Idempotent-Replayed").isEmpty()) {
        fresh++;
      }
    }
    assertThat(ids).as("one ticket for all").containsOnly(ids.get(0));
    assertThat(fresh).as("exactly one answer made the ticket").isEqualTo(1);
    String after = number(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"xay-dung\"}"));
    int seqBefore = Integer.parseInt(before.substring(1));
    assertThat(Integer.parseInt(after.substring(1))).as(before + " then " + after).isEqualTo(seqBefore + 2);
  }

  @Test
  void theSameKeyForADifferentRequestIsRefused() {
    number(issue("demo", "dat-dai", "reused-key"));
    assertError(issue("demo", "chung-thuc", "reused-key"), 409, "idempotency_key_reused");
    assertThat(issue("demo", "dat-dai", "reused-key").headers().firstValue("Idempotent-Replayed")).contains("true");
  }

  @Test
  void theSameKeyWithADifferentPriorityIsRefused() {
    String kiosk = app.tokenFor("kiosk-idem", "DEVICE", "demo");
    String path = "/api/v1/offices/demo/tickets";
    number(api.post(path, "{\"service\":\"dat-dai\"}", "Idempotency-Key", "kiosk-key", "token", kiosk));
    assertError(api.post(path, "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}",
        "Idempotency-Key", "kiosk-key", "token", kiosk), 409, "idempotency_key_reused");
  }

  @Test
  void keysBelongToOneOffice() {
    Api.Response demo = issue("demo", "dat-dai", "shared-between-offices");
    Api.Response other = issue("other", "dat-dai", "shared-between-offices");
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    assertThat(other.json().getString("id")).isNotEqualTo(demo.json().getString("id"));
    assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
  }

  @Test
  void aReplayAfterATransferStillFindsTheTicket() {
    String admin = app.adminToken();
    String id = issue("other", "ho-tich", "before-transfer").json().getString("id");
    Api.Response called = app.counter("other", "1", "call-next", admin);
    while (called.status() == 200 && !called.json().getJsonObject("ticket").getString("id").equals(id)) {
      called = app.counter("other", "1", "call-next", admin);
    }
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    assertThat(api.post("/api/v1/offices/other/counters/1/transfer", "{\"service\":\"xay-dung\"}", "token", admin)
        .status()).isEqualTo(200);

    Api.Response replay = issue("other", "ho-tich", "before-transfer");
    assertThat(replay.status()).as(replay.body()).isEqualTo(201);
    assertThat(replay.json().getString("id")).isEqualTo(id);
    assertThat(replay.json().getString("service")).isEqualTo("xay-dung");
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
  }

  @Test
  void invalidKeysAreRefusedWithoutIssuing() {
    String before = number(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"lao-dong\"}"));
    assertError(issue("demo", "lao-dong", "k".repeat(101)), 400, "invalid_idempotency_key");
    assertError(issue("demo", "lao-dong", "two words"), 400, "invalid_idempotency_key");
    assertError(issue("demo", "lao-dong", ""), 400, "invalid_idempotency_key");
    assertError(issue("demo", "lao-dong", "tab\there"), 400, "invalid_idempotency_key");
    for (String key : List.of("khóa-số-1", "emoji-😀", "nbsp\u00a0key")) {
      RawHttp.Answer a = RawHttp.send(app.port(), "POST /api/v1/offices/demo/tickets HTTP/1.1\r\nIdempotency-Key: " + key + "\r\n",
          "{\"service\":\"lao-dong\"}");
      assertShape(a.status(), a.header("Content-Type"), a.body());
      assertThat(a.status()).as(key).isEqualTo(400);
      assertThat(new JsonObject(a.body()).getString("code")).isEqualTo("invalid_idempotency_key");
    }
    String after = number(api.post("/api/v1/offices/demo/tickets", "{\"service\":\"lao-dong\"}"));
    assertThat(Integer.parseInt(after.substring(1))).isEqualTo(Integer.parseInt(before.substring(1)) + 1);
    assertThat(issue("demo", "lao-dong", "k".repeat(100)).status()).as("100 characters is allowed").isEqualTo(201);
    assertThat(issue("demo", "lao-dong", "  padded  ").status()).isEqualTo(201);
    assertThat(issue("demo", "lao-dong", "padded").headers().firstValue("Idempotent-Replayed")).contains("true");
  }
}
