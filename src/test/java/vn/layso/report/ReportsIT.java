package vn.layso.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/** The report API on a real server: shapes, every dimension, today live, closed days from summaries, roles. */
class ReportsIT {

  private static final String REPORTS = "/api/v1/offices/demo/reports?from=2026-11-23&to=2026-11-23";

  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void todayLiveThenClosedFromItsSummaryAndTheSameAfterARestart() throws Exception {
    app = ReportFixture.start();
    ReportFixture.day(app);
    String manager = app.tokenFor("hoa", "MANAGER", "demo");

    JsonObject live = get(REPORTS + "&by=field", manager);
    assertThat(live.getInteger("liveDays")).isEqualTo(1);
    assertThat(live.getInteger("closedDays")).isZero();
    assertThat(live.getString("by")).isEqualTo("field");
    JsonObject hoTich = row(live.getJsonArray("rows"), "ho-tich");
    assertThat(hoTich.getString("label")).isEqualTo("Hộ tịch");
    assertThat(hoTich.getInteger("issued")).isEqualTo(2);
    assertThat(hoTich.getInteger("served")).isEqualTo(1);
    assertThat(hoTich.getInteger("noShow")).isEqualTo(1);
    assertThat(hoTich.getInteger("skipped")).isZero();
    // waits 7 and 20 minutes (target 30): mean 13.5, both within target
    assertThat(hoTich.getJsonObject("waitMinutes").getDouble("mean")).isEqualTo(13.5);
    assertThat(hoTich.getDouble("withinTargetPct")).isEqualTo(100.0);
    assertThat(hoTich.getJsonObject("serviceMinutes").getDouble("p50")).isEqualTo(12.0);
    JsonObject ratings = hoTich.getJsonObject("ratings");
    assertThat(ratings.getInteger("count")).isEqualTo(3);
    assertThat(ratings.getJsonObject("levels").getInteger("3")).isEqualTo(2);
    assertThat(ratings.getJsonObject("percent").getDouble("3")).isEqualTo(66.7);
    assertThat(ratings.getJsonObject("percent").getDouble("1")).isEqualTo(33.3);
    assertThat(hoTich.getJsonObject("appointments")).isEqualTo(
        new JsonObject().put("booked", 0).put("checkedIn", 0).put("noShow", 0));
    assertThat(live.getJsonObject("total").getInteger("issued")).isEqualTo(2);

    JsonObject staff = get(REPORTS + "&by=staff", manager);
    JsonObject lan = row(staff.getJsonArray("rows"), "lan");
    assertThat(lan.getInteger("served")).isEqualTo(1);
    assertThat(lan.getJsonObject("staffTime").getDouble("servingMinutes")).isEqualTo(12.0);
    assertThat(lan.getJsonObject("ratings").getInteger("count")).isEqualTo(2);
    assertThat(row(get(REPORTS + "&by=counter", manager).getJsonArray("rows"), "3").getInteger("served")).isEqualTo(1);
    assertThat(row(get(REPORTS + "&by=hour", manager).getJsonArray("rows"), "09").getInteger("issued")).isEqualTo(2);
    assertThat(row(get(REPORTS + "&by=day", manager).getJsonArray("rows"), "2026-11-23").getInteger("noShow"))
        .isEqualTo(1);

    ReportFixture.closeDays(app);
    manager = app.login("hoa", "password-of-hoa");
    JsonObject closed = get(REPORTS + "&by=field", manager);
    assertThat(closed.getInteger("closedDays")).isEqualTo(1);
    assertThat(closed.getInteger("liveDays")).isZero();
    assertThat(closed.getJsonArray("rows")).isEqualTo(live.getJsonArray("rows"));
    assertThat(closed.getJsonObject("total")).isEqualTo(live.getJsonObject("total"));
    JsonObject closedStaff = get(REPORTS + "&by=staff", manager);

    app.restart();
    manager = app.login("hoa", "password-of-hoa");
    JsonObject restarted = get(REPORTS + "&by=field", manager);
    assertThat(restarted.getJsonArray("rows")).isEqualTo(live.getJsonArray("rows"));
    assertThat(get(REPORTS + "&by=staff", manager).getJsonArray("rows"))
        .isEqualTo(closedStaff.getJsonArray("rows"));
  }

