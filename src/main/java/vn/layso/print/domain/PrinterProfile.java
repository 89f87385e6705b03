package vn.layso.print.domain;

import java.util.Objects;

/**
 * How to drive one kind of ESC/POS printer: paper width in dots (576 for 80 mm paper, 384 for 58 mm
 * at 203 dpi), the mode (RASTER: every line drawn into a 1-bit image, right on any printer; TEXT:
 * the printer's own font through a code page), the code page and its ESC t number for text mode,
 * the cut, the blank lines fed before the cut, whether the printer is asked for its status
 * (DLE EOT) before each job, and the layout it prints.
 */
public record PrinterProfile(String id, String name, int paperMm, int dots, Mode mode, CodePage codePage,
                             int codeTable, Cut cut, int feedLines, boolean readStatus, String layout) {

  public enum Mode { RASTER, TEXT }

  /** Cuts: GS V 0 (full), GS V 1 (partial, the paper hangs on a strip), or none (tear-off printers). */
  public enum Cut { FULL, PARTIAL, NONE }

  /**
   * Text-mode character sets: CP1258 maps Vietnamese properly (precomposed â ê ô ă ơ ư đ, tone marks
   * as combining bytes); ASCII strips every diacritic (đ becomes d), for printers without CP1258.
   */
  public enum CodePage { CP1258, ASCII }

  public PrinterProfile {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw new IllegalArgumentException("profile id must match [a-z0-9][a-z0-9-]{0,31}: " + id);
    }
    name = name == null ? id : name;
    if (paperMm < 40 || paperMm > 120) {
      throw new IllegalArgumentException("profile " + id + ": paperMm must be 40..120");
    }
    if (dots < 192 || dots > 1024 || dots % 8 != 0) {
      throw new IllegalArgumentException("profile " + id + ": dots must be a multiple of 8 in 192..1024 (576 for 80 mm,"
          + " 384 for 58 mm)");
    }
    Objects.requireNonNull(mode, "profile " + id + ": mode");
    Objects.requireNonNull(cut, "profile " + id + ": cut");
    codePage = codePage == null ? CodePage.ASCII : codePage;
    if (codeTable < 0 || codeTable > 255) {
      throw new IllegalArgumentException("profile " + id + ": codeTable must be 0..255");
    }
    if (feedLines < 0 || feedLines > 20) {
      throw new IllegalArgumentException("profile " + id + ": feedLines must be 0..20");
    }
    Objects.requireNonNull(layout, "profile " + id + ": layout");
  }

  /** Text-mode characters per line with the printer's font A (12 dots wide). */
  public int columns() {
    return dots / 12;
  }
}
