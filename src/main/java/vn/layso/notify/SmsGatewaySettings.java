package vn.layso.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * The SMS gateway hook (SMS_GATEWAY_URL, optional): layso POSTs {@code {"phone":"84…","text":"…"}}
 * there, with {@code Authorization: Bearer SMS_GATEWAY_TOKEN} when set; any 2xx answer means sent.
 * A small adapter in front of the centre's SMS brandname provider fits it. {@code otpText} is the
 * verification message with {@code {code}} where the code goes (SMS_OTP_TEXT; unaccented by default,
 * so it fits one 160-character SMS). The token never reaches {@link #toString()}.
 */
public record SmsGatewaySettings(URI url, String token, String otpText, Duration timeout) {

  public static final String DEFAULT_OTP_TEXT =
      "Ma xac minh dat lich cua ban la {code}, hieu luc 5 phut. Khong dua ma nay cho bat ky ai.";

  public SmsGatewaySettings {
    if (url != null && (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null)) {
      throw new IllegalArgumentException("SMS_GATEWAY_URL must be an http(s) URL");
    }
    if (!otpText.contains("{code}") || otpText.length() > 300) {
      throw new IllegalArgumentException("SMS_OTP_TEXT must contain {code} and have at most 300 characters");
    }
  }

  public static SmsGatewaySettings fromEnvironment(Map<String, String> env) {
    String url = value(env, "SMS_GATEWAY_URL");
    URI uri = null;
    if (url != null) {
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("SMS_GATEWAY_URL must be an http(s) URL");
      }
    }
    String text = value(env, "SMS_OTP_TEXT");
    String timeout = value(env, "SMS_GATEWAY_TIMEOUT_MS");
    long ms;
    try {
      ms = timeout == null ? 10_000 : Long.parseLong(timeout);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SMS_GATEWAY_TIMEOUT_MS must be a whole number");
    }
    if (ms < 100 || ms > 120_000) {
      throw new IllegalArgumentException("SMS_GATEWAY_TIMEOUT_MS must be 100..120000");
    }
    return new SmsGatewaySettings(uri, value(env, "SMS_GATEWAY_TOKEN"), text == null ? DEFAULT_OTP_TEXT : text,
        Duration.ofMillis(ms));
  }

  public boolean enabled() {
    return url != null;
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  @Override
  public String toString() {
    return "Sms[enabled=" + enabled() + (url == null ? "" : ", host=" + url.getHost()) + "]";
  }
}
