package vn.layso.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.Printer;

/** The "printers" of an office: defaults, validation, and the kiosk-to-printer link. */
class OfficePrintersTest {

  private static JsonObject demo() throws Exception {
    try (InputStream in = OfficePrintersTest.class.getClassLoader().getResourceAsStream("seed/demo-office.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static JsonObject withPrinters(JsonObject... printers) throws Exception {
    return demo().put("printers", new JsonArray(java.util.List.of((Object[]) printers)));
  }

  private static JsonObject printer(String id, String host) {
    return new JsonObject().put("id", id).put("host", host);
  }

  @Test
  void theDemoOfficeHasOnePrinterOnLoopbackForKiosk1() throws Exception {
    Office office = OfficeJson.read(demo());
    Printer printer = office.printerOf("kiosk-1").orElseThrow();
    assertThat(printer.id()).isEqualTo("sanh-1");
    assertThat(printer.host()).isEqualTo("127.0.0.1");
    assertThat(printer.port()).isEqualTo(9100);
    assertThat(printer.profile()).isEqualTo("80mm-raster");
    assertThat(office.printerOf("kiosk-2")).isEmpty();
  }

  @Test
  void anOfficeWithoutPrintersHasNone() throws Exception {
    JsonObject json = demo();
    json.remove("printers");
    assertThat(OfficeJson.read(json).printers()).isEmpty();
  }

  @Test
  void defaultsArePort9100TheIdAsNameThe80mmRasterProfileAndNoKiosk() throws Exception {
    Printer p = OfficeJson.read(withPrinters(printer("tang-2", "may-in-tang-2.local"))).printer("tang-2").orElseThrow();
    assertThat(p.port()).isEqualTo(9100);
    assertThat(p.name()).isEqualTo("tang-2");
    assertThat(p.profile()).isEqualTo("80mm-raster");
    assertThat(p.kiosks()).isEmpty();
    assertThat(p.baseUrl()).isNull();
  }

  @Test
  void writeThenReadKeepsThePrinters() throws Exception {
    Office office = OfficeJson.read(withPrinters(printer("a", "10.0.0.5").put("port", 9101).put("name", "Máy in A")
        .put("profile", "58mm-raster").put("kiosks", new JsonArray().add("kiosk-a").add("kiosk-b"))
        .put("baseUrl", "http://192.168.1.10:8080/")));
    assertThat(OfficeJson.read(OfficeJson.write(office))).isEqualTo(office);
    assertThat(office.printer("a").orElseThrow().baseUrl()).isEqualTo("http://192.168.1.10:8080");
    assertThat(OfficeJson.publicView(office).containsKey("printers")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.5", "10.0.0.5:9100", "may in", "", "10.0.0.5/print", "-bad"})
  void aHostIsANameOrAnAddressOnly(String host) {
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(printer("a", host))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
  }

  @Test
  void ipv6AddressesAreHosts() throws Exception {
    assertThat(OfficeJson.read(withPrinters(printer("a", "fd00::5"))).printer("a").orElseThrow().host())
        .isEqualTo("fd00::5");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void thePortIsInRange(int port) {
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(printer("a", "10.0.0.5").put("port", port))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
  }

  @Test
  void aKioskIsLinkedToOnePrinterAtMost() {
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(
        printer("a", "10.0.0.5").put("kiosks", new JsonArray().add("kiosk-1")),
        printer("b", "10.0.0.6").put("kiosks", new JsonArray().add("kiosk-2").add("kiosk-1")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kiosk-1");
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(
        printer("a", "10.0.0.5").put("kiosks", new JsonArray().add("kiosk-1").add("kiosk-1")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kiosk-1");
  }

  @Test
  void printerIdsAreUniqueAndCodes() {
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(printer("a", "10.0.0.5"), printer("a", "10.0.0.6"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printer id");
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(printer("Máy A", "10.0.0.5"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printer id");
  }

  @Test
  void kiosksAreDeviceAccountNamesAndTheBaseUrlIsAnHttpUrl() {
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(
        printer("a", "10.0.0.5").put("kiosks", new JsonArray().add("Kiosk Sảnh")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kiosk");
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(
        printer("a", "10.0.0.5").put("kiosks", new JsonArray().add(12)))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OfficeJson.read(withPrinters(printer("a", "10.0.0.5").put("baseUrl", "ftp://x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
  }
}
