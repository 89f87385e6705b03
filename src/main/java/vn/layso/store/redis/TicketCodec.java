package vn.layso.store.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.layso.queue.QueueStore;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/**
 * Reads the ticket JSON the Lua scripts store, and the answers of the scripts that return tickets,
 * straight from the text with Jackson's streaming parser (no tree of maps in between: a counter's
 * press parses two tickets, so this is on the hottest path of the server).
 */
public final class TicketCodec {

  private static final JsonFactory JSON = new JsonFactory();

  private TicketCodec() {
  }

  /**
   * A script's answer that carries tickets: {@code {"ticket":{..},"closed":{..},"position":n,
   * "replayed":true}}, or a refusal {@code {"error":"..","status":".."}}. Fields it does not name are skipped.
   * An issuing step's answer may name the wait prediction it recorded ({@code "given":"ahead,p50,.."},
   * RedisPredictionStore's record), a call's the appointments it brought near the front
   * ({@code "near":[{"number","code","ahead"}]}).
   */
  public record Answer(String error, String status, Ticket ticket, Ticket closed, Integer position,
                       boolean replayed, String given, List<QueueStore.NearFront> near) {
  }

  public static Answer answer(String raw) {
    try (JsonParser p = JSON.createParser(raw)) {
      String error = null;
      String status = null;
      Ticket ticket = null;
      Ticket closed = null;
      Integer position = null;
      boolean replayed = false;
      String given = null;
      List<QueueStore.NearFront> near = List.of();
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "error" -> error = text(p, value);
          case "status" -> status = text(p, value);
          case "ticket" -> ticket = ticket(p, value);
          case "closed" -> closed = ticket(p, value);
          case "position" -> position = value.isNumeric() ? p.getIntValue() : null;
          case "replayed" -> replayed = value == JsonToken.VALUE_TRUE;
          case "given" -> given = text(p, value);
          case "near" -> near = near(p, value);
          default -> p.skipChildren();
        }
      }
      return new Answer(error, status, ticket, closed, position, replayed, given, near);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable script answer", e);
    }
  }

  /** One stored ticket (the JSON under its key). */
  public static Ticket read(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      return ticket(p, p.nextToken());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable ticket", e);
    }
  }

  /** One ticket inside an answer already read as a tree (the counter view's, check-in's). */
  public static Ticket read(JsonObject t) {
    return t == null ? null : read(t.encode());
  }

  /** call_next.lua's near list (cjson writes an empty one as {}: nothing). */
  private static List<QueueStore.NearFront> near(JsonParser p, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<QueueStore.NearFront> out = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String number = null;
      String code = null;
      int ahead = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "number" -> number = text(p, value);
          case "code" -> code = text(p, value);
          case "ahead" -> ahead = value.isNumeric() ? p.getIntValue() : -1;
          default -> p.skipChildren();
        }
      }
      if (number != null && code != null && ahead >= 0) {
        out.add(new QueueStore.NearFront(number, code, ahead));
      }
    }
    return out;
  }

  /** The ticket object at the parser (its START_OBJECT read); null for a JSON null. */
  private static Ticket ticket(JsonParser p, JsonToken start) throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(start, JsonToken.START_OBJECT);
    String id = null;
    String office = null;
    String number = null;
    String service = null;
    String status = null;
    String priority = null;
    Instant issuedAt = null;
    LocalDate serviceDate = null;
    String counter = null;
    Instant calledAt = null;
    Instant startedAt = null;
    Instant finishedAt = null;
    int recalls = 0;
    String source = null;
    String endReason = null;
    List<TicketStep> steps = new ArrayList<>();
    boolean appointment = false;
    String slot = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "id" -> id = text(p, value);
        case "office" -> office = text(p, value);
        case "number" -> number = text(p, value);
        case "service" -> service = text(p, value);
        case "status" -> status = text(p, value);
        case "priority" -> priority = text(p, value);
        case "issuedAt" -> issuedAt = instant(p, value);
        case "serviceDate" -> serviceDate = ServiceDay.parseKey(text(p, value));
        case "counter" -> counter = text(p, value);
        case "calledAt" -> calledAt = instant(p, value);
        case "startedAt" -> startedAt = instant(p, value);
        case "finishedAt" -> finishedAt = instant(p, value);
        case "recalls" -> recalls = value.isNumeric() ? p.getIntValue() : 0;
        case "source" -> source = text(p, value);
        case "endReason" -> endReason = text(p, value);
        case "steps" -> steps(p, value, steps);
        case "appointment" -> appointment = value == JsonToken.VALUE_TRUE;
        case "slot" -> slot = text(p, value);
        default -> p.skipChildren();
      }
    }
    return new Ticket(id, office, number, service, TicketStatus.valueOf(status), priority, issuedAt, serviceDate,
        counter, calledAt, startedAt, finishedAt, recalls, source, endReason, steps, appointment ? slot : null);
  }

  /** cjson writes an empty Lua table as {}, so anything but an array means no steps. */
  private static void steps(JsonParser p, JsonToken start, List<TicketStep> out) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String act = null;
      Instant at = null;
      String by = null;
      String counter = null;
      String service = null;
      String from = null;
      Object why = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "act" -> act = text(p, value);
          case "at" -> at = instant(p, value);
          case "by" -> by = text(p, value);
          case "counter" -> counter = text(p, value);
          case "service" -> service = text(p, value);
          case "from" -> from = text(p, value);
          case "why" -> why = value == JsonToken.START_OBJECT ? legacyReason(p) : text(p, value);
          default -> p.skipChildren();
        }
      }
      out.add(new TicketStep(act, at, by, counter, service, from, why(why, service)));
    }
  }

  /** The reason object of the first release (tickets it stored), its scalar fields as a tree. */
  private static JsonObject legacyReason(JsonParser p) throws IOException {
    JsonObject out = new JsonObject();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_STRING) {
        out.put(name, p.getText());
      } else if (value.isNumeric()) {
        out.put(name, p.getNumberValue());
      } else {
        p.skipChildren();
      }
    }
    return out;
  }

  /**
   * A call's reason as call_next.lua writes it, "RULE waited weight target row n" (one string: a
   * call then decodes and encodes no table of numbers for it), or the object of the first release
   * with the same fields; null when absent, malformed, or of a rule this version does not know.
   */
  static CallReason why(Object value, String service) {
    try {
      if (value instanceof String text) {
        String[] p = text.split(" ");
        if (p.length != 6) {
          return null;
        }
        return new CallReason(CallReason.rule(p[0]), service, Long.parseLong(p[1]), Integer.parseInt(p[2]),
            Long.parseLong(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
      }
      if (value instanceof JsonObject w) {
        return new CallReason(CallReason.rule(w.getString("rule")), service, w.getLong("waited", 0L),
            w.getInteger("weight", 1), w.getLong("target", 0L), w.getInteger("row", 0), w.getInteger("n", 1));
      }
      return null;
    } catch (IllegalArgumentException | NullPointerException | ClassCastException unknown) {
      return null;
    }
  }

  private static String text(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** Epoch milliseconds as cjson writes them (an integer, or a float for a fraction). */
  private static Instant instant(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return Instant.ofEpochMilli(p.getLongValue());
    }
    if (value == JsonToken.VALUE_NUMBER_FLOAT) {
      return Instant.ofEpochMilli((long) p.getDoubleValue());
    }
    p.skipChildren();
    return null;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new JsonParseException(null, "expected " + expected + ", got " + actual);
    }
  }
}
