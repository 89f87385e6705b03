package vn.layso.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.Printer;
import vn.layso.print.domain.PrinterProfile;

class PrinterConfigTest {

  @TempDir
  Path dir;

  @Test
  void theJarCarries80And58MillimetreProfilesAndTheTicketLayout() throws Exception {
    PrinterConfig config = PrinterConfig.load(null);
    assertThat(config.profiles().keySet())
        .contains("80mm-raster", "58mm-raster", "80mm-text-cp1258", "58mm-text-ascii");
    PrinterProfile wide = config.profile("80mm-raster").orElseThrow();
    assertThat(wide.dots()).isEqualTo(576);
    assertThat(wide.mode()).isEqualTo(PrinterProfile.Mode.RASTER);
    assertThat(config.profile("58mm-raster").orElseThrow().dots()).isEqualTo(384);
    PrinterProfile text = config.profile("80mm-text-cp1258").orElseThrow();
    assertThat(text.codePage()).isEqualTo(PrinterProfile.CodePage.CP1258);
    assertThat(text.codeTable()).isEqualTo(52);
    assertThat(config.layoutOf(wide).lines()).isNotEmpty();
  }

  @Test
  void aCentresFolderAddsAndReplacesProfilesAndLayouts() throws Exception {
    Files.createDirectories(dir.resolve("profiles"));
    Files.createDirectories(dir.resolve("layouts"));
    Files.writeString(dir.resolve("layouts/ngan.json"), new JsonObject().put("id", "ngan")
        .put("lines", List.of(new JsonObject().put("text", "{number}").put("size", "huge"))).encode());
    Files.writeString(dir.resolve("profiles/80mm-raster.json"), new JsonObject().put("id", "80mm-raster")
        .put("dots", 576).put("cut", "full").put("layout", "ngan").encode());
    Files.writeString(dir.resolve("profiles/xprinter.json"), new JsonObject().put("id", "xprinter")
        .put("paperMm", 58).put("dots", 384).put("mode", "text").put("codePage", "cp1258").put("codeTable", 30)
        .put("cut", "none").put("readStatus", false).encode());
    PrinterConfig config = PrinterConfig.load(dir);
    PrinterProfile replaced = config.profile("80mm-raster").orElseThrow();
    assertThat(replaced.cut()).isEqualTo(PrinterProfile.Cut.FULL);
    assertThat(config.layoutOf(replaced).id()).isEqualTo("ngan");
    PrinterProfile added = config.profile("xprinter").orElseThrow();
    assertThat(added.codeTable()).isEqualTo(30);
    assertThat(added.readStatus()).isFalse();
    assertThat(config.layoutOf(added).id()).isEqualTo("ticket");
    assertThat(config.profile("58mm-raster")).isPresent();
  }

  @Test
  void aBadFileStopsTheStartNamingIt() throws Exception {
    Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(dir.resolve("profiles/hong.json"), "{\"id\": \"hong\", \"dots\": 500}");
    assertThatThrownBy(() -> PrinterConfig.load(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hong.json").hasMessageContaining("dots");
    Files.writeString(dir.resolve("profiles/hong.json"), "{\"id\": \"hong\", \"mode\": \"laser\"}");
    assertThatThrownBy(() -> PrinterConfig.load(dir)).hasMessageContaining("laser");
    Files.writeString(dir.resolve("profiles/hong.json"), "{not json");
    assertThatThrownBy(() -> PrinterConfig.load(dir)).hasMessageContaining("hong.json");
    Files.writeString(dir.resolve("profiles/hong.json"), "{\"id\": \"hong\", \"layout\": \"khong-co\"}");
    assertThatThrownBy(() -> PrinterConfig.load(dir)).hasMessageContaining("khong-co");
  }

  @Test
  void aMissingFolderIsAConfigurationError() {
    assertThatThrownBy(() -> PrinterConfig.load(dir.resolve("khong-co")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRINTER_CONFIG_DIR");
  }

  @Test
  void anOfficePrinterMustNameAnExistingProfile() throws Exception {
    PrinterConfig config = PrinterConfig.load(null);
    Office office = vn.layso.office.OfficeJson.read(new JsonObject(new String(
        PrinterConfigTest.class.getClassLoader().getResourceAsStream("seed/demo-office.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8)));
    config.check(office);
    Office wrong = new Office(office.id(), office.name(), office.timezone(), office.services(), office.counters(),
        office.priorityGroups(), office.maxPriorityInRow(), office.hours(), office.issuingHours(),
        List.of(new Printer("a", null, "laser-a4", "10.0.0.5", 9100, List.of(), null)));
    assertThatThrownBy(() -> config.check(wrong)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("laser-a4");
  }
}
