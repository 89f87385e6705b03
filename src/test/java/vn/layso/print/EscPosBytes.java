package vn.layso.print;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads back what a test printer received: the raster images (GS v 0), the QR data (GS ( k), the cut (GS V). */
final class EscPosBytes {

  enum Cut { FULL, PARTIAL, NONE }

  record Raster(int widthDots, BufferedImage image, int end) {
  }

  private final byte[] b;

  EscPosBytes(byte[] bytes) {
    this.b = bytes;
  }

  boolean startsWithInit() {
    return b.length >= 2 && b[0] == 0x1B && b[1] == '@';
  }

  int indexOf(byte[] needle) {
    return indexOf(needle, 0);
  }

  int indexOf(byte[] needle, int from) {
    outer:
    for (int i = from; i <= b.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Every GS v 0 block, in order, each decoded into an image (black = set bit). */
  List<Raster> rasters() {
    List<Raster> out = new ArrayList<>();
    int at = indexOf(new byte[] {0x1D, 0x76, 0x30});
    while (at >= 0) {
      int xBytes = (b[at + 4] & 0xFF) | (b[at + 5] & 0xFF) << 8;
      int rows = (b[at + 6] & 0xFF) | (b[at + 7] & 0xFF) << 8;
      int data = at + 8;
      BufferedImage image = new BufferedImage(xBytes * 8, rows, BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < xBytes * 8; x++) {
          boolean black = (b[data + y * xBytes + x / 8] & (0x80 >> (x % 8))) != 0;
          image.getRaster().setSample(x, y, 0, black ? 0 : 1);
        }
      }
      int end = data + xBytes * rows;
      out.add(new Raster(xBytes * 8, image, end));
      at = indexOf(new byte[] {0x1D, 0x76, 0x30}, end);
    }
    return out;
  }

  Optional<Raster> raster() {
    return rasters().stream().findFirst();
  }

  /** The data of the first QR "store" function (GS ( k pL pH 49 80 48 data), if any. */
  Optional<String> qrData() {
    int from = rasters().stream().mapToInt(Raster::end).max().orElse(0);
    int at = from;
    while ((at = indexOf(new byte[] {0x1D, 0x28, 0x6B}, at)) >= 0) {
      int length = (b[at + 3] & 0xFF) | (b[at + 4] & 0xFF) << 8;
      if (b[at + 5] == 49 && b[at + 6] == 80) {
        return Optional.of(new String(b, at + 8, length - 3, StandardCharsets.US_ASCII));
      }
      at += 5 + length;
    }
    return Optional.empty();
  }

  /** The last GS V command after the image data: full, partial, or none at all. */
  Cut cut() {
    int from = rasters().stream().mapToInt(Raster::end).max().orElse(0);
    int found = -1;
    int at = from;
    while ((at = indexOf(new byte[] {0x1D, 0x56}, at)) >= 0) {
      found = at;
      at += 2;
    }
    if (found < 0) {
      return Cut.NONE;
    }
    int m = b[found + 2] & 0xFF;
    return m == 0 || m == 48 || m == 65 ? Cut.FULL : Cut.PARTIAL;
  }

  int rasterCount() {
    return rasters().size();
  }

  /** The share of black dots: a blank ticket has none, a ticket all black is broken too. */
  static double blackShare(BufferedImage image) {
    long black = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
          black++;
        }
      }
    }
    return (double) black / ((long) image.getWidth() * image.getHeight());
  }
}
