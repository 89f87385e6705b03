package vn.layso.history;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Ticket;

/**
 * Builds a day's summary from its tickets and counter log, the same way at the day's close
 * (stored for good) and live for a day still open (today's report).
 */
public final class DaySummaries {

  private static final int BATCH = 500;

  private DaySummaries() {
  }

  /** An empty summary of the office's day, with each field's target wait. */
  public static DaySummary start(Office office, LocalDate day) {
    Map<String, Long> targets = new HashMap<>();
    for (ServiceDef s : office.services()) {
      targets.put(s.code(), s.targetWaitMinutes() * 60L);
    }
    return new DaySummary(office.id(), day, office.timezone(), targets);
  }

  /** Adds the staff time, from the day's log and all its tickets, with the day ending at {@code end}. */
  public static void finish(DaySummary summary, Office office, List<StaffTimeCalculator.LogEntry> log,
                            List<Ticket> tickets, Instant end) {
    Map<String, Set<String>> fields = new HashMap<>();
    for (Counter c : office.counters()) {
      fields.put(c.id(), c.weights().keySet());
    }
    summary.staffTime(StaffTimeCalculator.compute(log, tickets, fields, end));
  }

  /** What a day not closed yet holds so far: its tickets and its counter log. */
  public record OpenDay(LocalDate day, List<Ticket> tickets, List<StaffTimeCalculator.LogEntry> log) {
  }

  /** Reads a day's tickets (in pages) and its counter log. */
  public static Future<OpenDay> read(HistoryStore store, Office office, LocalDate day) {
    List<Ticket> all = new ArrayList<>();
    return read(store, office, day, 0, all)
        .compose(v -> store.counterLog(office.id(), day))
        .map(log -> new OpenDay(day, all, log));
  }

  /**
   * The whole summary of a day not closed yet, as read, ending at {@code now} or the day's end:
   * CPU only, no I/O (the reports run it on a worker thread).
   */
  public static DaySummary summarise(Office office, OpenDay open, Instant now) {
    DaySummary summary = start(office, open.day());
    Instant dayEnd = open.day().plusDays(1).atStartOfDay(office.timezone()).toInstant();
    open.tickets().forEach(summary::add);
    finish(summary, office, open.log(), open.tickets(), now.isBefore(dayEnd) ? now : dayEnd);
    return summary;
  }

  private static Future<Void> read(HistoryStore store, Office office, LocalDate day, long offset, List<Ticket> into) {
    return store.dayTickets(office.id(), day, offset, BATCH).compose(page -> {
      into.addAll(page.tickets());
      return offset + BATCH >= page.total() ? Future.succeededFuture() : read(store, office, day, offset + BATCH, into);
    });
  }
}
