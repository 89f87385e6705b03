package vn.layso.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.booking.PersonalDataKey;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Walk-ins issued to a scanned CCCD card: only from a kiosk or staff, counted in the same per-citizen
 * limits as bookings (both ways, and under 200 parallel scans), the required mode, and nothing of
 * the card kept but its keyed hash and last four digits. The demo office allows 2 a day, 1 a field.
 */
class CitizenCardIT {

  /** Monday 23/11/2026 09:00 in Hà Nội. */
  static final Instant MONDAY_9AM = Instant.parse("2026-11-23T02:00:00Z");
  static final String TICKETS = "/api/v1/offices/demo/tickets";
  static final String SETTINGS = "/api/v1/offices/demo/settings";
  static TestApp app;
  static String kiosk;
  static String staff;
  static int citizens = 0;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    app.clock().set(MONDAY_9AM);
    Api.Response paired = app.api().post("/api/v1/offices/demo/devices",
        new JsonObject().put("name", "kiosk-the").put("kind", "kiosk").encode(), "token", app.adminToken());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    kiosk = paired.json().getString("token");
    staff = app.tokenFor("thu-the", "staff", "demo");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void monday() {
    app.clock().set(MONDAY_9AM);
  }

  @AfterEach
  void cardOff() {
    app.clock().set(MONDAY_9AM);
    settings(doc -> doc.put("citizenCard", new JsonObject().put("atKiosk", "off")));
  }

  /** Another citizen's card each time: a man born in 1999 in Hà Nội, as his card's QR reads. */
  static Card someone() {
    int n = ++citizens;
    String cccd = String.format("0010990%05d", 10000 + n);
    return new Card(cccd, cccd + "|123456789|Nguyễn Văn An|15061999|Nam|Số 12 Tràng Tiền, Hoàn Kiếm, Hà Nội|10082021");
  }

  record Card(String cccd, String qr) {
    String last4() {
      return cccd.substring(8);
    }
  }

  static String body(String service, Card card) {
    JsonObject body = new JsonObject().put("service", service);
    if (card != null) {
      body.put("citizenCard", card.qr());
    }
    return body.encode();
  }

  static Api.Response issue(String service, Card card, String token, String... more) {
    List<String> headers = new ArrayList<>(List.of("token", token));
    headers.addAll(List.of(more));
    return app.api().post(TICKETS, body(service, card), headers.toArray(String[]::new));
  }

  static Api.Response book(Card card, String service, String date, String start, int n) {
    return app.api().post("/api/v1/offices/demo/appointments", new JsonObject().put("service", service)
        .put("date", date).put("start", start).put("fullName", "Nguyễn Văn An")
        .put("phone", String.format("0912%06d", n)).put("citizenId", card.cccd()).encode());
  }

