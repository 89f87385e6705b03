package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.booking.BookingSection;
import vn.layso.office.OfficeJson;
import vn.layso.office.OfficeSections;
import vn.layso.office.SectionCodec;

/** The office document the features' sections make together keeps its keys, and reads back what it wrote. */
class FeatureSectionsTest {

  private static JsonObject demo() throws IOException {
    try (InputStream in = FeatureSectionsTest.class.getClassLoader().getResourceAsStream("seed/demo-office.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyReaderOfOfficeDocumentsFindsTheFeaturesSectionsInDocumentOrder() {
    assertThat(OfficeSections.installed().codecs()).extracting(c -> c.key().name())
        .containsExactly("display", "booking", "callPolicy", "ratings", "citizenCard", "walkIn");
    assertThat(new FeatureSections().sections()).isEqualTo(OfficeSections.installed().codecs());
  }

  @Test
  void theStoredDocumentKeepsItsKeysAndEverySectionIsWrittenInFull() throws IOException {
    JsonObject written = OfficeJson.write(OfficeJson.read(demo()));
    assertThat(written.fieldNames()).containsExactlyInAnyOrder("id", "name", "timezone", "services", "counters",
        "priorityGroups", "maxPriorityInRow", "walkInIssuing", "openingHours", "issuingHours", "display", "printers",
        "booking", "callPolicy", "ratings", "citizenCard", "walkIn");
    assertThat(written.getJsonObject("callPolicy").fieldNames()).containsExactly("priority", "normalsPerPriority",
        "maxAppointmentsInRow", "walkInMaxWaitMinutes", "agingPerHour", "escalation");
    assertThat(written.getJsonObject("ratings").encode()).isEqualTo("{\"levels\":3,\"windowHours\":24}");
    assertThat(OfficeJson.read(written)).isEqualTo(OfficeJson.read(demo()));
  }

  @Test
  void anOfficeWithoutSectionsHasEachFeaturesDefaults() throws IOException {
    JsonObject bare = demo();
    List.of("display", "booking", "callPolicy", "ratings", "citizenCard", "walkIn").forEach(bare::remove);
    JsonObject written = OfficeJson.write(OfficeJson.read(bare));
    for (SectionCodec<?> codec : OfficeSections.installed().codecs()) {
      assertThat(written.getJsonObject(codec.key().name())).as(codec.key().name())
          .isEqualTo(write(codec, codec.key().defaults()));
    }
    assertThat(OfficeJson.read(bare).sections()).isEmpty();
  }

  @Test
  void twoCodecsForOneSectionAreRefused() {
    assertThatThrownBy(() -> new OfficeSections(List.of(BookingSection.CODEC, BookingSection.CODEC)))
        .hasMessageContaining("booking");
  }

  private static <T> JsonObject write(SectionCodec<T> codec, Object value) {
    return codec.write(codec.key().type().cast(value));
  }
}
