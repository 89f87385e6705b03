package vn.layso.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceTokensTest {

  private static final Instant ISSUED = Instant.parse("2026-11-23T02:00:00Z");
  private static final Instant EXPIRES = ISSUED.plus(DeviceTokens.LIFETIME);

  @Test
  void aTokenIsDueADayAfterItWasIssuedNotBefore() {
    assertThat(DeviceTokens.mayBeDue(EXPIRES, ISSUED)).isFalse();
    assertThat(DeviceTokens.mayBeDue(EXPIRES, ISSUED.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
    assertThat(DeviceTokens.mayBeDue(EXPIRES, ISSUED.plus(Duration.ofHours(24)))).isTrue();
    assertThat(DeviceTokens.mayBeDue(EXPIRES, ISSUED.plus(Duration.ofDays(200)))).isTrue();
  }

  @Test
  void aTokenInGraceReadsAsOldAndTheGraceIsTwoDays() {
    Instant rotated = ISSUED.plus(Duration.ofDays(3));
    Instant graceEnds = DeviceTokens.graceEnds(rotated);
    assertThat(graceEnds).isEqualTo(rotated.plus(Duration.ofHours(48)));
    assertThat(DeviceTokens.mayBeDue(graceEnds, rotated)).as("the store decides: not the current token").isTrue();
  }
}
