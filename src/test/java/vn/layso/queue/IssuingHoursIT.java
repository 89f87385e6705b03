package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** Outside the issuing window the kiosk and the public get office_closed; staff may still issue. */
class IssuingHoursIT {

  private static TestApp app;
  private static String kiosk;

  @BeforeAll
  static void start() throws Exception {
    JsonObject office = TestOffices.uniform("ward", 2, List.of("dat-dai", "ho-tich"), 3);
    JsonObject weekdays = new JsonObject();
    JsonObject kioskHours = new JsonObject();
    for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
      weekdays.put(day, new JsonArray().add("07:30-11:30").add("13:30-17:00"));
      kioskHours.put(day, new JsonArray().add("06:00-16:30"));
    }
    office.put("openingHours", weekdays).put("issuingHours", kioskHours);
    office.getJsonArray("services").getJsonObject(0).put("issueCutoff", "16:00");
    var file = TestOffices.write(office);
    app = TestApp.start(env -> env.put("OFFICES_FILE", file.toString()));
    kiosk = app.tokenFor("kiosk-ward", "DEVICE", "ward");
    app.tokenFor("staff-ward", "STAFF", "ward");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A fresh staff token: the tests move the clock by hours, past a token's life. */
  private static String staffNow() {
    return app.login("staff-ward", "password-of-staff-ward");
  }

  private static Api.Response issue(String service, String token) {
    return app.api().post("/api/v1/offices/ward/tickets", "{\"service\":\"" + service + "\"}", "token", token);
  }

  @Test
  void beforeTheWindowPublicAndKioskAreToldWhenItOpensAndStaffMayIssue() {
    app.clock().set(Instant.parse("2026-11-23T22:00:00Z")); // Tuesday 05:00 in Hà Nội
    for (String token : new String[] {null, kiosk}) {
      Api.Response refused = issue("ho-tich", token);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.code()).isEqualTo("office_closed");
      assertThat(refused.json().getString("opensAt")).isEqualTo("2026-11-24T06:00+07:00");
      assertThat(refused.json().getString("message")).contains("06:00 24/11/2026");
    }
    Api.Response english = app.api().post("/api/v1/offices/ward/tickets", "{\"service\":\"ho-tich\"}",
        "Accept-Language", "en");
    assertThat(english.json().getString("message")).startsWith("Numbers are not being issued now");
    assertThat(issue("ho-tich", staffNow()).status()).isEqualTo(201);
  }

  @Test
  void aFieldsCutOffStopsThatFieldOnly() {
    app.clock().set(Instant.parse("2026-11-24T09:10:00Z")); // Tuesday 16:10
    Api.Response land = issue("dat-dai", kiosk);
    assertThat(land.status()).isEqualTo(409);
    assertThat(land.code()).isEqualTo("service_closed");
    assertThat(land.json().getString("opensAt")).isEqualTo("2026-11-25T06:00+07:00");
    assertThat(issue("ho-tich", kiosk).status()).isEqualTo(201);
    assertThat(issue("dat-dai", staffNow()).status()).as("staff issue for citizens already inside").isEqualTo(201);
  }

  @Test
  void insideTheWindowEveryoneMayIssue() {
    app.clock().set(Instant.parse("2026-11-24T00:00:00Z")); // Tuesday 07:00, before the doors open
    assertThat(issue("dat-dai", null).status()).isEqualTo(201);
    assertThat(issue("dat-dai", kiosk).status()).isEqualTo(201);
  }
}
