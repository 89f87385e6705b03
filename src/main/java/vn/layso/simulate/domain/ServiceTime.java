package vn.layso.simulate.domain;

import java.util.Locale;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How long one field's tickets take at a counter of speed 1, in minutes: an exponential, lognormal
 * or gamma distribution given by its mean and coefficient of variation (standard deviation / mean;
 * an exponential's is always 1). Written {@code shape:mean:cv}, e.g. {@code lognormal:9:0.6}.
 */
public record ServiceTime(Shape shape, double meanMinutes, double cv) {

  public enum Shape { EXPONENTIAL, LOGNORMAL, GAMMA }

  public ServiceTime {
    if (!(meanMinutes > 0) || !(cv > 0) || meanMinutes > 480 || cv > 5) {
      throw new IllegalArgumentException("service time needs 0 < mean <= 480 minutes and 0 < cv <= 5");
    }
    if (shape == Shape.EXPONENTIAL && cv != 1) {
      throw new IllegalArgumentException("an exponential service time has cv 1");
    }
  }

  public static ServiceTime exponential(double mean) {
    return new ServiceTime(Shape.EXPONENTIAL, mean, 1);
  }

  public static ServiceTime lognormal(double mean, double cv) {
    return new ServiceTime(Shape.LOGNORMAL, mean, cv);
  }

  public static ServiceTime gamma(double mean, double cv) {
    return new ServiceTime(Shape.GAMMA, mean, cv);
  }

  /** {@code exponential:10}, {@code lognormal:9:0.6}, {@code gamma:16:0.8}. */
  public static ServiceTime parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
    if (parts.length != (parts[0].startsWith("exp") ? 2 : 3)) {
      throw new IllegalArgumentException("service time must look like exponential:10 or lognormal:9:0.6, not " + text);
    }
    try {
      double mean = Double.parseDouble(parts[1]);
      return switch (parts[0]) {
        case "exponential", "exp" -> exponential(mean);
        case "lognormal" -> lognormal(mean, Double.parseDouble(parts[2]));
        case "gamma" -> gamma(mean, Double.parseDouble(parts[2]));
        default -> throw new IllegalArgumentException("unknown service-time shape: " + parts[0]);
      };
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalArgumentException("service time must look like lognormal:9:0.6, not " + text, e);
    }
  }

  /** One draw, in minutes. */
  public double sample(RandomGenerator rng) {
    return switch (shape) {
      case EXPONENTIAL -> -meanMinutes * Math.log(1 - rng.nextDouble());
      case LOGNORMAL -> {
        double sigma2 = Math.log(1 + cv * cv);
        double mu = Math.log(meanMinutes) - sigma2 / 2;
        yield Math.exp(mu + Math.sqrt(sigma2) * rng.nextGaussian());
      }
      case GAMMA -> new GammaDistribution(rng, 1 / (cv * cv), meanMinutes * cv * cv,
          GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY).sample();
    };
  }

  @Override
  public String toString() {
    return shape == Shape.EXPONENTIAL ? String.format(Locale.ROOT, "exponential:%s", num(meanMinutes))
        : String.format(Locale.ROOT, "%s:%s:%s", shape.name().toLowerCase(Locale.ROOT), num(meanMinutes), num(cv));
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
