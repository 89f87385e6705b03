package vn.layso.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairingCodeTest {

  @Test
  void codesUseSixSymbolsWithoutLookAlikesAndShowAsThreeAndThree() {
    Random random = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = PairingCode.generate(random);
      assertThat(code).matches("[2-9A-HJ-NP-Z]{6}");
      seen.add(code);
    }
    assertThat(seen).hasSizeGreaterThan(990);
    assertThat(PairingCode.display("K7P4QX")).isEqualTo("K7P-4QX");
    assertThat(PairingCode.ALPHABET).doesNotContain("0", "1", "O", "I").hasSize(32);
  }

  @Test
  void whatAPersonTypesIsReadWithoutCaseSpacesOrDashes() {
    assertThat(PairingCode.normalize("k7p-4qx")).isEqualTo("K7P4QX");
    assertThat(PairingCode.normalize(" K7P 4QX ")).isEqualTo("K7P4QX");
    assertThat(PairingCode.normalize("K7P4Q")).isNull();
    assertThat(PairingCode.normalize("K7P-4Q0")).as("0 is not in the alphabet").isNull();
    assertThat(PairingCode.normalize("K7P-4QXX")).isNull();
    assertThat(PairingCode.normalize(null)).isNull();
  }

  @Test
  void fullNamesAreStoredNfcTrimmedAndBounded() {
    String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Lan", java.text.Normalizer.Form.NFD);
    String stored = Credentials.fullName("  " + decomposed.replace(" ", "   ") + " ");
    assertThat(stored).isEqualTo(java.text.Normalizer.normalize("Nguyễn Thị Lan", java.text.Normalizer.Form.NFC));
    assertThat(java.text.Normalizer.isNormalized(stored, java.text.Normalizer.Form.NFC)).isTrue();
    assertThat(Credentials.fullName("a".repeat(80))).hasSize(80);
    assertThat(Credentials.fullName("a".repeat(81))).isNull();
    assertThat(Credentials.fullName("  ")).isNull();
    assertThat(Credentials.fullName("Lan\u0007")).isNull();
  }

  @Test
  void oneTimePasswordsAreReadableAndPassThePasswordRules() {
    String password = Credentials.oneTimePassword(new Random(3));
    assertThat(password).matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}");
    assertThat(Credentials.passwordProblem(password)).isNull();
  }
}
