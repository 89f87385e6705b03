package vn.layso.history;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.queue.domain.Ticket;

/** The history's storage: a day's tickets through its index, the day summaries and the archive marks. */
public interface HistoryStore {

  /** Some of a day's tickets, in issue order, and how many the day's index holds. */
  record Page(long total, List<Ticket> tickets) {
  }

  /** Up to {@code limit} of the day's tickets from position {@code offset} on. */
  Future<Page> dayTickets(String office, LocalDate day, long offset, int limit);

  /** Whether the day's summary and archive file are both done (the mark in the day's state). */
  Future<Boolean> archived(String office, LocalDate day);

  /** Takes the day's archiving for {@code ttl}; false when another owner (server) holds it. */
  Future<Boolean> claim(String office, LocalDate day, String owner, Duration ttl);

  /** Stores the day's summary (JSON, never expires) and lists the day among the summarised ones. */
  Future<Void> saveSummary(String office, LocalDate day, String json);

  /** Marks the day archived: when, and where the file was written ({@code host:path}). */
  Future<Void> markArchived(String office, LocalDate day, Instant at, String archive);

  /** The day's counter log (opens, closes, pauses, resumes), oldest first; unreadable entries are skipped. */
  Future<List<StaffTimeCalculator.LogEntry>> counterLog(String office, LocalDate day);

  /** The stored summaries (JSON) of the days from {@code from} to {@code to}, both included, in date order. */
  Future<List<String>> summaries(String office, LocalDate from, LocalDate to);
}
