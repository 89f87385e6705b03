package vn.layso.print;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;

/** The printing answers, byte for byte what the hand-built JSON of before gave. */
class PrintShapesTest {

  @Test
  void anOutcomeCarriesAReasonAndMessageOnlyWhenItFailed() {
    assertThat(ApiJson.encode(new PrintRoutes.PrintOutcome("PRINTED", "sanh-1", null, null)))
        .isEqualTo(new JsonObject().put("status", "PRINTED").put("printer", "sanh-1").encode());
    assertThat(ApiJson.encode(new PrintRoutes.PrintOutcome("FAILED", "sanh-1", "paper_out", "Máy in đã hết giấy.")))
        .isEqualTo(new JsonObject().put("status", "FAILED").put("printer", "sanh-1").put("reason", "paper_out")
            .put("message", "Máy in đã hết giấy.").encode());
  }

  @Test
  void aFailureAndAPrinterAreWhatTheRoutesWrote() {
    assertThat(ApiJson.encode(new PrintRoutes.PrintFailure("demo.7k2m9q4xv1ab", "A012", "ho-tich", "WAITING",
        "2026-12-07T08:00:00+07:00", "sanh-1", "timeout", "2026-12-07T08:00:05+07:00")))
        .isEqualTo(new JsonObject().put("id", "demo.7k2m9q4xv1ab").put("number", "A012").put("service", "ho-tich")
            .put("status", "WAITING").put("issuedAt", "2026-12-07T08:00:00+07:00").put("printer", "sanh-1")
            .put("reason", "timeout").put("at", "2026-12-07T08:00:05+07:00").encode());
    JsonObject before = new JsonObject().put("id", "sanh-1").put("name", "Sảnh 1").put("profile", "xprinter-80")
        .put("paperMm", 80).put("mode", "raster").put("host", "10.0.0.5").put("port", 9100)
        .put("kiosks", new JsonArray().add("kiosk-1"));
    assertThat(ApiJson.encode(new PrintRoutes.PrinterInfo("sanh-1", "Sảnh 1", "xprinter-80", 80, "raster", "10.0.0.5",
        9100, List.of("kiosk-1"), null))).isEqualTo(before.copy().put("lastStatus", null).encode());
    assertThat(ApiJson.encode(new PrintRoutes.PrinterInfo("sanh-1", "Sảnh 1", "xprinter-80", 80, "raster", "10.0.0.5",
        9100, List.of("kiosk-1"), new PrintRoutes.PrinterLastStatus("OK", null, "2026-12-07T08:00:05+07:00", "A012"))))
        .isEqualTo(before.copy().put("lastStatus", new JsonObject().put("status", "OK").put("reason", null)
            .put("at", "2026-12-07T08:00:05+07:00").put("number", "A012")).encode());
  }
}
