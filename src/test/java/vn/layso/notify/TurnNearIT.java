package vn.layso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * "Your turn is near" end to end: a booked citizen checks in, the counter calls the walk-ins before
 * them, and Zalo is asked once, when exactly ZALO_TURN_NEAR_PLACES tickets are left before theirs.
 */
class TurnNearIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private static FakeZalo zalo;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      env.put("ZALO_TURN_NEAR_PLACES", "2");
    });
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  @Test
  void aCheckedInCitizenIsToldOnceWhenTwoTicketsAreLeftBeforeThem() {
    // booked on Monday 23/11 for Tuesday 24/11 09:30 (Hộ tịch, served by counters 3 and 4)
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", "09:30")
        .put("fullName", "Trần Thị Bích").put("phone", "0987 654 321").put("citizenId", "001199012345");
    Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String code = booked.json().getString("code");
    String near = "appt:" + code + ":near";
    app.tokenFor("clerk-near", "STAFF", "demo");

    // Tuesday 09:15 (office time): four walk-ins arrive before the slot, then the citizen checks in
    app.clock().set(Instant.parse("2026-11-24T02:15:00Z"));
    for (int i = 0; i < 4; i++) {
      assertThat(app.issue("demo", "ho-tich").getString("number")).isNotBlank();
    }
    Api.Response checkedIn = app.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", code).encode());
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(201);
    String number = checkedIn.json().getString("number");
    assertThat(checkedIn.json().getInteger("position")).isEqualTo(5);

    String clerk = app.login("clerk-near", "password-of-clerk-near"); // the day has moved: a fresh log-in
    for (int call = 1; call <= 3; call++) {
      Api.Response called = app.counter("demo", "3", "call-next", clerk);
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      assertThat(called.json().getJsonObject("ticket").getString("number")).isNotEqualTo(number);
    }
    await().atMost(WAIT).until(() -> zalo.deliveredCount(near) == 1);
    JsonObject sent = zalo.messages().stream().filter(m -> near.equals(m.getString("tracking_id"))).findFirst()
        .orElseThrow();
    assertThat(sent.getString("phone")).isEqualTo("84987654321");
    JsonObject data = sent.getJsonObject("template_data");
    // told after the second call (two left before), not after the first (three), and not again after the third
    assertThat(data.getString("places_ahead")).isEqualTo("2");
    assertThat(data.getString("ticket_number")).isEqualTo(number);
    assertThat(data.getString("booking_code")).isEqualTo(code);

    Api.Response fourth = app.counter("demo", "3", "call-next", clerk);
    assertThat(fourth.json().getJsonObject("ticket").getString("number")).isNotEqualTo(number);
    Api.Response fifth = app.counter("demo", "3", "call-next", clerk);
    assertThat(fifth.json().getJsonObject("ticket").getString("number")).isEqualTo(number);
    assertThat(zalo.deliveredCount(near)).isEqualTo(1);
    assertThat(zalo.violations()).isEmpty();
  }
}
