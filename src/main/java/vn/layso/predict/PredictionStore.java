package vn.layso.predict;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.Estimate;
import vn.layso.predict.domain.Outcome;

/** Where the wait prediction reads the live queue and keeps its accuracy records. */
public interface PredictionStore {

  /** A counter as its hash says: paused, its current ticket id (or null) and the day (yyyyMMdd) of its last call. */
  record CounterLive(boolean paused, String current, String day) {
  }

  /**
   * The office's live state on {@code day}: waiting tickets per field, the service-time statistics
   * hash as stored (field -> value), and each counter's state by id.
   */
  record Live(Map<String, Integer> waiting, Map<String, String> serviceTimes, Map<String, CounterLive> counters) {
  }

  /** One read of everything the predictor needs (one read-only script). */
  Future<Live> live(Office office, LocalDate day);

  /**
   * Remembers the prediction given for a ticket of {@code day} in {@code field}, shown and raw (before
   * calibration); the first one given stays.
   */
  Future<Void> given(String office, LocalDate day, String ticketId, String field, Estimate estimate);

  /** The outcomes recorded on {@code day}, in call order. */
  Future<List<Outcome>> outcomes(String office, LocalDate day);

  /** The last {@code last} outcomes recorded on {@code day}, in call order (what calibration learns from). */
  Future<List<Outcome>> recentOutcomes(String office, LocalDate day, int last);
}
