package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Holds against a real server and Redis: one live hold per browser session, a cap per client
 * address that many honest sessions behind one carrier-NAT address share, `replaces` and the
 * session's own previous hold given back in the same step, DELETE at once, Idempotency-Key
 * replays. Each test comes from its own address (X-Forwarded-For through a trusted proxy), so
 * the per-address counts of one test never reach another.
 */
class HoldsIT {

  private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T02:00:00Z");
  private static final String HOLDS = "/api/v1/offices/demo/holds";
  private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
  private static final AtomicInteger CITIZENS = new AtomicInteger();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> env.put("TRUSTED_PROXIES", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void resetClock() {
    app.clock().set(MONDAY_9AM);
  }

  private static String newAddress() {
    return "198.51.100." + ADDRESSES.incrementAndGet();
  }

  private static String redis() {
    return app.server().embeddedRedis().uri();
  }

  private static JsonObject place(String service, String date, String start) {
    return new JsonObject().put("service", service).put("date", date).put("start", start);
  }

  private static Api.Response hold(String address, JsonObject body, String... headers) {
    List<String> all = new ArrayList<>(List.of("X-Forwarded-For", address, "Content-Type", "application/json"));
    all.addAll(List.of(headers));
    return app.api().post(HOLDS, body.encode(), all.toArray(String[]::new));
  }

  private static CompletableFuture<Api.Response> holdAsync(String address, JsonObject body) {
    return app.api().postAsync(HOLDS, body.encode(), "X-Forwarded-For", address, "Content-Type", "application/json");
  }

  private static Api.Response release(String hold) {
    return app.api().method("DELETE", HOLDS + "/" + hold, null);
  }

  private static Api.Response book(String address, JsonObject place) {
    int n = CITIZENS.incrementAndGet();
    JsonObject body = place.copy().put("fullName", "Nguyễn Văn An").put("phone", String.format("098%07d", n))
        .put("citizenId", String.format("0012%02d%06d", n % 27, n));
    return app.api().post("/api/v1/offices/demo/appointments", body.encode(), "X-Forwarded-For", address);
  }

  private static int available(String service, String date, String start) {
    var slots = app.api().get("/api/v1/offices/demo/slots?service=" + service + "&date=" + date).array();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.getJsonObject(i).getString("start").equals(start)) {
        return slots.getJsonObject(i).getInteger("available");
      }
    }
    throw new AssertionError("no slot " + start);
  }

  private static long addressHolds(String address) {
    return RedisAdmin.sync(redis(), c -> c.zcount(Keys.addressHolds("demo", address), app.clock().millis(),
        Double.POSITIVE_INFINITY));
  }

  /** The hold a session's pointer names (null: none). */
  private static String sessionHold(String session) {
    return RedisAdmin.sync(redis(), c -> c.hget(Keys.holdSession("demo", session), "hold"));
  }

  /** Sets booking.holdsPerAddress of the demo office (as a manager would, in the settings). */
  private static void holdsPerAddress(int cap) {
    Api.Response current = app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken());
    JsonObject doc = current.json();
    doc.getJsonObject("booking").put("holdsPerAddress", cap);
    Api.Response saved = app.api().method("PUT", "/api/v1/offices/demo/settings", doc.encode(), "token",
        app.adminToken(), "Content-Type", "application/json", "If-Match", String.valueOf(doc.getValue("revision")));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  @Test
  void oneSessionHoldsOnePlaceAndItsNextHoldGivesThePreviousBackInTheSameStep() {
    String address = newAddress();
    Api.Response first = hold(address, place("ho-tich", "2026-11-24", "08:00"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String session = first.json().getString("session");
    assertThat(session).matches("[A-Za-z0-9_-]{22,}");
    assertThat(Instant.parse(first.json().getString("expiresAt"))).isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(5)));
    assertThat(available("ho-tich", "2026-11-24", "08:00")).isEqualTo(2);
    Map<String, String> record = RedisAdmin.sync(redis(), c -> c.hgetall(Keys.hold("demo",
        first.json().getString("hold"))));
    assertThat(record).containsEntry("session", session).containsEntry("address", address);

    // the same session holds another slot, without naming the first: the first goes back at once
    Api.Response second = hold(address, place("ho-tich", "2026-11-24", "08:30").put("session", session));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().getString("session")).isEqualTo(session);
    assertThat(available("ho-tich", "2026-11-24", "08:00")).isEqualTo(3);
    assertThat(available("ho-tich", "2026-11-24", "08:30")).isEqualTo(2);
    assertThat(addressHolds(address)).isEqualTo(1);

    // one session cannot hold two places, however it asks: three more holds in parallel leave one
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (String start : List.of("09:00", "09:30", "10:00")) {
      calls.add(holdAsync(address, place("ho-tich", "2026-11-24", start).put("session", session)));
    }
    calls.forEach(c -> assertThat(c.join().status()).isEqualTo(201));
    int held = 0;
    for (String start : List.of("08:00", "08:30", "09:00", "09:30", "10:00")) {
      held += 3 - available("ho-tich", "2026-11-24", start);
    }
    assertThat(held).isEqualTo(1);
    assertThat(addressHolds(address)).isEqualTo(1);
  }

  @Test
  void anUnknownOrForgedSessionIsNoneAndANewOneIsMinted() {
    String address = newAddress();
    Api.Response forged = hold(address, place("ho-tich", "2026-11-24", "13:30").put("session",
        "AAAAAAAAAAAAAAAAAAAAAA"));
    assertThat(forged.status()).as(forged.body()).isEqualTo(201);
    assertThat(forged.json().getString("session")).isNotEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
    Api.Response garbage = hold(address, place("ho-tich", "2026-11-24", "13:30").put("session", "x y"));
    assertThat(garbage.status()).isEqualTo(201);
    // both count: two sessions, two places, against the one address
    assertThat(available("ho-tich", "2026-11-24", "13:30")).isEqualTo(1);
    assertThat(addressHolds(address)).isEqualTo(2);
  }

  @Test
  void deleteGivesThePlaceBackAtOnceAndIsIdempotent() {
    String address = newAddress();
    Api.Response held = hold(address, place("ho-tich", "2026-11-24", "14:00"));
    String hold = held.json().getString("hold");
    String session = held.json().getString("session");
    assertThat(available("ho-tich", "2026-11-24", "14:00")).isEqualTo(2);
    assertThat(release(hold).status()).isEqualTo(204);
    assertThat(available("ho-tich", "2026-11-24", "14:00")).isEqualTo(3);
    assertThat(addressHolds(address)).isZero();
    assertThat(sessionHold(session)).isNull();
    assertThat(release(hold).status()).isEqualTo(204);
    assertThat(release("NoSuchHoldEverMintedHere").status()).isEqualTo(204);
    assertThat(release("not%20an%20id").code()).isEqualTo("invalid_hold");
    assertThat(app.api().method("DELETE", "/api/v1/offices/nowhere/holds/" + hold, null).status()).isEqualTo(404);
    // the session lives on: the next hold keeps it
    Api.Response again = hold(address, place("ho-tich", "2026-11-24", "14:00").put("session", session));
    assertThat(again.json().getString("session")).isEqualTo(session);
  }

  @Test
  void replacesMovesThePlaceOnlyForItsOwnSessionOrAddress() {
    String mine = newAddress();
    String theirs = newAddress();
    Api.Response a = hold(mine, place("chung-thuc", "2026-11-24", "08:00"));
    String hold = a.json().getString("hold");
    // another address and session naming my hold does not release it
    Api.Response stranger = hold(theirs, place("chung-thuc", "2026-11-24", "08:30").put("replaces", hold));
    assertThat(stranger.status()).isEqualTo(201);
    assertThat(available("chung-thuc", "2026-11-24", "08:00")).isEqualTo(5);
    // an older page without the session, from my address: replaces works
    Api.Response moved = hold(mine, place("chung-thuc", "2026-11-24", "09:00").put("replaces", hold));
    assertThat(moved.status()).isEqualTo(201);
    assertThat(available("chung-thuc", "2026-11-24", "08:00")).isEqualTo(6);
    assertThat(addressHolds(mine)).isEqualTo(1);
  }

  @Test
  void replacingTheOnlyPlaceOfASlotWithAnotherSlotsLastPlaceNeverLeavesBothOrNeither() {
    String date = "2026-11-25";
    String[] starts = {"07:30", "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"};
    for (int round = 0; round < starts.length; round += 2) {
      String from = starts[round];
      String to = starts[round + 1];
      // ho-tich has 3 places a slot: two are booked in each, one is left
      for (String start : List.of(from, to)) {
        for (int i = 0; i < 2; i++) {
          assertThat(book(newAddress(), place("ho-tich", date, start)).status()).isEqualTo(201);
        }
      }
      String me = newAddress();
      Api.Response mine = hold(me, place("ho-tich", date, from));
      assertThat(mine.status()).isEqualTo(201);
      assertThat(available("ho-tich", date, from)).isZero();
      // at once: I move to the other slot's last place, a stranger wants it too, another wants mine
      var move = holdAsync(me, place("ho-tich", date, to).put("session", mine.json().getString("session"))
          .put("replaces", mine.json().getString("hold")));
      var rivalForTo = holdAsync(newAddress(), place("ho-tich", date, to));
      var rivalForFrom = holdAsync(newAddress(), place("ho-tich", date, from));
      Api.Response moved = move.join();
      Api.Response rivalTo = rivalForTo.join();
      rivalForFrom.join();
      // whoever came first, I hold exactly one place: the old one or the new one, never both, never none
      boolean keptOld = held(date, from, mine.json().getString("hold"));
      boolean gotNew = moved.status() == 201 && held(date, to, moved.json().getString("hold"));
      assertThat(keptOld ^ gotNew).as("round " + round + ": kept " + keptOld + ", moved " + moved.body()).isTrue();
      assertThat(addressHolds(me)).isEqualTo(1);
      assertThat(gotNew ? rivalTo.code() : moved.code()).isEqualTo("slot_full");
      for (String start : List.of(from, to)) {
        long taken = Long.parseLong(RedisAdmin.sync(redis(), c -> c.hget(Keys.slotLedger("demo", "ho-tich", date), start)))
            + RedisAdmin.sync(redis(), c -> c.zcard(Keys.slotHolds("demo", "ho-tich", date, start)));
        assertThat(taken).as("places taken at " + start).isLessThanOrEqualTo(3);
      }
    }
  }

  private static boolean held(String date, String start, String hold) {
    return RedisAdmin.sync(redis(), c -> c.zscore(Keys.slotHolds("demo", "ho-tich", date, start), hold)) != null;
  }

  @Test
  void replacingInsideAFullSlotKeepsThePlace() {
    String date = "2026-11-26";
    for (int i = 0; i < 2; i++) {
      assertThat(book(newAddress(), place("ho-tich", date, "15:00")).status()).isEqualTo(201);
    }
    String me = newAddress();
    Api.Response mine = hold(me, place("ho-tich", date, "15:00"));
    // a reload picks the same slot again with the session: the slot is full, but the place is its own
    Api.Response again = hold(me, place("ho-tich", date, "15:00").put("session", mine.json().getString("session")));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(available("ho-tich", date, "15:00")).isZero();
    assertThat(hold(newAddress(), place("ho-tich", date, "15:00")).code()).isEqualTo("slot_full");
  }

  @Test
  void twoHundredParallelHoldsFromOneAddressGetExactlyTheCap() {
    holdsPerAddress(20);
    String address = newAddress();
    // 15 slots x 6 places of chung-thuc: far more places than the cap
    String[] starts = {"07:30", "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00",
        "14:30", "15:00", "15:30", "16:00", "16:30"};
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(holdAsync(address, place("chung-thuc", "2026-11-27", starts[i % starts.length])));
    }
    Map<Object, Long> outcome = calls.stream().map(CompletableFuture::join)
        .collect(Collectors.groupingBy(r -> r.status() == 201 ? 201 : r.code(), Collectors.counting()));
    // a slot that happened to fill first answers slot_full; every other refusal is the cap
    assertThat(outcome.get(201)).as(outcome.toString()).isEqualTo(20L);
    assertThat(outcome.keySet()).as(outcome.toString()).isSubsetOf(201, "too_many_holds", "slot_full");
    assertThat(outcome.get("too_many_holds")).isGreaterThan(150L);
    assertThat(addressHolds(address)).isEqualTo(20);
    Api.Response refused = hold(address, place("chung-thuc", "2026-11-28", "08:00"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().getString("message")).contains("giữ");
    // the cap is per address: another address is not affected, and the held places expire
    assertThat(hold(newAddress(), place("chung-thuc", "2026-11-28", "08:00")).status()).isEqualTo(201);
    app.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(hold(address, place("chung-thuc", "2026-11-28", "08:00")).status()).isEqualTo(201);
  }

  @Test
  void thirtySessionsBehindOneAddressEachBookTheirOwnPlaceAndTheCapRefusesTheOnePastIt() {
    holdsPerAddress(30);
    String nat = newAddress();
    String date = "2026-11-30";
    String[] starts = {"07:30", "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"};
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      calls.add(holdAsync(nat, place("chung-thuc", date, starts[i % starts.length])));
    }
    List<Api.Response> held = calls.stream().map(CompletableFuture::join).toList();
    assertThat(held).allMatch(r -> r.status() == 201);
    assertThat(held.stream().map(r -> r.json().getString("session")).distinct()).hasSize(30);
    Api.Response past = hold(nat, place("chung-thuc", date, "14:00"));
    assertThat(past.code()).isEqualTo("too_many_holds");
    // one of the thirty moves to another slot at the cap: its own place does not count against it
    JsonObject first = held.get(0).json();
    Api.Response moved = hold(nat, place("chung-thuc", date, "14:00").put("session", first.getString("session")));
    assertThat(moved.status()).as(moved.body()).isEqualTo(201);
    // each books the place it holds, in parallel; a booking converts its hold and leaves the address's count
    List<CompletableFuture<Api.Response>> bookings = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      JsonObject h = i == 0 ? moved.json() : held.get(i).json();
      String start = i == 0 ? "14:00" : starts[i % starts.length];
      int n = CITIZENS.incrementAndGet();
      JsonObject body = place("chung-thuc", date, start).put("hold", h.getString("hold"))
          .put("session", h.getString("session")).put("fullName", "Lê Thị Mai")
          .put("phone", String.format("097%07d", n)).put("citizenId", String.format("0013%02d%06d", n % 27, n));
      bookings.add(app.api().postAsync("/api/v1/offices/demo/appointments", body.encode(), "X-Forwarded-For", nat));
    }
    assertThat(bookings.stream().map(CompletableFuture::join).map(Api.Response::status)).containsOnly(201);
    assertThat(addressHolds(nat)).isZero();
    assertThat(sessionHold(first.getString("session"))).isNull();
    assertThat(hold(nat, place("chung-thuc", date, "15:00")).status()).isEqualTo(201);
  }

  @Test
  void aBookingWithItsSessionGivesBackThePlaceTheSessionStillHeldElsewhere() {
    String address = newAddress();
    Api.Response held = hold(address, place("lao-dong", "2026-11-24", "09:00"));
    String session = held.json().getString("session");
    int n = CITIZENS.incrementAndGet();
    JsonObject body = place("lao-dong", "2026-11-24", "10:00").put("session", session)
        .put("fullName", "Đỗ Văn Hùng").put("phone", String.format("096%07d", n))
        .put("citizenId", String.format("0011%02d%06d", 50 + n % 40, n));
    assertThat(app.api().post("/api/v1/offices/demo/appointments", body.encode()).status()).isEqualTo(201);
    assertThat(available("lao-dong", "2026-11-24", "09:00")).isEqualTo(3);
    assertThat(addressHolds(address)).isZero();
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswer() {
    String address = newAddress();
    JsonObject body = place("chung-thuc", "2026-11-26", "08:00");
    Api.Response first = hold(address, body, "Idempotency-Key", "hold-key-1");
    Api.Response replay = hold(address, body, "Idempotency-Key", "hold-key-1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(addressHolds(address)).isEqualTo(1);
    // the same key for another place is refused; another key is another hold
    assertThat(hold(address, place("chung-thuc", "2026-11-26", "08:30"), "Idempotency-Key", "hold-key-1")
        .code()).isEqualTo("idempotency_key_reused");
    Api.Response another = hold(address, body, "Idempotency-Key", "hold-key-2");
    assertThat(another.status()).isEqualTo(201);
    assertThat(another.json().getString("hold")).isNotEqualTo(first.json().getString("hold"));
    // parallel retries of one key: one hold
    String other = newAddress();
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(app.api().postAsync(HOLDS, body.encode(), "X-Forwarded-For", other, "Idempotency-Key", "k-par"));
    }
    List<Api.Response> answers = calls.stream().map(CompletableFuture::join).toList();
    assertThat(answers).allMatch(r -> r.status() == 201);
    assertThat(answers.stream().map(r -> r.json().getString("hold")).distinct()).hasSize(1);
    assertThat(addressHolds(other)).isEqualTo(1);
  }
}
