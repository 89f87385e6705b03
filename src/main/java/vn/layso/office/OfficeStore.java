package vn.layso.office;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.PendingSettings;

/** Where office settings live, with their revision and the settings waiting for a later day. */
public interface OfficeStore {

  /** An office as stored: the settings in force, their revision, and the pending ones (or null). */
  record Stored(Office office, long revision, PendingSettings pending) {
  }

  /**
   * A change to save if the office is still at {@code expectedRevision}: {@code now} takes effect at
   * once, {@code pending} (or null) from its day. {@code removedFields} must have nobody waiting
   * today; {@code renumbered} tells, per field whose numbering changes, whether it issued today
   * (as the split into now and pending assumed).
   */
  record Change(String office, long expectedRevision, Office now, PendingSettings pending,
                List<String> removedFields, Map<String, Boolean> renumbered, String serviceDate) {
  }

  /** What came of a change: saved (with the new revision), conflict (the stored revision), waiting, stale. */
  record Outcome(Kind kind, long revision, Map<String, Long> waiting) {
    public enum Kind { SAVED, CONFLICT, WAITING, STALE, MISSING }
  }

  Future<List<Stored>> loadAll();

  Future<Optional<Stored>> load(String office);

  /** Saves the office at revision 1 only if none with its id exists yet; true when it was saved. */
  Future<Boolean> createIfAbsent(Office office);

  /** Every known office id with its settings' revision (one round trip per call, for the watcher). */
  Future<Map<String, Long>> revisions();

  /** Which of {@code fields} issued at least one number on {@code serviceDate} (yyyyMMdd). */
  Future<Set<String>> issued(String office, String serviceDate, List<String> fields);

  Future<Outcome> save(Change change);

  /** Puts the pending settings in force if their day has come; the new revision, or 0 when nothing was due. */
  Future<Long> applyPending(String office, LocalDate today);
}
