package vn.layso.print.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietTextTest {

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void cp1258KeepsVowelLettersWholeAndSendsToneMarksAfterThem() {
    // Đ â [acute] t, space, đ a i
    assertThat(VietText.cp1258("Đất đai")).containsExactly(bytes(0xD0, 0xE2, 0xEC, 't', ' ', 0xF0, 'a', 'i'));
    // ư [acute], ơ [hook], a [grave], e [tilde]
    assertThat(VietText.cp1258("ứởàẽ")).containsExactly(bytes(0xFD, 0xEC, 0xF5, 0xD2, 'a', 0xCC, 'e', 0xDE));
  }

  @Test
  void aDotBelowUnderACircumflexStillFollowsTheLetter() {
    // NFD puts the dot below before the circumflex: ậ is still â + dot below
    assertThat(VietText.cp1258("ậ ệ ộ ặ")).containsExactly(
        bytes(0xE2, 0xF2, ' ', 0xEA, 0xF2, ' ', 0xF4, 0xF2, ' ', 0xE3, 0xF2));
  }

  @Test
  void theInputFormDoesNotMatter() {
    String nfc = "Hộ tịch, Chứng thực";
    assertThat(VietText.cp1258(Normalizer.normalize(nfc, Normalizer.Form.NFD))).containsExactly(VietText.cp1258(nfc));
  }

  @Test
  void asciiStripsEveryDiacriticAndMapsDByHand() {
    assertThat(VietText.ascii("Đất đai, Hộ tịch, Lao động - Thương binh xã hội"))
        .isEqualTo("Dat dai, Ho tich, Lao dong - Thuong binh xa hoi");
    assertThat(VietText.ascii("Số thứ tự → A012")).isEqualTo("So thu tu ? A012");
  }
}
