package vn.layso.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.office.OfficeJson;
import vn.layso.rating.domain.RatingSettings;
import vn.layso.testing.TestOffices;

/** The office settings' "ratings" section: read strictly, written back, defaults 3 levels and 24 hours. */
class RatingSettingsJsonTest {

  private static JsonObject office() {
    return TestOffices.uniform("r", 1, List.of("a"), 3);
  }

  @Test
  void anOfficeWithoutTheSectionHasTheDefaults() {
    assertThat(RatingSection.of(OfficeJson.read(office()))).isEqualTo(RatingSettings.DEFAULTS);
    assertThat(OfficeJson.write(OfficeJson.read(office())).getJsonObject("ratings"))
        .isEqualTo(new JsonObject().put("levels", 3).put("windowHours", 24));
  }

  @Test
  void theSectionIsReadAndWrittenBack() {
    JsonObject json = office().put("ratings", new JsonObject().put("levels", 5).put("windowHours", 48));
    var read = OfficeJson.read(json);
    assertThat(RatingSection.of(read)).isEqualTo(new RatingSettings(5, 48));
    assertThat(OfficeJson.read(OfficeJson.write(read))).isEqualTo(read);
    assertThat(RatingSection.of(OfficeJson.read(office().put("ratings", new JsonObject().put("levels", 5)))))
        .isEqualTo(new RatingSettings(5, 24));
  }

  @Test
  void anythingElseIsRefusedWithItsPath() {
    for (JsonObject bad : List.of(new JsonObject().put("levels", 4), new JsonObject().put("levels", "5"),
        new JsonObject().put("levels", 3.5), new JsonObject().put("windowHours", 0),
        new JsonObject().put("windowHours", 721), new JsonObject().put("stars", 5))) {
      assertThatThrownBy(() -> OfficeJson.read(office().put("ratings", bad))).as(bad.encode())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratings.");
    }
    assertThatThrownBy(() -> OfficeJson.read(office().put("ratings", "five")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
