package vn.layso.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ZnsTemplateTest {

  private final ZnsTemplate template = new ZnsTemplate(TemplateKey.CONFIRMATION, "1001", Map.of(
      "customer_name", new ZnsTemplate.Field(30, false), "booking_code", new ZnsTemplate.Field(30, true),
      "office_name", new ZnsTemplate.Field(300, false), "service_name", new ZnsTemplate.Field(300, false)));

  private Map<String, String> data(String name, String office, String service) {
    return Map.of("customer_name", name, "booking_code", "K7M2QX", "office_name", office, "service_name", service);
  }

  @Test
  void namesAreNfcTrimmedAndCutAtAWordWithAnEllipsis() {
    String nfd = java.text.Normalizer.normalize("  Nguyễn   Thị Thuỷ Tiên  ", java.text.Normalizer.Form.NFD);
    assertThat(template.fit(data(nfd, "Ba Đình", "Đất đai")).get("customer_name")).isEqualTo("Nguyễn Thị Thuỷ Tiên");
    String cut = template.fit(data("Công Tôn Nữ Thị Hoàng Phương Thảo Nguyên", "x", "y")).get("customer_name");
    assertThat(cut).hasSizeLessThanOrEqualTo(30).endsWith("…").isEqualTo("Công Tôn Nữ Thị Hoàng Phương…");
  }

  @Test
  void aCodeIsNeverCutButRefused() {
    assertThatThrownBy(() -> template.fit(Map.of("customer_name", "A", "booking_code", "X".repeat(31),
        "office_name", "o", "service_name", "s"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTotalStaysWithin400ByShorteningTheLongestFields() {
    Map<String, String> fitted = template.fit(data("Lan", "Trung tâm ".repeat(30), "Lĩnh vực ".repeat(30)));
    assertThat(fitted.values().stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(400);
    assertThat(fitted.get("booking_code")).isEqualTo("K7M2QX");
    assertThat(fitted.get("office_name")).endsWith("…");
  }

  @Test
  void aMissingFieldIsRefusedAndExtraOnesAreDropped() {
    assertThatThrownBy(() -> template.fit(Map.of("customer_name", "A"))).isInstanceOf(IllegalArgumentException.class);
    Map<String, String> extra = new java.util.HashMap<>(data("A", "o", "s"));
    extra.put("cccd", "001099012345");
    assertThat(template.fit(extra)).doesNotContainKey("cccd");
  }
}
