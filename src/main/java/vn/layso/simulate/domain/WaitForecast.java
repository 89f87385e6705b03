package vn.layso.simulate.domain;

import java.util.List;

/** The wait predictor the simulator asks when a ticket is issued. */
public interface WaitForecast {

  /**
   * A counter that may serve the field.
   *
   * @param share             how much of its time goes to this field (1 when it serves only this one)
   * @param meanServiceMillis its mean service time on this field (live EWMA, else the field's)
   * @param busy              it is serving someone now
   */
  record Server(double share, double meanServiceMillis, boolean busy) {
  }

  /** Predicted wait: median and 90th percentile. */
  record Forecast(long p50Millis, long p90Millis) {
  }

  Forecast predict(int ahead, List<Server> servers);
}
