package vn.layso.balance.domain;

import java.util.Objects;

/**
 * One procedure field as the advisor sees it: how many wait, how long a citizen who takes a number
 * now is predicted to wait (the median, ms) and the field's service-level target (ms).
 */
public record FieldLoad(String code, String name, int waiting, long predictedMillis, long targetMillis) {

  public FieldLoad {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    if (waiting < 0 || predictedMillis < 0 || targetMillis <= 0) {
      throw new IllegalArgumentException("field " + code + ": waiting and prediction >= 0, target > 0");
    }
  }

  /** The predicted wait past the target: the raising edge. */
  boolean overTarget() {
    return predictedMillis > targetMillis;
  }

  /** Under 80 % of the target: the clearing edge (between the two, an advice stays as it was). */
  boolean wellUnderTarget() {
    return predictedMillis * 5 < targetMillis * 4;
  }

  /** How far over (or under) the target the prediction is: 1.0 is exactly on it. */
  double pressure() {
    return (double) predictedMillis / targetMillis;
  }
}
