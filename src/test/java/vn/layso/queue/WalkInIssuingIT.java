package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Who may take walk-in numbers (walkInIssuing: kiosk or open), the open tickets an address may hold
 * per field and day at an open office, and the issuing-surge alert on the manager's board; against
 * real Redis and sockets. Each test speaks from its own client addresses (X-Forwarded-For from a
 * trusted proxy), so the per-address limits of one test never touch another's.
 */
class WalkInIssuingIT {

  /** High enough that 200 parallel requests of one address all pass the per-minute rate. */
  private static final int RATE = 250;
  private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
  private static TestApp app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    JsonObject ward = TestOffices.uniform("ward", 1, List.of("a"), 3);
    ward.remove("walkInIssuing");
    JsonObject open = TestOffices.uniform("open", 2, List.of("a", "b"), 3);
    JsonObject free = TestOffices.uniform("free", 1, List.of("a"), 3);
    JsonObject surge = TestOffices.uniform("surge", 1, List.of("a", "b"), 3);
    var file = TestOffices.write(ward, open, free, surge);
    app = TestApp.start(env -> {
      env.put("OFFICES_FILE", file.toString());
      env.put("RATE_LIMIT_PER_MINUTE", Integer.toString(RATE));
      env.put("TRUSTED_PROXIES", "127.0.0.1");
    });
    api = app.api();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Every test starts 15 s into a fresh one-minute window of the rate limit. */
  @BeforeEach
  void freshWindow() {
    Duration intoMinute = Duration.ofSeconds(app.clock().instant().getEpochSecond() % 60);
    app.clock().advance(Duration.ofMinutes(1).minus(intoMinute).plusSeconds(15));
  }

  /** A client address of its own (the trusted proxy forwards it). */
  private static String address() {
    int n = ADDRESSES.getAndIncrement();
    return "203.0.113." + n;
  }

  private static Api.Response issue(String office, String service, String from, String... more) {
    List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", from));
    headers.addAll(List.of(more));
    return api.post("/api/v1/offices/" + office + "/tickets", new JsonObject().put("service", service).encode(),
        headers.toArray(String[]::new));
  }

  private static String pair(String office, String name, String kind) {
    Api.Response r = api.post("/api/v1/offices/" + office + "/devices",
        new JsonObject().put("name", name).put("kind", kind).encode(), "token", app.adminToken());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("token");
  }

  @Test
  void aKioskOnlyOfficeRefusesAnonymousIssuingWithAMessageThatSendsTheCitizenToTheKiosk() {
    String from = address();
    String vi = assertError(issue("ward", "a", from), 403, "kiosk_only");
    assertThat(vi).contains("máy lấy số").contains("cán bộ");
    String en = assertError(issue("ward", "a", from, "Accept-Language", "en"), 403, "kiosk_only");
    assertThat(en).contains("kiosk").contains("staff");
    // also with a priority group or an Idempotency-Key, and for an unknown field: nothing gets through
    assertError(api.post("/api/v1/offices/ward/tickets", "{\"service\":\"a\",\"priority\":\"nguoi-cao-tuoi\"}",
        "X-Forwarded-For", from), 403, "kiosk_only");
    assertError(issue("ward", "nope", from, "Idempotency-Key", "k-1"), 403, "kiosk_only");
    assertThat(app.api().get("/api/v1/offices/ward/settings", "token", app.adminToken()).json()
        .getString("walkInIssuing")).as("an office that does not say").isEqualTo("kiosk");
  }

  @Test
  void kioskOnlyIsAnsweredBeforeTheRateLimitCountsTheRequest() {
    String from = address();
    for (int i = 0; i < RATE + 5; i++) {
      assertThat(issue("ward", "a", from).code()).isEqualTo("kiosk_only");
    }
    assertThat(issue("open", "a", from).status()).as("the refused requests were not counted").isEqualTo(201);
  }

