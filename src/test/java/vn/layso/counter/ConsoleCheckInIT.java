package vn.layso.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/** Staff check a booked citizen in from the counter console by the code the citizen reads out. */
class ConsoleCheckInIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aCodeTypedAtTheConsoleGivesTheCitizenTheirAppointmentTicket() {
    app.tokenFor("canbo-lichhen", "STAFF", "demo");
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", "09:30")
        .put("fullName", "Lê Văn Cường").put("phone", "0901234567").put("citizenId", "079099012345");
    Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String code = booked.json().getString("code");
    app.clock().set(Instant.parse("2026-11-24T02:10:00Z")); // Tuesday 09:10, inside the check-in window

    try (Browser browser = Browser.open(1366, 768)) {
      CounterConsoleIT.logIn(browser, app.api().base(), "canbo-lichhen", "Quầy 3");
      browser.find("#checkin-code").sendKeys("NOPE-CODE");
      browser.find("#checkin-submit").click();
      browser.await(WAIT, d -> browser.find("#checkin-result").getAttribute("class").contains("error") ? true : null);
      assertThat(browser.text("#checkin-result")).isNotBlank().doesNotContain("check_in");

      browser.find("#checkin-code").clear();
      browser.find("#checkin-code").sendKeys(code.toLowerCase());
      browser.find("#checkin-submit").click();
      browser.awaitText("#checkin-result", "Đã tiếp nhận", WAIT);
      assertThat(browser.text("#checkin-result")).contains("09:30").containsPattern("B\\d{3}");
      browser.screenshot("counter-checkin-1366x768");
    }
    JsonObject appointment = app.api().get("/api/v1/appointments/" + code).json();
    assertThat(appointment.getString("status")).isEqualTo("CHECKED_IN");
  }
}
