package vn.layso.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Phone verification (booking.verifyPhone) end to end against the fake Zalo: the code arrives in
 * the ZNS OTP request shape (or by the SMS hook) and verifies the hold it was sent for, and only
 * that one; wrong, expired, locked and too-early codes are refused; booking needs the verified
 * hold; synthetic phone/CCCD pairs stop buying places; parallel guesses count exactly.
 */
class PhoneVerificationIT {

  // the test clock starts on Monday 2026-11-23 at 09:00 in Hà Nội; Tuesday is bookable
  static final String DAY = "2026-11-24";
  static final String FIELD = "chung-thuc";
  static FakeZalo zalo;
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      zalo.configureOtp(env);
      // the hold-drain test comes from many addresses (X-Forwarded-For through a trusted proxy)
      env.put("TRUSTED_PROXIES", "127.0.0.1");
    });
    verifyPhones(app, true);
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  /** Turns booking.verifyPhone on or off for the demo office (holds of 15 minutes: room for a code). */
  static Api.Response verifyPhones(TestApp app, boolean on) {
    Api.Response read = app.api().get("/api/v1/offices/demo/settings", "token", app.adminToken());
    JsonObject doc = read.json();
    doc.getJsonObject("booking").put("verifyPhone", on).put("holdMinutes", 15);
    Api.Response saved = app.api().method("PUT", "/api/v1/offices/demo/settings", doc.encode(), "token",
        app.adminToken(), "Content-Type", "application/json", "If-Match", read.headers().firstValue("ETag").orElseThrow());
    if (saved.status() == 200) {
      assertThat(app.api().get("/api/v1/offices/demo").json().getJsonObject("booking").getBoolean("verifyPhone"))
          .isEqualTo(on);
    }
    return saved;
  }

  static String hold(String start) {
    Api.Response r = app.api().post("/api/v1/offices/demo/holds",
        new JsonObject().put("service", FIELD).put("date", DAY).put("start", start).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("hold");
  }

  static Api.Response tryHold(String address, String start) {
    return tryHold(address, FIELD, start);
  }

  static Api.Response tryHold(String address, String field, String start) {
    return app.api().post("/api/v1/offices/demo/holds",
        new JsonObject().put("service", field).put("date", DAY).put("start", start).encode(),
        "X-Forwarded-For", address, "Content-Type", "application/json");
  }

  /** A hold taken from that address. */
  static String holdFrom(String address, String start) {
    Api.Response r = tryHold(address, start);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("hold");
  }

  /** Places left in one slot of the day, as the booking page reads them. */
  static int available(String start) {
    return available(FIELD, start);
  }

  static int available(String field, String start) {
    var slots = app.api().get("/api/v1/offices/demo/slots?service=" + field + "&date=" + DAY).array();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.getJsonObject(i).getString("start").equals(start)) {
        return slots.getJsonObject(i).getInteger("available");
      }
    }
    throw new AssertionError("no slot " + start);
  }

  static Api.Response send(String hold, String phone) {
    return app.api().post("/api/v1/offices/demo/holds/" + hold + "/verification",
        new JsonObject().put("phone", phone).encode());
  }

  static Api.Response confirm(String hold, String code) {
    return app.api().post("/api/v1/offices/demo/holds/" + hold + "/verification/confirm",
        new JsonObject().put("code", code).encode());
  }

  static Api.Response book(String hold, String start, String phone, String cccd) {
    JsonObject body = new JsonObject().put("service", FIELD).put("date", DAY).put("start", start)
        .put("fullName", "Trần Thị Bình").put("phone", phone).put("citizenId", cccd);
    if (hold != null) {
      body.put("hold", hold);
    }
    return app.api().post("/api/v1/offices/demo/appointments", body.encode());
  }

  /** The code the fake Zalo delivered to this number (0912… -> 84912…) for the last send. */
  static String codeFor(String phone) {
    return zalo.lastOtp("84" + phone.substring(1));
  }

  /** Sends a code for the hold and confirms it with what the phone received. */
  static void verify(String hold, String phone) {
    Api.Response sent = send(hold, phone);
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    Api.Response ok = confirm(hold, codeFor(phone));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
  }

  static String other(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  @Test
  void theCodeArrivesInTheZnsOtpShapeVerifiesAndLetsTheHoldBook() {
    String phone = "0912000001";
    String hold = hold("07:30");
    Api.Response sent = send(hold, "0912 000 001");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.headers().firstValue("Cache-Control")).contains("no-store");
    JsonObject s = sent.json();
    assertThat(s.getString("channel")).isEqualTo("zalo");
    assertThat(s.getString("phone")).isEqualTo("091****001");
    assertThat(Duration.between(app.clock().instant(), java.time.Instant.parse(s.getString("expiresAt"))))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Duration.between(app.clock().instant(), java.time.Instant.parse(s.getString("resendAfter"))))
        .isEqualTo(Duration.ofSeconds(60));

    JsonObject message = zalo.messages().stream().filter(m -> "1006".equals(m.getString("template_id")))
        .filter(m -> m.getString("phone").equals("84912000001")).findFirst().orElseThrow();
    assertThat(message.getJsonObject("template_data").fieldNames()).containsExactly("otp");
    String code = message.getJsonObject("template_data").getString("otp");
    assertThat(code).matches("\\d{6}");
    assertThat(message.getString("tracking_id")).doesNotContain(code).doesNotContain("912000001");
    assertThat(zalo.violations()).isEmpty();

    // Redis keeps hashes: neither the code nor the phone
    Map<String, String> record = RedisAdmin.sync(app.server().embeddedRedis().uri(),
        c -> c.hgetall(Keys.hold("demo", hold)));
    assertThat(record.get("otpCode")).matches("[0-9a-f]{64}");
    assertThat(record.values()).doesNotContain(code).allSatisfy(v -> assertThat(v).doesNotContain("912000001"));

    assertThat(book(hold, "07:30", phone, "001203000001").code()).isEqualTo("phone_not_verified");
    Api.Response ok = confirm(hold, code);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    // the verified hold keeps its place for a fresh hold time (15 minutes here) from now
    assertThat(ok.json()).isEqualTo(new JsonObject().put("verified", true).put("phone", "091****001")
        .put("expiresAt", app.clock().instant().plus(Duration.ofMinutes(15)).toString()));
    // a code is spent once
    assertThat(confirm(hold, code).code()).isEqualTo("otp_expired");

    Api.Response booked = book(hold, "07:30", "+84912000001", "001203000001");
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
  }

  @Test
  void bookingNeedsALiveHoldVerifiedForTheSamePhone() {
    String phone = "0912000002";
    assertThat(book(null, "08:00", phone, "001203000002").status()).isEqualTo(400);
    assertThat(book(null, "08:00", phone, "001203000002").code()).isEqualTo("hold_required");
    String hold = hold("08:00");
    Api.Response unverified = book(hold, "08:00", phone, "001203000002");
    assertThat(unverified.status()).isEqualTo(409);
    assertThat(unverified.code()).isEqualTo("phone_not_verified");
    assertThat(unverified.json().getString("message")).contains("xác minh");

    verify(hold, phone);
    // verified for 0912000002: another phone on that hold is not
    assertThat(book(hold, "08:00", "0912000003", "001203000003").code()).isEqualTo("phone_not_verified");
    // nor is the hold good for another slot
    assertThat(book(hold, "08:30", phone, "001203000002").code()).isEqualTo("hold_required");
    assertThat(book(hold, "08:00", phone, "001203000002").status()).isEqualTo(201);
    // the hold was converted: it cannot book again
    assertThat(book(hold, "08:00", phone, "001203000004").code()).isEqualTo("hold_required");
  }

  @Test
  void threeWrongCodesLockTheCodeUntilANewOne() {
    String phone = "0912000005";
    String hold = hold("09:00");
    assertThat(send(hold, phone).status()).isEqualTo(202);
    String code = codeFor(phone);
    Api.Response first = confirm(hold, other(code));
    assertThat(first.status()).isEqualTo(400);
    assertThat(first.code()).isEqualTo("otp_wrong");
    assertThat(first.json().getInteger("triesLeft")).isEqualTo(2);
    assertThat(first.json().getString("message")).isEqualTo("Mã xác minh không đúng. Bạn còn 2 lần thử.");
    assertThat(confirm(hold, other(code)).json().getInteger("triesLeft")).isEqualTo(1);
    assertThat(confirm(hold, other(code)).json().getInteger("triesLeft")).isEqualTo(0);
    Api.Response locked = confirm(hold, code);
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.code()).isEqualTo("otp_locked");
    assertThat(confirm(hold, "12345").code()).isEqualTo("invalid_otp");

    // a new code (after the resend interval) has its own tries; the locked one stays dead
    app.clock().advance(Duration.ofSeconds(61));
    assertThat(send(hold, phone).status()).isEqualTo(202);
    String fresh = codeFor(phone);
    if (!fresh.equals(code)) {
      assertThat(confirm(hold, code).code()).isEqualTo("otp_wrong");
    }
    assertThat(confirm(hold, fresh).status()).isEqualTo(200);
  }

  @Test
  void anExpiredCodeIsRefused() {
    String phone = "0912000006";
    String hold = hold("09:30");
    assertThat(send(hold, phone).status()).isEqualTo(202);
    String code = codeFor(phone);
    app.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
    Api.Response late = confirm(hold, code);
    assertThat(late.status()).isEqualTo(410);
    assertThat(late.code()).isEqualTo("otp_expired");
    assertThat(book(hold, "09:30", phone, "001203000006").code()).isEqualTo("phone_not_verified");
  }

  @Test
  void aResendTooSoonIsRefusedWithRetryAfterAndTheNewCodeReplacesTheOld() {
    String phone = "0912000007";
    String hold = hold("10:00");
    assertThat(send(hold, phone).status()).isEqualTo(202);
    String first = codeFor(phone);
    // the codes sent to this phone: other tests' confirmations reach the same fake Zalo meanwhile
    java.util.function.Supplier<Long> codesSent = () -> zalo.messages().stream()
        .filter(m -> "84912000007".equals(m.getString("phone"))).count();
    long sent = codesSent.get();
    app.clock().advance(Duration.ofSeconds(20));
    Api.Response soon = send(hold, phone);
    assertThat(soon.status()).isEqualTo(429);
    assertThat(soon.code()).isEqualTo("otp_resend_wait");
    assertThat(soon.headers().firstValue("Retry-After")).contains("40");
    assertThat(soon.json().getString("message")).isEqualTo("Vui lòng chờ 40 giây trước khi gửi lại mã.");
    assertThat(codesSent.get()).isEqualTo(sent);

    app.clock().advance(Duration.ofSeconds(40));
    assertThat(send(hold, phone).status()).isEqualTo(202);
    String second = codeFor(phone);
    if (!second.equals(first)) {
      assertThat(confirm(hold, first).code()).isEqualTo("otp_wrong");
    }
    assertThat(confirm(hold, second).status()).isEqualTo(200);
  }

  @Test
  void sendsAreCappedPerHold() {
    String hold = hold("10:30");
    for (int i = 0; i < 5; i++) {
      assertThat(send(hold, "091200002" + i).status()).isEqualTo(202);
      app.clock().advance(Duration.ofSeconds(60));
    }
    Api.Response capped = send(hold, "0912000029");
    assertThat(capped.status()).isEqualTo(429);
    assertThat(capped.code()).isEqualTo("otp_send_limit");
  }

  @Test
  void aCodeForHoldADoesNotVerifyHoldB() {
    String phone = "0912000008";
    String a = hold("11:00");
    String b = hold("11:00");
    assertThat(send(a, phone).status()).isEqualTo(202);
    String codeA = codeFor(phone);
    // nothing was sent for B: A's code finds no code there
    assertThat(confirm(b, codeA).code()).isEqualTo("otp_expired");
    assertThat(send(b, phone).status()).isEqualTo(202);
    String codeB = codeFor(phone);
    if (!codeB.equals(codeA)) {
      assertThat(confirm(b, codeA).code()).isEqualTo("otp_wrong");
    }
    assertThat(confirm(a, codeA).status()).isEqualTo(200);
    // A verified; B still is not
    assertThat(book(b, "11:00", phone, "001203000008").code()).isEqualTo("phone_not_verified");
    assertThat(book(a, "11:00", phone, "001203000008").status()).isEqualTo(201);
  }

  @Test
  void theSmsHookCarriesTheCodeWhenTheNumberHasNoZalo() {
    String phone = "0912000009";
    zalo.noZaloAccount("84912000009");
    String hold = hold("13:30");
    Api.Response sent = send(hold, phone);
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(sent.json().getString("channel")).isEqualTo("sms");
    JsonObject sms = zalo.sms().stream().filter(m -> m.getString("phone").equals("84912000009")).findFirst()
        .orElseThrow();
    Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(sms.getString("text"));
    assertThat(code.find()).isTrue();
    assertThat(confirm(hold, code.group(1)).status()).isEqualTo(200);
    assertThat(zalo.violations()).isEmpty();
  }

  @Test
  void whenNoChannelDeliversTheCodeIsTakenBackAndCostsNothing() {
    String phone = "0912000013";
    String hold = hold("14:30");
    zalo.down(true);
    try {
      Api.Response down = send(hold, phone);
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.code()).isEqualTo("verification_unavailable");
    } finally {
      zalo.down(false);
    }
    // no code is pending, and the citizen may ask again at once
    assertThat(confirm(hold, "123456").code()).isEqualTo("otp_expired");
    verify(hold, phone);
  }

  @Test
  void twoHundredParallelWrongCodesCountThreeTries() {
    String phone = "0912000010";
    String hold = hold("14:00");
    assertThat(send(hold, phone).status()).isEqualTo(202);
    String code = codeFor(phone);
    String body = new JsonObject().put("code", other(code)).encode();
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(app.api().postAsync("/api/v1/offices/demo/holds/" + hold + "/verification/confirm", body,
          "Content-Type", "application/json"));
    }
    List<Api.Response> answers = calls.stream().map(CompletableFuture::join).toList();
    assertThat(answers.stream().filter(r -> r.status() == 400).map(r -> r.json().getInteger("triesLeft")))
        .containsExactlyInAnyOrder(2, 1, 0);
    assertThat(answers.stream().filter(r -> r.status() == 409).map(Api.Response::code))
        .hasSize(197).containsOnly("otp_locked");
    assertThat(confirm(hold, code).code()).isEqualTo("otp_locked");
  }

  /**
   * One person with one real phone and a list of made-up phone/CCCD pairs: without verification
   * every pair books a place; with it only the real phone books, and only up to its limits.
   */
  @Test
  void syntheticPhonesBuyNothingWithVerification() {
    try {
      assertThat(verifyPhones(app, false).status()).isEqualTo(200);
      int off = 0;
      for (int i = 0; i < 4; i++) {
        if (book(hold("15:00"), "15:00", "09330000" + (10 + i), "0012030100" + (10 + i)).status() == 201) {
          off++;
        }
      }
      assertThat(off).isEqualTo(4);
    } finally {
      assertThat(verifyPhones(app, true).status()).isEqualTo(200);
    }

    String real = "0912000011";
    int on = 0;
    List<String> refusals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String hold = hold("15:30");
      verify(hold, real);
      Api.Response r = book(hold, "15:30", real, "0012030200" + (10 + i));
      if (r.status() == 201) {
        on++;
      } else {
        refusals.add(r.code());
      }
      app.clock().advance(Duration.ofSeconds(61));
    }
    for (int i = 0; i < 4; i++) {
      String fake = "09340000" + (10 + i);
      String hold = hold("16:00");
      assertThat(send(hold, fake).status()).isEqualTo(202);
      // the code went to that number's owner: a guess is all the caller has
      confirm(hold, "000000");
      Api.Response r = book(hold, "16:00", fake, "0012030300" + (10 + i));
      if (r.status() == 201) {
        on++;
      } else {
        refusals.add(r.code());
      }
    }
    assertThat(on).isEqualTo(1);
    assertThat(refusals).containsOnly("limit_reached", "phone_not_verified").contains("limit_reached");
  }

  /**
   * The hold drain with verification on: a script's holds from 50 addresses (no phone verified)
   * take no place, so the slot stays open to everyone, and an honest citizen verifies and books it.
   */
  @Test
  void unverifiedHoldsFromFiftyAddressesLeaveEveryPlaceToAnHonestCitizen() {
    String start = "16:30";
    int capacity = available(start);
    assertThat(capacity).isPositive();
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    String body = new JsonObject().put("service", FIELD).put("date", DAY).put("start", start).encode();
    for (int i = 0; i < 50; i++) {
      calls.add(app.api().postAsync("/api/v1/offices/demo/holds", body, "X-Forwarded-For",
          "203.0.113." + (10 + i), "Content-Type", "application/json"));
    }
    List<Api.Response> answers = calls.stream().map(CompletableFuture::join).toList();
    // each is a hold (the address and session limits still apply), none keeps a place
    assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
    assertThat(available(start)).isEqualTo(capacity);
    String slotHolds = Keys.slotHolds("demo", FIELD, DAY, start);
    Long counted = RedisAdmin.sync(app.server().embeddedRedis().uri(), c -> c.zcard(slotHolds));
    assertThat(counted).isZero();
    String attackerHold = answers.get(0).json().getString("hold");
    String mark = RedisAdmin.sync(app.server().embeddedRedis().uri(), c -> c.hget(Keys.hold("demo", attackerHold),
        "counted"));
    assertThat(mark).isEqualTo("0");

    String phone = "0912000014";
    String hold = holdFrom("198.51.100.7", start);
    assertThat(available(start)).isEqualTo(capacity);
    assertThat(send(hold, phone).status()).isEqualTo(202);
    app.clock().advance(Duration.ofMinutes(4));
    Api.Response ok = confirm(hold, codeFor(phone));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    // verified: the hold now takes its place, for a fresh hold time (15 minutes) to finish the form
    assertThat(available(start)).isEqualTo(capacity - 1);
    assertThat(Duration.between(app.clock().instant(), java.time.Instant.parse(ok.json().getString("expiresAt"))))
        .isEqualTo(Duration.ofMinutes(15));
    Api.Response booked = book(hold, start, phone, "001203000014");
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    assertThat(available(start)).isEqualTo(capacity - 1);
  }

  /**
   * A citizen types the code while others verify and book the slot's last places: the right code
   * then answers 409 slot_full (the hold took no place), and the hold cannot book (slot_full too).
   */
  @Test
  void aRightCodeAfterTheSlotFilledAnswersSlotFull() {
    String start = "08:30";
    String phone = "0912000015";
    String late = holdFrom("198.51.100.10", start);
    assertThat(send(late, phone).status()).isEqualTo(202);
    String code = codeFor(phone);

    int capacity = available(start);
    assertThat(capacity).isPositive();
    for (int i = 0; i < capacity; i++) {
      String other = "09350000" + (10 + i);
      String h = holdFrom("198.51.100.8", start);
      verify(h, other);
      Api.Response r = book(h, start, other, "0012030400" + (10 + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    assertThat(available(start)).isZero();
    // a new hold is refused as before
    assertThat(tryHold("198.51.100.9", start).code()).isEqualTo("slot_full");

    Api.Response full = confirm(late, code);
    assertThat(full.status()).as(full.body()).isEqualTo(409);
    assertThat(full.code()).isEqualTo("slot_full");
    assertThat(full.json().getString("message")).contains("hết chỗ");
    // the code is spent; the hold keeps no place and books nothing
    assertThat(confirm(late, code).code()).isEqualTo("otp_expired");
    assertThat(book(late, start, phone, "001203000015").code()).isEqualTo("slot_full");
    assertThat(available(start)).isZero();
  }

  /** More right codes in parallel than the slot has places: exactly its places are counted, the rest slot_full. */
  @Test
  void parallelRightCodesCountNoMoreHoldsThanThePlacesLeft() {
    // a slot of another field: the other tests' holds and bookings are all in chung-thuc
    String field = "ho-tich";
    String start = "10:30";
    int places = available(field, start);
    assertThat(places).isPositive();
    List<String> holds = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < places + 3; i++) {
      String phone = "09360000" + (10 + i);
      Api.Response held = tryHold("198.51.100." + (20 + i), field, start);
      assertThat(held.status()).as(held.body()).isEqualTo(201);
      String hold = held.json().getString("hold");
      assertThat(send(hold, phone).status()).isEqualTo(202);
      holds.add(hold);
      codes.add(codeFor(phone));
    }
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < holds.size(); i++) {
      calls.add(app.api().postAsync("/api/v1/offices/demo/holds/" + holds.get(i) + "/verification/confirm",
          new JsonObject().put("code", codes.get(i)).encode(), "Content-Type", "application/json"));
    }
    List<Api.Response> answers = calls.stream().map(CompletableFuture::join).toList();
    assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(places);
    assertThat(answers.stream().filter(r -> r.status() != 200).map(Api.Response::code))
        .containsExactly("slot_full", "slot_full", "slot_full");
    assertThat(available(field, start)).isZero();
  }

  @Test
  void withoutAChannelVerificationCannotBeTurnedOn() throws Exception {
    try (TestApp bare = TestApp.start()) {
      Api.Response refused = verifyPhones(bare, true);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("invalid_settings");
      JsonObject problem = refused.json().getJsonArray("errors").getJsonObject(0);
      assertThat(problem.getString("path")).isEqualTo("booking.verifyPhone");
      assertThat(problem.getString("code")).isEqualTo("verification_no_channel");
      assertThat(problem.getString("message")).contains("chưa thể bật xác minh số điện thoại");
      assertThat(verifyPhones(bare, false).status()).isEqualTo(200);
      Api.Response off = bare.api().post("/api/v1/offices/demo/holds/abc/verification",
          new JsonObject().put("phone", "0912000012").encode());
      assertThat(off.status()).isEqualTo(409);
      assertThat(off.code()).isEqualTo("verification_off");
    }
  }
}
