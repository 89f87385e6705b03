package vn.layso.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import vn.layso.history.domain.DayFigures;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;

/**
 * Reads a stored day summary (any schema, see {@link SummaryJson}) with Jackson's streaming
 * parser straight into the figures a report merges: no tree of {@code JsonObject}s, no string of
 * the whole document. It gives exactly what {@link SummaryJson#figures} gives for the same text
 * (SummaryReaderTest); a year of a provincial centre is some 300 of these at a cold start.
 */
public final class SummaryReader {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int COUNTS = 8;

  private SummaryReader() {
  }

  /** The figures of the summary whose JSON text {@code in} holds (UTF-8); the stream is closed. */
  public static DayFigures figures(InputStream in) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      LocalDate date = null;
      Tally all = null;
      int[] tickets = new int[COUNTS];
      Distribution wait = new Distribution();
      Distribution service = new Distribution();
      Map<String, Tally> byField = Map.of();
      Map<String, Tally> byCounter = Map.of();
      Map<String, Tally> byStaff = Map.of();
      Map<String, Tally> byHour = Map.of();
      Map<String, StaffTime> staffTime = Map.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue;
        }
        switch (name) {
          case "date" -> date = LocalDate.parse(p.getText());
          case "all" -> all = tally(p);
          case "tickets" -> readTickets(p, tickets);
          case "wait" -> wait = distribution(p);
          case "service" -> service = distribution(p);
          case "byField" -> byField = groups(p);
          case "byCounter" -> byCounter = groups(p);
          case "byStaff" -> byStaff = groups(p);
          case "byHour" -> byHour = groups(p);
          case "staffTime" -> staffTime = staffTime(p);
          default -> p.skipChildren();
        }
      }
      if (date == null) {
        throw new IOException("a day summary without its date");
      }
      // schema 1 has no "all": the day's counts by final status and its two distributions
      Tally day = all != null ? all : Tally.restore(tickets, wait, service);
      return new DayFigures(date, day, byField, byCounter, byStaff, byHour, staffTime);
    }
  }

  /** Schema 1's day counts: issued, served, noShow, skipped, cancelled, expired (no transferred, no withinTarget). */
  private static void readTickets(JsonParser p, int[] counts) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      int i = switch (name) {
        case "issued" -> 0;
        case "served" -> 1;
        case "noShow" -> 2;
        case "skipped" -> 3;
        case "cancelled" -> 4;
        case "expired" -> 5;
        default -> -1;
      };
      if (i >= 0 && p.currentToken().isNumeric()) {
        counts[i] = p.getNumberValue().intValue();
      } else {
        p.skipChildren();
      }
    }
  }

  private static Map<String, Tally> groups(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Map<String, Tally> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      out.put(key, tally(p));
    }
    return out;
  }

  private static Tally tally(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    int[] counts = new int[COUNTS];
    Distribution wait = new Distribution();
    Distribution service = new Distribution();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      int i = switch (name) {
        case "issued" -> 0;
        case "served" -> 1;
        case "noShow" -> 2;
        case "skipped" -> 3;
        case "cancelled" -> 4;
        case "expired" -> 5;
        case "transferred" -> 6;
        case "withinTarget" -> 7;
        default -> -1;
      };
      if (i >= 0 && value.isNumeric()) {
        counts[i] = p.getNumberValue().intValue();
      } else if (name.equals("wait") && value == JsonToken.START_OBJECT) {
        wait = distribution(p);
      } else if (name.equals("service") && value == JsonToken.START_OBJECT) {
        service = distribution(p);
      } else {
        p.skipChildren();
      }
    }
    return Tally.restore(counts, wait, service);
  }

  /** A distribution: its buckets (keyed by lower edge in minutes) and exact count, sum, min and max. */
  private static Distribution distribution(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    long[] buckets = new long[Distribution.BUCKETS];
    long count = 0;
    long sum = 0;
    long min = 0;
    long max = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("buckets") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          long minute = Long.parseLong(p.currentName());
          p.nextToken();
          buckets[Distribution.bucketOf(minute * 60)] += p.getNumberValue().longValue();
        }
      } else if (value.isNumeric()) {
        long n = p.getNumberValue().longValue();
        switch (name) {
          case "count" -> count = n;
          case "sumSeconds" -> sum = n;
          case "minSeconds" -> min = n;
          case "maxSeconds" -> max = n;
          default -> {
            // percentiles are estimates of the buckets: recomputed, not read
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return Distribution.restore(buckets, count, sum, min, max);
  }

  private static Map<String, StaffTime> staffTime(JsonParser p) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    Map<String, StaffTime> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String account = p.currentName();
      expect(p.nextToken(), JsonToken.START_OBJECT);
      long session = 0;
      long serving = 0;
      long idle = 0;
      Map<String, Long> paused = new TreeMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("pausedSeconds") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String reason = p.currentName();
            p.nextToken();
            paused.put(reason, p.getNumberValue().longValue());
          }
        } else if (value.isNumeric()) {
          long n = p.getNumberValue().longValue();
          switch (name) {
            case "sessionSeconds" -> session = n;
            case "servingSeconds" -> serving = n;
            case "idleWhileWaitingSeconds" -> idle = n;
            default -> {
              // nothing else is read
            }
          }
        } else {
          p.skipChildren();
        }
      }
      out.put(account, new StaffTime(session, serving, idle, paused));
    }
    return out;
  }

  private static void expect(JsonToken got, JsonToken wanted) throws IOException {
    if (got != wanted) {
      throw new IOException("a day summary with " + got + " where " + wanted + " belongs");
    }
  }
}
