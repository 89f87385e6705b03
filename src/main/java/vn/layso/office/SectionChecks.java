package vn.layso.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.layso.announce.domain.Dialect;
import vn.layso.announce.domain.NumberReading;
import vn.layso.office.domain.DisplaySettings;
import vn.layso.office.domain.SettingsProblems;
import vn.layso.queue.domain.CallPolicy;

/**
 * The checks of the settings sections that belong to single features (display, printers, booking,
 * call policy, ratings), for {@link SettingsValidator}: each given the office's field codes and
 * counter ids for its cross-references, each ending with the feature's own domain rules.
 */
final class SectionChecks {

  private static final Set<Integer> RATING_LEVELS = Set.of(3, 5);
  private static final int MAX_RATING_WINDOW_HOURS = vn.layso.rating.domain.RatingSettings.MAX_WINDOW_HOURS;

  private final JsonObject json;
  private final SettingsReader read;
  private final SettingsProblems problems;
  private final Set<String> fields;
  private final Set<String> counterIds;

  SectionChecks(JsonObject json, SettingsReader read, SettingsProblems problems, Set<String> fields,
                Set<String> counterIds) {
    this.json = json;
    this.read = read;
    this.problems = problems;
    this.fields = fields;
    this.counterIds = counterIds;
  }

  void display() {
    JsonObject d = read.object(json, "display", "display");
    if (d == null) {
      return;
    }
    int before = problems.size();
    String ticker = read.string(d, "ticker", "display.ticker", false);
    if (ticker != null && ticker.strip().length() > DisplaySettings.MAX_TICKER) {
      problems.add("display.ticker", "invalid_length", 0, DisplaySettings.MAX_TICKER);
    }
    read.choice(d, "numberReading", "display.numberReading", NumberReading.class);
    read.choice(d, "dialect", "display.dialect", Dialect.class);
    read.choice(d, "voice", "display.voice", DisplaySettings.Voice.class);
    read.string(d, "voicePack", "display.voicePack", false);
    JsonObject names = read.object(d, "counterNames", "display.counterNames");
    for (String counter : names == null ? Set.<String>of() : names.fieldNames()) {
      String at = "display.counterNames." + counter;
      if (!counterIds.contains(counter)) {
        problems.add(at, "unknown_counter", counter);
      }
      String name = read.string(names, counter, at, true);
      if (name != null && (name.isBlank() || name.length() > DisplaySettings.MAX_COUNTER_NAME)) {
        problems.add(at, "invalid_length", 1, DisplaySettings.MAX_COUNTER_NAME);
      }
    }
    if (problems.size() == before) {
      read.rule("display", () -> OfficeJson.display(d));
    }
  }

  void printers() {
    JsonArray list = read.array(json, "printers", "printers");
    Set<String> ids = new HashSet<>();
    Set<String> kiosks = new HashSet<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      String at = "printers[" + i + "]";
      JsonObject p = read.element(list, i, at);
      if (p == null) {
        continue;
      }
      int before = problems.size();
      String id = read.string(p, "id", at + ".id", true);
      if (id != null && !ids.add(id)) {
        problems.add(at + ".id", "duplicate", id);
      }
      read.string(p, "name", at + ".name", false);
      read.string(p, "profile", at + ".profile", false);
      read.string(p, "host", at + ".host", true);
      read.integer(p, "port", at + ".port", 1, 65535);
      read.string(p, "baseUrl", at + ".baseUrl", false);
      JsonArray linked = read.array(p, "kiosks", at + ".kiosks");
      for (int j = 0; linked != null && j < linked.size(); j++) {
        Object kiosk = linked.getValue(j);
        if (!(kiosk instanceof String k)) {
          problems.add(at + ".kiosks[" + j + "]", "wrong_type", "string");
        } else if (!kiosks.add(k)) {
          problems.add(at + ".kiosks[" + j + "]", "duplicate", k);
        }
      }
      if (problems.size() == before) {
        read.rule(at, () -> OfficeJson.printers(new JsonArray().add(p)));
      }
    }
  }

  void booking() {
    JsonObject b = read.object(json, "booking", "booking");
    if (b == null) {
      return;
    }
    int before = problems.size();
    for (String key : List.of("slotMinutes", "appointmentShare", "minDaysAhead", "maxDaysAhead", "holdMinutes",
        "maxPerDay", "maxPerField", "checkInEarlyMinutes", "checkInLateMinutes", "retentionDays")) {
      read.integer(b, key, "booking." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    read.time(b, "cutoff", "booking.cutoff");
    read.string(b, "lateArrival", "booking.lateArrival", false);
    JsonObject fieldHours = read.object(b, "fieldHours", "booking.fieldHours");
    for (String field : fieldHours == null ? Set.<String>of() : fieldHours.fieldNames()) {
      if (!fields.contains(field)) {
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

  void callPolicy() {
    JsonObject p = read.object(json, "callPolicy", "callPolicy");
    if (p == null) {
      return;
    }
    int before = problems.size();
    String mode = read.string(p, "priority", "callPolicy.priority", false);
    if (mode != null && List.of(CallPolicy.PriorityMode.values()).stream().noneMatch(m -> m.code().equals(mode))) {
      problems.add("callPolicy.priority", "invalid_choice", mode,
          String.join(", ", List.of(CallPolicy.PriorityMode.values()).stream().map(CallPolicy.PriorityMode::code)
              .toList()));
    }
    for (String key : List.of("normalsPerPriority", "maxAppointmentsInRow", "walkInMaxWaitMinutes", "agingPerHour")) {
      read.integer(p, key, "callPolicy." + key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    read.bool(p, "escalation", "callPolicy.escalation");
    if (problems.size() == before) {
      read.rule("callPolicy", () -> OfficeJson.callPolicy(p));
    }
  }

  /** The ratings section (read by the ratings feature): 3 or 5 levels, a window of 1..720 hours. */
  void ratings() {
    JsonObject r = read.object(json, "ratings", "ratings");
    if (r == null) {
      return;
    }
    Integer levels = read.integer(r, "levels", "ratings.levels", Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (levels != null && !RATING_LEVELS.contains(levels)) {
      problems.add("ratings.levels", "invalid_choice", levels, "3, 5");
    }
    read.integer(r, "windowHours", "ratings.windowHours", 1, MAX_RATING_WINDOW_HOURS);
  }
}
