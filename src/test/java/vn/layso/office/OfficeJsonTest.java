package vn.layso.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.layso.announce.DisplaySection;
import vn.layso.announce.domain.Dialect;
import vn.layso.announce.domain.DisplaySettings;
import vn.layso.announce.domain.NumberReading;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.WalkInIssuing;
import vn.layso.queue.CallPolicySection;
import vn.layso.queue.WalkInSection;
import vn.layso.queue.domain.WalkInLimits;

class OfficeJsonTest {

  private static String demoText() throws Exception {
    try (InputStream in = OfficeJsonTest.class.getClassLoader().getResourceAsStream("seed/demo-office.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theDemoOfficeIsAWardCentreWithSeveralFieldsAndCounters() throws Exception {
    Office demo = OfficeJson.read(new JsonObject(demoText()));
    assertThat(demo.id()).isEqualTo("demo");
    assertThat(demo.services()).extracting(s -> s.name())
        .contains("Đất đai", "Hộ tịch", "Chứng thực", "Đăng ký kinh doanh", "Xây dựng");
    assertThat(demo.counters()).hasSizeGreaterThanOrEqualTo(6);
    assertThat(demo.counters()).anyMatch(c -> c.weights().size() == 1).anyMatch(c -> c.weights().size() > 1);
    assertThat(demo.timezone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
  }

  @Test
  void theDemoTextIsNfc() throws Exception {
    String text = demoText();
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void writeThenReadGivesTheSameOffice() throws Exception {
    Office demo = OfficeJson.read(new JsonObject(demoText()));
    assertThat(OfficeJson.read(OfficeJson.write(demo))).isEqualTo(demo);
  }

  @Test
  void walkInIssuingIsKioskUnlessTheOfficeSaysOpenAndTheDemoSaysOpen() throws Exception {
    JsonObject json = new JsonObject(demoText());
    assertThat(OfficeJson.read(json).walkInIssuing()).isEqualTo(WalkInIssuing.OPEN);
    json.remove("walkInIssuing");
    Office kiosk = OfficeJson.read(json);
    assertThat(kiosk.walkInIssuing()).isEqualTo(WalkInIssuing.KIOSK);
    assertThat(OfficeJson.write(kiosk).getString("walkInIssuing")).isEqualTo("kiosk");
    assertThat(OfficeJson.read(OfficeJson.write(kiosk))).isEqualTo(kiosk);
    assertThat(kiosk.with(CallPolicySection.KEY, CallPolicySection.of(kiosk)).walkInIssuing())
        .isEqualTo(WalkInIssuing.KIOSK);
    assertThatThrownBy(() -> OfficeJson.read(json.put("walkInIssuing", "anyone")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("walkInIssuing");
  }

  @Test
  void theWalkInSectionDefaultsToFourOpenTicketsAndAThreefoldSurge() throws Exception {
    JsonObject json = new JsonObject(demoText());
    assertThat(WalkInSection.of(OfficeJson.read(json))).isEqualTo(new WalkInLimits(4, 3));
    json.put("walkIn", new JsonObject().put("openTicketsPerAddress", 6));
    Office six = OfficeJson.read(json);
    assertThat(WalkInSection.of(six)).isEqualTo(new WalkInLimits(6, 3));
    assertThat(OfficeJson.write(six).getJsonObject("walkIn"))
        .isEqualTo(new JsonObject().put("openTicketsPerAddress", 6).put("surgeFactor", 3));
    assertThatThrownBy(() -> OfficeJson.read(json.put("walkIn", new JsonObject().put("surgeFactor", 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surgeFactor");
  }

  @Test
  void thePublicViewListsServiceCodesPerCounter() throws Exception {
    JsonObject view = OfficeJson.publicView(OfficeJson.read(new JsonObject(demoText())));
    assertThat(view.getJsonArray("counters").getJsonObject(1).getJsonArray("services").getList())
        .containsExactly("dat-dai", "xay-dung");
    assertThat(view.getJsonArray("services").getJsonObject(0).fieldNames()).contains("code", "name", "prefix");
  }

  @Test
  void everyDemoFieldHasADescriptionForTheKioskAndItIsOptional() throws Exception {
    JsonObject json = new JsonObject(demoText());
    Office demo = OfficeJson.read(json);
    assertThat(demo.services()).allSatisfy(s -> assertThat(s.description()).isNotBlank().hasSizeLessThanOrEqualTo(160));
    assertThat(OfficeJson.publicView(demo).getJsonArray("services").getJsonObject(1).getString("description"))
        .startsWith("Khai sinh");
    json.getJsonArray("services").getJsonObject(0).remove("description");
    assertThat(OfficeJson.read(json).services().get(0).description()).isNull();
    json.getJsonArray("services").getJsonObject(0).put("description", "x".repeat(161));
    assertThatThrownBy(() -> OfficeJson.read(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("description");
  }

  @Test
  void malformedConfigurationsAreRefused() {
    assertThatThrownBy(() -> OfficeJson.read(new JsonObject().put("id", "x").put("services", "nope")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OfficeJson.read(new JsonObject().put("id", "x").put("name", "X")
        .put("timezone", "Mars/Base"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badHoursNameTheFieldAndTheDay() throws Exception {
    JsonObject demo = OfficeJson.write(OfficeJson.read(new JsonObject(
        new String(getClass().getResourceAsStream("/seed/demo-office.json").readAllBytes(), StandardCharsets.UTF_8))));
    JsonObject late = demo.copy().put("openingHours", new JsonObject().put("monday", new JsonArray().add("7:30-11:30")));
    assertThatThrownBy(() -> OfficeJson.read(late)).hasMessageContaining("openingHours.monday")
        .hasMessageContaining("7:30-11:30");
    JsonObject noDay = demo.copy().put("issuingHours", new JsonObject().put("mon", new JsonArray().add("06:00-16:00")));
    assertThatThrownBy(() -> OfficeJson.read(noDay)).hasMessageContaining("issuingHours").hasMessageContaining("mon");
    JsonObject cutoff = demo.copy();
    cutoff.getJsonArray("services").getJsonObject(0).put("issueCutoff", "4pm");
    assertThatThrownBy(() -> OfficeJson.read(cutoff)).hasMessageContaining("issueCutoff");
  }

  @Test
  void issuingHoursDefaultToTheServiceHoursAndAroundTheClockWithoutHours() throws Exception {
    JsonObject demo = OfficeJson.write(OfficeJson.read(new JsonObject(
        new String(getClass().getResourceAsStream("/seed/demo-office.json").readAllBytes(), StandardCharsets.UTF_8))));
    demo.remove("issuingHours");
    var followsDoors = OfficeJson.read(demo);
    assertThat(followsDoors.issuingHours()).isEqualTo(followsDoors.hours());
    demo.put("openingHours", new JsonObject());
    assertThat(OfficeJson.read(demo).issuingHours()).isEqualTo(vn.layso.office.domain.OpeningHours.always());
  }

  @Test
  void theDemoOfficeHasATickerAndReadsNumbersDigitByDigit() throws Exception {
    Office demo = OfficeJson.read(new JsonObject(demoText()));
    assertThat(DisplaySection.of(demo).ticker()).startsWith("Giờ làm việc").hasSizeLessThanOrEqualTo(300);
    assertThat(DisplaySection.of(demo).numberReading()).isEqualTo(NumberReading.DIGITS);
    assertThat(DisplaySection.announcement(demo, "A012", "3", false).text())
        .isEqualTo("Kính mời công dân có số thứ tự A012 đến quầy số 3");
    JsonObject view = OfficeJson.publicView(demo);
    assertThat(view.getJsonObject("display").getString("numberReading")).isEqualTo("digits");
    assertThat(view.getJsonObject("display").getString("ticker")).isEqualTo(DisplaySection.of(demo).ticker());
  }

  @Test
  void displaySettingsDefaultWhenMissingAndAreValidated() throws Exception {
    JsonObject json = new JsonObject(demoText());
    json.remove("display");
    assertThat(DisplaySection.of(OfficeJson.read(json))).isEqualTo(DisplaySettings.DEFAULTS);

    json.put("display", new JsonObject().put("numberReading", "FULL").put("dialect", "south").put("voice", "clips")
        .put("counterNames", new JsonObject().put("1", "quầy tiếp nhận")));
    Office south = OfficeJson.read(json);
    assertThat(DisplaySection.of(south).dialect()).isEqualTo(Dialect.SOUTH);
    assertThat(DisplaySection.of(south).voice()).isEqualTo(DisplaySettings.Voice.CLIPS);
    assertThat(DisplaySection.announcement(south, "A105", "1", false).speech()).contains("một trăm lẻ năm");
    assertThat(OfficeJson.read(OfficeJson.write(south))).isEqualTo(south);

    for (JsonObject bad : new JsonObject[] {
        new JsonObject().put("numberReading", "roman"),
        new JsonObject().put("dialect", "central-highlands"),
        new JsonObject().put("voice", "loud"),
        new JsonObject().put("ticker", "x".repeat(301)),
        new JsonObject().put("ticker", "two\nlines"),
        new JsonObject().put("ticker", 42),
        new JsonObject().put("voicePack", "../etc"),
        new JsonObject().put("counterNames", new JsonObject().put("99", "quầy ma")),
        new JsonObject().put("counterNames", new JsonObject().put("1", " "))}) {
      json.put("display", bad);
      assertThatThrownBy(() -> OfficeJson.read(json)).as(bad.encode()).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void callPolicyTargetsAndBackupFieldsAreReadValidatedAndWrittenBack() throws Exception {
    JsonObject json = new JsonObject(demoText());
    json.remove("callPolicy");
    Office plain = OfficeJson.read(json);
    assertThat(CallPolicySection.of(plain)).isEqualTo(vn.layso.queue.domain.CallPolicy.DEFAULTS);

    json.put("callPolicy", new JsonObject().put("priority", "ratio").put("normalsPerPriority", 3)
        .put("agingPerHour", 12).put("escalation", false));
    JsonObject firstService = json.getJsonArray("services").getJsonObject(0);
    firstService.put("targetWaitMinutes", 45);
    String other = json.getJsonArray("services").getJsonObject(1).getString("code");
    JsonObject counter = json.getJsonArray("counters").getJsonObject(0);
    JsonArray served = new JsonArray().add(new JsonObject().put("code", firstService.getString("code")).put("weight", 2))
        .add(new JsonObject().put("code", other).put("backup", true));
    counter.put("services", served);
    Office office = OfficeJson.read(json);
    assertThat(CallPolicySection.of(office).priority()).isEqualTo(vn.layso.queue.domain.CallPolicy.PriorityMode.RATIO);
    assertThat(CallPolicySection.of(office).normalsPerPriority()).isEqualTo(3);
    assertThat(CallPolicySection.of(office).agingPerHour()).isEqualTo(12);
    assertThat(CallPolicySection.of(office).escalation()).isFalse();
    assertThat(office.services().get(0).targetWaitMinutes()).isEqualTo(45);
    var first = office.counters().get(0);
    assertThat(first.backup()).containsExactly(other);
    assertThat(first.serves(other)).isFalse();
    assertThat(first.mayServe(other)).isTrue();
    assertThat(OfficeJson.read(OfficeJson.write(office))).isEqualTo(office);
    assertThat(OfficeJson.publicView(office).getJsonArray("counters").getJsonObject(0).getJsonArray("backup"))
        .containsExactly(other);

    for (JsonObject bad : new JsonObject[] {
        new JsonObject().put("priority", "lottery"),
        new JsonObject().put("priority", 1),
        new JsonObject().put("normalsPerPriority", 0),
        new JsonObject().put("agingPerHour", -1),
        new JsonObject().put("agingPerHour", 101),
        new JsonObject().put("maxAppointmentsInRow", -2),
        new JsonObject().put("walkInMaxWaitMinutes", 999),
        new JsonObject().put("escalation", "yes")}) {
      JsonObject copy = json.copy().put("callPolicy", bad);
      assertThatThrownBy(() -> OfficeJson.read(copy)).as(bad.encode()).isInstanceOf(IllegalArgumentException.class);
    }
    JsonObject zeroTarget = json.copy();
    zeroTarget.getJsonArray("services").getJsonObject(0).put("targetWaitMinutes", 0);
    assertThatThrownBy(() -> OfficeJson.read(zeroTarget)).isInstanceOf(IllegalArgumentException.class);
    JsonObject both = json.copy();
    both.getJsonArray("counters").getJsonObject(0).getJsonArray("services")
        .add(new JsonObject().put("code", firstService.getString("code")).put("backup", true));
    assertThatThrownBy(() -> OfficeJson.read(both)).isInstanceOf(IllegalArgumentException.class);
    JsonObject unknown = json.copy();
    unknown.getJsonArray("counters").getJsonObject(0).getJsonArray("services")
        .add(new JsonObject().put("code", "khong-co").put("backup", true));
    assertThatThrownBy(() -> OfficeJson.read(unknown)).isInstanceOf(IllegalArgumentException.class);
  }
}
