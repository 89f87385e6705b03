package vn.layso.verify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

  @Test
  void codesAreSixDigitsWithTheirLeadingZeros() {
    Random low = new Random() {
      @Override
      public int nextInt(int bound) {
        assertThat(bound).isEqualTo(1_000_000);
        return 42;
      }
    };
    assertThat(OneTimeCode.generate(low)).isEqualTo("000042");
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = OneTimeCode.generate(random);
      assertThat(code).matches("\\d{6}");
      seen.add(code);
    }
    assertThat(seen.size()).as("a thousand codes are (almost) all different").isGreaterThan(990);
  }

  @Test
  void onlySixAsciiDigitsAreACode() {
    assertThat(OneTimeCode.wellFormed("012345")).isTrue();
    assertThat(OneTimeCode.wellFormed("12345")).isFalse();
    assertThat(OneTimeCode.wellFormed("1234567")).isFalse();
    assertThat(OneTimeCode.wellFormed("12345a")).isFalse();
    assertThat(OneTimeCode.wellFormed("١٢٣٤٥٦")).as("other scripts' digits").isFalse();
    assertThat(OneTimeCode.wellFormed(null)).isFalse();
  }

  @Test
  void theRulesAreThoseTheCitizenIsTold() {
    assertThat(OneTimeCode.VALIDITY).hasMinutes(5);
    assertThat(OneTimeCode.MAX_TRIES).isEqualTo(3);
    assertThat(OneTimeCode.RESEND_AFTER).hasSeconds(60);
  }
}
