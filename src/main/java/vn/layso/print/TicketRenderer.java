package vn.layso.print;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import vn.layso.print.domain.PrintLine;
import vn.layso.print.domain.PrinterProfile;
import vn.layso.print.domain.TicketLayout;
import vn.layso.print.domain.VietText;

/**
 * A ticket's lines as the ESC/POS bytes of one job: ESC @ (init); then in raster mode one GS v 0
 * image of the whole ticket (text drawn with the bundled DejaVu fonts, the QR code drawn in), or in
 * text mode ESC t (code page), styled lines and the printer's own QR code (GS ( k); then the feed
 * and the cut (GS V). CPU work (tens of milliseconds): call it off the event loop.
 */
public final class TicketRenderer {

  /** The bytes to send and, in raster mode, the 1-bit image they carry (null in text mode). */
  public record Rendered(byte[] bytes, BufferedImage image) {
  }

  private TicketRenderer() {
  }

  public static Rendered render(PrinterProfile profile, List<PrintLine> lines) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      EscPos escpos = new EscPos(out);
      escpos.initializePrinter();
      BufferedImage image = null;
      if (profile.mode() == PrinterProfile.Mode.RASTER) {
        image = RasterTicket.draw(profile.dots(), lines);
        escpos.write(new RasterBitImageWrapper().setJustification(EscPosConst.Justification.Left_Default),
            new EscPosImage(new CoffeeImageImpl(image), new BitonalThreshold()));
      } else {
        text(escpos, out, profile, lines);
      }
      if (profile.feedLines() > 0) {
        escpos.feed(profile.feedLines());
      }
      switch (profile.cut()) {
        case FULL -> escpos.cut(EscPos.CutMode.FULL);
        case PARTIAL -> escpos.cut(EscPos.CutMode.PART);
        default -> { }
      }
      escpos.flush();
      return new Rendered(out.toByteArray(), image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(EscPos escpos, ByteArrayOutputStream out, PrinterProfile profile, List<PrintLine> lines)
      throws IOException {
    escpos.setPrinterCharacterTable(profile.codeTable());
    for (PrintLine line : lines) {
      EscPosConst.Justification justification = switch (line.align()) {
        case LEFT -> EscPosConst.Justification.Left_Default;
        case RIGHT -> EscPosConst.Justification.Right;
        default -> EscPosConst.Justification.Center;
      };
      switch (line.kind()) {
        case TEXT -> {
          Style.FontSize size = switch (line.size()) {
            case HUGE -> Style.FontSize._4;
            case LARGE -> Style.FontSize._2;
            default -> Style.FontSize._1;
          };
          // the style goes first (ESC E, GS !, ESC a), then the text in the profile's code page
          out.write(new Style().setBold(line.bold()).setFontSize(size, size).setJustification(justification)
              .getConfigBytes());
          out.write(profile.codePage() == PrinterProfile.CodePage.CP1258
              ? VietText.cp1258(line.text()) : VietText.ascii(line.text()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          out.write('\n');
        }
        case QR -> escpos.write(new QRCode().setSize(line.size() == TicketLayout.Size.LARGE ? 7 : 5)
            .setJustification(justification), line.text());
        case RULE -> {
          out.write(new Style().getConfigBytes());
          out.write(("-".repeat(profile.columns()) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        default -> out.write('\n');
      }
    }
    out.write(new Style().getConfigBytes());
  }
}
