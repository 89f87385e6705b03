package vn.layso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.notify.domain.Notification;
import vn.layso.notify.domain.TemplateKey;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.TestApp;

/** End to end: the outbox, the worker and the ZNS client against a fake Zalo that checks every request. */
class NotifyIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicInteger SEQ = new AtomicInteger();

  private static FakeZalo zalo;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      env.put("ZALO_MAX_ATTEMPTS", "3");
    });
  }

  /** The admin token lives 12 hours of the test clock: the tests advance it by less than that in all. */
  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  @AfterEach
  void noBadRequests() {
    zalo.down(false);
    assertThat(zalo.violations()).isEmpty();
  }

  static Notification confirmation(String id, String phone) {
    return new Notification(id, "appt:" + id.replace(':', '-'), phone, TemplateKey.CONFIRMATION,
        Map.of("customer_name", "Nguyễn Thị Thuỷ Tiên", "booking_code", "K7M2QX", "office_name", "Phường Ba Đình",
            "service_name", "Đất đai", "schedule_date", "24/11/2026", "schedule_time", "08:30"),
        Instant.parse("2026-11-23T00:00:00Z"));
  }

  static String uniqueId() {
    return "appt:T" + SEQ.incrementAndGet() + System.nanoTime() % 100000 + ":confirm";
  }

  static boolean enqueue(TestApp on, Notification n) throws Exception {
    return on.server().notifier().enqueue(n).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private JsonObject entry(String id) {
    Api.Response r = app.api().get("/api/v1/admin/notifications/" + id, "token", app.adminToken());
    return r.status() == 200 ? r.json() : new JsonObject();
  }

  @Test
  void aNotificationIsDeliveredOnceInTheRealRequestShape() throws Exception {
    String id = uniqueId();
    assertThat(enqueue(app, confirmation(id, "0912 345 678"))).isTrue();

    await().atMost(WAIT).until(() -> "SENT".equals(entry(id).getString("status")));
    JsonObject sent = zalo.messages().stream().filter(m -> id.equals(m.getString("tracking_id"))).findFirst()
        .orElseThrow();
    assertThat(sent.getString("phone")).isEqualTo("84912345678");
    assertThat(sent.getString("template_id")).isEqualTo("1001");
    assertThat(sent.getJsonObject("template_data").getString("customer_name")).isEqualTo("Nguyễn Thị Thuỷ Tiên");
    assertThat(entry(id).getString("phone")).isEqualTo("+8491*****78");
    await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> zalo.deliveredCount(id) == 1);
  }

  @Test
  void theSameEventEnqueuedTwiceIsSentOnce() throws Exception {
    String id = uniqueId();
    assertThat(enqueue(app, confirmation(id, "0912345670"))).isTrue();
    assertThat(enqueue(app, confirmation(id, "0912345670"))).isFalse();
    await().atMost(WAIT).until(() -> "SENT".equals(entry(id).getString("status")));
    assertThat(enqueue(app, confirmation(id, "0912345670"))).isFalse();
    await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> zalo.deliveredCount(id) == 1);
  }

  @Test
  void zaloDownThenUpIsDeliveredAfterRetriesOnce() throws Exception {
    String id = uniqueId();
    zalo.down(true);
    enqueue(app, confirmation(id, "0987654321"));
    await().atMost(WAIT).until(() -> entry(id).getInteger("attempts", 0) == 1
        && "PENDING".equals(entry(id).getString("status")));
    assertThat(entry(id).getString("lastError")).isEqualTo("http 500");
    // not retried before its backoff
    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> entry(id).getInteger("attempts") == 1);
    zalo.down(false);
    app.clock().advance(Duration.ofMinutes(5));
    await().atMost(WAIT).until(() -> "SENT".equals(entry(id).getString("status")));
    assertThat(entry(id).getInteger("attempts")).isEqualTo(2);
    assertThat(zalo.deliveredCount(id)).isEqualTo(1);
  }

  @Test
  void aTimeoutIsRetriedAndDeliveredOnce() throws Exception {
    String id = uniqueId();
    zalo.hangNext(1);
    enqueue(app, confirmation(id, "0987654322"));
    await().atMost(WAIT).until(() -> String.valueOf(entry(id).getString("lastError")).startsWith("unreachable"));
    app.clock().advance(Duration.ofMinutes(5));
    await().atMost(WAIT).until(() -> "SENT".equals(entry(id).getString("status")));
    assertThat(zalo.deliveredCount(id)).isEqualTo(1);
  }

  @Test
  void anExpiredTokenIsRefreshedOnceAndTheSendRetriedOnce() throws Exception {
    String first = uniqueId();
    enqueue(app, confirmation(first, "0912345671"));
    await().atMost(WAIT).until(() -> zalo.deliveredCount(first) == 1);
    int refreshes = zalo.refreshes();
    int requests = zalo.sendRequests();
    zalo.expireAccessTokens();

    String id = uniqueId();
    enqueue(app, confirmation(id, "0912345672"));
    await().atMost(WAIT).until(() -> "SENT".equals(entry(id).getString("status")));
    assertThat(zalo.refreshes()).isEqualTo(refreshes + 1);
    assertThat(zalo.sendRequests()).isEqualTo(requests + 2);
    assertThat(entry(id).getInteger("attempts")).isEqualTo(1);
    assertThat(zalo.refreshReuses()).isZero();
  }

  @Test
  void aNumberWithoutZaloIsNotRetriedAndGoesToTheSmsFallback() throws Exception {
    Logger smsLog = (Logger) LoggerFactory.getLogger(SmsFallback.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(smsLog.getLoggerContext());
    captured.start();
    smsLog.addAppender(captured);
    try {
      String id = uniqueId();
      zalo.noZaloAccount("84912345673");
      int before = zalo.sendRequests();
      enqueue(app, confirmation(id, "+84912345673"));
      await().atMost(WAIT).until(() -> "NO_ZALO".equals(entry(id).getString("status")));
      app.clock().advance(Duration.ofHours(2));
      await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> zalo.sendRequests() == before + 1);
      await().atMost(WAIT).until(() -> List.copyOf(captured.list).stream()
          .anyMatch(e -> String.valueOf(e.getKeyValuePairs()).contains(Redact.trackingId(id))));
      assertThat(String.valueOf(List.copyOf(captured.list).stream().map(ILoggingEvent::getKeyValuePairs).toList()))
          .contains("+8491*****73").doesNotContain("912345673").doesNotContain(id);
      Api.Response list = app.api().get("/api/v1/admin/notifications?status=no_zalo", "token", app.adminToken());
      assertThat(list.body()).contains(id).doesNotContain("912345673");
    } finally {
      smsLog.detachAppender(captured);
    }
  }

  @Test
  void afterTheLastAttemptItIsADeadLetterThatAnAdminCanSendAgain() throws Exception {
    String id = uniqueId();
    zalo.down(true);
    enqueue(app, confirmation(id, "0912345674"));
    for (int attempt = 1; attempt <= 3; attempt++) {
      int n = attempt;
      await().atMost(WAIT).until(() -> entry(id).getInteger("attempts", 0) == n
          && !"SENDING".equals(entry(id).getString("status")));
      app.clock().advance(Duration.ofMinutes(10));
    }
    assertThat(entry(id).getString("status")).isEqualTo("FAILED");
    Api.Response failed = app.api().get("/api/v1/admin/notifications?status=failed", "token", app.adminToken());
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.body()).contains(id);
    assertThat(app.api().get("/api/v1/admin/notifications?status=failed").status()).isEqualTo(401);

    zalo.down(false);
    assertThat(app.api().post("/api/v1/admin/notifications/" + id + "/retry", null, "token", app.adminToken())
        .status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "SENT".equals(entry(id).getString("status")));
    assertThat(zalo.deliveredCount(id)).isEqualTo(1);
    assertThat(app.api().post("/api/v1/admin/notifications/" + id + "/retry", null, "token", app.adminToken())
        .code()).isEqualTo("notification_not_failed");
  }

  @Test
  void cancellingAGroupStopsItsPendingNotifications() throws Exception {
    String id = uniqueId();
    Notification later = new Notification(id, "appt:CANCEL1", "0912345675", TemplateKey.CONFIRMATION,
        confirmation(id, "0912345675").data(), app.clock().instant().plus(Duration.ofHours(1)));
    enqueue(app, later);
    int cancelled = app.server().notifier().cancelGroup("appt:CANCEL1").toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    assertThat(cancelled).isEqualTo(1);
    app.clock().advance(Duration.ofHours(2));
    await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> zalo.deliveredCount(id) == 0);
    assertThat(entry(id).getString("status")).isEqualTo("CANCELLED");
    // the same event queued again (a booking moved back to its slot) is sent
    assertThat(enqueue(app, later)).isTrue();
    await().atMost(WAIT).until(() -> zalo.deliveredCount(id) == 1);
  }

  @Test
  void aBookingIsConfirmedAndItsRemindersFollowItsMovesAndItsCancellation() {
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-25").put("start", "08:30")
        .put("fullName", "Nguyễn Văn An").put("phone", "0912 345 900").put("citizenId", "001099012345");
    Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    String code = booked.json().getString("code");
    String first = "appt:" + code + ":confirm:202611250830";
    await().atMost(WAIT).until(() -> zalo.deliveredCount(first) == 1);
    JsonObject sent = zalo.messages().stream().filter(m -> first.equals(m.getString("tracking_id"))).findFirst()
        .orElseThrow();
    assertThat(sent.getString("phone")).isEqualTo("84912345900");
    assertThat(sent.getJsonObject("template_data").getString("schedule_date")).isEqualTo("25/11/2026");
    assertThat(sent.getJsonObject("template_data").getString("schedule_time")).isEqualTo("08:30");
    assertThat(entry("appt:" + code + ":remind-day:202611250830").getString("notBefore"))
        .isEqualTo("2026-11-24T11:00:00Z");
    assertThat(entry("appt:" + code + ":remind-soon:202611250830").getString("status")).isEqualTo("PENDING");

    Api.Response moved = app.api().post("/api/v1/appointments/" + code + "/reschedule",
        new JsonObject().put("phone", "0912345900").put("date", "2026-11-26").put("start", "09:00").encode());
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    await().atMost(WAIT).until(() -> zalo.deliveredCount("appt:" + code + ":confirm:202611260900") == 1);
    assertThat(entry("appt:" + code + ":remind-day:202611250830").getString("status")).isEqualTo("CANCELLED");
    assertThat(entry("appt:" + code + ":remind-soon:202611260900").getString("status")).isEqualTo("PENDING");

    Api.Response cancelled = app.api().method("DELETE", "/api/v1/appointments/" + code + "?phone=0912345900", null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "CANCELLED".equals(entry("appt:" + code + ":remind-soon:202611260900")
        .getString("status")));
    assertThat(entry("appt:" + code + ":remind-day:202611260900").getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void twoServersWithOneOutboxSendEachTrackingIdOnceAndRefreshOnce() throws Exception {
    try (FakeZalo fresh = new FakeZalo(); TestApp one = TestApp.start(fresh::configure); TestApp two = one.sibling()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        String id = "appt:M" + i + ":confirm";
        ids.add(id);
        enqueue(i % 2 == 0 ? one : two, confirmation(id, "09123" + String.format("%05d", i)));
        // the same events reach the other server too
        enqueue(i % 2 == 0 ? two : one, confirmation(id, "09123" + String.format("%05d", i)));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> fresh.delivered().size() == ids.size());
      assertThat(fresh.refreshes()).isEqualTo(1);

      fresh.expireAccessTokens();
      for (int i = 0; i < 60; i++) {
        String id = "appt:N" + i + ":confirm";
        ids.add(id);
        enqueue(i % 2 == 0 ? one : two, confirmation(id, "09124" + String.format("%05d", i)));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> fresh.delivered().size() == ids.size());
      await().during(Duration.ofMillis(500)).atMost(WAIT)
          .until(() -> fresh.delivered().values().stream().allMatch(n -> n.get() == 1));
      assertThat(fresh.refreshes()).isEqualTo(2);
      assertThat(fresh.refreshReuses()).isZero();
      assertThat(fresh.violations()).isEmpty();
    }
  }
}
