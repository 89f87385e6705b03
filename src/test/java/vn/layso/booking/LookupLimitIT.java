package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.booking.domain.BookingCode;
import vn.layso.common.LookupLimiter;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/**
 * Look-ups by booking code: per address (all look-ups, and far fewer that find nothing, counted
 * before the answer so parallel guesses get no further), per code across addresses, the kiosk
 * trusted; and the honest side: a citizen opening their own booking again and again, and forty
 * citizens behind one carrier address, are not held up. Addresses are faked with X-Forwarded-For
 * from 127.0.0.1, a trusted proxy here.
 */
class LookupLimitIT {

  private static final LookupLimiter.Limits LIMITS = LookupLimiter.Limits.DEFAULT;
  private static final AtomicInteger CITIZENS = new AtomicInteger();
  private static final AtomicInteger ADDRESSES = new AtomicInteger();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(env -> {
      env.put("RATE_LIMIT_PER_MINUTE", "100000");
      env.put("TRUSTED_PROXIES", "127.0.0.1");
    });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Every test starts 15 s into a fresh ten-minute window, so earlier tests' look-ups do not count. */
  @BeforeEach
  void freshWindow() {
    long into = app.clock().instant().getEpochSecond() % LIMITS.windowSeconds();
    app.clock().advance(Duration.ofSeconds(LIMITS.windowSeconds() - into + 15));
  }

  /** A fresh documentation address (198.18.0.0/15), never used by another test. */
  private static String address() {
    int n = ADDRESSES.incrementAndGet();
    return "198.18." + n / 250 + "." + (n % 250 + 1);
  }

  /** Books a place on {@code date} for a new citizen (one phone, one CCCD) and returns the code. */
  private static String book(String service, String date, String start) {
    int n = CITIZENS.incrementAndGet();
    JsonObject body = new JsonObject().put("service", service).put("date", date).put("start", start)
        .put("fullName", "Lê Thị Hoa").put("phone", String.format("0913 %06d", n))
        .put("citizenId", String.format("0013030%05d", n));
    Api.Response r = app.api().post("/api/v1/offices/demo/appointments", body.encode(), "X-Forwarded-For", address());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("code");
  }

  private static String madeUpCode() {
    return BookingCode.generate(RANDOM);
  }

  private static Api.Response lookUp(String code, String from) {
    return app.api().get("/api/v1/appointments/" + code, "X-Forwarded-For", from);
  }

  private static String retryAfter(Api.Response r) {
    return r.headers().firstValue("Retry-After").orElse(null);
  }

  @Test
  void tenLookUpsThatFindNothingBlockTheAddressForTheRestOfTheWindow() {
    String code = book("chung-thuc", "2026-11-25", "08:00");
    String guesser = address();
    for (int i = 1; i <= LIMITS.failuresPerAddress(); i++) {
      assertThat(lookUp(madeUpCode(), guesser).status()).as("guess %d", i).isEqualTo(404);
    }
    Api.Response blocked = lookUp(madeUpCode(), guesser);
    assertError(blocked, 429, "rate_limited");
    assertThat(retryAfter(blocked)).isEqualTo(Integer.toString(LIMITS.windowSeconds() - 15));
    // blocked for every look-up by code, even of a real one, on every route that takes one
    assertError(lookUp(code, guesser), 429, "rate_limited");
    assertError(app.api().get("/api/v1/appointments/" + code + "/qr.svg", "X-Forwarded-For", guesser), 429,
        "rate_limited");
    assertError(app.api().method("DELETE", "/api/v1/appointments/" + code, "{\"phone\":\"0913000001\"}",
        "X-Forwarded-For", guesser), 429, "rate_limited");
    // another address is not
    assertThat(lookUp(code, address()).status()).isEqualTo(200);
    app.clock().advance(Duration.ofSeconds(LIMITS.windowSeconds()));
    assertThat(lookUp(code, guesser).status()).isEqualTo(200);
    assertThat(lookUp(madeUpCode(), guesser).status()).isEqualTo(404);
  }

  @Test
  void guessingInParallelGetsNoFurther() throws Exception {
    String guesser = address();
    ExecutorService pool = Executors.newFixedThreadPool(40);
    try {
      List<CompletableFuture<Integer>> guesses = IntStream.range(0, 80)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> lookUp(madeUpCode(), guesser).status(), pool)).toList();
      Map<Integer, Long> statuses = guesses.stream().map(CompletableFuture::join)
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(statuses).containsEntry(404, (long) LIMITS.failuresPerAddress())
          .containsEntry(429, 80L - LIMITS.failuresPerAddress()).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneCodeIsLookedUpAtMostTwentyTimesFromAllAddressesTogether() {
    String code = book("chung-thuc", "2026-11-25", "08:30");
    String other = book("chung-thuc", "2026-11-25", "08:30");
    List<Integer> statuses = new ArrayList<>();
    Api.Response last = null;
    for (int i = 0; i < 50; i++) {
      last = lookUp(code, address());
      statuses.add(last.status());
    }
    assertThat(statuses.subList(0, LIMITS.perCode())).containsOnly(200);
    assertThat(statuses.subList(LIMITS.perCode(), 50)).containsOnly(429);
    assertError(last, 429, "lookup_limited");
    assertThat(retryAfter(last)).isNotNull();
    // the .ics and the QR are look-ups of the same code; another code is untouched
    assertError(app.api().get("/api/v1/appointments/" + code + ".ics", "X-Forwarded-For", address()), 429,
        "lookup_limited");
    assertThat(lookUp(other, address()).status()).isEqualTo(200);
    // a look-up refused for the code is no failure of the address: that address still finds its own
    String oneOfThem = address();
    for (int i = 0; i < LIMITS.failuresPerAddress() + 5; i++) {
      assertError(lookUp(code, oneOfThem), 429, "lookup_limited");
    }
    assertThat(lookUp(other, oneOfThem).status()).isEqualTo(200);
    app.clock().advance(Duration.ofSeconds(LIMITS.windowSeconds()));
    assertThat(lookUp(code, address()).status()).isEqualTo(200);
  }

