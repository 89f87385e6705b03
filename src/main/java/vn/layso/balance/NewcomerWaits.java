package vn.layso.balance;

import io.vertx.core.Future;
import java.util.Map;
import vn.layso.office.domain.Office;

/**
 * The predicted wait (median, ms) of a citizen who would take a number of each field now: the wait
 * predictor's (vn.layso.predict), wired in vn.layso.app.BalanceWiring; tests may stand in for it.
 */
public interface NewcomerWaits {

  /** By field code, for every field of the office; {@code load} is the office's load just read. */
  Future<Map<String, Long>> medianMillis(Office office, BalanceStore.Load load);
}
