package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.TestApp;

/**
 * A booked citizen's ticket is DONE: one ZNS rating message goes to the booking's phone (its
 * tracking id names neither the ticket nor the booking), the citizen's stars come back through the
 * signed webhook and become the ticket's rating; forged or repeated answers change nothing.
 */
class ZaloRatingIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static FakeZalo zalo;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      env.put("ZALO_TEMPLATE_IDS", env.get("ZALO_TEMPLATE_IDS") + ",rating=1005");
    });
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  private static Api.Response hook(String body, long ts, String signature) {
    return app.api().post("/api/v1/zalo/webhook", body, "X-ZEvent-Signature", signature,
        "Content-Type", "application/json");
  }

  @Test
  void aBookedCitizenRatesThroughZaloOnce() {
    JsonObject booking = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", "09:30")
        .put("fullName", "Lê Văn Minh").put("phone", "0912 345 678").put("citizenId", "001199012345");
    Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", booking.encode());
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String code = booked.json().getString("code");
    app.tokenFor("hoa", "STAFF", "demo");

    app.clock().set(Instant.parse("2026-11-24T02:20:00Z"));
    Api.Response checkedIn = app.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", code).encode());
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(201);
    String id = checkedIn.json().getString("id");
    String walkIn = app.issue("demo", "ho-tich").getString("id");
    String clerk = app.login("hoa", "password-of-hoa");
    for (String action : new String[] {"call-next", "start", "complete", "call-next", "start", "complete"}) {
      Api.Response r = app.counter("demo", "3", action, clerk);
      assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
    }

    await().atMost(WAIT).until(() -> zalo.messages().stream().anyMatch(m -> "1005".equals(m.getString("template_id"))));
    var sent = zalo.messages().stream().filter(m -> "1005".equals(m.getString("template_id"))).toList();
    assertThat(sent).hasSize(1); // the walk-in ticket has no phone: no message
    JsonObject message = sent.get(0);
    assertThat(message.getString("phone")).isEqualTo("84912345678");
    String tracking = message.getString("tracking_id");
    assertThat(tracking).startsWith("rate:").doesNotContain(id.substring(id.indexOf('.') + 1)).doesNotContain(code);
    JsonObject data = message.getJsonObject("template_data");
    assertThat(data.getString("ticket_number")).isEqualTo(checkedIn.json().getString("number"));
    assertThat(data.getString("schedule_date")).isEqualTo("24/11/2026");
    assertThat(data.getString("service_name")).isEqualTo("Hộ tịch");

    long ts = app.clock().millis();
    String four = FakeZalo.userFeedback(tracking, 4, "Cán bộ nhiệt tình", ts);
    assertError(hook(four, ts, "mac=" + "0".repeat(64)), 401, "invalid_signature");
    assertError(app.api().post("/api/v1/zalo/webhook", four), 401, "invalid_signature");
    assertError(hook(four, ts + 1, FakeZalo.signature(four, ts + 1)), 401, "invalid_signature");
    String otherApp = four.replace(FakeZalo.APP_ID, "1111111111");
    assertError(hook(otherApp, ts, FakeZalo.signature(otherApp, ts)), 401, "invalid_signature");
    assertThat(app.api().get("/api/v1/tickets/" + id + "/rating").json().getValue("rating")).isNull();

    Api.Response recorded = hook(four, ts, FakeZalo.signature(four, ts));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.json().getBoolean("recorded")).isTrue();
    // 4 stars on the demo office's 3-level scale: Hài lòng
    JsonObject rating = app.api().get("/api/v1/tickets/" + id + "/rating").json().getJsonObject("rating");
    assertThat(rating.getInteger("level")).isEqualTo(2);
    assertThat(rating.getString("channel")).isEqualTo("zalo");

    String one = FakeZalo.userFeedback(tracking, 1, "Lần hai", ts + 5);
    Api.Response again = hook(one, ts + 5, FakeZalo.signature(one, ts + 5));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getBoolean("recorded")).isFalse();
    assertThat(again.json().getString("code")).isEqualTo("already_rated");
    assertError(app.api().post("/api/v1/tickets/" + id + "/rating", new JsonObject().put("level", 3).encode()),
        409, "already_rated");

    String unknown = FakeZalo.userFeedback("rate:" + "2".repeat(20), 5, null, ts);
    assertThat(hook(unknown, ts, FakeZalo.signature(unknown, ts)).json().getBoolean("recorded")).isFalse();
    String follow = new JsonObject().put("app_id", FakeZalo.APP_ID).put("event_name", "follow")
        .put("timestamp", Long.toString(ts)).encode();
    Api.Response ignored = hook(follow, ts, FakeZalo.signature(follow, ts));
    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.json().getBoolean("recorded")).isFalse();
    assertThat(app.api().get("/api/v1/tickets/" + walkIn + "/rating").json().getValue("rating")).isNull();
    assertThat(zalo.violations()).isEmpty();
  }
}
