package vn.layso.queue;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.Map;
import vn.layso.office.domain.Office;

/**
 * What each field of an office usually issues in an hour of the day, from past weeks (the normal the
 * issuing-surge alert compares to, see IssuingSurge); kept by the history, which knows the past days.
 */
public interface IssuingNorms {

  /** No history: every field is judged against its floor. */
  IssuingNorms NONE = (office, day, hour) -> Future.succeededFuture(Map.of());

  /** Per field, the tickets it usually issues in {@code hour} (office time, 0..23) of a day like {@code day}. */
  Future<Map<String, Double>> usualPerHour(Office office, LocalDate day, int hour);
}
