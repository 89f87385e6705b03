package vn.layso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsGatewaySettingsTest {

  @Test
  void offUnlessAUrlIsGiven() {
    SmsGatewaySettings none = SmsGatewaySettings.fromEnvironment(Map.of());
    assertThat(none.enabled()).isFalse();
    assertThat(none.otpText()).contains("{code}");
  }

  @Test
  void theTokenNeverReachesToString() {
    SmsGatewaySettings sms = SmsGatewaySettings.fromEnvironment(Map.of("SMS_GATEWAY_URL", "https://sms.example.vn/send",
        "SMS_GATEWAY_TOKEN", "very-secret-token", "SMS_OTP_TEXT", "Ma {code}"));
    assertThat(sms.enabled()).isTrue();
    assertThat(sms.toString()).contains("sms.example.vn").doesNotContain("very-secret-token");
    assertThat(sms.otpText()).isEqualTo("Ma {code}");
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> SmsGatewaySettings.fromEnvironment(Map.of("SMS_GATEWAY_URL", "ftp://x")))
        .hasMessageContaining("SMS_GATEWAY_URL");
    assertThatThrownBy(() -> SmsGatewaySettings.fromEnvironment(Map.of("SMS_GATEWAY_URL", "https://x.vn",
        "SMS_OTP_TEXT", "no code here"))).hasMessageContaining("SMS_OTP_TEXT");
    assertThatThrownBy(() -> SmsGatewaySettings.fromEnvironment(Map.of("SMS_GATEWAY_TIMEOUT_MS", "5")))
        .hasMessageContaining("SMS_GATEWAY_TIMEOUT_MS");
  }
}
