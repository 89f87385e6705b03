package vn.layso.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code as a small SVG (one path), drawn on the server so no page needs a QR library. */
public final class QrSvg {

  private QrSvg() {
  }

  /** The QR code of {@code text} with a 4-module quiet zone, medium error correction. */
  public static String of(String text) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException tooLong) {
      throw new IllegalArgumentException("text too long for a QR code", tooLong);
    }
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      int x = 0;
      while (x < w) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < w && matrix.get(x, y)) {
          x++;
        }
        path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
            .append(x - start).append('z');
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path + "\"/></svg>";
  }
}
