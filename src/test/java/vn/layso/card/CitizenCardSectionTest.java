package vn.layso.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.layso.card.domain.CardSettings;
import vn.layso.card.domain.CardSettings.AtKiosk;
import vn.layso.office.SectionCodec;
import vn.layso.office.SettingsReader;
import vn.layso.office.domain.SettingsProblems;

class CitizenCardSectionTest {

  private static final CitizenCardSection CODEC = CitizenCardSection.CODEC;

  @Test
  void defaultsToOffAndRoundTrips() {
    assertThat(CODEC.read(new JsonObject())).isEqualTo(CardSettings.DEFAULTS);
    assertThat(CardSettings.DEFAULTS.atKiosk()).isEqualTo(AtKiosk.OFF);
    for (AtKiosk a : AtKiosk.values()) {
      JsonObject written = CODEC.write(new CardSettings(a));
      assertThat(written).isEqualTo(new JsonObject().put("atKiosk", a.code()));
      assertThat(CODEC.read(written).atKiosk()).isEqualTo(a);
    }
  }

  @Test
  void refusesAnUnknownChoiceOrKey() {
    assertThatThrownBy(() -> CODEC.read(new JsonObject().put("atKiosk", "always")))
        .hasMessageContaining("off, optional, required");
    assertThatThrownBy(() -> CODEC.read(new JsonObject().put("atKiosk", 1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODEC.read(new JsonObject().put("scanner", "usb"))).hasMessageContaining("citizenCard.scanner");
  }

  @Test
  void checkListsEachProblemAtItsPath() {
    SettingsProblems problems = new SettingsProblems();
    CODEC.check(new JsonObject().put("atKiosk", "always").put("scanner", "usb"),
        new SectionCodec.Context(new SettingsReader(problems), problems, Set.of(), Set.of()));
    assertThat(problems.list()).extracting(p -> p.path() + " " + p.code())
        .containsExactlyInAnyOrder("citizenCard.atKiosk invalid_choice", "citizenCard.scanner invalid_value");
  }
}
