package vn.layso.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.layso.office.domain.SettingsProblem;

/** Each bad document yields its problem at its path; a document with many yields them all. */
class SettingsValidatorTest {

  private static JsonObject demo() {
    try (InputStream in = SettingsValidatorTest.class.getClassLoader().getResourceAsStream("seed/demo-office.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonObject service(JsonObject doc, int i) {
    return doc.getJsonArray("services").getJsonObject(i);
  }

  private static JsonObject counter(JsonObject doc, int i) {
    return doc.getJsonArray("counters").getJsonObject(i);
  }

  private static Arguments bad(String path, String code, Consumer<JsonObject> change) {
    return Arguments.of(path, code, change);
  }

  static Stream<Arguments> badDocuments() {
    return Stream.of(
        bad("id", "required", d -> d.remove("id")),
        bad("id", "invalid_code", d -> d.put("id", "Phường 1")),
        bad("name", "wrong_type", d -> d.put("name", 12)),
        bad("name", "invalid_length", d -> d.put("name", " ")),
        bad("services[0].name", "field_invalid_characters", d -> service(d, 0).put("name", "Đất\u0000đai")),
        bad("timezone", "unknown_timezone", d -> d.put("timezone", "Asia/Hanoi")),
        bad("services", "no_fields", d -> d.put("services", new JsonArray())),
        bad("services", "wrong_type", d -> d.put("services", "dat-dai")),
        bad("services[0]", "wrong_type", d -> d.getJsonArray("services").set(0, "dat-dai")),
        bad("services[1].code", "duplicate", d -> service(d, 1).put("code", "dat-dai")),
        bad("services[1].code", "invalid_code", d -> service(d, 1).put("code", "Hộ tịch")),
        bad("services[1].name", "required", d -> service(d, 1).remove("name")),
        bad("services[2].prefix", "duplicate", d -> service(d, 2).put("prefix", "A")),
        bad("services[2].prefix", "invalid_prefix", d -> service(d, 2).put("prefix", "a1")),
        bad("services[0].numberEnd", "range_reversed", d -> service(d, 0).put("numberStart", 500).put("numberEnd", 10)),
        bad("services[0].numberEnd", "out_of_range", d -> service(d, 0).put("numberEnd", 100_000)),
        bad("services[0].numberStart", "wrong_type", d -> service(d, 0).put("numberStart", 1.5)),
        bad("services[0].avgServiceMinutes", "out_of_range", d -> service(d, 0).put("avgServiceMinutes", 0)),
        bad("services[0].targetWaitMinutes", "out_of_range", d -> service(d, 0).put("targetWaitMinutes", 481)),
        bad("services[0].issueCutoff", "invalid_time", d -> service(d, 0).put("issueCutoff", "4pm")),
        bad("services[0].description", "invalid_length", d -> service(d, 0).put("description", "x".repeat(161))),
        bad("counters[1].id", "duplicate", d -> counter(d, 1).put("id", "1")),
        bad("counters[0].services", "counter_without_field", d -> counter(d, 0).put("services", new JsonArray())),
        bad("counters[0].services", "counter_without_field", d -> counter(d, 0).put("services",
            new JsonArray().add(new JsonObject().put("code", "ho-tich").put("backup", true)))),
        bad("counters[0].services", "counter_without_field", d -> counter(d, 0).remove("services")),
        bad("counters[0].services[0].code", "unknown_field", d -> counter(d, 0).getJsonArray("services")
            .getJsonObject(0).put("code", "thue")),
        bad("counters[1].services[1].code", "duplicate", d -> counter(d, 1).getJsonArray("services")
            .getJsonObject(1).put("code", "dat-dai")),
        bad("counters[1].services[0].weight", "out_of_range", d -> counter(d, 1).getJsonArray("services")
            .getJsonObject(0).put("weight", 101)),
        bad("counters[0].services[1].weight", "backup_with_weight", d -> counter(d, 0).getJsonArray("services")
            .getJsonObject(1).put("weight", 2)),
        bad("priorityGroups[1].code", "duplicate", d -> d.getJsonArray("priorityGroups").getJsonObject(1)
            .put("code", "nguoi-cao-tuoi")),
        bad("maxPriorityInRow", "out_of_range", d -> d.put("maxPriorityInRow", 101)),
        bad("walkInIssuing", "invalid_choice", d -> d.put("walkInIssuing", "everyone")),
        bad("walkInIssuing", "invalid_choice", d -> d.put("walkInIssuing", "OPEN")),
        bad("walkInIssuing", "wrong_type", d -> d.put("walkInIssuing", true)),
        bad("walkIn", "wrong_type", d -> d.put("walkIn", 4)),
        bad("walkIn.openTicketsPerAddress", "out_of_range", d -> d.put("walkIn", new JsonObject().put("openTicketsPerAddress", 0))),
        bad("walkIn.openTicketsPerAddress", "out_of_range", d -> d.put("walkIn", new JsonObject().put("openTicketsPerAddress", 101))),
        bad("walkIn.openTicketsPerAddress", "wrong_type", d -> d.put("walkIn", new JsonObject().put("openTicketsPerAddress", "4"))),
        bad("walkIn.surgeFactor", "out_of_range", d -> d.put("walkIn", new JsonObject().put("surgeFactor", 1))),
        bad("openingHours.funday", "not_a_weekday", d -> d.getJsonObject("openingHours")
            .put("funday", new JsonArray())),
        bad("openingHours.monday[1]", "sessions_overlap", d -> d.getJsonObject("openingHours").put("monday",
            new JsonArray().add("07:30-11:30").add("11:00-17:00"))),
        bad("openingHours.monday[1]", "sessions_overlap", d -> d.getJsonObject("openingHours").put("monday",
            new JsonArray().add("13:30-17:00").add("07:30-11:30"))),
        bad("openingHours.friday[0]", "session_reversed", d -> d.getJsonObject("openingHours").put("friday",
            new JsonArray().add("17:00-13:30"))),
        bad("openingHours.friday[0]", "invalid_session", d -> d.getJsonObject("openingHours").put("friday",
            new JsonArray().add("sáng"))),
        bad("issuingHours.monday[0]", "invalid_session", d -> d.put("issuingHours", new JsonObject()
            .put("monday", new JsonArray().add("7-11")))),
        bad("display.numberReading", "invalid_choice", d -> d.getJsonObject("display").put("numberReading", "roman")),
        bad("display.ticker", "invalid_length", d -> d.getJsonObject("display").put("ticker", "x".repeat(301))),
        bad("display.counterNames.99", "unknown_counter", d -> d.getJsonObject("display")
            .put("counterNames", new JsonObject().put("99", "Quầy lớn"))),
        bad("display.voicePack", "invalid_value", d -> d.getJsonObject("display").put("voicePack", "Bad Pack")),
        bad("printers[1].id", "duplicate", d -> d.put("printers", new JsonArray()
            .add(new JsonObject().put("id", "p1").put("host", "10.0.0.5"))
            .add(new JsonObject().put("id", "p1").put("host", "10.0.0.6")))),
        bad("printers[1].kiosks[0]", "duplicate", d -> d.put("printers", new JsonArray()
            .add(new JsonObject().put("id", "p1").put("host", "10.0.0.5").put("kiosks", new JsonArray().add("kiosk-1")))
            .add(new JsonObject().put("id", "p2").put("host", "10.0.0.6").put("kiosks", new JsonArray().add("kiosk-1"))))),
        bad("printers[0]", "invalid_value", d -> d.put("printers", new JsonArray()
            .add(new JsonObject().put("id", "p1").put("host", "http://10.0.0.5")))),
        bad("printers[0].port", "out_of_range", d -> d.put("printers", new JsonArray()
            .add(new JsonObject().put("id", "p1").put("host", "10.0.0.5").put("port", 0)))),
        bad("booking.slotMinutes", "out_of_range", d -> d.put("booking", new JsonObject().put("slotMinutes", 0))),
        bad("booking.maxPerDay", "wrong_type", d -> d.put("booking", new JsonObject().put("maxPerDay", "2"))),
        bad("booking.fieldHours.thue", "unknown_field", d -> d.put("booking", new JsonObject()
            .put("fieldHours", new JsonObject().put("thue", new JsonObject())))),
        bad("booking.exceptions.2026-02-30", "invalid_date", d -> d.put("booking", new JsonObject()
            .put("exceptions", new JsonObject().put("2026-02-30", new JsonArray())))),
        bad("callPolicy.priority", "invalid_choice", d -> d.getJsonObject("callPolicy").put("priority", "random")),
        bad("callPolicy.normalsPerPriority", "out_of_range", d -> d.getJsonObject("callPolicy")
            .put("normalsPerPriority", 0)),
        bad("callPolicy.escalation", "wrong_type", d -> d.getJsonObject("callPolicy").put("escalation", "yes")),
        bad("ratings.levels", "invalid_choice", d -> d.put("ratings", new JsonObject().put("levels", 4))),
        bad("ratings.windowHours", "out_of_range", d -> d.put("ratings", new JsonObject().put("windowHours", 0))),
        bad("ratings.windowHours", "out_of_range", d -> d.put("ratings", new JsonObject().put("windowHours", 721))),
        bad("ratings", "wrong_type", d -> d.put("ratings", 5)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badDocuments")
  void eachBadDocumentIsRefusedAtItsPath(String path, String code, Consumer<JsonObject> change) {
    JsonObject doc = demo();
    change.accept(doc);
    SettingsValidator.Result result = SettingsValidator.check(doc);
    assertThat(result.valid()).isFalse();
    assertThat(result.problems().list()).extracting(SettingsProblem::path, SettingsProblem::code)
        .contains(org.assertj.core.groups.Tuple.tuple(path, code));
  }

  @Test
  void theDemoOfficeAndItsOwnWrittenFormAreValid() {
    SettingsValidator.Result demo = SettingsValidator.check(demo());
    assertThat(demo.problems().list()).isEmpty();
    assertThat(demo.office().id()).isEqualTo("demo");
    assertThat(SettingsValidator.check(OfficeJson.write(demo.office())).valid()).isTrue();
    assertThat(SettingsValidator.check(demo().put("ratings", new JsonObject().put("levels", 5)
        .put("windowHours", 24))).valid()).isTrue();
  }

  @Test
  void everyProblemIsListedNotOnlyTheFirst() {
    JsonObject doc = demo();
    service(doc, 1).put("prefix", "A");
    counter(doc, 2).put("services", new JsonArray());
    doc.getJsonObject("openingHours").put("monday", new JsonArray().add("07:30-11:30").add("09:00-10:00"));
    doc.getJsonObject("display").put("dialect", "central");
    doc.put("ratings", new JsonObject().put("levels", 10));
    assertThat(SettingsValidator.check(doc).problems().list()).extracting(SettingsProblem::path).containsExactly(
        "services[1].prefix", "counters[2].services", "openingHours.monday[1]", "display.dialect", "ratings.levels");
  }
}
