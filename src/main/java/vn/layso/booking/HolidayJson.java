package vn.layso.booking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.layso.booking.domain.Holiday;
import vn.layso.booking.domain.HolidayYear;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;

/**
 * A year's holiday calendar as JSON: {@code {"year":2026,"days":[{"date":"2026-02-16","name":"Tết Nguyên Đán",
 * "kind":"closed"},{"date":"2026-01-10","name":"Làm bù","kind":"working","hours":["07:30-11:30"]}]}}.
 */
public final class HolidayJson {

  private HolidayJson() {
  }

  public static JsonObject write(HolidayYear year) {
    return new JsonObject().put("year", year.year()).put("days", new JsonArray(year.days().stream()
        .map(d -> new JsonObject().put("date", d.date().toString()).put("name", d.name())
            .put("kind", d.kind().name().toLowerCase(Locale.ROOT)).put("hours", BookingJson.write(d.hours())))
        .toList()));
  }

  /** Reads what an admin sent (or the store holds); bad input is a 400 invalid_holidays naming the problem. */
  public static HolidayYear read(int year, JsonObject json) {
    try {
      Object raw = json.getValue("days");
      if (!(raw instanceof JsonArray array)) {
        throw new IllegalArgumentException("\"days\" must be a list");
      }
      if (array.size() > HolidayYear.MAX_DAYS) {
        throw new IllegalArgumentException("at most " + HolidayYear.MAX_DAYS + " days");
      }
      List<Holiday> days = new ArrayList<>();
      for (Object o : array) {
        JsonObject d = (JsonObject) o;
        String kind = d.getString("kind", "closed");
        if (!kind.equals("closed") && !kind.equals("working")) {
          throw new IllegalArgumentException("kind must be closed or working");
        }
        String name = JsonInput.cleanText("name", d.getString("name", ""), Holiday.MAX_NAME);
        days.add(new Holiday(LocalDate.parse(d.getString("date")), name,
            Holiday.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
            BookingJson.sessions("hours", d.getJsonArray("hours", new JsonArray()))));
      }
      return new HolidayYear(year, days);
    } catch (ClassCastException | NullPointerException | java.time.DateTimeException e) {
      throw ApiException.invalid("invalid_holidays", "date, name, kind, hours");
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("invalid_holidays", e.getMessage());
    }
  }
}
