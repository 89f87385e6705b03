package vn.layso.simulate.domain;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * The simulator's stand-in predictor until the server's (vn.layso.predict) is available: the wait
 * is the time until {@code ahead + 1 - idle} completions at the field's total service rate (each
 * open counter's share over its mean service time), an Erlang (Gamma) distribution; its median
 * and 90th percentile. No wait when an idle counter can take the ticket at once.
 */
public final class GammaForecast implements WaitForecast {

  private static final int TABLE = 600;
  private static final double[] P50 = new double[TABLE + 1];
  private static final double[] P90 = new double[TABLE + 1];

  static {
    for (int k = 1; k <= TABLE; k++) {
      GammaDistribution g = new GammaDistribution(null, k, 1);
      P50[k] = g.inverseCumulativeProbability(0.5);
      P90[k] = g.inverseCumulativeProbability(0.9);
    }
  }

  @Override
  public Forecast predict(int ahead, List<Server> servers) {
    double rate = 0;
    int idle = 0;
    for (Server s : servers) {
      if (s.share() > 0) {
        rate += s.share() / s.meanServiceMillis();
        if (!s.busy()) {
          idle++;
        }
      }
    }
    int shape = ahead + 1 - idle;
    if (shape <= 0) {
      return new Forecast(0, 0);
    }
    if (rate <= 0) {
      return new Forecast(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
    }
    return new Forecast(Math.round(quantile(shape, 0.5) / rate), Math.round(quantile(shape, 0.9) / rate));
  }

  /** Quantile of a Gamma(shape, 1): a table up to 600, then Wilson-Hilferty. */
  static double quantile(int shape, double p) {
    if (shape <= TABLE) {
      return p == 0.5 ? P50[shape] : P90[shape];
    }
    double z = p == 0.5 ? 0 : 1.2815515655446004;
    double c = 1.0 / (9 * shape);
    return shape * Math.pow(1 - c + z * Math.sqrt(c), 3);
  }
}