  static void assertRefused(Api.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.json().getString("message")).isNotBlank();
  }

  static String uri() {
    return app.server().embeddedRedis().uri();
  }

  /** Changes the demo office's settings as a manager would, and waits until they are in effect. */
  static void settings(Consumer<JsonObject> change) {
    JsonObject doc = app.api().get(SETTINGS, "token", app.adminToken()).json();
    String revision = String.valueOf(doc.getValue("revision"));
    change.accept(doc);
    Api.Response put = app.api().method("PUT", SETTINGS, doc.encode(), "token", app.adminToken(),
        "Content-Type", "application/json", "If-Match", revision);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonObject wanted = doc.getJsonObject("citizenCard");
    await().atMost(Duration.ofSeconds(10)).until(() ->
        app.api().get("/api/v1/offices/demo").json().getJsonObject("citizenCard").equals(wanted));
  }

  @Test
  void onlyAKioskOrStaffMaySendACard() {
    assertRefused(app.api().post(TICKETS, body("ho-tich", someone())), 403, "card_needs_kiosk");
    // a lobby display is no kiosk
    Api.Response display = app.api().post("/api/v1/offices/demo/devices",
        new JsonObject().put("name", "man-hinh-the").put("kind", "display").encode(), "token", app.adminToken());
    assertThat(issue("ho-tich", someone(), display.json().getString("token")).status()).isEqualTo(403);
  }

  @Test
  void aTextThatIsNotACardIsRefusedAndCountsNothing() {
    Card forged = new Card("001099012399", "001099012399|123456789|Nguyễn Văn An|15061998|Nam");
    Api.Response r = issue("ho-tich", forged, kiosk);
    assertRefused(r, 400, "invalid_citizen_card");
    assertThat(r.json().getString("reason")).isEqualTo("birth_year_mismatch");
    assertRefused(issue("ho-tich", new Card("x", "https://example.com/?q=1"), kiosk), 400, "invalid_citizen_card");
    assertRefused(app.api().post(TICKETS, new JsonObject().put("service", "ho-tich")
        .put("citizenCard", "0".repeat(513)).encode(), "token", kiosk), 400, "field_too_long");
  }

  @Test
  void twoBookingsLeaveNoWalkInForTheDay() {
    Card card = someone();
    // booked for Tuesday in two fields: the day's two
    assertThat(book(card, "ho-tich", "2026-11-24", "09:00", 1).status()).isEqualTo(201);
    assertThat(book(card, "chung-thuc", "2026-11-24", "09:00", 2).status()).isEqualTo(201);
    app.clock().set(MONDAY_9AM.plus(Duration.ofDays(1)));
    Api.Response walkIn = issue("dat-dai", card, kiosk);
    assertRefused(walkIn, 409, "limit_reached");
    assertThat(walkIn.json().getString("limit")).isEqualTo("day");
    // the same at a staff desk; another citizen still gets a number
    assertRefused(issue("dat-dai", card, app.login("thu-the", "password-of-thu-the")), 409, "limit_reached");
    assertThat(issue("dat-dai", someone(), kiosk).status()).isEqualTo(201);
    // without the card the kiosk still issues (the office does not require it)
    assertThat(issue("dat-dai", null, kiosk).status()).isEqualTo(201);
  }

  @Test
  void aWalkInCountsAgainstTheDaysBookings() {
    settings(doc -> doc.getJsonObject("booking").put("minDaysAhead", 0));
    try {
      Card card = someone();
      assertThat(issue("ho-tich", card, kiosk).status()).isEqualTo(201);
      // one a field: a second walk-in or a booking in the same field is refused
      Api.Response again = issue("ho-tich", card, kiosk);
      assertRefused(again, 409, "limit_reached");
      assertThat(again.json().getString("limit")).isEqualTo("field");
      assertRefused(book(card, "ho-tich", "2026-11-23", "14:00", 3), 409, "limit_reached");
      // the day's second in another field, then nothing more
      assertThat(book(card, "chung-thuc", "2026-11-23", "14:00", 4).status()).isEqualTo(201);
      assertRefused(book(card, "lao-dong", "2026-11-23", "14:00", 5), 409, "limit_reached");
      assertRefused(issue("dat-dai", card, kiosk), 409, "limit_reached");
    } finally {
      settings(doc -> doc.getJsonObject("booking").put("minDaysAhead", 1));
    }
  }

  @Test
  void twoHundredParallelScansOfOneCardGetTheDaysTwoNumbers() {
    Card card = someone();
    List<String> fields = List.of("dat-dai", "ho-tich", "chung-thuc", "lao-dong");
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(app.api().postAsync(TICKETS, body(fields.get(i % 4), card), "token", kiosk));
    }
    List<Api.Response> answers = calls.stream().map(CompletableFuture::join).toList();
    Map<Object, Long> outcome = answers.stream()
        .collect(Collectors.groupingBy(r -> r.status() == 201 ? 201 : r.code(), Collectors.counting()));
    assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of(201, 2L, "limit_reached", 198L));
    List<String> issuedFields = answers.stream().filter(r -> r.status() == 201)
        .map(r -> r.json().getString("service")).toList();
    assertThat(issuedFields).doesNotHaveDuplicates();
    Map<String, String> counted = RedisAdmin.sync(uri(), c -> c.hgetall(Keys.citizenDay("demo", "2026-11-23", "c", hashOf(card))));
    assertThat(counted.values()).containsExactlyInAnyOrderElementsOf(issuedFields);
  }

  @Test
  void theRequiredModeTurnsAwayAKioskWithoutACardButNotStaff() {
    settings(doc -> doc.put("citizenCard", new JsonObject().put("atKiosk", "required")));
    assertRefused(issue("xay-dung", null, kiosk), 400, "citizen_card_required");
    assertThat(issue("xay-dung", null, staff).status()).isEqualTo(201);
    assertThat(issue("xay-dung", someone(), kiosk).status()).isEqualTo(201);
  }

  @Test
  void aRepeatedScanWithItsIdempotencyKeyIsCountedOnce() {
    Card card = someone();
    Api.Response first = issue("lao-dong", card, kiosk, "Idempotency-Key", "scan-1");
    Api.Response again = issue("lao-dong", card, kiosk, "Idempotency-Key", "scan-1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    Long counted = RedisAdmin.sync(uri(), c -> c.hlen(Keys.citizenDay("demo", "2026-11-23", "c", hashOf(card))));
    assertThat(counted).isEqualTo(1L);
  }

  @Test
  void theStoredTicketKeepsOnlyTheLastFourDigits() {
    Card card = someone();
    Api.Response issued = issue("dang-ky-kinh-doanh", card, kiosk);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String id = issued.json().getString("id");
    assertThat(issued.body()).doesNotContain(card.last4() + "\"").doesNotContain("card");
    assertThat(app.api().get("/api/v1/tickets/" + id).body()).doesNotContain("card");
    String stored = RedisAdmin.sync(uri(), c -> c.hgetall(Keys.ticket("demo", id))).toString();
    String last4 = RedisAdmin.sync(uri(), c -> c.hget(Keys.ticket("demo", id), "cardLast4"));
    assertThat(last4).isEqualTo(card.last4());
    assertThat(stored).doesNotContain(card.cccd().substring(0, 9)).doesNotContain("Nguyễn")
        .doesNotContain("15061999").doesNotContain("Tràng Tiền");
    // nowhere in Redis: no key or value holds the card's number, birth date or address
    List<String> everything = RedisAdmin.sync(uri(), c -> {
      List<String> found = new ArrayList<>();
      for (String key : c.keys("*")) {
        found.add(key);
        switch (c.type(key)) {
          case "string" -> found.add(c.get(key));
          case "hash" -> c.hgetall(key).forEach((f, v) -> found.add(f + "=" + v));
          case "list" -> found.addAll(c.lrange(key, 0, -1));
          case "set" -> found.addAll(c.smembers(key));
          case "zset" -> found.addAll(c.zrange(key, 0, -1));
          default -> { }
        }
      }
      return found;
    });
    assertThat(everything).isNotEmpty().noneMatch(s -> s.contains(card.cccd()) || s.contains(card.cccd().substring(0, 8))
        || s.contains("15061999") || s.contains("Tràng Tiền"));
  }

  /** The keyed hash the server keeps (from the personal-data key file in its DATA_DIR). */
  static String hashOf(Card card) {
    try {
      return PersonalDataKey.fromFile(app.config().dataDir()).citizenId(card.cccd());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
