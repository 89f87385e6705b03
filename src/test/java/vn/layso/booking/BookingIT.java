package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/** Booking end to end: slots, book, look up (masked), .ics, QR, cancel, reschedule, holds, errors. */
class BookingIT {

  // the test clock starts on Monday 2026-11-23 at 09:00 in Hà Nội; Tuesday is bookable
  static final String DAY = "2026-11-24";
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonObject booking(String service, String date, String start, String phone, String cccd) {
    return new JsonObject().put("service", service).put("date", date).put("start", start)
        .put("fullName", "Nguyễn Văn An").put("phone", phone).put("citizenId", cccd);
  }

  @Test
  void slotsFollowHoursLunchAndCapacity() {
    Api.Response r = app.api().get("/api/v1/offices/demo/slots?service=ho-tich&date=" + DAY);
    assertThat(r.status()).isEqualTo(200);
    var slots = r.array();
    // 07:30-11:30 is 8 slots, 13:30-17:00 is 7: nothing in the lunch break
    assertThat(slots.size()).isEqualTo(15);
    assertThat(slots.getJsonObject(0).getString("start")).isEqualTo("07:30");
    assertThat(slots.getJsonObject(7).getString("end")).isEqualTo("11:30");
    assertThat(slots.getJsonObject(8).getString("start")).isEqualTo("13:30");
    // 50 % x 2 counters x 30 min / 10 min = 3
    assertThat(slots.getJsonObject(0).getInteger("capacity")).isEqualTo(3);
    assertThat(slots.getJsonObject(0).getInteger("available")).isEqualTo(3);
  }

  @Test
  void bookLookUpCancel() {
    Api.Response made = app.api().post("/api/v1/offices/demo/appointments",
        booking("chung-thuc", DAY, "08:00", "0912 345 678", "001203012345").encode());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    JsonObject a = made.json();
    assertThat(a.getString("code")).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
    assertThat(a.getString("status")).isEqualTo("BOOKED");
    assertThat(a.getString("end")).isEqualTo("08:30");
    String code = a.getString("code");

    JsonObject seen = app.api().get("/api/v1/appointments/" + code.toLowerCase()).json();
    assertThat(seen.getString("fullName")).isEqualTo("N*** V*** A***");
    assertThat(seen.getString("phone")).isEqualTo("091****678");
    assertThat(seen.encode()).doesNotContain("012345").doesNotContain("citizen");

    Api.Response ics = app.api().get("/api/v1/appointments/" + code + ".ics");
    assertThat(ics.status()).isEqualTo(200);
    assertThat(ics.body()).contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261124T080000")
        .contains("DTEND;TZID=Asia/Ho_Chi_Minh:20261124T083000").contains("BEGIN:VTIMEZONE")
        .contains("TZOFFSETTO:+0700");
    assertThat(app.api().get("/api/v1/appointments/" + code + "/qr.svg").body()).startsWith("<svg");

    Api.Response wrongPhone = app.api().method("DELETE", "/api/v1/appointments/" + code + "?phone=0987654321", null);
    assertThat(wrongPhone.status()).isEqualTo(404);
    Api.Response cancelled = app.api().method("DELETE", "/api/v1/appointments/" + code + "?phone=%2B84912345678", null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void badInputIsA400WithAMessage() {
    String path = "/api/v1/offices/demo/appointments";
    assertThat(app.api().post(path, booking("ho-tich", DAY, "08:00", "0123", "001203012345").encode()).code())
        .isEqualTo("invalid_phone");
    assertThat(app.api().post(path, booking("ho-tich", DAY, "08:00", "0912345678", "003203012345").encode()).code())
        .isEqualTo("invalid_citizen_id");
    assertThat(app.api().post(path, booking("ho-tich", "2026-13-01", "08:00", "0912345678", "001203012345").encode())
        .code()).isEqualTo("invalid_date");
    assertThat(app.api().post(path, booking("ho-tich", DAY, "12:00", "0912345678", "001203012345").encode()).code())
        .isEqualTo("slot_not_bookable");
    assertThat(app.api().post(path, booking("ho-tich", "2026-11-29", "08:00", "0912345678", "001203012345").encode())
        .code()).isEqualTo("office_closed_that_day");
    assertThat(app.api().post(path, booking("ho-tich", "2026-12-31", "08:00", "0912345678", "001203012345").encode())
        .code()).isEqualTo("outside_booking_window");
    Api.Response today = app.api().post(path, booking("ho-tich", "2026-11-23", "15:00", "0912345678", "001203012345")
        .encode());
    assertThat(today.status()).isEqualTo(400);
    assertThat(today.code()).isEqualTo("outside_booking_window");
    assertThat(today.json().getString("message")).isNotBlank();
  }

  @Test
  void calendarWeekendSaturdayHolidayAndCutOff() {
    assertThat(app.api().get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-11-29").array()).isEmpty();
    var saturday = app.api().get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-11-28").array();
    assertThat(saturday.size()).isEqualTo(8);
    assertThat(saturday.getJsonObject(7).getString("end")).isEqualTo("11:30");

    var fixed = app.api().get("/api/v1/offices/demo/holidays/2027").json();
    assertThat(fixed.getJsonArray("days").encode()).contains("2027-09-02", "2027-04-30");
    String year = new JsonObject().put("days", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("date", "2026-11-26").put("name", "Nghỉ bù").put("kind", "closed"))).encode();
    assertThat(app.api().method("PUT", "/api/v1/offices/demo/holidays/2026", year).status()).isEqualTo(401);
    Api.Response saved = app.api().method("PUT", "/api/v1/offices/demo/holidays/2026", year, "token", app.adminToken());
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(app.api().get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-11-26").array()).isEmpty();
    assertThat(app.api().post("/api/v1/offices/demo/appointments",
        booking("ho-tich", "2026-11-26", "08:00", "0912345678", "001203012345").encode()).code())
        .isEqualTo("office_closed_that_day");
    assertThat(app.api().method("PUT", "/api/v1/offices/demo/holidays/2026",
        "{\"days\":[{\"date\":\"2025-01-01\",\"name\":\"x\"}]}", "token", app.adminToken()).code())
        .isEqualTo("invalid_holidays");

    // at 16:00 the day before, the day's booking closes
    var before = app.api().get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-11-24").array();
    assertThat(before.getJsonObject(0).getBoolean("bookable")).isTrue();
    app.clock().set(java.time.Instant.parse("2026-11-23T09:00:00Z"));
    try {
      var after = app.api().get("/api/v1/offices/demo/slots?service=ho-tich&date=2026-11-24").array();
      assertThat(after.getJsonObject(0).getBoolean("bookable")).isFalse();
      assertThat(after.getJsonObject(0).getInteger("available")).isZero();
    } finally {
      app.clock().set(java.time.Instant.parse("2026-11-23T02:00:00Z"));
    }
  }
}
