package vn.layso.booking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.layso.booking.domain.BookingSettings;
import vn.layso.booking.domain.LateArrival;
import vn.layso.booking.domain.TimeRange;

/** The office JSON's optional {@code "booking"} object; every key is optional (see BookingSettings.DEFAULTS). */
public final class BookingJson {

  private BookingJson() {
  }

  public static BookingSettings read(JsonObject json) {
    if (json == null) {
      return BookingSettings.DEFAULTS;
    }
    BookingSettings d = BookingSettings.DEFAULTS;
    Map<String, Map<DayOfWeek, List<TimeRange>>> fields = new LinkedHashMap<>();
    JsonObject fieldHours = json.getJsonObject("fieldHours", new JsonObject());
    for (String field : fieldHours.fieldNames()) {
      fields.put(field, week("booking.fieldHours." + field, fieldHours.getJsonObject(field)));
    }
    Map<LocalDate, List<TimeRange>> exceptions = new LinkedHashMap<>();
    JsonObject dates = json.getJsonObject("exceptions", new JsonObject());
    for (String date : dates.fieldNames()) {
      LocalDate day;
      try {
        day = LocalDate.parse(date);
      } catch (java.time.DateTimeException bad) {
        throw new IllegalArgumentException("booking.exceptions: '" + date + "' is not a date like 2026-12-31");
      }
      exceptions.put(day, sessions("booking.exceptions." + date, dates.getJsonArray(date)));
    }
    return new BookingSettings(json.getInteger("slotMinutes", d.slotMinutes()),
        json.getInteger("appointmentShare", d.appointmentShare()),
        json.getInteger("minDaysAhead", d.minDaysAhead()), json.getInteger("maxDaysAhead", d.maxDaysAhead()),
        time("booking.cutoff", json.getString("cutoff"), d.cutoff()),
        json.getInteger("holdMinutes", d.holdMinutes()), json.getInteger("maxPerDay", d.maxPerDay()),
        json.getInteger("maxPerField", d.maxPerField()),
        json.getInteger("checkInEarlyMinutes", d.checkInEarlyMinutes()),
        json.getInteger("checkInLateMinutes", d.checkInLateMinutes()),
        json.getString("lateArrival") == null ? d.lateArrival() : LateArrival.parse(json.getString("lateArrival")),
        json.getInteger("retentionDays", d.retentionDays()), fields, exceptions,
        json.getBoolean("verifyPhone", d.verifyPhone()), json.getInteger("holdsPerAddress", d.holdsPerAddress()));
  }

  public static JsonObject write(BookingSettings b) {
    JsonObject fields = new JsonObject();
    b.fieldHours().forEach((field, week) -> fields.put(field, write(week)));
    JsonObject exceptions = new JsonObject();
    b.exceptions().forEach((day, sessions) -> exceptions.put(day.toString(), write(sessions)));
    return new JsonObject().put("slotMinutes", b.slotMinutes()).put("appointmentShare", b.appointmentShare())
        .put("minDaysAhead", b.minDaysAhead()).put("maxDaysAhead", b.maxDaysAhead())
        .put("cutoff", b.cutoff().toString()).put("holdMinutes", b.holdMinutes())
        .put("maxPerDay", b.maxPerDay()).put("maxPerField", b.maxPerField())
        .put("checkInEarlyMinutes", b.checkInEarlyMinutes()).put("checkInLateMinutes", b.checkInLateMinutes())
        .put("lateArrival", b.lateArrival().json()).put("retentionDays", b.retentionDays())
        .put("fieldHours", fields).put("exceptions", exceptions)
        .put("verifyPhone", b.verifyPhone()).put("holdsPerAddress", b.holdsPerAddress());
  }

  /** Weekday name to sessions, as in openingHours. */
  public static Map<DayOfWeek, List<TimeRange>> week(String field, JsonObject json) {
    Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
    for (String day : json.fieldNames()) {
      DayOfWeek weekday;
      try {
        weekday = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException notADay) {
        throw new IllegalArgumentException(field + ": '" + day + "' is not a weekday (monday..sunday)");
      }
      week.put(weekday, sessions(field + "." + day, json.getJsonArray(day)));
    }
    return week;
  }

  public static List<TimeRange> sessions(String field, JsonArray array) {
    List<TimeRange> sessions = new ArrayList<>();
    for (Object o : array) {
      try {
        sessions.add(TimeRange.parse((String) o));
      } catch (java.time.DateTimeException | IllegalArgumentException | ClassCastException bad) {
        throw new IllegalArgumentException(field + ": '" + o + "' is not a session like 07:30-11:30");
      }
    }
    return sessions;
  }

  private static JsonObject write(Map<DayOfWeek, List<TimeRange>> week) {
    JsonObject json = new JsonObject();
    week.forEach((day, sessions) -> json.put(day.name().toLowerCase(Locale.ROOT), write(sessions)));
    return json;
  }

  public static JsonArray write(List<TimeRange> sessions) {
    return new JsonArray(sessions.stream().map(TimeRange::toString).toList());
  }

  private static LocalTime time(String field, String value, LocalTime fallback) {
    try {
      return value == null ? fallback : LocalTime.parse(value);
    } catch (java.time.DateTimeException bad) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not a time like 16:00");
    }
  }
}
