package vn.layso.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The ticket page's rule (webroot/ticket/place.js, PlaceFollower and applyEvent), in Java, for the
 * bench's simulated pages: the same decisions on the same events, so that the requests they make
 * are the requests real pages would make. TicketPagePushIT counts the real page's requests in
 * Chromium; this class must follow place.js line for line (a change there is a change here).
 */
final class TicketPageRule {

  /** When the page asks the server again: never, later (1-5 s), soon (0-300 ms); the sooner wins. */
  enum Ask { NONE, LATER, SOON }

  private static final int LOG_MAX = 500;

  private final String number;
  private String service;
  private String status = "WAITING";
  private Integer position;
  private boolean read;
  private Long markVersion;
  private String markEpoch;
  private Long streamVersion;
  private String streamEpoch;
  private final Deque<JsonObject> log = new ArrayDeque<>();
  private int inexact;
  /** When its own call reached the page (System.nanoTime), 0 before. */
  private long calledNanos;

  TicketPageRule(String number) {
    this.number = number;
  }

  String status() {
    return status;
  }

  Integer position() {
    return position;
  }

  long calledNanos() {
    return calledNanos;
  }

  /** A read of the ticket (GET /api/v1/tickets/{id}). */
  Ask read(JsonObject ticket) {
    JsonObject live = ticket.getJsonObject("live");
    status = ticket.getString("status");
    service = ticket.getString("service");
    position = ticket.getInteger("position");
    read = true;
    if (streamVersion == null) {
      markVersion = live == null ? null : live.getLong("version");
      markEpoch = live == null ? null : live.getString("epoch");
      return Ask.NONE;
    }
    long last = log.isEmpty() ? streamVersion : log.peekLast().getLong("version");
    if (live == null) {
      markVersion = last;
      markEpoch = streamEpoch;
      return Ask.NONE;
    }
    if (!Objects.equals(live.getString("epoch"), streamEpoch) || live.getLong("version") < streamVersion) {
      markVersion = last;
      markEpoch = streamEpoch;
      inexact++;
      return inexact < 2 ? Ask.LATER : Ask.NONE;
    }
    inexact = 0;
    markVersion = live.getLong("version");
    markEpoch = live.getString("epoch");
    Ask ask = Ask.NONE;
    for (JsonObject e : log) {
      if (e.getLong("version") > markVersion) {
        ask = max(ask, apply(e));
      }
    }
    return ask;
  }

  /** The stream's snapshot (version and epoch). */
  Ask snapshot(long version, String epoch) {
    streamVersion = version;
    streamEpoch = epoch;
    log.clear();
    if (!read) {
      return Ask.NONE;
    }
    boolean marked = markVersion != null;
    if (!marked || !Objects.equals(markEpoch, epoch) || markVersion < version) {
      markVersion = version;
      markEpoch = epoch;
      return marked ? Ask.LATER : Ask.SOON;
    }
    return Ask.NONE;
  }

  /** One delta, in version order. */
  Ask delta(JsonObject event) {
    if (log.size() >= LOG_MAX) {
      log.removeFirst();
    }
    log.addLast(event);
    Ask ask = Ask.NONE;
    if (read && markVersion != null && event.getLong("version") > markVersion) {
      ask = apply(event);
    }
    // ticket.js: a pause or resume of a counter of its field renews the estimate (bench counters serve every field)
    String type = event.getString("type");
    if ("WAITING".equals(status) && ("counter.paused".equals(type) || "counter.resumed".equals(type))) {
      ask = max(ask, Ask.LATER);
    }
    return ask;
  }

  private Ask apply(JsonObject event) {
    markVersion = event.getLong("version");
    JsonObject other = event.getJsonObject("ticket", new JsonObject());
    JsonObject closed = event.getJsonObject("closed");
    String type = event.getString("type");
    if (number.equals(other.getString("number"))) {
      return own(type, event, other);
    }
    if (closed != null && number.equals(closed.getString("number"))) {
      return own("closed", event, closed);
    }
    if ("day.closed".equals(type)) {
      return Ask.LATER;
    }
    if (!"WAITING".equals(status) || position == null) {
      return Ask.NONE;
    }
    JsonObject queue = event.getJsonObject("queue");
    if (queue == null || !Objects.equals(queue.getString("service"), service)) {
      return Ask.NONE;
    }
    Integer place = queue.getInteger("place");
    if (place == null) {
      return Ask.LATER;
    }
    if ("ticket.called".equals(type) && place < position) {
      position--;
    } else if (("ticket.issued".equals(type) || "ticket.transferred".equals(type)) && place <= position) {
      position++;
    }
    return Ask.NONE;
  }

  private Ask own(String type, JsonObject event, JsonObject seen) {
    switch (type) {
      case "ticket.called", "ticket.recalled" -> {
        status = "CALLED";
        position = null;
        if (calledNanos == 0) {
          calledNanos = System.nanoTime();
        }
        return Ask.NONE;
      }
      case "ticket.serving" -> {
        status = "SERVING";
        return Ask.NONE;
      }
      case "ticket.transferred" -> {
        status = "WAITING";
        service = seen.getString("service");
        JsonObject queue = event.getJsonObject("queue");
        if (queue != null && queue.getInteger("place") != null) {
          position = queue.getInteger("place");
        }
        return Ask.SOON;
      }
      default -> {
        if (seen.getString("status") != null) {
          status = seen.getString("status");
        }
        return Ask.SOON;
      }
    }
  }

  private static Ask max(Ask a, Ask b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
