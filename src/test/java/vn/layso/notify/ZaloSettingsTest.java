package vn.layso.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.notify.domain.TemplateKey;

class ZaloSettingsTest {

  private static Map<String, String> complete() {
    Map<String, String> env = new HashMap<>();
    env.put("ZALO_APP_ID", "123456");
    env.put("ZALO_SECRET_KEY", "s3cret-value");
    env.put("ZALO_REFRESH_TOKEN", "refresh-token-value");
    env.put("ZALO_TEMPLATE_IDS", "confirmation=1,reminder_day_before=2,reminder_soon=3,turn_near=4");
    return env;
  }

  @Test
  void offWhenNotConfigured() {
    assertThat(ZaloSettings.fromEnvironment(Map.of()).enabled()).isFalse();
  }

  @Test
  void onWithAllThreeAndEveryTemplateId() {
    ZaloSettings z = ZaloSettings.fromEnvironment(complete());
    assertThat(z.enabled()).isTrue();
    assertThat(z.templates().get(TemplateKey.TURN_NEAR).id()).isEqualTo("4");
    assertThat(z.apiBase().toString()).isEqualTo("https://business.openapi.zalo.me");
    assertThat(z.toString()).doesNotContain("s3cret").doesNotContain("refresh-token-value");
  }

  @Test
  void partialOrBadSettingsStopTheStart() {
    Map<String, String> partial = complete();
    partial.remove("ZALO_SECRET_KEY");
    assertThatThrownBy(() -> ZaloSettings.fromEnvironment(partial)).hasMessageContaining("go together");
    Map<String, String> noIds = complete();
    noIds.put("ZALO_TEMPLATE_IDS", "confirmation=1");
    assertThatThrownBy(() -> ZaloSettings.fromEnvironment(noIds)).hasMessageContaining("reminder_day_before");
    Map<String, String> url = complete();
    url.put("ZALO_API_BASE", "ftp://x");
    assertThatThrownBy(() -> ZaloSettings.fromEnvironment(url)).hasMessageContaining("ZALO_API_BASE");
  }
}
