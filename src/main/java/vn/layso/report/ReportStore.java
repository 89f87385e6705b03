package vn.layso.report;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What reports read besides the live days: stored summaries, rating and appointment counts, names. */
public interface ReportStore {

  /** The days from {@code from} to {@code to} (both included) that have a stored summary. */
  Future<List<LocalDate>> summarisedDays(String office, LocalDate from, LocalDate to);

  /**
   * The stored summaries of the given days, as they were read (one round trip); each opens as its
   * JSON text. Opening decodes it: the caller does that off the event loop.
   */
  Future<Map<LocalDate, Stored>> summaries(String office, List<LocalDate> days);

  /** A stored summary, its JSON text (UTF-8) decoded while it is read. */
  @FunctionalInterface
  interface Stored {
    InputStream open() throws IOException;
  }

  /** Each day's rating counts ({@code <dim>|<key>|<level>} -> n); days without any are left out. */
  Future<Map<LocalDate, Map<String, Long>>> ratingCounts(String office, List<LocalDate> days);

  /** Each day's appointment counts ({@code <field>|booked|checkedIn|noShow} -> n); days without any are left out. */
  Future<Map<LocalDate, Map<String, Long>>> appointmentCounts(String office, List<LocalDate> days);

  /** The office's live version, bumped by every event (a new ticket, a call, a completion...). */
  Future<Long> version(String office);

  /** The full names of the given accounts that have one. */
  Future<Map<String, String>> fullNames(Collection<String> usernames);
}
