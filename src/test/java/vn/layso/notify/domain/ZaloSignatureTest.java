package vn.layso.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZaloSignatureTest {

  private static final byte[] BODY = "{\"event_name\":\"user_feedback\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void isTheSha256OfAppIdBodyTimestampAndSecret() {
    // sha256("123" + body + "1700000000000" + "secret"), computed independently with sha256sum
    assertThat(ZaloSignature.of("123", BODY, "1700000000000", "secret"))
        .isEqualTo("8c18fcdb031bc105672be99dc546c3633fdaf009d0e18201b9bbcca929aace3c");
  }

  @Test
  void acceptsTheBareHexOrTheMacFormAndRefusesAnythingElse() {
    String mac = ZaloSignature.of("123", BODY, "1700000000000", "secret");
    assertThat(ZaloSignature.valid(mac, "123", BODY, "1700000000000", "secret")).isTrue();
    assertThat(ZaloSignature.valid("mac=" + mac.toUpperCase(), "123", BODY, "1700000000000", "secret")).isTrue();
    assertThat(ZaloSignature.valid(mac, "123", BODY, "1700000000001", "secret")).isFalse();
    assertThat(ZaloSignature.valid(mac, "123", BODY, "1700000000000", "other")).isFalse();
    assertThat(ZaloSignature.valid(null, "123", BODY, "1700000000000", "secret")).isFalse();
    assertThat(ZaloSignature.valid(mac, "123", BODY, null, "secret")).isFalse();
  }

  @Test
  void ratingTokensRoundTripThroughTheTrackingId() {
    String token = RatingMessages.token();
    assertThat(RatingMessages.tokenOf("rate:" + token)).isEqualTo(token);
    assertThat(RatingMessages.tokenOf("appt:K7M2QX:confirm")).isNull();
    assertThat(RatingMessages.tokenOf("rate:short")).isNull();
    assertThat(RatingMessages.tokenOf(null)).isNull();
  }
}
