package vn.layso.print;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** Printer configuration mistakes stop the start, naming what to fix. */
class PrinterStartIT {

  @Test
  void anOfficePrinterWithAnUnknownProfileStopsTheStart() throws Exception {
    JsonObject office = TestOffices.uniform("sai", 1, List.of("dat-dai"), 3).put("printers", new JsonArray()
        .add(new JsonObject().put("id", "a").put("host", "10.0.0.5").put("profile", "laser-a4")));
    var file = TestOffices.write(office);
    assertThatThrownBy(() -> TestApp.start(env -> env.put("OFFICES_FILE", file.toString())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("laser-a4").hasMessageContaining("sai");
  }

  @Test
  void aMissingPrinterConfigDirStopsTheStart() {
    assertThatThrownBy(() -> TestApp.start(env -> env.put("PRINTER_CONFIG_DIR", "/nonexistent/printer-config")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRINTER_CONFIG_DIR");
  }
}
