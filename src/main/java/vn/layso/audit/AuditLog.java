package vn.layso.audit;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.layso.audit.domain.AuditEntry;

/**
 * Where changes are written down, per office (null office: the province-wide log of the admins'
 * own changes, such as an admin account). Each entry is filed under its day in the office's time
 * zone and kept as long as the history ({@code HISTORY_DAYS}).
 */
public interface AuditLog {

  Future<Void> record(String office, ZoneId zone, AuditEntry entry);

  /** The entries of the days {@code from} to {@code to} (both included), oldest first. */
  Future<List<AuditEntry>> read(String office, LocalDate from, LocalDate to);
}
