package vn.layso.predict.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.Estimate;

class PlaceWindowTest {

  private static final long MIN = 60_000L;

  /** A raw model whose values tell the place, and that counts the places it was asked for. */
  private final List<Integer> asked = new ArrayList<>();
  private final IntFunction<Estimate> model = place -> {
    asked.add(place);
    return new Estimate(place * MIN, place * 2 * MIN, place - 1);
  };

  /** A calibration that doubles the median of 6-10 ahead (see CalibrationTest). */
  private static Calibration doubling() {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      outcomes.add(new Outcome(8, 10 * MIN, 16 * MIN, 20 * MIN));
    }
    return Calibration.of(outcomes);
  }

  private static List<Estimate> direct(int from, int to, Calibration calibration) {
    List<Estimate> out = new ArrayList<>();
    for (int place = from; place <= to; place++) {
      out.add(calibration.apply(new Estimate(place * MIN, place * 2 * MIN, place - 1), "s0"));
    }
    return out;
  }

  @Test
  void aSlidingWindowWorksOutOnlyItsNewPlaceAndAnswersWhatTheModelWould() {
    Calibration calibration = doubling();
    PlaceWindow w = PlaceWindow.NONE.covering(3, 26, calibration, "s0", model);
    assertThat(asked).hasSize(24);
    assertThat(w.shown(3, 26)).isEqualTo(direct(3, 26, calibration));
    asked.clear();
    for (int last = 27; last <= 40; last++) {
      w = w.covering(last - 23, last, calibration, "s0", model);
      assertThat(w.shown(last - 23, last)).isEqualTo(direct(last - 23, last, calibration));
    }
    assertThat(asked).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(27, 40).boxed().toList());
  }

  @Test
  void aWindowThatHoldsThePlacesIsKept() {
    PlaceWindow w = PlaceWindow.NONE.covering(5, 12, Calibration.NONE, "s0", model);
    asked.clear();
    assertThat(w.covering(6, 10, Calibration.NONE, "s0", model)).isSameAs(w);
    assertThat(asked).isEmpty();
  }

  @Test
  void aNewCalibrationIsAppliedAgainWithoutAskingTheModel() {
    PlaceWindow w = PlaceWindow.NONE.covering(5, 12, Calibration.NONE, "s0", model);
    asked.clear();
    Calibration calibration = doubling();
    PlaceWindow again = w.covering(5, 12, calibration, "s0", model);
    assertThat(asked).isEmpty();
    assertThat(again.shown(5, 12)).isEqualTo(direct(5, 12, calibration)).isNotEqualTo(w.shown(5, 12));
  }

  @Test
  void placesBeforeTheWindowJoinItAndAFarJumpStartsAgain() {
    PlaceWindow w = PlaceWindow.NONE.covering(10, 20, Calibration.NONE, "s0", model);
    w = w.covering(4, 12, Calibration.NONE, "s0", model);
    assertThat(w.shown(4, 20)).isEqualTo(direct(4, 20, Calibration.NONE));
    asked.clear();
    w = w.covering(500, 523, Calibration.NONE, "s0", model);
    assertThat(asked).hasSize(24);
    assertThat(w.shown(500, 523)).isEqualTo(direct(500, 523, Calibration.NONE));
    assertThatThrownBy(() -> PlaceWindow.NONE.covering(0, 3, Calibration.NONE, "s0", model))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
