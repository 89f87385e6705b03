package vn.layso.simulate.domain;

import vn.layso.queue.domain.Estimate;
import vn.layso.predict.domain.QueueState;
import vn.layso.predict.domain.WaitPredictor;

/**
 * The wait predictor the simulator asks when a ticket is issued, given the office's state as the
 * server's predictor reads it. {@link #SERVER} is the server's own {@link WaitPredictor}.
 */
@FunctionalInterface
public interface WaitForecast {

  WaitForecast SERVER = new WaitPredictor()::predict;

  /** The wait of a ticket with {@code ahead} tickets before it in {@code field}'s queue. */
  Estimate predict(QueueState state, String field, int ahead);
}
