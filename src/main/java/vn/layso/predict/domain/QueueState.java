package vn.layso.predict.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the wait predictor looks at, as plain values (the server reads it from Redis, the simulator
 * from its own state): each field's waiting count and mean service time, and each counter with the
 * fields it serves (weights), whether it is open (not paused) and busy (has a current ticket), and
 * its own mean service time per field where it has one.
 */
public record QueueState(Map<String, Field> fields, List<Desk> desks) {

  public QueueState {
    fields = Map.copyOf(fields);
    desks = List.copyOf(desks);
  }

  /**
   * A procedure field: the tickets waiting in its queue now, and its mean service time in ms (the
   * live statistic, or the configured average; see {@link ServiceTimes}).
   */
  public record Field(int waiting, long meanServiceMillis) {
    public Field {
      if (waiting < 0 || meanServiceMillis < 1) {
        throw new IllegalArgumentException("a field needs waiting >= 0 and a mean service time >= 1 ms");
      }
    }
  }

  /**
   * A counter: its fields with their weights (as in the office configuration), open (not paused),
   * busy (serving or calling a ticket), and its own mean service time (ms) per field, where known.
   */
  public record Desk(String id, Map<String, Integer> weights, boolean open, boolean busy,
                     Map<String, Long> meanServiceMillis) {
    public Desk {
      Objects.requireNonNull(id, "desk id");
      weights = Map.copyOf(weights);
      meanServiceMillis = Map.copyOf(meanServiceMillis);
    }

    /** A counter without service-time statistics of its own. */
    public Desk(String id, Map<String, Integer> weights, boolean open, boolean busy) {
      this(id, weights, open, busy, Map.of());
    }

    public boolean serves(String field) {
      return weights.containsKey(field);
    }
  }

  public Field field(String code) {
    Field f = fields.get(code);
    if (f == null) {
      throw new IllegalArgumentException("unknown field " + code);
    }
    return f;
  }
}
