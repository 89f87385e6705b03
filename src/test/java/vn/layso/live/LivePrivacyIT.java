package vn.layso.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.LiveClient;
import vn.layso.testing.TestApp;

/** Lobby events are public: no ticket id (the holder's secret) and no priority group, in any message. */
public class LivePrivacyIT {

  /** What a lobby may see of a ticket; an appointment ticket adds appointment:true and its slot (CheckInIT). */
  public static final Set<String> PUBLIC_TICKET_FIELDS = Set.of("number", "service", "status", "counter", "recalls",
      "priority", "appointment", "slot");
  public static final Set<String> RECENT_CALL_FIELDS = Set.of("number", "service", "counter", "at", "recalls",
      "priority", "announcement", "appointment", "slot");

  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String issuePriority(String token, String group) {
    Api.Response r = app.api().post("/api/v1/offices/demo/tickets",
        new JsonObject().put("service", "chung-thuc").put("priority", group).encode(), "token", token);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  private static JsonObject next(LiveClient screen, String type) throws InterruptedException {
    return screen.await(m -> type.equals(m.getString("type")));
  }

  @Test
  void noEventSnapshotOrRecentCallShowsATicketIdOrAPriorityGroup() throws Exception {
    String staff = app.tokenFor("canbo-quay-5", "STAFF", "demo");
    List<String> ids = new ArrayList<>();
    List<JsonObject> seen = new ArrayList<>();
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      seen.add(screen.next());
      ids.add(issuePriority(staff, "nguoi-khuyet-tat"));
      seen.add(next(screen, "ticket.issued"));
      app.counter("demo", "5", "call-next", staff);
      seen.add(next(screen, "ticket.called"));
      app.counter("demo", "5", "recall", staff);
      seen.add(next(screen, "ticket.recalled"));
      app.counter("demo", "5", "start", staff);
      seen.add(next(screen, "ticket.serving"));
      app.counter("demo", "5", "complete", staff);
      seen.add(next(screen, "ticket.done"));
      ids.add(issuePriority(staff, "phu-nu-co-thai"));
      app.counter("demo", "5", "call-next", staff);
      app.counter("demo", "5", "no-show", staff);
      seen.add(next(screen, "ticket.no_show"));
      ids.add(issuePriority(staff, "nguoi-khuyet-tat"));
      app.counter("demo", "5", "call-next", staff);
      assertThat(app.api().post("/api/v1/offices/demo/counters/5/transfer", "{\"service\":\"lao-dong\"}",
          "token", staff).status()).isEqualTo(200);
      seen.add(next(screen, "ticket.transferred"));
      app.counter("demo", "5", "pause", staff);
      seen.add(next(screen, "counter.paused"));
      app.counter("demo", "5", "resume", staff);
      seen.add(next(screen, "counter.resumed"));
      ids.add(issuePriority(staff, "phu-nu-co-thai"));
      app.counter("demo", "5", "call-next", staff);
      seen.add(next(screen, "ticket.called"));
      screen.send(new JsonObject().put("type", "resync"));
      JsonObject snapshot = next(screen, "snapshot");
      seen.add(snapshot);

      JsonObject atCounter5 = snapshot.getJsonArray("counters").stream().map(JsonObject.class::cast)
          .filter(c -> c.getString("id").equals("5")).findFirst().orElseThrow().getJsonObject("current");
      assertThat(atCounter5.fieldNames()).isSubsetOf(PUBLIC_TICKET_FIELDS);
      assertThat(atCounter5.getBoolean("priority")).isTrue();
      JsonArray calls = snapshot.getJsonArray("recentCalls");
      assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
      calls.stream().map(JsonObject.class::cast).forEach(call -> {
        assertThat(call.fieldNames()).isSubsetOf(RECENT_CALL_FIELDS);
        assertThat(call.getBoolean("priority")).isTrue();
      });
    }
    for (JsonObject message : seen) {
      String text = message.encode();
      assertThat(text).as(text).doesNotContain("nguoi-khuyet-tat").doesNotContain("phu-nu-co-thai")
          .doesNotContain("ticketId");
      ids.forEach(id -> assertThat(text).as(text).doesNotContain(id));
      JsonObject ticket = message.getJsonObject("ticket");
      if (ticket != null) {
        assertThat(ticket.fieldNames()).as(text).isSubsetOf(PUBLIC_TICKET_FIELDS);
        assertThat(ticket.getBoolean("priority")).as(text).isTrue();
      }
    }
    assertThat(seen).extracting(m -> m.getString("type")).contains("ticket.issued", "ticket.called",
        "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show", "ticket.transferred",
        "counter.paused", "counter.resumed", "snapshot");
  }

  @Test
  void aNormalTicketIsShownWithPriorityFalse() throws Exception {
    try (LiveClient screen = new LiveClient(app.port(), "demo")) {
      screen.next();
      JsonObject ticket = app.issue("demo", "dat-dai");
      JsonObject issued = next(screen, "ticket.issued");
      assertThat(issued.getJsonObject("ticket").getString("number")).isEqualTo(ticket.getString("number"));
      assertThat(issued.getJsonObject("ticket").getBoolean("priority")).isFalse();
      assertThat(issued.encode()).doesNotContain(ticket.getString("id"));
    }
  }
}