  @Test
  void aCitizenOpeningTheirOwnBookingAgainAndAgainIsNeverBlocked() {
    String code = book("chung-thuc", "2026-11-25", "09:00");
    String home = address();
    for (int i = 0; i < 5; i++) {
      assertThat(lookUp(code, home).status()).isEqualTo(200);
      assertThat(app.api().get("/api/v1/appointments/" + code + "/qr.svg", "X-Forwarded-For", home).status())
          .isEqualTo(200);
    }
    assertThat(app.api().get("/api/v1/appointments/" + code + ".ics", "X-Forwarded-For", home).status()).isEqualTo(200);
    // a few typos of the phone on the way (wrong phone: answered as an unknown code, counted as a failure)
    for (int i = 0; i < 3; i++) {
      assertThat(app.api().method("DELETE", "/api/v1/appointments/" + code, "{\"phone\":\"0987654321\"}",
          "X-Forwarded-For", home).status()).isEqualTo(404);
    }
    Api.Response moved = app.api().post("/api/v1/appointments/" + code + "/reschedule",
        new JsonObject().put("phone", String.format("0913 %06d", CITIZENS.get())).put("date", "2026-11-25")
            .put("start", "09:30").encode(), "X-Forwarded-For", home);
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    Api.Response cancelled = app.api().method("DELETE", "/api/v1/appointments/" + code,
        new JsonObject().put("phone", String.format("+84913%06d", CITIZENS.get())).encode(), "X-Forwarded-For", home);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(lookUp(code, home).json().getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void fortyCitizensBehindOneCarrierAddressGetThroughUpToTheAddressBudget() {
    String[] starts = {"07:30", "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00",
        "14:30", "15:00", "15:30", "16:00"};
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      codes.add(book("ho-tich", "2026-11-26", starts[i % starts.length]));
    }
    String carrier = address();
    int sent = 0;
    for (int round = 0; round < 7; round++) {
      for (String code : codes) {
        String path = "/api/v1/appointments/" + code + (round % 3 == 1 ? "/qr.svg" : round % 3 == 2 ? ".ics" : "");
        Api.Response r = app.api().get(path, "X-Forwarded-For", carrier);
        assertThat(r.status()).as("look-up %d: %s", sent, r.body()).isEqualTo(200);
        sent++;
      }
    }
    // a few of them mistype their code: not enough to block the others
    for (int i = 0; i < 5; i++) {
      assertThat(lookUp(madeUpCode(), carrier).status()).isEqualTo(404);
      sent++;
    }
    while (sent < LIMITS.perAddress()) {
      assertThat(lookUp(codes.get(sent % codes.size()), carrier).status()).isEqualTo(200);
      sent++;
    }
    assertError(lookUp(codes.get(0), carrier), 429, "rate_limited");
  }

  @Test
  void thePairedKioskAndStaffAreTrustedAnAnonymousCheckInIsALookUp() {
    Api.Response paired = app.api().post("/api/v1/offices/demo/devices",
        new JsonObject().put("name", "Kiosk-Tra-Cuu").put("kind", "kiosk").encode(), "token", app.adminToken());
    assertThat(paired.status()).as(paired.body()).isEqualTo(201);
    String kiosk = paired.json().getString("token");
    String staff = app.tokenFor("lookup-staff", "STAFF", "demo");
    String from = address();
    String body = new JsonObject().put("code", madeUpCode()).encode();
    for (int i = 0; i < LIMITS.failuresPerAddress(); i++) {
      Api.Response r = app.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", madeUpCode())
          .encode(), "X-Forwarded-For", from);
      assertThat(r.status()).as(r.body()).isEqualTo(404);
    }
    assertError(app.api().post("/api/v1/offices/demo/check-in", body, "X-Forwarded-For", from), 429, "rate_limited");
    for (int i = 0; i < LIMITS.failuresPerAddress() + 5; i++) {
      Api.Response r = app.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", madeUpCode())
          .encode(), "X-Forwarded-For", from, "token", i % 2 == 0 ? kiosk : staff);
      assertThat(r.status()).as(r.body()).isEqualTo(404);
    }
  }
}
