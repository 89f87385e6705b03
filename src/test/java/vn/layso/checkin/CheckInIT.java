package vn.layso.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.live.LivePrivacyIT;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Check-in end to end: the window's edges (30 min early, 15 late, a minute outside each), late
 * arrivals under both office policies, 20 parallel presses giving one ticket, the no-show sweep
 * giving the place back, clear refusals, and lobby events that say "appointment" and nothing more.
 * Bookings are made on Monday 2026-11-23 (the test clock's start) for Tuesday.
 */
class CheckInIT {

  private static final Instant MONDAY_9 = Instant.parse("2026-11-23T02:00:00Z");
  private static final String DAY = "2026-11-24";
  private static final AtomicInteger CITIZENS = new AtomicInteger(10);
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    JsonObject refusing = new JsonObject(new String(CheckInIT.class.getResourceAsStream("/seed/demo-office.json")
        .readAllBytes(), StandardCharsets.UTF_8)).put("id", "refuse");
    refusing.getJsonObject("booking").put("lateArrival", "refuse");
    var file = TestOffices.write(refusing);
    app = TestApp.start(env -> {
      env.put("OFFICES_FILE", file.toString());
      env.put("TOKEN_TTL_HOURS", "2000");
    });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Tuesday, local time hh:mm (+07:00). */
  private static Instant tuesday(String hhmm) {
    return Instant.parse(DAY + "T" + hhmm + ":00Z").minusSeconds(7 * 3600);
  }

  private static String book(String office, String service, String start) {
    Instant was = app.clock().instant();
    app.clock().set(MONDAY_9);
    int n = CITIZENS.incrementAndGet();
    JsonObject body = new JsonObject().put("service", service).put("date", DAY).put("start", start)
        .put("fullName", "Trần Thị Bình").put("phone", String.format("0912 345 %03d", n))
        .put("citizenId", String.format("001203012%03d", n));
    Api.Response r = app.api().post("/api/v1/offices/" + office + "/appointments", body.encode());
    app.clock().set(was.isAfter(MONDAY_9) ? was : MONDAY_9);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("code");
  }

  private static Api.Response checkIn(String office, String code, String... headers) {
    return app.api().post("/api/v1/offices/" + office + "/check-in", new JsonObject().put("code", code).encode(),
        headers);
  }

  private static String status(String code) {
    return app.api().get("/api/v1/appointments/" + code).json().getString("status");
  }

  @Test
  void theWindowRunsFrom30MinutesEarlyTo15LateBothEndsIncluded() {
    String early = book("demo", "ho-tich", "09:30");
    String onTime = book("demo", "ho-tich", "10:00");
    String late = book("demo", "ho-tich", "10:30");

    app.clock().set(tuesday("08:59"));
    Api.Response tooEarly = checkIn("demo", early);
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.code()).isEqualTo("check_in_too_early");
    assertThat(tooEarly.json().getString("opensAt")).isEqualTo("2026-11-24T09:00+07:00");
    assertThat(tooEarly.json().getString("message")).contains("09:00").contains("09:30");
    assertThat(status(early)).isEqualTo("BOOKED");

    app.clock().set(tuesday("09:00"));
    Api.Response in = checkIn("demo", early);
    assertThat(in.status()).as(in.body()).isEqualTo(201);
    assertThat(in.json().getBoolean("appointment")).isTrue();
    assertThat(in.json().getString("slot")).isEqualTo("09:30");
    assertThat(in.json().containsKey("lateArrival")).isFalse();
    assertThat(status(early)).isEqualTo("CHECKED_IN");

    app.clock().set(tuesday("10:15"));
    Api.Response lastMinute = checkIn("demo", onTime);
    assertThat(lastMinute.status()).isEqualTo(201);
    assertThat(lastMinute.json().getBoolean("appointment")).isTrue();

    // one minute after the window: the demo office makes late arrivals walk-ins
    app.clock().set(tuesday("10:46"));
    Api.Response walkIn = checkIn("demo", late);
    assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
    assertThat(walkIn.json().getBoolean("lateArrival")).isTrue();
    assertThat(walkIn.json().containsKey("appointment")).isFalse();
    assertThat(status(late)).isEqualTo("CHECKED_IN");
    // the late one's place in the 10:30 slot is given back
    assertThat(ledger("demo", "ho-tich", "10:30")).isEqualTo("0");
    // and pressing again gives the same walk-in ticket
    Api.Response again = checkIn("demo", late);
    assertThat(again.json().getString("id")).isEqualTo(walkIn.json().getString("id"));
    assertThat(again.json().getBoolean("lateArrival")).isTrue();
  }

  @Test
  void anOfficeThatRefusesLateArrivalsSaysCheckInClosed() {
    String code = book("refuse", "ho-tich", "14:00");
    app.clock().set(tuesday("14:15"));
    String onTheEdge = book("refuse", "ho-tich", "14:30");
    app.clock().set(tuesday("14:16"));
    Api.Response closed = checkIn("refuse", code);
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.code()).isEqualTo("check_in_closed");
    assertThat(closed.json().getString("message")).contains("14:15");
    assertThat(status(code)).isEqualTo("BOOKED");
    assertThat(checkIn("refuse", onTheEdge).status()).isEqualTo(201);
  }

  @Test
  void twentyParallelPressesGiveOneTicket() {
    String code = book("demo", "chung-thuc", "15:00");
    app.clock().set(tuesday("14:50"));
    String staff = app.tokenFor("tiep-nhan-1", "STAFF", "demo");
    List<CompletableFuture<Api.Response>> presses = IntStream.range(0, 20).mapToObj(i -> app.api().postAsync(
        "/api/v1/offices/demo/check-in", new JsonObject().put("code", code.toLowerCase()).encode(),
        i % 2 == 0 ? new String[] {"Idempotency-Key", "press-" + i, "token", staff}
            : new String[] {"Idempotency-Key", "press-" + i})).toList();
    var ids = presses.stream().map(CompletableFuture::join).map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      return r.json().getString("id");
    }).distinct().toList();
    assertThat(ids).hasSize(1);
    String queue = Keys.queue("demo", "20261124", "chung-thuc");
    long queued = RedisAdmin.sync(app.server().embeddedRedis().uri(), c -> c.zcard(queue));
    assertThat(queued).isEqualTo(1);
  }

  @Test
  void theSweepMarksNoShowsAfterTheWindowAndGivesThePlaceBack() {
    String away = book("demo", "lao-dong", "16:00");
    String here = book("demo", "lao-dong", "16:00");
    assertThat(ledger("demo", "lao-dong", "16:00")).isEqualTo("2");
    app.clock().set(tuesday("16:10"));
    assertThat(checkIn("demo", here).status()).isEqualTo(201);
    app.clock().set(tuesday("16:15"));
    app.server().noShows().sweep().toCompletionStage().toCompletableFuture().join();
    assertThat(status(away)).isEqualTo("BOOKED");
    app.clock().set(tuesday("16:16"));
    int marked = app.server().noShows().sweep().toCompletionStage().toCompletableFuture().join();
    assertThat(marked).isGreaterThanOrEqualTo(1);
    assertThat(status(away)).isEqualTo("NO_SHOW");
    assertThat(status(here)).isEqualTo("CHECKED_IN");
    assertThat(ledger("demo", "lao-dong", "16:00")).isEqualTo("1");
    // a second sweep (another server) changes nothing
    app.server().noShows().sweep().toCompletionStage().toCompletableFuture().join();
    assertThat(ledger("demo", "lao-dong", "16:00")).isEqualTo("1");
    Api.Response late = checkIn("demo", away);
    assertThat(late.code()).isEqualTo("check_in_closed");
  }

  @Test
  void refusalsAreClear() {
    String other = book("refuse", "ho-tich", "08:00");
    String tomorrow = book("demo", "ho-tich", "08:30");
    app.clock().set(MONDAY_9);
    assertThat(checkIn("demo", tomorrow).code()).isEqualTo("check_in_wrong_day");
    app.clock().set(tuesday("08:00"));
    assertThat(checkIn("demo", other).code()).isEqualTo("appointment_other_office");
    assertThat(checkIn("demo", "ACDE-FGH").status()).isEqualTo(400);
    assertThat(checkIn("demo", "not a code").code()).isEqualTo("check_in_code_invalid");
    Api.Response unknown = checkIn("demo", "AAAA-AAAA");
    assertThat(unknown.status()).isIn(400, 404);
  }

  @Test
  void lobbyEventsSayAppointmentWithItsSlotAndNothingPersonal() throws Exception {
    String code = book("demo", "xay-dung", "13:30");
    app.clock().set(tuesday("13:20"));
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      Api.Response in = checkIn("demo", code);
      assertThat(in.status()).as(in.body()).isEqualTo(201);
      JsonObject issued = screen.await(m -> "ticket.issued".equals(m.getString("type")));
      JsonObject ticket = issued.getJsonObject("ticket");
      assertThat(ticket.getBoolean("appointment")).isTrue();
      assertThat(ticket.getString("slot")).isEqualTo("13:30");
      assertThat(ticket.fieldNames()).isSubsetOf(LivePrivacyIT.PUBLIC_TICKET_FIELDS);
      String text = issued.encode();
      assertThat(text).doesNotContain(code).doesNotContain("Bình").doesNotContain("0912")
          .doesNotContain(in.json().getString("id"));
    }
  }

  private static String ledger(String office, String service, String start) {
    String value = RedisAdmin.sync(app.server().embeddedRedis().uri(),
        c -> c.hget(Keys.slotLedger(office, service, DAY), start));
    return value == null ? "0" : value;
  }
}
