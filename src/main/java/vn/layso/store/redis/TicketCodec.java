package vn.layso.store.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.layso.queue.QueueStore;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/**
 * Reads tickets as the store keeps them (docs/storage.md): a hash of {@link TicketFields} and a
 * list of steps, each "act|at|counter|field|from|why|by" (add_step in lib.lua); and the answers of
 * the scripts that return tickets, whose ticket objects carry the id and the hash's fields (flat:
 * values as the hash holds them, strings, or numbers), with {@code "steps"} (the entries) when the
 * script read them. The ISSUE step has no entry: it is the hash's issuedAt, source and first field. Answers are read with Jackson's streaming parser (no tree of maps in between:
 * this is on the hottest path of the server).
 */
public final class TicketCodec {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String STEPS = "steps";

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

  /** An answer of a script of {@code office}'s (the tickets' office: their hashes do not hold it). */
  public static Answer answer(String office, String raw) {
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
          case "ticket" -> ticket = ticket(office, p, value);
          case "closed" -> closed = ticket(office, p, value);
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

  /** One ticket object of an answer already read as a tree (the counter view's, check-in's, rating's). */
  public static Ticket read(String office, JsonObject t) {
    if (t == null) {
      return null;
    }
    try (JsonParser p = JSON.createParser(t.encode())) {
      return ticket(office, p, p.nextToken());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable ticket", e);
    }
  }

  /** A ticket from its hash (HGETALL: field to value) and its step entries; null when the hash is empty. */
  public static Ticket fromHash(String office, String id, Map<String, String> hash, List<String> steps) {
    if (hash == null || hash.get(TicketFields.STATUS.field()) == null) {
      return null;
    }
    return build(office, id, hash::get, steps);
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
  private static Ticket ticket(String office, JsonParser p, JsonToken start) throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(start, JsonToken.START_OBJECT);
    Map<String, String> fields = new HashMap<>();
    String id = null;
    List<String> steps = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("id".equals(name)) {
        id = scalar(p, value);
      } else if (STEPS.equals(name)) {
        steps = entries(p, value);
      } else {
        String text = scalar(p, value);
        if (text != null) {
          fields.put(name, text);
        }
      }
    }
    return build(office, id, fields::get, steps);
  }

  /**
   * The ticket; with its steps when {@code entries} were read (null: not read, no steps). The issue
   * is no entry: its step is made from the hash (issuedAt, source, the first field), unless the
   * list starts with one (a list written before issue 16's first release of the hash).
   */
  private static Ticket build(String office, String id, Function<String, String> field, List<String> entries) {
    String service = get(field, TicketFields.SERVICE);
    List<TicketStep> steps = new ArrayList<>(entries == null ? 0 : entries.size() + 1);
    if (entries == null) {
      entries = List.of();
    } else if (entries.isEmpty() || !entries.get(0).startsWith("ISSUE|")) {
      String first = get(field, TicketFields.FIRST_SERVICE);
      steps.add(new TicketStep("ISSUE", instant(get(field, TicketFields.ISSUED_AT)), get(field, TicketFields.SOURCE),
          null, first != null ? first : service, null));
    }
    for (String entry : entries) {
      TicketStep step = step(entry);
      if (step != null) {
        steps.add(step);
      }
    }
    String recalls = get(field, TicketFields.RECALLS);
    String date = get(field, TicketFields.SERVICE_DATE);
    return new Ticket(id, office, get(field, TicketFields.NUMBER), service,
        TicketStatus.valueOf(get(field, TicketFields.STATUS)), get(field, TicketFields.PRIORITY),
        instant(get(field, TicketFields.ISSUED_AT)), date == null ? null : ServiceDay.parseKey(date),
        get(field, TicketFields.COUNTER), instant(get(field, TicketFields.CALLED_AT)),
        instant(get(field, TicketFields.STARTED_AT)), instant(get(field, TicketFields.FINISHED_AT)),
        recalls == null ? 0 : (int) number(recalls), get(field, TicketFields.SOURCE),
        get(field, TicketFields.END_REASON), steps, get(field, TicketFields.SLOT),
        get(field, TicketFields.TRANSFERRED_FROM), why(get(field, TicketFields.WHY), service));
  }

  private static String get(Function<String, String> field, TicketFields f) {
    String value = field.apply(f.field());
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * One step entry, "act|at|counter|field|from|why|by" (empty parts: none; {@code by} last, whole);
   * null when malformed.
   */
  static TicketStep step(String entry) {
    String[] p = entry.split("\\|", 7);
    if (p.length != 7 || p[0].isEmpty()) {
      return null;
    }
    String service = blank(p[3]);
    return new TicketStep(p[0], instant(p[1]), blank(p[6]), blank(p[2]), service, blank(p[4]), why(blank(p[5]), service));
  }

  /** The entry add_step (lib.lua) writes for a step: the inverse of {@link #step}. */
  static String entry(TicketStep s) {
    return s.action() + "|" + (s.at() == null ? "" : s.at().toEpochMilli()) + "|" + orEmpty(s.counter()) + "|"
        + orEmpty(s.service()) + "|" + orEmpty(s.from()) + "|" + (s.why() == null ? "" : s.why().code() + " "
        + s.why().waitedSeconds() + " " + s.why().weight() + " " + s.why().targetSeconds() + " " + s.why().row() + " "
        + s.why().candidates()) + "|" + orEmpty(s.by());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String blank(String value) {
    return value.isEmpty() ? null : value;
  }

  /**
   * A call's reason as call_next.lua writes it, "RULE waited weight target row n"; null when
   * absent, malformed, or of a rule this version does not know.
   */
  static CallReason why(String text, String service) {
    if (text == null) {
      return null;
    }
    try {
      String[] p = text.split(" ");
      if (p.length != 6) {
        return null;
      }
      return new CallReason(CallReason.rule(p[0]), service, Long.parseLong(p[1]), Integer.parseInt(p[2]),
          Long.parseLong(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return null;
    }
  }

  /** A string or a number as text (numbers as the hash would hold them); anything else skipped. */
  private static String scalar(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return Long.toString(p.getLongValue());
    }
    if (value == JsonToken.VALUE_NUMBER_FLOAT) {
      return Long.toString((long) p.getDoubleValue());
    }
    p.skipChildren();
    return null;
  }

  /** A JSON array of strings; cjson writes an empty Lua table as {}: no entries. */
  private static List<String> entries(JsonParser p, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      String s = scalar(p, t);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static String text(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** Epoch milliseconds as the hash holds them (digits; a fraction, if Lua wrote one, dropped). */
  private static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(number(text));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long number(String text) {
    int dot = text.indexOf('.');
    if (dot >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return (long) Double.parseDouble(text);
    }
    return Long.parseLong(text);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new JsonParseException(null, "expected " + expected + ", got " + actual);
    }
  }
}
