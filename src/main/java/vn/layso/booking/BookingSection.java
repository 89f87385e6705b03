package vn.layso.booking;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.layso.booking.domain.BookingSettings;
import vn.layso.office.SectionCodec;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;
import vn.layso.office.domain.SettingsProblems;

/** The office document's {@code "booking"} section: booking owns, reads and checks it. */
public final class BookingSection implements SectionCodec<BookingSettings> {

  public static final SectionKey<BookingSettings> KEY =
      new SectionKey<>("booking", BookingSettings.class, BookingSettings.DEFAULTS);
  public static final BookingSection CODEC = new BookingSection();

  private static final List<String> NUMBERS = List.of("slotMinutes", "appointmentShare", "minDaysAhead",
      "maxDaysAhead", "holdMinutes", "maxPerDay", "maxPerField", "checkInEarlyMinutes", "checkInLateMinutes",
      "retentionDays", "holdsPerAddress");

  private BookingSection() {
  }

  /** An office's booking rules (slots, window, limits, check-in window, retention). */
  public static BookingSettings of(Office office) {
    return office.section(KEY);
  }

  @Override
  public SectionKey<BookingSettings> key() {
    return KEY;
  }

  @Override
  public BookingSettings read(JsonObject json) {
    return BookingJson.read(json);
  }

  @Override
  public JsonObject write(BookingSettings value) {
    return BookingJson.write(value);
  }

  @Override
  public void crossCheck(BookingSettings value, Office office) {
    for (String field : value.fieldHours().keySet()) {
      if (office.service(field).isEmpty()) {
        throw new IllegalArgumentException("booking.fieldHours names unknown service " + field);
      }
    }
  }

  @Override
  public void check(JsonObject b, Context context) {
    var read = context.read();
    SettingsProblems problems = context.problems();
    int before = problems.size();
    for (String key : NUMBERS) {
      read.integer(b, key, "booking." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    read.time(b, "cutoff", "booking.cutoff");
    read.bool(b, "verifyPhone", "booking.verifyPhone");
    read.string(b, "lateArrival", "booking.lateArrival", false);
    JsonObject fieldHours = read.object(b, "fieldHours", "booking.fieldHours");
    for (String field : fieldHours == null ? Set.<String>of() : fieldHours.fieldNames()) {
      if (!context.fields().contains(field)) {
        problems.add("booking.fieldHours." + field, "unknown_field", field);
      } else {
        read.hours("booking.fieldHours." + field, read.object(fieldHours, field, "booking.fieldHours." + field));
      }
    }
    JsonObject exceptions = read.object(b, "exceptions", "booking.exceptions");
    for (String date : exceptions == null ? Set.<String>of() : exceptions.fieldNames()) {
      String at = "booking.exceptions." + date;
      try {
        LocalDate.parse(date);
      } catch (DateTimeException bad) {
        problems.add(at, "invalid_date", date);
        continue;
      }
      JsonArray list = read.array(exceptions, date, at);
      for (int i = 0; list != null && i < list.size(); i++) {
        read.session(list.getValue(i), at + "[" + i + "]");
      }
    }
    if (problems.size() == before) {
      read.rule("booking", () -> BookingJson.read(b));
    }
  }
}
