package vn.layso.office;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.OfficeRules;
import vn.layso.office.domain.ServiceDef;
import vn.layso.office.domain.SettingsProblems;
import vn.layso.office.domain.WalkInIssuing;

/**
 * Checks a whole settings document (the OFFICES_FILE / GET settings shape) and lists every problem
 * with its path, instead of stopping at the first as {@link OfficeJson#read} does. The shapes and the
 * cross-references (duplicates, unknown fields, counters without a field, overlapping sessions) are
 * checked here, path by path; the rules of each record are the domain constructors', run per element
 * with the element's path, so each rule is written once. Each feature's section is checked by its own
 * codec (see OfficeSections), given the field codes and counter ids found valid here.
 */
public final class SettingsValidator {

  public static final int MAX_SERVICES = 100;
  public static final int MAX_COUNTERS = 200;
  public static final int MAX_NAME = 200;

  private final SettingsProblems problems = new SettingsProblems();
  private final SettingsReader read = new SettingsReader(problems);
  private final JsonObject json;
  private final Set<String> fields = new HashSet<>();
  private final Set<String> counterIds = new HashSet<>();

  private SettingsValidator(JsonObject json) {
    this.json = json;
  }

  /** The office the document describes, or every problem found in it. */
  public record Result(Office office, SettingsProblems problems) {
    public boolean valid() {
      return office != null;
    }
  }

  public static Result check(JsonObject json) {
    SettingsValidator v = new SettingsValidator(json);
    v.walk();
    if (!v.problems.isEmpty()) {
      return new Result(null, v.problems);
    }
    // every element passed on its own; what remains are the office's own cross-checks
    Office office = v.read.rule("", () -> OfficeJson.read(json));
    return new Result(office, v.problems);
  }