  @Test
  void appointmentsAreCountedByTheBookingScripts() throws Exception {
    app = ReportFixture.start();
    // Monday 09:00: two bookings for Tuesday's ho-tich slots
    for (int i = 1; i <= 2; i++) {
      JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24")
          .put("start", i == 1 ? "09:30" : "10:00").put("fullName", "Trần Thị Bình")
          .put("phone", "0912 345 00" + i).put("citizenId", "00120301200" + i);
      Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
      if (i == 1) {
        app.clock().set(java.time.Instant.parse("2026-11-24T02:10:00Z"));
        Api.Response in = app.api().post("/api/v1/offices/demo/check-in",
            new JsonObject().put("code", booked.json().getString("code")).encode(), "token", app.adminToken());
        assertThat(in.status()).as(in.body()).isEqualTo(201);
        app.clock().set(java.time.Instant.parse("2026-11-23T02:00:00Z"));
      }
    }
    // Tuesday 10:16 (+07:00): the 10:00 booking's window (15 minutes late) has ended
    app.clock().set(java.time.Instant.parse("2026-11-24T03:16:00Z"));
    assertThat(app.server().noShows().sweep().toCompletionStage().toCompletableFuture().join()).isEqualTo(1);
    String admin = app.login("admin", TestApp.ADMIN_PASSWORD);
    JsonObject report = get("/api/v1/offices/demo/reports?from=2026-11-24&to=2026-11-24&by=field", admin);
    assertThat(row(report.getJsonArray("rows"), "ho-tich").getJsonObject("appointments"))
        .isEqualTo(new JsonObject().put("booked", 2).put("checkedIn", 1).put("noShow", 1));
    assertThat(report.getJsonObject("total").getJsonObject("appointments").getInteger("booked")).isEqualTo(2);
  }

  @Test
  void onlyManagersOfTheOfficeAndAdminsReadIt() throws Exception {
    app = ReportFixture.start();
    String staff = app.tokenFor("lan", "STAFF", "demo");
    String otherManager = app.tokenFor("tam", "MANAGER", "other");
    String manager = app.tokenFor("hoa", "MANAGER", "demo");
    assertError(app.api().get(REPORTS), 401);
    assertError(app.api().get(REPORTS, "token", staff), 403);
    assertError(app.api().get(REPORTS, "token", otherManager), 403);
    assertThat(app.api().get(REPORTS, "token", manager).status()).isEqualTo(200);
    assertThat(app.api().get(REPORTS, "token", app.adminToken()).status()).isEqualTo(200);
    String province = "/api/v1/reports?from=2026-11-01&to=2026-11-30";
    assertError(app.api().get(province), 401);
    assertError(app.api().get(province, "token", manager), 403);
    Api.Response all = app.api().get(province, "token", app.adminToken());
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(all.json().getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("key")))
        .contains("demo", "other");
  }

  @Test
  void badParametersAre400() throws Exception {
    app = ReportFixture.start();
    String admin = app.adminToken();
    String base = "/api/v1/offices/demo/reports?";
    assertThat(app.api().get(base + "from=2026-11-23&to=2026-11-23&by=week", "token", admin).code())
        .isEqualTo("invalid_report_by");
    assertThat(app.api().get(base + "from=2026-1-1&to=2026-11-23", "token", admin).code()).isEqualTo("invalid_date");
    assertThat(app.api().get(base + "from=2026-02-30&to=2026-11-23", "token", admin).code()).isEqualTo("invalid_date");
    assertThat(app.api().get(base + "from=2025-01-01&to=2026-01-02", "token", admin).code())
        .isEqualTo("invalid_date_range");
    assertThat(app.api().get(base + "from=2026-11-24&to=2026-11-23", "token", admin).code())
        .isEqualTo("invalid_date_range");
    assertThat(app.api().get(base + "from=2026-11-23&to=2026-11-23&format=pdf", "token", admin).code())
        .isEqualTo("invalid_report_format");
    // a leap year's 366 days is allowed
    assertThat(app.api().get(base + "from=2024-01-01&to=2024-12-31", "token", admin).status()).isEqualTo(200);
    assertThat(app.api().get("/api/v1/offices/nowhere/reports?from=2026-11-23&to=2026-11-23", "token", admin)
        .status()).isEqualTo(404);
  }

  private JsonObject get(String path, String token) {
    Api.Response r = app.api().get(path, "token", token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    return r.json();
  }

  private static JsonObject row(JsonArray rows, String key) {
    return rows.stream().map(r -> (JsonObject) r).filter(r -> key.equals(r.getString("key"))).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows.encode()));
  }

  private static void assertError(Api.Response r, int status) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.json().getInteger("status")).isEqualTo(status);
    assertThat(r.json().getString("code")).isNotBlank();
    assertThat(r.json().getString("message")).isNotBlank();
  }
}
