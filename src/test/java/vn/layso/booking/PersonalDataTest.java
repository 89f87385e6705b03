package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTest {

  private static final String SECRET = "a-personal-data-key-of-at-least-32-characters";
  private static final String OTHER = "another-personal-data-key-of-32-characters-or-more";
  private static final String KEY = "layso:{demo}:appt:K7M2Q9";
  private static final String NAME = Normalizer.normalize("Nguyễn Thị Thuỷ Tiên", Normalizer.Form.NFC);

  private final PersonalData data = new PersonalData(PersonalDataKey.of(SECRET));

  @Test
  void round_trip_keeps_the_exact_nfc_vietnamese_name_and_the_phone() {
    String sealed = data.seal(KEY, "name", NAME);
    assertThat(sealed).startsWith("pd:1:").doesNotContain(NAME).doesNotContain("Nguy");
    assertThat(data.open(KEY, "name", sealed)).isEqualTo(NAME);
    assertThat(Normalizer.isNormalized(data.open(KEY, "name", sealed), Normalizer.Form.NFC)).isTrue();
    String phone = data.seal(KEY, "phone", "+84912345678");
    assertThat(phone).doesNotContain("912345678");
    assertThat(data.open(KEY, "phone", phone)).isEqualTo("+84912345678");
    // a decomposed (NFD) name comes back decomposed: the cipher keeps bytes, normalising is the caller's
    String nfd = Normalizer.normalize(NAME, Normalizer.Form.NFD);
    assertThat(data.open(KEY, "name", data.seal(KEY, "name", nfd))).isEqualTo(nfd).isNotEqualTo(NAME);
  }

  @Test
  void the_format_is_prefix_version_and_base64url_of_a_12_byte_iv_then_ciphertext_and_tag() {
    String sealed = data.seal(KEY, "phone", "+84912345678");
    String[] parts = sealed.split(":", 3);
    assertThat(parts[0]).isEqualTo("pd");
    assertThat(parts[1]).isEqualTo("1");
    assertThat(parts[2]).matches("[A-Za-z0-9_-]+");
    byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
    assertThat(raw).hasSize(12 + "+84912345678".getBytes(StandardCharsets.UTF_8).length + 16);
  }

  @Test
  void every_value_gets_a_fresh_iv() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(data.seal(KEY, "phone", "+84912345678"));
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void another_record_or_field_does_not_open_it() {
    String sealed = data.seal(KEY, "name", NAME);
    assertThatThrownBy(() -> data.open("layso:{demo}:appt:OTHER1", "name", sealed))
        .isInstanceOf(PersonalData.Unreadable.class).hasMessageNotContaining(NAME);
    assertThatThrownBy(() -> data.open(KEY, "phone", sealed)).isInstanceOf(PersonalData.Unreadable.class);
  }

  @Test
  void a_tampered_value_does_not_open() {
    String sealed = data.seal(KEY, "phone", "+84912345678");
    String body = sealed.substring("pd:1:".length());
    byte[] raw = Base64.getUrlDecoder().decode(body);
    for (int i : new int[] {0, 12, raw.length - 1}) {
      byte[] bad = raw.clone();
      bad[i] ^= 1;
      String tampered = "pd:1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bad);
      assertThatThrownBy(() -> data.open(KEY, "phone", tampered)).isInstanceOf(PersonalData.Unreadable.class);
    }
    assertThatThrownBy(() -> data.open(KEY, "phone", "pd:1:" + body.substring(0, 10)))
        .isInstanceOf(PersonalData.Unreadable.class);
    assertThatThrownBy(() -> data.open(KEY, "phone", "pd:1:!!not base64!!"))
        .isInstanceOf(PersonalData.Unreadable.class);
    // the version is bound too: the same bytes claimed as version 2 use another key
    assertThatThrownBy(() -> data.open(KEY, "phone", "pd:2:" + body)).isInstanceOf(PersonalData.Unreadable.class);
    assertThatThrownBy(() -> data.open(KEY, "phone", "pd:x:" + body)).isInstanceOf(PersonalData.Unreadable.class);
  }

  @Test
  void another_secret_does_not_open_it() {
    String sealed = data.seal(KEY, "name", NAME);
    assertThatThrownBy(() -> new PersonalData(PersonalDataKey.of(OTHER)).open(KEY, "name", sealed))
        .isInstanceOf(PersonalData.Unreadable.class);
  }

  @Test
  void seals_with_the_current_version_and_opens_any() {
    String v1 = data.seal(KEY, "phone", "+84912345678");
    data.useVersion(7);
    String v7 = data.seal(KEY, "phone", "+84912345678");
    assertThat(v1).startsWith("pd:1:");
    assertThat(v7).startsWith("pd:7:");
    assertThat(PersonalData.versionOf(v7)).isEqualTo(7);
    assertThat(data.open(KEY, "phone", v1)).isEqualTo("+84912345678");
    assertThat(data.open(KEY, "phone", v7)).isEqualTo("+84912345678");
    // another server (same secret, still at version 1) opens version 7 too
    assertThat(new PersonalData(PersonalDataKey.of(SECRET)).open(KEY, "phone", v7)).isEqualTo("+84912345678");
    assertThat(data.stale(KEY, "phone", v1)).isTrue();
    assertThat(data.stale(KEY, "phone", v7)).isFalse();
    assertThat(data.stale(KEY, "phone", "+84912345678")).isTrue();
    // versions differ in key, not only in label
    String body = v7.substring("pd:7:".length());
    assertThatThrownBy(() -> data.open(KEY, "phone", "pd:1:" + body)).isInstanceOf(PersonalData.Unreadable.class);
    assertThatThrownBy(() -> data.useVersion(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_value_without_the_prefix_is_older_clear_data() {
    assertThat(data.open(KEY, "name", NAME)).isEqualTo(NAME);
    assertThat(data.open(KEY, "phone", "+84912345678")).isEqualTo("+84912345678");
    assertThat(data.open(KEY, "phone", null)).isNull();
    assertThat(data.seal(KEY, "phone", null)).isNull();
    assertThat(data.seal(KEY, "phone", "")).isEmpty();
    assertThat(PersonalData.isSealed(NAME)).isFalse();
    assertThat(PersonalData.versionOf(NAME)).isEqualTo(-1);
  }

  @Test
  void the_previous_secret_opens_what_it_sealed_and_marks_it_stale() {
    PersonalData old = new PersonalData(PersonalDataKey.of(OTHER));
    String sealedOld = old.seal(KEY, "name", NAME);
    PersonalData changing = new PersonalData(PersonalDataKey.of(SECRET), PersonalDataKey.of(OTHER));
    assertThat(changing.open(KEY, "name", sealedOld)).isEqualTo(NAME);
    assertThat(changing.stale(KEY, "name", sealedOld)).isTrue();
    String sealedNew = changing.seal(KEY, "name", NAME);
    assertThat(changing.stale(KEY, "name", sealedNew)).isFalse();
    assertThat(data.open(KEY, "name", sealedNew)).isEqualTo(NAME);
    assertThatThrownBy(() -> old.open(KEY, "name", sealedNew)).isInstanceOf(PersonalData.Unreadable.class);
  }

  @Test
  void the_key_is_hkdf_sha256_of_the_secret_per_version(@TempDir Path dir) throws Exception {
    // RFC 5869 test case 3 (no salt, empty info) checks the derivation itself
    byte[] ikm = new byte[22];
    java.util.Arrays.fill(ikm, (byte) 0x0b);
    Files.writeString(dir.resolve(PersonalDataKey.FILE), Base64.getEncoder().encodeToString(ikm));
    PersonalDataKey k = PersonalDataKey.fromFile(dir);
    assertThat(java.util.HexFormat.of().formatHex(k.derive("")))
        .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    assertThat(k.derive("layso personal data v1")).isNotEqualTo(k.derive("layso personal data v2"));
  }

  @Test
  void nothing_about_the_key_or_values_in_to_string() {
    assertThat(data.toString()).doesNotContain(SECRET);
  }
}
