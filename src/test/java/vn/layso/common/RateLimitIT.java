package vn.layso.common;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * Anonymous issuing is limited per client (an IPv4 address, an IPv6 /64) and minute; only a token
 * of the office itself (or an admin's) is exempt; X-Forwarded-For counts only from a trusted proxy.
 * Two servers: one reached directly, one behind a "proxy" (the test itself, from 127.0.0.1).
 */
class RateLimitIT {

  private static final String TICKETS = "/api/v1/offices/demo/tickets";
  private static final String BODY = "{\"service\":\"ho-tich\"}";
  private static final int LIMIT = 5;
  private static TestApp direct;
  private static TestApp proxied;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("north", 1, List.of("ho-tich"), 3));
    direct = TestApp.start(env -> {
      env.put("RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT));
      env.put("LOGIN_LIMIT_PER_MINUTE", "3");
      env.put("OFFICES_FILE", file.toString());
    });
    proxied = TestApp.start(env -> {
      env.put("RATE_LIMIT_PER_MINUTE", Integer.toString(LIMIT));
      env.put("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1");
    });
    // the minute's rate is what is tested here: the open tickets an address may hold per field are out of the way
    direct.walkInCap("demo", 100);
    proxied.walkInCap("demo", 100);
  }

  @AfterAll
  static void stop() {
    direct.close();
    proxied.close();
  }

  /** Every test starts 15 s into a fresh one-minute window, so earlier tests' hits do not count. */
  @BeforeEach
  void freshWindow() {
    for (TestApp app : new TestApp[] {direct, proxied}) {
      Duration intoMinute = Duration.ofSeconds(app.clock().instant().getEpochSecond() % 60);
      app.clock().advance(Duration.ofMinutes(1).minus(intoMinute).plusSeconds(15));
    }
  }

  private static void useUpBudget(Api api, String... headers) {
    for (int i = 1; i <= LIMIT; i++) {
      Api.Response r = api.post(TICKETS, BODY, headers);
      assertThat(r.status()).as("request %d: %s", i, r.body()).isEqualTo(201);
    }
  }

  @Test
  void theSixthAnonymousTicketInAMinuteIsRateLimited() {
    useUpBudget(direct.api());
    Api.Response sixth = direct.api().post(TICKETS, BODY, "Accept-Language", "en");
    assertError(sixth, 429, "rate_limited");
    assertThat(sixth.headers().firstValue("Retry-After")).contains("45");
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
  }

  @Test
  void failedLoginsAreLimitedButSuccessfulOnesNeverAre() {
    for (int i = 0; i < 10; i++) {
      assertThat(direct.login("admin", TestApp.ADMIN_PASSWORD)).isNotBlank();
    }
    String wrong = "{\"username\":\"admin\",\"password\":\"not-the-password\"}";
    for (int i = 0; i < 3; i++) {
      assertError(direct.api().post("/api/v1/auth/login", wrong), 401, "bad_credentials");
    }
    String right = "{\"username\":\"admin\",\"password\":\"" + TestApp.ADMIN_PASSWORD + "\"}";
    Api.Response blocked = direct.api().post("/api/v1/auth/login", right);
    assertError(blocked, 429, "rate_limited");
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    direct.clock().advance(Duration.ofMinutes(1));
    assertThat(direct.api().post("/api/v1/auth/login", right).status()).isEqualTo(200);
  }

  @Test
  void theWindowResetsAfterAMinute() {
    useUpBudget(direct.api());
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
    direct.clock().advance(Duration.ofSeconds(44));
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
    direct.clock().advance(Duration.ofSeconds(1));
    useUpBudget(direct.api());
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
  }

  @Test
  void requestsWithAStaffOrDeviceTokenOfTheOfficeOrAnAdminTokenAreNotLimited() {
    String staff = direct.tokenFor("staff-demo", "STAFF", "demo");
    String device = direct.tokenFor("kiosk-demo", "DEVICE", "demo");
    useUpBudget(direct.api());
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
    for (int i = 0; i < 3 * LIMIT; i++) {
      assertThat(direct.api().post(TICKETS, BODY, "token", device).status()).isEqualTo(201);
      assertThat(direct.api().post(TICKETS, BODY, "token", staff).status()).isEqualTo(201);
      assertThat(direct.api().post(TICKETS, BODY, "token", direct.adminToken()).status()).isEqualTo(201);
    }
    assertError(direct.api().post(TICKETS, BODY, "token", "forged-token-forged-token-forged"), 401, "invalid_token");
  }

  @Test
  void aTokenOfAnotherOfficeIsCountedLikeAnAnonymousCaller() {
    String kiosk = direct.tokenFor("kiosk-north", "DEVICE", "north");
    String staff = direct.tokenFor("staff-north", "STAFF", "north");
    for (int i = 1; i <= LIMIT; i++) {
      Api.Response r = direct.api().post(TICKETS, BODY, "token", i % 2 == 0 ? kiosk : staff);
      assertThat(r.status()).as("request %d: %s", i, r.body()).isEqualTo(201);
    }
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
    assertError(direct.api().post(TICKETS, BODY, "token", kiosk), 429, "rate_limited");
    assertError(direct.api().post(TICKETS, BODY, "token", staff), 429, "rate_limited");
    assertThat(direct.api().post("/api/v1/offices/north/tickets", BODY, "token", kiosk).status())
        .as("at home the same kiosk is not limited").isEqualTo(201);
  }

  @Test
  void otherRoutesAreNotLimited() {
    useUpBudget(direct.api());
    for (int i = 0; i < 2 * LIMIT; i++) {
      assertThat(direct.api().get("/api/v1/offices/demo").status()).isEqualTo(200);
    }
  }

  @Test
  void forwardedForIsIgnoredWhenThePeerIsNotATrustedProxy() {
    useUpBudget(direct.api(), "X-Forwarded-For", "198.51.100.1");
    assertError(direct.api().post(TICKETS, BODY, "X-Forwarded-For", "198.51.100.2"), 429, "rate_limited");
    assertError(direct.api().post(TICKETS, BODY), 429, "rate_limited");
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnBudget() {
    Api api = proxied.api();
    useUpBudget(api, "X-Forwarded-For", "198.51.100.1");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "198.51.100.1"), 429, "rate_limited");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "203.0.113.50, 198.51.100.1"), 429, "rate_limited");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "198.51.100.1, 10.1.2.3"), 429, "rate_limited");

    useUpBudget(api, "X-Forwarded-For", "198.51.100.2");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "198.51.100.2"), 429, "rate_limited");
    useUpBudget(api, "X-Forwarded-For", "2001:db8::7");
    useUpBudget(api);
    assertError(api.post(TICKETS, BODY), 429, "rate_limited");
  }

  @Test
  void ipv4ClientsAreLimitedPerAddress() {
    Api api = proxied.api();
    useUpBudget(api, "X-Forwarded-For", "198.51.100.7");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "198.51.100.7"), 429, "rate_limited");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "::ffff:198.51.100.7"), 429, "rate_limited");
    useUpBudget(api, "X-Forwarded-For", "198.51.100.8");
    useUpBudget(api, "X-Forwarded-For", "198.51.101.7");
  }

  @Test
  void ipv6ClientsAreLimitedPerSlash64() {
    Api api = proxied.api();
    for (int i = 1; i <= LIMIT; i++) {
      Api.Response r = api.post(TICKETS, BODY, "X-Forwarded-For", "2001:db8:1:2::" + Integer.toHexString(i * 4099));
      assertThat(r.status()).as("request %d: %s", i, r.body()).isEqualTo(201);
    }
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:fffe"), 429, "rate_limited");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "2001:0db8:0001:0002:0:0:0:1"), 429, "rate_limited");
    useUpBudget(api, "X-Forwarded-For", "2001:db8:1:3::1");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "2001:db8:1:3::2"), 429, "rate_limited");
    useUpBudget(api, "X-Forwarded-For", "2001:db8:1:1:ffff:ffff:ffff:ffff");
  }

  @Test
  void aGarbledForwardedForCountsAgainstTheProxyNotAFreshBudget() {
    Api api = proxied.api();
    useUpBudget(api, "X-Forwarded-For", "not-an-address");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "still, not, one"), 429, "rate_limited");
    assertError(api.post(TICKETS, BODY, "X-Forwarded-For", "1.2.3.256"), 429, "rate_limited");
    assertError(api.post(TICKETS, BODY), 429, "rate_limited");
  }
}
