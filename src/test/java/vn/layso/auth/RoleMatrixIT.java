package vn.layso.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.People;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/**
 * The role matrix of the accounts and devices routes, and of the staff and kiosk routes a device
 * token can reach: each route tried by every kind of caller. A caller outside a route's roles gets
 * 401 (anonymous) or 403, in the error shape; a caller inside gets past the check (its answer,
 * whatever it is, is neither 401 nor 403 nor 5xx). The targets are harmless: unknown accounts,
 * devices and codes, invalid bodies.
 */
class RoleMatrixIT {

  private static final String ANON = "anonymous";
  private static final String KIOSK = "kiosk";
  private static final String DISPLAY = "display";
  private static final String RATING = "rating";
  private static final String STAFF = "staff";
  private static final String MANAGER = "manager";
  private static final String OTHER_MANAGER = "manager of another office";
  private static final String ADMIN = "admin";
  private static final List<String> EVERYONE = List.of(ANON, KIOSK, DISPLAY, RATING, STAFF, MANAGER, OTHER_MANAGER, ADMIN);
  private static final Set<String> MANAGERS = Set.of(MANAGER, ADMIN);
  private static final Set<String> SERVERS = Set.of(STAFF, MANAGER, ADMIN);
  private static final Set<String> PEOPLE = Set.of(STAFF, MANAGER, OTHER_MANAGER, ADMIN);
  private static final Set<String> LOGGED_IN = Set.of(KIOSK, DISPLAY, RATING, STAFF, MANAGER, OTHER_MANAGER, ADMIN);

  private record Route(String method, String path, String body, Set<String> allowed) {
    @Override
    public String toString() {
      return method + " " + path + (body == null ? "" : " " + body);
    }
  }

  private static TestApp app;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();
  private static String ticket;