  @Test
  void theOfficesKioskAndItsStaffManagersAndAdminsIssueButADisplayIsRefused() {
    String from = address();
    String kiosk = pair("ward", "kiosk-sanh", "kiosk");
    String staff = app.tokenFor("canbo-ward", "STAFF", "ward");
    String manager = app.tokenFor("quanly-ward", "MANAGER", "ward");
    for (String token : List.of(kiosk, staff, manager, app.adminToken())) {
      Api.Response r = issue("ward", "a", from, "token", token);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    Api.Response priority = api.post("/api/v1/offices/ward/tickets",
        "{\"service\":\"a\",\"priority\":\"nguoi-cao-tuoi\"}", "token", kiosk);
    assertThat(priority.status()).as(priority.body()).isEqualTo(201);

    assertError(issue("ward", "a", from, "token", pair("ward", "man-hinh-sanh", "display")), 403, "device_not_allowed");
    assertError(issue("ward", "a", from, "token", pair("open", "kiosk-open", "kiosk")), 403, "kiosk_only");
    assertError(issue("ward", "a", from, "token", app.tokenFor("canbo-open", "STAFF", "open")), 403, "kiosk_only");
  }

  @Test
  void hundredsOfParallelRequestsFromOneAddressGetExactlyTheCapOfOpenTickets() throws Exception {
    String from = address();
    List<CompletableFuture<Api.Response>> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(api.postAsync("/api/v1/offices/open/tickets", "{\"service\":\"a\"}", "X-Forwarded-For", from));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    Set<String> numbers = new HashSet<>();
    int refused = 0;
    for (var f : all) {
      Api.Response r = f.get();
      if (r.status() == 201) {
        numbers.add(r.json().getString("number"));
      } else {
        assertError(r, 429, "too_many_open_tickets");
        refused++;
      }
    }
    assertThat(numbers).hasSize(4);
    assertThat(refused).isEqualTo(196);

    // another field, and another address, are not affected
    assertThat(issue("open", "b", from).status()).isEqualTo(201);
    assertThat(issue("open", "a", address()).status()).isEqualTo(201);
    Api.Response fifth = issue("open", "a", from, "Accept-Language", "en");
    assertThat(assertError(fifth, 429, "too_many_open_tickets")).contains("4");
  }

  @Test
  void aFamilyOfFourGetsItsFourNumbersAndTheOfficesKioskIsNotLimited() {
    String family = address();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      Api.Response r = issue("open", "b", family);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      numbers.add(r.json().getString("number"));
    }
    assertThat(numbers).hasSize(4);
    assertError(issue("open", "b", family), 429, "too_many_open_tickets");
    // the kiosk in the lobby shares the centre's address with the citizens' phones: a token is never capped
    String kiosk = pair("open", "kiosk-lobby", "kiosk");
    for (int i = 0; i < 6; i++) {
      assertThat(issue("open", "b", family, "token", kiosk).status()).isEqualTo(201);
    }
  }

  @Test
  void aRepeatedIdempotencyKeyReplaysItsTicketPastTheCap() {
    String from = address();
    Api.Response first = issue("open", "a", from, "Idempotency-Key", "phone-1");
    for (int i = 0; i < 3; i++) {
      assertThat(issue("open", "a", from).status()).isEqualTo(201);
    }
    Api.Response again = issue("open", "a", from, "Idempotency-Key", "phone-1");
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertError(issue("open", "a", from, "Idempotency-Key", "phone-2"), 429, "too_many_open_tickets");
  }

  @Test
  void aFinishedTicketFreesItsPlace() {
    String from = address();
    String staff = app.tokenFor("canbo-free", "STAFF", "free");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Api.Response r = issue("free", "a", from);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(r.json().getString("id"));
    }
    assertError(issue("free", "a", from), 429, "too_many_open_tickets");

