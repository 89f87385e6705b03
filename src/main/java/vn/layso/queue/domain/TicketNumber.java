package vn.layso.queue.domain;

/** Builds the printed number: the service prefix and the day's sequence, zero padded (A012). */
public final class TicketNumber {

  private TicketNumber() {
  }

  /** The number for the {@code sequence}-th ticket of the day (1-based) of a range starting at start. */
  public static String format(String prefix, int start, long sequence, int digits) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
    return prefix + String.format("%0" + digits + "d", start + sequence - 1);
  }
}
