package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.layso.booking.domain.BookingCode;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The whole server log (every logger, vn.layso down to DEBUG, rendered as both the text and the
 * JSON format print it) of bookings, look-ups, a cancel by body and one by an old link's query, a
 * check-in, a 404 by a made-up code, an address blocked for guessing and two unexpected failures
 * holds no booking code, phone (in any of its forms), CCCD, name (with or without its diacritics),
 * ticket id or client address.
 */
class LogPrivacyIT {

  private static final String DAY = "2026-11-24";
  private static final String NAME = "Phạm Thị Quỳnh Như";
  private static final String GUESSER = "203.0.113.57";
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

  private final List<String> secrets = new ArrayList<>();

  private String book(String start, int n) {
    String phone = "0916 27" + n + " 58" + n;
    String cccd = "0011950" + n + "8" + n + "46";
    JsonObject body = new JsonObject().put("service", "chung-thuc").put("date", DAY).put("start", start)
        .put("fullName", NAME).put("phone", phone).put("citizenId", cccd);
    Api.Response r = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String code = r.json().getString("code");
    String digits = phone.replace(" ", "");
    secrets.addAll(List.of(code, code.replace("-", ""), digits, digits.substring(1), "+84" + digits.substring(1),
        "84" + digits.substring(1), phone, cccd));
    return code;
  }

  @Test
  void noCodePhoneCitizenIdNameTicketIdOrAddressReachesTheLog() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger ours = context.getLogger("vn.layso");
    Level was = ours.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(context);
    captured.start();
    root.addAppender(captured);
    ours.setLevel(Level.DEBUG);
    try {
      aDayOfBookingLookUpsCancelsCheckInAndFailures();
    } finally {
      root.detachAppender(captured);
      ours.setLevel(was);
    }
    String log = render(context, List.copyOf(captured.list));
    secrets.add(NAME);
    secrets.add(ascii(NAME));
    secrets.add(GUESSER);

    assertThat(log).contains("appointment booked", "appointment cancelled", "unexpected failure",
        "route=\"/api/v1/tickets/{id}\"", "route=\"/api/v1/appointments/{id}\"", "look-ups by code blocked", "203.0.113.*");
    String lower = log.toLowerCase(Locale.ROOT);
    for (String secret : secrets) {
      assertThat(lower).as("the log holds %s", secret).doesNotContain(secret.toLowerCase(Locale.ROOT));
    }
  }

  private void aDayOfBookingLookUpsCancelsCheckInAndFailures() {
    String cancelledByBody = book("08:00", 1);
    String cancelledByQuery = book("08:00", 2);
    String checkedIn = book("08:00", 3);
    String broken = book("08:30", 4);

    for (String path : List.of("", ".ics", "/qr.svg")) {
      assertThat(app.api().get("/api/v1/appointments/" + cancelledByBody.toLowerCase(Locale.ROOT) + path).status())
          .isEqualTo(200);
    }
    Api.Response byBody = app.api().method("DELETE", "/api/v1/appointments/" + cancelledByBody,
        new JsonObject().put("phone", "0916 271 581").encode());
    assertThat(byBody.status()).as(byBody.body()).isEqualTo(200);
    Api.Response byQuery = app.api().method("DELETE", "/api/v1/appointments/" + cancelledByQuery
        + "?phone=%2B84916272582", null);
    assertThat(byQuery.status()).as(byQuery.body()).isEqualTo(200);
    assertThat(app.api().get("/api/v1/appointments/" + cancelledByQuery).json().getString("status"))
        .isEqualTo("CANCELLED");

    String madeUp = BookingCode.generate(new SecureRandom());
    secrets.add(madeUp);
    assertThat(app.api().get("/api/v1/appointments/" + madeUp).status()).isEqualTo(404);
    for (int i = 0; i < 11; i++) {
      String guess = BookingCode.generate(new SecureRandom());
      secrets.add(guess);
      app.api().get("/api/v1/appointments/" + guess, "X-Forwarded-For", GUESSER);
    }

    // Tuesday 07:45: check in, look at the ticket
    app.clock().set(Instant.parse(DAY + "T00:45:00Z"));
    Api.Response ticket = app.api().post("/api/v1/offices/demo/check-in",
        new JsonObject().put("code", checkedIn).encode());
    assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
    String ticketId = ticket.json().getString("id");
    secrets.add(ticketId);
    secrets.add(ticketId.substring(ticketId.indexOf('.') + 1));
    assertThat(app.api().get("/api/v1/tickets/" + ticketId).status()).isEqualTo(200);

    // unexpected failures: a ticket and a booking whose records Redis cannot read
    String walkIn = app.issue("demo", "ho-tich").getString("id");
    secrets.add(walkIn);
    secrets.add(walkIn.substring(walkIn.indexOf('.') + 1));
    String redis = app.server().embeddedRedis().uri();
    RedisAdmin.del(redis, Keys.ticket("demo", walkIn), Keys.appointment("demo", broken));
    RedisAdmin.sync(redis, c -> c.lpush(Keys.ticket("demo", walkIn), walkIn, "+84916274584"));
    RedisAdmin.sync(redis, c -> c.lpush(Keys.appointment("demo", broken), broken, NAME));
    Api.Response failedTicket = app.api().get("/api/v1/tickets/" + walkIn);
    assertThat(failedTicket.status()).as(failedTicket.body()).isEqualTo(500);
    Api.Response failedBooking = app.api().get("/api/v1/appointments/" + broken + "?phone=0916274584");
    assertThat(failedBooking.status()).as(failedBooking.body()).isEqualTo(500);
  }

  /** Every event as logback.xml's pattern prints it, and as logback-json.xml's encoder does. */
  private static String render(LoggerContext context, List<ILoggingEvent> events) {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern("%d %-5level %logger - %msg %kvp%n%ex");
    text.start();
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    json.start();
    return events.stream().map(e -> new String(text.encode(e), StandardCharsets.UTF_8)
        + new String(json.encode(e), StandardCharsets.UTF_8)).collect(Collectors.joining("\n"));
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }
}
