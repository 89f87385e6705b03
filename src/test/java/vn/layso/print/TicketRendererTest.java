package vn.layso.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.layso.print.domain.PrintLine;
import vn.layso.print.domain.PrinterProfile;
import vn.layso.print.domain.TicketFacts;
import vn.layso.print.domain.TicketLines;
import vn.layso.print.domain.VietText;

class TicketRendererTest {

  static final String URL = "https://layso.example.gov.vn/t/demo.01HXYZABCDEFGHJKMNPQRS";
  static final TicketFacts FACTS = new TicketFacts("Trung tâm Phục vụ hành chính công phường Ba Đình", "A012",
      "Đất đai", Instant.parse("2026-11-23T02:05:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"), 3, 45, URL);

  static PrinterConfig config() throws Exception {
    return PrinterConfig.load(null);
  }

  static List<PrintLine> lines(PrinterConfig config, PrinterProfile profile) {
    return TicketLines.of(config.layoutOf(profile), FACTS);
  }

  @Test
  void rasterTicketsAreAsWideAsThePaperAndCarryInitImageFeedAndCut() throws Exception {
    PrinterConfig config = config();
    for (String id : List.of("80mm-raster", "58mm-raster")) {
      PrinterProfile profile = config.profile(id).orElseThrow();
      TicketRenderer.Rendered r = TicketRenderer.render(profile, lines(config, profile));
      byte[] b = r.bytes();
      EscPosBytes job = new EscPosBytes(b);
      assertThat(b[0]).isEqualTo((byte) 0x1B);
      assertThat(b[1]).isEqualTo((byte) '@');
      EscPosBytes.Raster raster = job.raster().orElseThrow();
      assertThat(raster.widthDots()).isEqualTo(profile.dots());
      assertThat(raster.image().getHeight()).isGreaterThan(profile.dots());
      assertThat(job.cut()).isEqualTo(EscPosBytes.Cut.PARTIAL);
      assertThat(EscPosBytes.blackShare(raster.image())).isBetween(0.03, 0.5);
      assertThat(decodeQr(raster.image())).isEqualTo(URL);
      Path dir = Files.createDirectories(Path.of("target/screenshots"));
      ImageIO.write(raster.image(), "png", dir.resolve("ticket-" + id + ".png").toFile());
    }
  }

  /**
   * The QR code's text. ZXing's finder misreads some valid codes inside a whole ticket (it also
   * fails on some of its own plain renderings), so the code is located here (its top-left finder
   * pattern: a solid run of 21 dots or more whose left end goes on down for 15 rows, below the big
   * number) and read
   * as a pure barcode: module by module, as a phone's camera sees a clean print.
   */
  static String decodeQr(BufferedImage image) throws Exception {
    for (int y = image.getHeight() * 2 / 5; y < image.getHeight() - 15; y++) {
      int left = solidRun(image, y, 21);
      // the finder pattern's top row, and its left side going down (a rule is only a few dots tall)
      if (left >= 0 && java.util.stream.IntStream.range(y, y + 15).allMatch(r -> black(image, left, r))) {
        int right = image.getWidth() - 1;
        while (!black(image, right, y)) {
          right--;
        }
        int side = right - left + 1;
        BufferedImage code = new BufferedImage(side + 40, side + 40, BufferedImage.TYPE_BYTE_GRAY);
        var g = code.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, code.getWidth(), code.getHeight());
        g.drawImage(image.getSubimage(left, y, side, Math.min(side, image.getHeight() - y)), 20, 20, null);
        g.dispose();
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(code)));
        return new QRCodeReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true))
            .getText();
      }
    }
    throw new AssertionError("no QR code on the ticket");
  }

  private static boolean black(BufferedImage image, int x, int y) {
    return (image.getRGB(x, y) & 0xFFFFFF) == 0;
  }

  /** The start of the first run of at least {@code length} black dots in row y, or -1. */
  private static int solidRun(BufferedImage image, int y, int length) {
    int run = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      run = black(image, x, y) ? run + 1 : 0;
      if (run == length) {
        return x - length + 1;
      }
    }
    return -1;
  }

  @Test
  void textModeSelectsTheCodePageAndUsesThePrintersQrCode() throws Exception {
    PrinterConfig config = config();
    PrinterProfile profile = config.profile("80mm-text-cp1258").orElseThrow();
    byte[] b = TicketRenderer.render(profile, lines(config, profile)).bytes();
    EscPosBytes job = new EscPosBytes(b);
    assertThat(job.indexOf(new byte[] {0x1B, 't', 52})).isPositive();
    assertThat(job.indexOf(VietText.cp1258("Đất đai"))).isPositive();
    assertThat(job.qrData()).contains(URL);
    assertThat(job.raster()).isEmpty();
    assertThat(job.cut()).isEqualTo(EscPosBytes.Cut.PARTIAL);
  }

  @Test
  void asciiTextModeStripsDiacriticsAndMayNotCut() throws Exception {
    PrinterConfig config = config();
    PrinterProfile profile = config.profile("58mm-text-ascii").orElseThrow();
    byte[] b = TicketRenderer.render(profile, lines(config, profile)).bytes();
    EscPosBytes job = new EscPosBytes(b);
    assertThat(job.indexOf("Dat dai".getBytes(StandardCharsets.US_ASCII))).isPositive();
    assertThat(job.indexOf("So nguoi dang cho truoc ban: 3".getBytes(StandardCharsets.US_ASCII))).isPositive();
    assertThat(job.cut()).isEqualTo(EscPosBytes.Cut.NONE);
    for (byte x : b) {
      // no byte of a UTF-8 sequence: a code-page-less printer would print garbage for it
      assertThat(x & 0xFF).isLessThan(0xC0);
    }
  }
}
