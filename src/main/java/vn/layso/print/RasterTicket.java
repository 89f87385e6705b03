package vn.layso.print;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.layso.print.domain.PrintLine;
import vn.layso.print.domain.TicketLayout;

/**
 * Draws a ticket into a 1-bit image as wide as the paper: text in DejaVu Sans (shipped in the jar,
 * with every Vietnamese glyph; no system font is used), antialiased in grey, then cut at the half
 * tone into black and white; the QR code drawn module by module. Sizes are given for 576 dots and
 * scaled to the paper; long lines wrap at spaces, and a single word too wide (the number) shrinks.
 */
final class RasterTicket {

  private static final Font REGULAR = font("DejaVuSans.ttf");
  private static final Font BOLD = font("DejaVuSans-Bold.ttf");
  private static final int REFERENCE_DOTS = 576;

  private RasterTicket() {
  }

  static BufferedImage draw(int dots, List<PrintLine> lines) {
    double scale = (double) dots / REFERENCE_DOTS;
    int margin = (int) Math.round(12 * scale);
    int width = dots - 2 * margin;
    // measure on a scratch canvas, draw on one exactly as tall as the ticket
    List<Block> blocks = new ArrayList<>();
    Graphics2D scratch = canvas(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY));
    for (PrintLine line : lines) {
      blocks.add(block(scratch, line, scale, width));
    }
    scratch.dispose();
    int height = 2 * margin + blocks.stream().mapToInt(Block::height).sum();
    BufferedImage grey = new BufferedImage(dots, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = canvas(grey);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, dots, height);
    g.setColor(Color.BLACK);
    int y = margin;
    for (Block block : blocks) {
      block.painter().paint(g, margin, y, width);
      y += block.height();
    }
    g.dispose();
    return oneBit(grey);
  }

  private interface Painter {
    void paint(Graphics2D g, int left, int top, int width);
  }

  private record Block(int height, Painter painter) {
  }

  private static Block block(Graphics2D g, PrintLine line, double scale, int width) {
    return switch (line.kind()) {
      case TEXT -> text(g, line, scale, width);
      case QR -> qr(line, scale, width);
      case RULE -> {
        int gap = (int) Math.round(14 * scale);
        int thick = Math.max(2, (int) Math.round(3 * scale));
        yield new Block(2 * gap + thick, (gr, left, top, w) -> gr.fillRect(left, top + gap, w, thick));
      }
      case SPACE -> new Block((int) Math.round(18 * scale), (gr, left, top, w) -> { });
    };
  }

  private static Block text(Graphics2D g, PrintLine line, double scale, int width) {
    // narrow paper keeps its small print a little larger than in proportion, so it stays readable
    float size = (float) (line.size().px * Math.min(1.0, scale * 1.15));
    Font font = (line.bold() ? BOLD : REGULAR).deriveFont(size);
    FontMetrics metrics = g.getFontMetrics(font);
    // one word wider than the paper (the big number): shrink until it fits
    String longest = List.of(line.text().split(" ")).stream().max((a, b) ->
        Integer.compare(metrics.stringWidth(a), metrics.stringWidth(b))).orElse("");
    while (g.getFontMetrics(font).stringWidth(longest) > width && font.getSize2D() > 8) {
      font = font.deriveFont(font.getSize2D() * 0.95f);
    }
    FontMetrics fm = g.getFontMetrics(font);
    List<String> rows = wrap(line.text(), fm, width);
    // Vietnamese stacks marks above capitals (Ấ, Ở): leave room above the ascent of big text
    int lead = line.size() == TicketLayout.Size.HUGE ? fm.getAscent() / 12 : (int) Math.round(4 * scale);
    int rowHeight = fm.getAscent() + fm.getDescent() + lead;
    Font chosen = font;
    return new Block(rows.size() * rowHeight, (gr, left, top, w) -> {
      gr.setFont(chosen);
      int baseline = top + lead + fm.getAscent();
      for (String row : rows) {
        int x = switch (line.align()) {
          case LEFT -> left;
          case RIGHT -> left + w - fm.stringWidth(row);
          default -> left + (w - fm.stringWidth(row)) / 2;
        };
        gr.drawString(row, x, baseline);
        baseline += rowHeight;
      }
    });
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> rows = new ArrayList<>();
    StringBuilder row = new StringBuilder();
    for (String word : text.split(" +")) {
      String candidate = row.isEmpty() ? word : row + " " + word;
      if (fm.stringWidth(candidate) <= width || row.isEmpty()) {
        row.setLength(0);
        row.append(candidate);
      } else {
        rows.add(row.toString());
        row.setLength(0);
        row.append(word);
      }
    }
    if (!row.isEmpty()) {
      rows.add(row.toString());
    }
    return rows;
  }

  /** The QR code, about half the paper wide (LARGE) or a third, on whole dots per module. */
  private static Block qr(PrintLine line, double scale, int width) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(line.text(), com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
    } catch (WriterException tooLong) {
      throw new IllegalArgumentException("cannot encode the ticket link as a QR code", tooLong);
    }
    int modules = matrix.getWidth();
    int target = (int) (width * (line.size() == TicketLayout.Size.LARGE ? 0.5 : 0.36));
    int module = Math.max(3, target / modules);
    int side = module * modules;
    int quiet = 4 * module;
    return new Block(side + 2 * quiet, (g, left, top, w) -> {
      int x0 = switch (line.align()) {
        case LEFT -> left;
        case RIGHT -> left + w - side;
        default -> left + (w - side) / 2;
      };
      for (int y = 0; y < modules; y++) {
        for (int x = 0; x < modules; x++) {
          if (matrix.get(x, y)) {
            g.fillRect(x0 + x * module, top + quiet + y * module, module, module);
          }
        }
      }
    });
  }

  private static Graphics2D canvas(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    return g;
  }

  /** Black where the grey is darker than half, white elsewhere: what the print head burns. */
  private static BufferedImage oneBit(BufferedImage grey) {
    BufferedImage bits = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    var in = grey.getRaster();
    var out = bits.getRaster();
    for (int y = 0; y < grey.getHeight(); y++) {
      for (int x = 0; x < grey.getWidth(); x++) {
        out.setSample(x, y, 0, in.getSample(x, y, 0) < 128 ? 0 : 1);
      }
    }
    return bits;
  }

  private static Font font(String file) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    try (InputStream in = RasterTicket.class.getResourceAsStream("/print/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("font " + file + " is missing from the jar");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + file + " cannot be read", e);
    }
  }
}
