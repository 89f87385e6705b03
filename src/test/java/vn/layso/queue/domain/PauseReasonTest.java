package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PauseReasonTest {

  @Test
  void theFixedListReadsByCodeAndNothingElse() {
    assertThat(PauseReason.codes()).containsExactly("nghi-giai-lao", "hop", "ho-tro-quay-khac", "su-co-ky-thuat", "khac");
    assertThat(PauseReason.of("hop")).contains(PauseReason.HOP);
    assertThat(PauseReason.of("HOP")).isEmpty();
    assertThat(PauseReason.of("an-trua")).isEmpty();
    assertThat(PauseReason.of(null)).isEmpty();
  }
}
