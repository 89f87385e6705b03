package vn.layso.print.domain;

import java.util.Locale;

/** How a print job ended: PRINTED, or FAILED with a reason. */
public record PrintResult(boolean printed, Reason reason) {

  /** Why a job failed; {@link #code()} is the API's and the log's word for it. */
  public enum Reason {
    UNREACHABLE, TIMEOUT, PAPER_OUT, COVER_OPEN, OFFLINE, ERROR;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final PrintResult PRINTED = new PrintResult(true, null);

  public static PrintResult failed(Reason reason) {
    return new PrintResult(false, reason);
  }

  public String status() {
    return printed ? "PRINTED" : "FAILED";
  }
}