  @BeforeAll
  static void start() throws Exception {
    var file = TestOffices.write(TestOffices.uniform("north", 1, List.of("dat-dai"), 3));
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    TOKENS.put(ANON, null);
    TOKENS.put(KIOSK, People.device(app, "demo", "kiosk-ma-tran", "kiosk", null));
    TOKENS.put(DISPLAY, People.device(app, "demo", "man-hinh-ma-tran", "display", null));
    TOKENS.put(RATING, People.device(app, "demo", "danh-gia-ma-tran", "rating", "1"));
    TOKENS.put(STAFF, People.person(app, "cb-ma-tran", "staff", List.of("demo")));
    TOKENS.put(MANAGER, People.person(app, "ql-ma-tran", "manager", List.of("demo")));
    TOKENS.put(OTHER_MANAGER, People.person(app, "ql-north", "manager", List.of("north")));
    TOKENS.put(ADMIN, app.adminToken());
    ticket = app.issue("demo", "dat-dai").getString("id");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static List<Route> routes() {
    String accounts = "/api/v1/offices/demo/accounts";
    String devices = "/api/v1/offices/demo/devices";
    Set<String> kioskWork = Set.of(ANON, KIOSK, STAFF, MANAGER, OTHER_MANAGER, ADMIN);
    return List.of(
        new Route("GET", accounts, null, MANAGERS),
        new Route("POST", accounts, "{}", MANAGERS),
        new Route("PATCH", accounts + "/nobody", "{\"fullName\":\"Ai Đó\"}", MANAGERS),
        new Route("POST", accounts + "/nobody/reset-password", null, MANAGERS),
        new Route("DELETE", accounts + "/nobody", null, MANAGERS),
        new Route("GET", devices, null, MANAGERS),
        new Route("POST", devices, "{}", MANAGERS),
        new Route("POST", devices + "/claim", "{\"code\":\"ABC-234\",\"kind\":\"kiosk\",\"name\":\"kiosk-x\"}", MANAGERS),
        new Route("DELETE", devices + "/nobody", null, MANAGERS),
        new Route("GET", "/api/v1/offices/demo/audit", null, MANAGERS),
        new Route("GET", "/api/v1/admin/users", null, Set.of(ADMIN)),
        new Route("POST", "/api/v1/admin/users", "{}", Set.of(ADMIN)),
        new Route("GET", "/api/v1/devices/me", null, Set.of(KIOSK, DISPLAY, RATING)),
        new Route("POST", "/api/v1/devices/pairing-codes", null, Set.copyOf(EVERYONE)),
        new Route("GET", "/api/v1/auth/me", null, LOGGED_IN),
        new Route("POST", "/api/v1/auth/password", "{\"current\":\"x\",\"new\":\"y\"}", PEOPLE),
        new Route("POST", "/api/v1/offices/demo/tickets", "{\"service\":\"dat-dai\"}", kioskWork),
        new Route("POST", "/api/v1/offices/demo/tickets", "{\"service\":\"dat-dai\",\"priority\":\"nguoi-cao-tuoi\"}",
            Set.of(KIOSK, STAFF, MANAGER, ADMIN)),
        new Route("POST", "/api/v1/offices/demo/check-in", "{\"code\":\"KHONGCO\"}", kioskWork),
        new Route("POST", "/api/v1/tickets/" + "%s" + "/print", "{}", Set.of(KIOSK, STAFF, MANAGER, ADMIN)),
        new Route("POST", "/api/v1/offices/demo/counters/1/call-next", null, SERVERS),
        new Route("GET", "/api/v1/offices/demo/print-failures", null, SERVERS),
        // live configuration, reports, the console's board, counter sessions, ratings (issue 14)
        new Route("GET", "/api/v1/offices/demo/settings", null, MANAGERS),
        new Route("PUT", "/api/v1/offices/demo/settings", "{}", MANAGERS),
        new Route("POST", "/api/v1/offices", "{}", Set.of(ADMIN)),
        new Route("GET", "/api/v1/offices/demo/reports?from=2026-11-01&to=2026-11-30&by=field", null, MANAGERS),
        new Route("GET", "/api/v1/offices/demo/reports?from=2026-11-01&to=2026-11-30&by=day&format=csv", null,
            MANAGERS),
        new Route("GET", "/api/v1/reports?from=2026-11-01&to=2026-11-30", null, Set.of(ADMIN)),
        new Route("GET", "/api/v1/audit", null, Set.of(ADMIN)),
        new Route("GET", "/api/v1/offices/demo/board", null, SERVERS),
        new Route("POST", "/api/v1/offices/demo/counters/2/open", null, SERVERS),
        new Route("POST", "/api/v1/offices/demo/counters/2/close", null, SERVERS),
        new Route("GET", "/api/v1/offices/demo/counters/1/rating-prompt", null, Set.of(RATING)),
        new Route("POST", "/api/v1/offices/demo/counters/1/rating", "{\"level\":3}", Set.of(RATING)),
        // the ticket's holder (its id is the secret) rates from the ticket page: anyone may ask
        new Route("POST", "/api/v1/tickets/" + "%s" + "/rating", "{\"level\":3}", Set.copyOf(EVERYONE)));
  }

  @Test
  void everyCallerOutsideARoutesRolesIsRefusedInTheErrorShapeAndEveryoneInsideGetsThrough() {
    List<String> wrong = new ArrayList<>();
    for (Route route : routes()) {
      String path = route.path().contains("%s") ? route.path().formatted(ticket) : route.path();
      for (String caller : EVERYONE) {
        Api.Response r = app.api().method(route.method(), path, route.body(), "token", TOKENS.get(caller));
        String where = route + " as " + caller + ": " + r.status() + " " + r.body();
        assertThat(r.status()).as(where).isLessThan(500);
        if (route.allowed().contains(caller)) {
          if (r.status() == 401 || r.status() == 403) {
            wrong.add("refused but allowed: " + where);
          }
        } else {
          int expected = caller.equals(ANON) ? 401 : 403;
          if (caller.equals(ANON) && r.status() == 403) {
            expected = 403; // a public route that refuses what only a token may ask (a priority)
          }
          if (r.status() != expected) {
            wrong.add("expected " + expected + ": " + where);
          } else {
            assertShape(r.status(), r.headers().firstValue("Content-Type").orElse(null), r.body());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
