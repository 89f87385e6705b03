package vn.layso.simulate.domain;

/**
 * The M/M/c queue: Poisson arrivals at rate lambda, exponential services of mean S, c servers,
 * one FIFO queue. Offered load a = lambda S, utilisation rho = a / c.
 */
public final class ErlangC {

  private ErlangC() {
  }

  /** Erlang B blocking probability, by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)). */
  public static double erlangB(int c, double a) {
    double b = 1;
    for (int k = 1; k <= c; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  /** Probability that an arrival waits: C(c, a) = c B / (c - a (1 - B)); 1 when a >= c. */
  public static double probabilityOfWait(int c, double a) {
    if (a >= c) {
      return 1;
    }
    double b = erlangB(c, a);
    return c * b / (c - a * (1 - b));
  }

  /** Mean wait in queue W_q = C(c, a) S / (c - a), in the unit of S; infinite when a >= c. */
  public static double meanWait(int c, double lambda, double meanService) {
    double a = lambda * meanService;
    if (a >= c) {
      return Double.POSITIVE_INFINITY;
    }
    return probabilityOfWait(c, a) * meanService / (c - a);
  }
}
