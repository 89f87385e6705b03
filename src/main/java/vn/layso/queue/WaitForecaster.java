package vn.layso.queue;

import io.vertx.core.Future;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.PlacePredictions;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.WaitEstimator;

/**
 * Predicts how long a waiting ticket will wait, and learns how right it was (implemented by
 * vn.layso.predict.PredictionService, wired in vn.layso.app). The queue asks it for every ticket it
 * shows while waiting, tells it which prediction a holder was handed and which ticket was called.
 */
public interface WaitForecaster {

  /** The wait of {@code ticket}, waiting at {@code position} (1-based) in its field's queue. */
  Future<Estimate> forecast(Office office, Ticket ticket, int position);

  /**
   * The estimate was shown to the ticket's holder as it was handed out (issue, check-in) and the
   * issuing step did not record it itself (its place was not among the ones foretold). Never fails.
   */
  void handedOut(Office office, Ticket ticket, Estimate estimate);

  /**
   * Before a ticket is handed out in {@code field} (a priority one; an appointment, placed by its
   * slot's start, which starts in {@code untilSlotMillis}): the model's predictions for the places it
   * is likely to take, which the issuing step records for the place it does take (null: none, and
   * nothing is recorded there). Never fails.
   */
  default Future<PlacePredictions> foretell(Office office, String field, boolean priority, boolean appointment,
                                            long untilSlotMillis) {
    return Future.succeededFuture(null);
  }

  /**
   * A ticket foretold in {@code field} was answered: it took {@code position}, or 0 when it took none
   * (refused), so the next ones are foretold from there.
   */
  default void placed(Office office, String field, int position) {
  }

  /** A call-next took the ticket off its queue. Never fails. */
  void called(Office office, Ticket ticket);

  /**
   * The first estimate from the configured averages alone (people ahead x the field's average over
   * its counters), without spread or memory: what answers when no predictor is wired or it fails.
   */
  WaitForecaster AVERAGES = new WaitForecaster() {
    @Override
    public Future<Estimate> forecast(Office office, Ticket ticket, int position) {
      return Future.succeededFuture(averages(office, ticket, position));
    }

    @Override
    public void handedOut(Office office, Ticket ticket, Estimate estimate) {
    }

    @Override
    public void called(Office office, Ticket ticket) {
    }
  };

  static Estimate averages(Office office, Ticket ticket, int position) {
    int avg = office.service(ticket.service()).map(s -> s.avgServiceMinutes()).orElse(10);
    long millis = WaitEstimator.minutes(position, avg, office.countersServing(ticket.service())) * 60_000L;
    return new Estimate(millis, millis, Math.max(0, position - 1));
  }
}
