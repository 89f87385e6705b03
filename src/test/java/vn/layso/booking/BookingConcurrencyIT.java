package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/** The reservation script under parallel load: capacity, per-citizen limits, holds, cancel and reschedule. */
class BookingConcurrencyIT {

  static final Instant MONDAY_9AM = Instant.parse("2026-11-23T02:00:00Z");
  static TestApp app;
  static int citizen = 0;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void resetClock() {
    app.clock().set(MONDAY_9AM);
  }

  static String uri() {
    return app.server().embeddedRedis().uri();
  }

  /** A distinct valid phone and CCCD for each call. */
  static JsonObject someone(String service, String date, String start) {
    int n = ++citizen;
    return new JsonObject().put("service", service).put("date", date).put("start", start)
        .put("fullName", "Trần Thị Bình").put("phone", String.format("091%07d", n))
        .put("citizenId", String.format("0013%02d%06d", n % 27, n));
  }

  static Api.Response book(JsonObject body) {
    return app.api().post("/api/v1/offices/demo/appointments", body.encode());
  }

  static JsonObject slot(String service, String date, String start) {
    var slots = app.api().get("/api/v1/offices/demo/slots?service=" + service + "&date=" + date).array();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.getJsonObject(i).getString("start").equals(start)) {
        return slots.getJsonObject(i);
      }
    }
    throw new AssertionError("no slot " + start);
  }

  static Map<Object, Long> parallel(List<JsonObject> bodies) {
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (JsonObject body : bodies) {
      calls.add(app.api().postAsync("/api/v1/offices/demo/appointments", body.encode()));
    }
    return calls.stream().map(CompletableFuture::join)
        .collect(Collectors.groupingBy(r -> r.status() == 201 ? 201 : r.code(), Collectors.counting()));
  }

  @Test
  void twoHundredParallelBookingsForTheLastThreePlaces() {
    // ho-tich: 50 % x 2 counters x 30 min / 10 min = 3 places a slot
    List<JsonObject> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      bodies.add(someone("ho-tich", "2026-11-25", "09:00"));
    }
    assertThat(parallel(bodies)).containsExactlyInAnyOrderEntriesOf(Map.of(201, 3L, "slot_full", 197L));
    String ledger = RedisAdmin.sync(uri(), c -> c.hget(Keys.slotLedger("demo", "ho-tich", "2026-11-25"), "09:00"));
    assertThat(ledger).isEqualTo("3");
    assertThat(slot("ho-tich", "2026-11-25", "09:00").getInteger("available")).isZero();
  }

  @Test
  void oneCitizenInParallelGetsNoMoreThanTheLimits() {
    // the same phone in six spellings, each for another slot of one field: 1 per field
    String[] phones = {"0912000111", "+84912000111", "84912000111", "0912 000 111", "091-200-0111", "(091) 2000111"};
    String[] starts = {"07:30", "08:00", "08:30", "09:00", "09:30", "10:00"};
    List<JsonObject> sameField = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sameField.add(someone("chung-thuc", "2026-11-26", starts[i]).put("phone", phones[i]));
    }
    assertThat(parallel(sameField)).containsEntry(201, 1L).containsEntry("limit_reached", 5L);

    // the same CCCD with other phones, in four fields: 2 a day
    List<JsonObject> sameId = new ArrayList<>();
    for (String field : List.of("ho-tich", "chung-thuc", "lao-dong", "dang-ky-kinh-doanh")) {
      sameId.add(someone(field, "2026-11-27", "14:00").put("citizenId", "079090001234"));
    }
    assertThat(parallel(sameId)).containsEntry(201, 2L).containsEntry("limit_reached", 2L);
  }

  @Test
  void holdsCountAgainstCapacityAndExpire() {
    String hold = null;
    for (int i = 0; i < 3; i++) {
      Api.Response h = app.api().post("/api/v1/offices/demo/holds",
          new JsonObject().put("service", "ho-tich").put("date", "2026-11-30").put("start", "10:00").encode());
      assertThat(h.status()).as(h.body()).isEqualTo(201);
      hold = h.json().getString("hold");
    }
    assertThat(app.api().post("/api/v1/offices/demo/holds",
        new JsonObject().put("service", "ho-tich").put("date", "2026-11-30").put("start", "10:00").encode()).code())
        .isEqualTo("slot_full");
    assertThat(book(someone("ho-tich", "2026-11-30", "10:00")).code()).isEqualTo("slot_full");
    // a booking that carries its own hold converts it, even though the slot is held full
    assertThat(book(someone("ho-tich", "2026-11-30", "10:00").put("hold", hold)).status()).isEqualTo(201);
    assertThat(slot("ho-tich", "2026-11-30", "10:00").getInteger("available")).isZero();
    // the other two holds expire after holdMinutes (5)
    app.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(slot("ho-tich", "2026-11-30", "10:00").getInteger("available")).isEqualTo(2);
    assertThat(book(someone("ho-tich", "2026-11-30", "10:00")).status()).isEqualTo(201);
  }

  @Test
  void cancelGivesThePlaceBackAndRescheduleIsAtomic() {
    List<String> codes = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonObject body = someone("ho-tich", "2026-12-01", "08:00");
      Api.Response r = book(body);
      assertThat(r.status()).isEqualTo(201);
      codes.add(r.json().getString("code"));
      phones.add(body.getString("phone"));
    }
    assertThat(slot("ho-tich", "2026-12-01", "08:00").getInteger("available")).isZero();
    Api.Response cancelled = app.api().method("DELETE",
        "/api/v1/appointments/" + codes.get(0) + "?phone=" + phones.get(0), null);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(slot("ho-tich", "2026-12-01", "08:00").getInteger("available")).isEqualTo(1);
    assertThat(app.api().method("DELETE", "/api/v1/appointments/" + codes.get(0) + "?phone=" + phones.get(0), null)
        .code()).isEqualTo("not_cancellable");

    // fill 09:00, then try to move there: refused, and the 08:00 place is kept
    for (int i = 0; i < 3; i++) {
      assertThat(book(someone("ho-tich", "2026-12-01", "09:00")).status()).isEqualTo(201);
    }
    String move = new JsonObject().put("phone", phones.get(1)).put("date", "2026-12-01").put("start", "09:00").encode();
    assertThat(app.api().post("/api/v1/appointments/" + codes.get(1) + "/reschedule", move).code())
        .isEqualTo("slot_full");
    assertThat(app.api().get("/api/v1/appointments/" + codes.get(1)).json().getString("start")).isEqualTo("08:00");
    assertThat(slot("ho-tich", "2026-12-01", "08:00").getInteger("available")).isEqualTo(1);

    // parallel moves of two bookings into the one free place of 10:30 (capacity 3, 2 taken): one wins
    for (int i = 0; i < 2; i++) {
      assertThat(book(someone("ho-tich", "2026-12-01", "10:30")).status()).isEqualTo(201);
    }
    Function<Integer, CompletableFuture<Api.Response>> moveTo1030 = i -> app.api().postAsync(
        "/api/v1/appointments/" + codes.get(i) + "/reschedule",
        new JsonObject().put("phone", phones.get(i)).put("date", "2026-12-01").put("start", "10:30").encode());
    var a = moveTo1030.apply(1);
    var b = moveTo1030.apply(2);
    List<Integer> statuses = List.of(a.join().status(), b.join().status());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(slot("ho-tich", "2026-12-01", "10:30").getInteger("available")).isZero();
    assertThat(slot("ho-tich", "2026-12-01", "08:00").getInteger("available")).isEqualTo(2);
  }

  @Test
  void personalDataIsDeletedAfterTheRetentionAndNeverStoredInFull() {
    JsonObject body = someone("lao-dong", "2026-11-24", "08:00").put("citizenId", "001203099876");
    Api.Response r = book(body);
    assertThat(r.status()).isEqualTo(201);
    String key = Keys.appointment("demo", r.json().getString("code"));
    Map<String, String> stored = RedisAdmin.sync(uri(), c -> c.hgetall(key));
    assertThat(stored.get("citizenLast4")).isEqualTo("9876");
    assertThat(stored.values()).noneMatch(v -> v.contains("001203099876"));
    assertThat(stored.get("phone")).as("sealed at rest").startsWith("pd:").doesNotContain("+84");
    // the record (and the personal data in it) lives until the end of its day + retentionDays (30)
    long ttl = RedisAdmin.sync(uri(), c -> c.pttl(key));
    long expected = Duration.between(MONDAY_9AM, Instant.parse("2026-11-24T17:00:00Z").plus(Duration.ofDays(30)))
        .toMillis();
    assertThat(ttl).isBetween(expected - 60_000, expected);
  }
}
