package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.predict.domain.Outcome;

class RedisPredictionStoreTest {

  @Test
  void outcomesOfBothEncodingsParseAndMalformedOnesAreSkipped() {
    List<Outcome> out = RedisPredictionStore.parse(List.of(
        "3,60000,120000,90000",                  // before calibration: raw = shown
        "8,200000,300000,100000,160000,210000",  // shown, raw, actual
        "x,1,2,3", "1,2,3", ""));
    assertThat(out).containsExactly(
        new Outcome(3, 60_000, 120_000, 60_000, 120_000, 90_000),
        new Outcome(8, 200_000, 300_000, 100_000, 160_000, 210_000));
  }
}