  private void walk() {
    String id = read.string(json, "id", "id", true);
    if (id != null && !OfficeRules.isCode(id)) {
      problems.add("id", "invalid_code");
    }
    String name = read.string(json, "name", "name", true);
    if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
      problems.add("name", "invalid_length", 1, MAX_NAME);
    }
    String zone = read.string(json, "timezone", "timezone", false);
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException unknown) {
        problems.add("timezone", "unknown_timezone", zone);
      }
    }
    services();
    counters();
    priorityGroups();
    read.integer(json, "maxPriorityInRow", "maxPriorityInRow", 0, 100);
    walkInIssuing();
    read.hours("openingHours", read.object(json, "openingHours", "openingHours"));
    Object issuing = json.getValue("issuingHours");
    if (!"always".equals(issuing)) {
      read.hours("issuingHours", read.object(json, "issuingHours", "issuingHours"));
    }
    printers();
    SectionCodec.Context context = new SectionCodec.Context(read, problems, fields, counterIds);
    for (SectionCodec<?> codec : OfficeSections.installed().codecs()) {
      String key = codec.key().name();
      JsonObject section = read.object(json, key, key);
      if (section != null) {
        codec.check(section, context);
      }
    }
  }

  /** "kiosk" or "open", spelt exactly so (absent: kiosk). */
  private void walkInIssuing() {
    String mode = read.string(json, "walkInIssuing", "walkInIssuing", false);
    if (mode != null && Arrays.stream(WalkInIssuing.values()).noneMatch(m -> m.code().equals(mode))) {
      problems.add("walkInIssuing", "invalid_choice", mode,
          String.join(", ", Arrays.stream(WalkInIssuing.values()).map(WalkInIssuing::code).toList()));
    }
  }

  private void services() {
    JsonArray list = read.array(json, "services", "services");
    if (list == null || list.isEmpty()) {
      problems.add("services", "no_fields");
      return;
    }
    if (list.size() > MAX_SERVICES) {
      problems.add("services", "too_many", MAX_SERVICES);
      return;
    }
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "services[" + i + "]";
      JsonObject s = read.element(list, i, at);
      if (s == null) {
        continue;
      }
      int before = problems.size();
      String code = read.string(s, "code", at + ".code", true);
      if (code != null && !OfficeRules.isCode(code)) {
        problems.add(at + ".code", "invalid_code");
      } else if (code != null && !fields.add(code)) {
        problems.add(at + ".code", "duplicate", code);
      }
      read.string(s, "name", at + ".name", true);
      String prefix = read.string(s, "prefix", at + ".prefix", true);
      if (prefix != null && !prefix.matches(ServiceDef.PREFIX)) {
        problems.add(at + ".prefix", "invalid_prefix");
      } else if (prefix != null && !prefixes.add(prefix)) {
        problems.add(at + ".prefix", "duplicate", prefix);
      }
      Integer start = read.integer(s, "numberStart", at + ".numberStart", 0, ServiceDef.MAX_NUMBER);
      Integer end = read.integer(s, "numberEnd", at + ".numberEnd", 0, ServiceDef.MAX_NUMBER);
      if (start != null && end != null && end < start) {
        problems.add(at + ".numberEnd", "range_reversed", start);
      }
      read.integer(s, "avgServiceMinutes", at + ".avgServiceMinutes", 1, ServiceDef.MAX_MINUTES);
      read.integer(s, "targetWaitMinutes", at + ".targetWaitMinutes", 1, ServiceDef.MAX_MINUTES);
      read.time(s, "issueCutoff", at + ".issueCutoff");
      String description = read.string(s, "description", at + ".description", false);
      if (description != null && (description.isBlank() || description.length() > ServiceDef.MAX_DESCRIPTION)) {
        problems.add(at + ".description", "invalid_length", 1, ServiceDef.MAX_DESCRIPTION);
      }
      if (problems.size() == before) {
        read.rule(at, () -> new ServiceDef(s.getString("code"), s.getString("name"), s.getString("prefix"),
            s.getInteger("numberStart", 1), s.getInteger("numberEnd", 999), s.getInteger("avgServiceMinutes", 10),
            null, s.getString("description"), s.getInteger("targetWaitMinutes", 30)));
      }
    }
  }

  private void counters() {
    JsonArray list = read.array(json, "counters", "counters");
    if (list == null) {
      return;
    }
    if (list.size() > MAX_COUNTERS) {
      problems.add("counters", "too_many", MAX_COUNTERS);
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = "counters[" + i + "]";
      JsonObject c = read.element(list, i, at);
      if (c == null) {
        continue;
      }
      String id = read.string(c, "id", at + ".id", true);
      if (id != null && !OfficeRules.isCode(id)) {
        problems.add(at + ".id", "invalid_code");
      } else if (id != null && !counterIds.add(id)) {
        problems.add(at + ".id", "duplicate", id);
      }
      read.string(c, "name", at + ".name", true);
      JsonArray served = read.array(c, "services", at + ".services");
      int main = 0;
      Set<String> seen = new HashSet<>();
      for (int j = 0; served != null && j < served.size(); j++) {
        String sat = at + ".services[" + j + "]";
        JsonObject s = read.element(served, j, sat);
        if (s == null) {
          continue;
        }
        String code = read.string(s, "code", sat + ".code", true);
        if (code != null && !fields.isEmpty() && !fields.contains(code)) {
          // (with no valid field at all, "services" itself is the problem)
          problems.add(sat + ".code", "unknown_field", code);
        } else if (code != null && !seen.add(code)) {
          problems.add(sat + ".code", "duplicate", code);
        }
        Boolean backup = read.bool(s, "backup", sat + ".backup");
        Integer weight = read.integer(s, "weight", sat + ".weight", 1, Counter.MAX_WEIGHT);
        if (Boolean.TRUE.equals(backup)) {
          if (s.containsKey("weight")) {
            problems.add(sat + ".weight", "backup_with_weight");
          }
        } else if (weight != null || !s.containsKey("weight")) {
          main++;
        }
      }
      if (served != null && main == 0 && !problems.has(at + ".services")) {
        problems.add(at + ".services", "counter_without_field");
      } else if (served == null && !problems.has(at + ".services")) {
        problems.add(at + ".services", "counter_without_field");
      }
    }
  }

  private void priorityGroups() {
    JsonArray list = read.array(json, "priorityGroups", "priorityGroups");
    Set<String> codes = new HashSet<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      String at = "priorityGroups[" + i + "]";
      JsonObject g = read.element(list, i, at);
      if (g == null) {
        continue;
      }
      String code = read.string(g, "code", at + ".code", true);
      if (code != null && !OfficeRules.isCode(code)) {
        problems.add(at + ".code", "invalid_code");
      } else if (code != null && !codes.add(code)) {
        problems.add(at + ".code", "duplicate", code);
      }
      String name = read.string(g, "name", at + ".name", true);
      if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
        problems.add(at + ".name", "invalid_length", 1, MAX_NAME);
      }
    }
  }

  private void printers() {
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
}
