package vn.layso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.TestApp;

/**
 * "Your turn is near" decided in the call's own step (call_next.lua answers the checked-in
 * appointments a call brings within ZALO_TURN_NEAR_PLACES of the front; nothing reads the queue
 * afterwards): told exactly once, when the call that brings them there is a walk-in's turn past
 * appointments, a priority ticket's, or one of many parallel calls; and at once when the check-in
 * itself places the ticket there. Demo office, Hộ tịch (counters 3 and 4), booked Monday 23/11 for
 * Tuesday 24/11.
 */
class TurnNearFoldIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Instant TUESDAY_0900 = Instant.parse("2026-11-24T02:00:00Z");

  private FakeZalo zalo;
  private TestApp app;

  private void start(int places) throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      env.put("ZALO_TURN_NEAR_PLACES", Integer.toString(places));
    });
    app.tokenFor("clerk-fold", "STAFF", "demo");
  }

  @AfterEach
  void stop() throws Exception {
    app.close();
    zalo.close();
  }

  /** Books Hộ tịch on Tuesday at {@code start} for a citizen (their own phone and CCCD); the booking code. */
  private String book(String start, String phone, String citizenId) {
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24").put("start", start)
        .put("fullName", "Nguyễn Thị Hoa").put("phone", phone).put("citizenId", citizenId);
    Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    return booked.json().getString("code");
  }

  private JsonObject checkIn(String code) {
    Api.Response r = app.api().post("/api/v1/offices/demo/check-in", new JsonObject().put("code", code).encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private String call(String clerk) {
    Api.Response called = app.counter("demo", "3", "call-next", clerk);
    assertThat(called.status()).as(called.body()).isEqualTo(200);
    return called.json().getJsonObject("ticket").getString("number");
  }

  private static String near(String code) {
    return "appt:" + code + ":near";
  }

  /** The one "turn is near" message of a booking, once delivered: its template data. */
  private JsonObject toldOnce(String code) {
    await().atMost(WAIT).until(() -> zalo.deliveredCount(near(code)) >= 1);
    assertThat(zalo.deliveredCount(near(code))).isEqualTo(1);
    return zalo.messages().stream().filter(m -> near(code).equals(m.getString("tracking_id"))).findFirst()
        .orElseThrow().getJsonObject("template_data");
  }

  /** The office's call policy: the walk-ins' turn after one appointment, for a walk-in who waited a minute. */
  private void walkInTurnAfterOneAppointment() {
    String path = "/api/v1/offices/demo/settings";
    JsonObject doc = app.api().get(path, "token", app.adminToken()).json();
    doc.put("callPolicy", doc.getJsonObject("callPolicy").put("maxAppointmentsInRow", 1).put("walkInMaxWaitMinutes", 1));
    Api.Response saved = app.api().method("PUT", path, doc.encode(), "token", app.adminToken(),
        "If-Match", String.valueOf(doc.getLong("revision")));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  @Test
  void theWalkInsTurnPastAnAppointmentBringsTheNextAppointmentNearAndItIsToldOnce() throws Exception {
    start(1);
    walkInTurnAfterOneAppointment();
    String first = book("09:00", "0911 111 111", "001199000001");
    String second = book("09:00", "0922 222 222", "001199000002");
    String mine = book("09:30", "0987 654 321", "001199012345");

    app.clock().set(TUESDAY_0900);
    assertThat(checkIn(first).getInteger("position")).isEqualTo(1);
    assertThat(checkIn(second).getInteger("position")).isEqualTo(2);
    app.clock().set(TUESDAY_0900.plus(Duration.ofMinutes(5)));
    String walkIn = app.issue("demo", "ho-tich").getString("number");
    JsonObject myTicket = checkIn(mine);
    assertThat(myTicket.getInteger("position")).isEqualTo(4);
    // checked in at places 1 and 2: within one ticket of the front already, told at once
    assertThat(toldOnce(first).getString("places_ahead")).isEqualTo("0");
    assertThat(toldOnce(second).getString("places_ahead")).isEqualTo("1");

    String clerk = app.login("clerk-fold", "password-of-clerk-fold");
    app.clock().set(TUESDAY_0900.plus(Duration.ofMinutes(10)));
    call(clerk);                                          // the first appointment: mine at place 3
    assertThat(call(clerk)).isEqualTo(walkIn);            // the walk-ins' turn takes place 2: mine at 2
    JsonObject told = toldOnce(mine);
    assertThat(told.getString("places_ahead")).isEqualTo("1");
    assertThat(told.getString("ticket_number")).isEqualTo(myTicket.getString("number"));

    call(clerk);                                          // the second appointment: mine at place 1
    assertThat(call(clerk)).isEqualTo(myTicket.getString("number"));
    assertThat(zalo.deliveredCount(near(mine))).isEqualTo(1);
    assertThat(zalo.deliveredCount(near(first))).isEqualTo(1);
    assertThat(zalo.deliveredCount(near(second))).isEqualTo(1);
    assertThat(zalo.violations()).isEmpty();
  }

  @Test
  void aPriorityTicketsCallBringsTheAppointmentNearAndItIsToldOnce() throws Exception {
    start(1);
    String mine = book("09:30", "0987 654 321", "001199012345");
    app.clock().set(TUESDAY_0900.plus(Duration.ofMinutes(5)));
    Api.Response priority = app.api().post("/api/v1/offices/demo/tickets",
        new JsonObject().put("service", "ho-tich").put("priority", "nguoi-cao-tuoi").encode(),
        "token", app.login("admin", TestApp.ADMIN_PASSWORD)); // the day has moved: a fresh log-in
    assertThat(priority.status()).as(priority.body()).isEqualTo(201);
    app.issue("demo", "ho-tich");
    JsonObject myTicket = checkIn(mine);
    assertThat(myTicket.getInteger("position")).isEqualTo(3);

    String clerk = app.login("clerk-fold", "password-of-clerk-fold");
    assertThat(call(clerk)).isEqualTo(priority.json().getString("number"));
    assertThat(toldOnce(mine).getString("places_ahead")).isEqualTo("1");
    call(clerk);
    assertThat(call(clerk)).isEqualTo(myTicket.getString("number"));
    assertThat(zalo.deliveredCount(near(mine))).isEqualTo(1);
    assertThat(zalo.violations()).isEmpty();
  }

  @Test
  void eightParallelCallsTellTheAppointmentOnceWhenTwoAreLeftBeforeIt() throws Exception {
    start(2);
    String mine = book("09:30", "0987 654 321", "001199012345");
    app.clock().set(TUESDAY_0900.plus(Duration.ofMinutes(5)));
    for (int i = 0; i < 8; i++) {
      app.issue("demo", "ho-tich");
    }
    JsonObject myTicket = checkIn(mine);
    assertThat(myTicket.getInteger("position")).isEqualTo(9);

    String clerk = app.login("clerk-fold", "password-of-clerk-fold");
    List<CompletableFuture<Api.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(app.api().postAsync("/api/v1/offices/demo/counters/" + (3 + i % 2) + "/call-next", "",
          "token", clerk));
    }
    List<String> called = calls.stream().map(CompletableFuture::join).map(r -> {
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.json().getJsonObject("ticket").getString("number");
    }).toList();
    assertThat(called).doesNotContain(myTicket.getString("number")).doesNotHaveDuplicates();
    JsonObject told = toldOnce(mine);
    assertThat(told.getString("places_ahead")).isEqualTo("2");
    assertThat(told.getString("ticket_number")).isEqualTo(myTicket.getString("number"));
    assertThat(call(clerk)).isEqualTo(myTicket.getString("number"));
    assertThat(zalo.deliveredCount(near(mine))).isEqualTo(1);
    assertThat(zalo.violations()).isEmpty();
  }
}
