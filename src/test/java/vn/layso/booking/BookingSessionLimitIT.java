package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * Booking's per-minute limit is keyed to the page's hold session first and the address second:
 * honest phones behind one carrier-NAT address each spend their own session's budget once they
 * have one, while a script still gets sessions only at the address's rate and one session no more
 * than the limit. RATE_LIMIT_PER_MINUTE is 5 here so that each budget is quick to spend.
 */
class BookingSessionLimitIT {

  private static final int LIMIT = 5;
  private static final String HOLDS = "/api/v1/offices/demo/holds";
  private static TestApp app;
  private static int citizens;
  private static int addresses;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> {
      env.put("TRUSTED_PROXIES", "127.0.0.1");
      env.put("RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT));
    });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void mondayMorning() {
    // each test starts in a fresh minute window of its own
    app.clock().set(Instant.parse("2026-11-23T02:00:00Z").plusSeconds(600L * addresses));
  }

  private static String newAddress() {
    return "203.0.113." + (++addresses);
  }

  private static Api.Response hold(String address, String start, String session) {
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", start);
    if (session != null) {
      body.put("session", session);
    }
    return app.api().post(HOLDS, body.encode(), "X-Forwarded-For", address, "Content-Type", "application/json");
  }

  private static Api.Response book(String address, String start, JsonObject held) {
    int n = ++citizens;
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", start)
        .put("fullName", "Lê Thị Hoa").put("phone", String.format("097%07d", n))
        .put("citizenId", String.format("0792%02d%06d", n % 27, n))
        .put("hold", held.getString("hold")).put("session", held.getString("session"));
    return app.api().post("/api/v1/offices/demo/appointments", body.encode(), "X-Forwarded-For", address);
  }

  @Test
  void citizensBehindOneAddressBookOnTheirSessionsBudgetsNotTheAddresss() {
    String address = newAddress();
    List<JsonObject> held = new ArrayList<>();
    for (int i = 0; i < LIMIT; i++) {
      Api.Response r = hold(address, i % 2 == 0 ? "08:00" : "08:30", null);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      held.add(r.json().put("start", i % 2 == 0 ? "08:00" : "08:30"));
    }
    // the address has spent its minute: a new citizen (no session yet) waits for the next one
    Api.Response sixth = hold(address, "09:00", null);
    assertThat(sixth.status()).as(sixth.body()).isEqualTo(429);
    assertThat(sixth.code()).isEqualTo("rate_limited");
    // but each of the five books on its own session: five more requests in the same minute
    for (JsonObject h : held) {
      Api.Response booked = book(address, h.getString("start"), h);
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }
  }

  @Test
  void oneSessionGetsNoMoreThanTheLimitAndAForgedOneCountsAsTheAddress() {
    String address = newAddress();
    Api.Response first = hold(address, "10:00", null);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String session = first.json().getString("session");
    // the session moves its place: every move is counted on the session, the limit holds
    for (int i = 0; i < LIMIT; i++) {
      Api.Response moved = hold(address, i % 2 == 0 ? "10:30" : "10:00", session);
      assertThat(moved.status()).as("move %d: %s", i, moved.body()).isEqualTo(201);
    }
    Api.Response tooMany = hold(address, "11:00", session);
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(429);
    assertThat(tooMany.code()).isEqualTo("rate_limited");
    // a made-up session of the right shape buys no budget of its own: the address pays (1 used, 4 left)
    String forged = "AAAAAAAAAAAAAAAAAAAAAA" + addresses;
    int granted = 0;
    for (int i = 0; i < LIMIT + 3; i++) {
      Api.Response r = hold(address, List.of("13:30", "14:00", "14:30", "15:00").get(i % 4), forged + i);
      if (r.status() == 201) {
        granted++;
      } else {
        assertThat(r.code()).as(r.body()).isIn("rate_limited", "too_many_holds");
      }
    }
    assertThat(granted).isEqualTo(LIMIT - 1);
  }
}
