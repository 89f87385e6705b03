package vn.layso.print;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.layso.print.domain.PrintResult;

/** Where print outcomes are kept: with the ticket, in the day's failure list, as the printer's state. */
public interface PrintStore {

  /** One print attempt of a ticket (of service day {@code serviceDate}) by {@code by} (device:…, staff:…). */
  record Attempt(String office, String ticketId, LocalDate serviceDate, String printer, PrintResult result,
                 Instant at, String by) {
  }

  /** A ticket whose last print failed. */
  record Failure(String id, String number, String service, String status, Instant issuedAt, String printer,
                 String reason, Instant at) {
  }

  /** A printer's last known state: OK or FAILED (with the reason), when, and the ticket number it tried. */
  record PrinterState(String status, String reason, Instant at, String number) {
  }

  Future<Void> record(Attempt attempt);

  /** The printer that last tried the ticket, or null when it never was printed. */
  Future<String> lastPrinter(String office, String ticketId);

  Future<List<Failure>> failures(String office, LocalDate serviceDate, int limit);

  Future<Map<String, PrinterState>> printerStates(String office);
}
