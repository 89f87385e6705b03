package vn.layso.balance;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import vn.layso.office.domain.Office;

/** Where the balancing advice reads an office's live load and keeps its current advice. */
public interface BalanceStore {

  /** A counter now: paused or not, and the field of the ticket it holds today (null: it holds none). */
  record CounterNow(boolean paused, String servingField) {

    public boolean idle() {
      return !paused && servingField == null;
    }
  }

  /** The stored advice: its signature ("" when none), its items as JSON and since when it stands. */
  record Stored(String signature, String adviceJson, Instant since) {
  }

  /** An office's load at one moment: counters by id, waiting citizens by field, and the stored advice. */
  record Load(Map<String, CounterNow> counters, Map<String, Integer> waiting, Stored stored) {
  }

  /** What storing a round did. */
  enum Outcome {
    /** It changed the advice: balance.advice was published. */
    PUBLISHED,
    /** The same advice as stored (its numbers refreshed): nothing published. */
    UNCHANGED,
    /** Another server changed the advice after this round read it: dropped, to be evaluated again. */
    STALE
  }

  /** Everything one round needs, read in one step. */
  Future<Load> load(Office office, LocalDate serviceDate);

  /**
   * Stores a round computed from the advice whose signature was {@code basedOn}, and publishes it
   * when its {@code signature} differs from the stored one; one step, so two servers never publish
   * the same change twice.
   */
  Future<Outcome> store(Office office, String basedOn, String signature, String adviceJson, Instant now);
}