    // called: still open
    Api.Response called = app.counter("free", "1", "call-next", staff);
    assertThat(called.json().getJsonObject("ticket").getString("id")).isEqualTo(ids.get(0));
    assertError(issue("free", "a", from), 429, "too_many_open_tickets");
    // served: its place is free again, once
    assertThat(app.counter("free", "1", "start", staff).status()).isEqualTo(200);
    assertThat(app.counter("free", "1", "complete", staff).status()).isEqualTo(200);
    assertThat(issue("free", "a", from).status()).isEqualTo(201);
    assertError(issue("free", "a", from), 429, "too_many_open_tickets");
    // a no-show frees its place too
    assertThat(app.counter("free", "1", "call-next", staff).status()).isEqualTo(200);
    assertThat(app.counter("free", "1", "no-show", staff).status()).isEqualTo(200);
    assertThat(issue("free", "a", from).status()).isEqualTo(201);
    assertError(issue("free", "a", from), 429, "too_many_open_tickets");
  }

  @Test
  void aFieldIssuingThreeTimesFasterThanNormalRaisesAnAlertOnTheBoard() {
    String manager = app.tokenFor("quanly-surge", "MANAGER", "surge");
    String kiosk = pair("surge", "kiosk-surge", "kiosk");
    // one counter at 10 minutes and no history: 12 tickets an hour is normal, 3 x 12 = 6 in ten minutes
    for (int i = 0; i < 5; i++) {
      assertThat(issue("surge", "a", address(), "token", kiosk).status()).isEqualTo(201);
    }
    JsonObject quiet = api.get("/api/v1/offices/surge/board", "token", manager).json();
    assertThat(quiet.getJsonArray("surges")).isEmpty();

    assertThat(issue("surge", "a", address()).status()).isEqualTo(201);
    JsonArray surges = api.get("/api/v1/offices/surge/board", "token", manager).json().getJsonArray("surges");
    assertThat(surges).hasSize(1);
    JsonObject alert = surges.getJsonObject(0);
    assertThat(alert.getString("service")).isEqualTo("a");
    assertThat(alert.getString("name")).isEqualTo("Lĩnh vực a");
    assertThat(alert.getInteger("issued")).isEqualTo(6);
    assertThat(alert.getInteger("times")).isEqualTo(3);
    assertThat(alert.getInteger("windowMinutes")).isEqualTo(10);
    assertThat(alert.getDouble("normalPerHour")).isEqualTo(12.0);

    // ten minutes later the window holds none of them
    app.clock().advance(Duration.ofMinutes(10));
    assertThat(api.get("/api/v1/offices/surge/board", "token", manager).json().getJsonArray("surges")).isEmpty();
  }

  @Test
  void aKioskOnlyOfficeShowsNoSurge() {
    String kiosk = pair("ward", "kiosk-ward-2", "kiosk");
    for (int i = 0; i < 8; i++) {
      assertThat(issue("ward", "a", address(), "token", kiosk).status()).isEqualTo(201);
    }
    JsonObject board = api.get("/api/v1/offices/ward/board", "token", app.adminToken()).json();
    assertThat(board.getJsonArray("surges")).isEmpty();
  }

  @Test
  void walkInIssuingIsASettingCheckedLikeTheOthers() {
    Api.Response got = api.get("/api/v1/offices/open/settings", "token", app.adminToken());
    JsonObject doc = got.json();
    assertThat(doc.getString("walkInIssuing")).isEqualTo("open");
    assertThat(doc.getJsonObject("walkIn")).isEqualTo(new JsonObject().put("openTicketsPerAddress", 4)
        .put("surgeFactor", 3));
    String revision = String.valueOf(doc.getLong("revision"));
    Api.Response bad = api.method("PUT", "/api/v1/offices/open/settings",
        doc.copy().put("walkInIssuing", "everyone").put("walkIn", new JsonObject().put("openTicketsPerAddress", 0))
            .encode(), "token", app.adminToken(), "If-Match", revision);
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("invalid_settings");
    assertThat(bad.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("path")).toList())
        .contains("walkInIssuing", "walkIn.openTicketsPerAddress");

    // a new office issues from its kiosks only unless it says otherwise
    JsonObject created = doc.copy().put("id", "moi").put("name", "Chi nhánh mới");
    created.remove("walkInIssuing");
    created.remove("revision");
    Api.Response made = api.post("/api/v1/offices", created.encode(), "token", app.adminToken());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    assertThat(api.get("/api/v1/offices/moi/settings", "token", app.adminToken()).json().getString("walkInIssuing"))
        .isEqualTo("kiosk");
    assertError(issue("moi", "a", address()), 403, "kiosk_only");
  }
}
