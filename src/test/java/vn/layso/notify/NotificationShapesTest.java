package vn.layso.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.notify.domain.Phones;

/** The outbox's answers to an admin, byte for byte what the hand-built JSON of before gave. */
class NotificationShapesTest {

  private static String before(NotificationStore.Entry e) {
    return new JsonObject().put("trackingId", e.trackingId()).put("group", e.group())
        .put("phone", Phones.mask(e.phone())).put("template", e.template()).put("status", e.status())
        .put("attempts", e.attempts()).put("notBefore", iso(e.notBefore())).put("createdAt", iso(e.createdAt()))
        .put("updatedAt", iso(e.updatedAt())).put("lastError", e.lastError()).put("msgId", e.msgId()).encode();
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  @Test
  void aNotificationIsWhatTheRoutesWrote() {
    Instant t = Instant.parse("2026-12-07T08:00:00.123Z");
    List<NotificationStore.Entry> entries = List.of(
        new NotificationStore.Entry("appt:K7M2QX:confirm", "appt:K7M2QX", "+84912345678", "confirmation", "FAILED", 8,
            t, t, t, "http 500", "m-1"),
        new NotificationStore.Entry("turn:x", null, null, "turn_near", "NO_ZALO", 0, null, null, null, null, null));
    for (NotificationStore.Entry e : entries) {
      assertThat(ApiJson.encode(NotificationRoutes.Notification.of(e))).isEqualTo(before(e));
    }
    assertThat(ApiJson.encode(new NotificationRoutes.Notifications(
        entries.stream().map(NotificationRoutes.Notification::of).toList())))
        .isEqualTo(new JsonObject().put("notifications", new JsonArray(entries.stream()
            .map(e -> new JsonObject(before(e))).toList())).encode());
    assertThat(ApiJson.encode(new NotificationRoutes.Retried("turn:x", "PENDING")))
        .isEqualTo("{\"trackingId\":\"turn:x\",\"status\":\"PENDING\"}");
  }
}
