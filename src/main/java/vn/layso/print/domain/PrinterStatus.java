package vn.layso.print.domain;

import java.util.Optional;

/**
 * Reads the answers to ESC/POS real-time status requests: DLE EOT 1 (printer status), DLE EOT 2
 * (offline cause) and DLE EOT 4 (paper roll sensor), one byte each. Every answer has bit 1 set
 * and bit 4 set and bits 0 and 7 clear (0x12 when all is well); a byte not shaped so is not a status.
 */
public final class PrinterStatus {

  /** What to send: the three requests in one write; the printer answers three bytes, in order. */
  public static final byte[] REQUEST = {0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04};
  public static final int ANSWER_BYTES = 3;

  private PrinterStatus() {
  }

  /** Why the printer cannot print now, or empty when it can. */
  public static Optional<PrintResult.Reason> problem(byte printer, byte offlineCause, byte paper) {
    if (!wellFormed(printer) || !wellFormed(offlineCause) || !wellFormed(paper)) {
      return Optional.of(PrintResult.Reason.ERROR);
    }
    // paper sensor: bits 5-6 roll end (bits 2-3 near end still prints); offline cause: bit 5 paper end
    if ((paper & 0x60) != 0 || (offlineCause & 0x20) != 0) {
      return Optional.of(PrintResult.Reason.PAPER_OUT);
    }
    if ((offlineCause & 0x04) != 0) {
      return Optional.of(PrintResult.Reason.COVER_OPEN);
    }
    // printer status bit 3: offline; offline cause bit 6: an error occurred
    if ((printer & 0x08) != 0 || (offlineCause & 0x40) != 0) {
      return Optional.of(PrintResult.Reason.OFFLINE);
    }
    return Optional.empty();
  }

  private static boolean wellFormed(byte b) {
    return (b & 0x93) == 0x12;
  }
}
