package vn.layso.balance.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Balancing advice for managers: which fields need hands and where to take them from.
 *
 * <p>A field needs help when citizens wait and a newcomer's predicted wait passes its target; an
 * advice, once given, stands until the prediction falls under 80 % of the target or the queue
 * empties (hysteresis, so a wait hovering around the target does not flap). The previous round's
 * advice is an input: the advisor keeps no state. A field with an idle counter of its own gets no
 * advice (the capacity is there: that counter's next call takes its citizens).
 *
 * <p>Fields are served most-pressed first (predicted / target). Each gets one advice: MOVE_COUNTER
 * when an idle counter that does not serve it as its own (it may serve it as a backup) is free to
 * go; free means none of its own fields is over target, and each of them with citizens waiting has
 * another open counter. Among free counters: the one advised for this field last round (stable
 * advice), then one with the field as a backup (it serves at once), then the emptiest own queues,
 * then the lowest pressure of its own fields, then office order. No counter is named twice in a
 * round. Otherwise OPEN_COUNTER, naming a paused counter that may serve the field when there is one
 * (its own field before a backup, last round's before others, then office order).
 *
 * <p>The list comes out in the office's field order, one item per field at most.
 */
public final class BalanceAdvisor {

  private static final long MINUTE = 60_000;

  private BalanceAdvisor() {
  }

  /**
   * @param fields the office's fields, in office order
   * @param counters the office's counters, in office order
   * @param previous the advice of the previous round (empty at first)
   */
  public static List<Advice> advise(List<FieldLoad> fields, List<CounterLoad> counters, List<Advice> previous) {
    Map<String, Advice> before = previous.stream()
        .collect(Collectors.toMap(Advice::service, a -> a, (a, b) -> a));
    Map<String, FieldLoad> byCode = new HashMap<>();
    fields.forEach(f -> byCode.put(f.code(), f));
    Set<String> pressed = fields.stream().filter(f -> needsHelp(f, before.containsKey(f.code())))
        .map(FieldLoad::code).collect(Collectors.toSet());

    List<FieldLoad> order = fields.stream()
        .filter(f -> pressed.contains(f.code()))
        .filter(f -> counters.stream().noneMatch(c -> c.idle() && c.primary().contains(f.code())))
        .sorted(Comparator.comparingDouble(FieldLoad::pressure).reversed()
            .thenComparing(Comparator.comparingInt(FieldLoad::waiting).reversed())
            .thenComparingInt(fields::indexOf))
        .toList();

    Set<String> named = new HashSet<>();
    Map<String, Advice> out = new HashMap<>();
    for (FieldLoad field : order) {
      Advice last = before.get(field.code());
      Advice advice = helper(field, counters, byCode, pressed, named, last)
          .map(c -> advice(Advice.Kind.MOVE_COUNTER, field, c, c.backup().contains(field.code())))
          .orElseGet(() -> paused(field, counters, named, last)
              .map(c -> advice(Advice.Kind.OPEN_COUNTER, field, c, !c.primary().contains(field.code())))
              .orElseGet(() -> advice(Advice.Kind.OPEN_COUNTER, field, null, false)));
      if (advice.counter() != null) {
        named.add(advice.counter());
      }
      out.put(field.code(), advice);
    }
    List<Advice> list = new ArrayList<>();
    fields.forEach(f -> {
      if (out.containsKey(f.code())) {
        list.add(out.get(f.code()));
      }
    });
    return List.copyOf(list);
  }

  /** Raised over the target, kept until under 80 % of it; never while nobody waits. */
  static boolean needsHelp(FieldLoad field, boolean advisedBefore) {
    if (field.waiting() == 0) {
      return false;
    }
    return field.overTarget() || (advisedBefore && !field.wellUnderTarget());
  }

  private static Optional<CounterLoad> helper(FieldLoad field, List<CounterLoad> counters,
                                              Map<String, FieldLoad> fields, Set<String> pressed, Set<String> named,
                                              Advice last) {
    String lastCounter = last != null && last.kind() == Advice.Kind.MOVE_COUNTER ? last.counter() : null;
    return counters.stream()
        .filter(c -> c.idle() && !c.primary().contains(field.code()) && !named.contains(c.id()))
        .filter(c -> free(c, counters, fields, pressed))
        .min(Comparator.<CounterLoad, Boolean>comparing(c -> !c.id().equals(lastCounter))
            .thenComparing(c -> !c.backup().contains(field.code()))
            .thenComparingInt(c -> ownWaiting(c, fields))
            .thenComparingDouble(c -> ownPressure(c, fields))
            .thenComparingInt(counters::indexOf));
  }

  /** Its own fields can spare it: none over target, and each with citizens has another open counter. */
  private static boolean free(CounterLoad counter, List<CounterLoad> counters, Map<String, FieldLoad> fields,
                              Set<String> pressed) {
    for (String own : counter.primary()) {
      FieldLoad f = fields.get(own);
      if (f == null) {
        continue;
      }
      if (pressed.contains(own)) {
        return false;
      }
      boolean covered = counters.stream().anyMatch(o -> o != counter && o.open() && o.primary().contains(own));
      if (f.waiting() > 0 && !covered) {
        return false;
      }
    }
    return true;
  }

  private static int ownWaiting(CounterLoad counter, Map<String, FieldLoad> fields) {
    return counter.primary().stream().map(fields::get).filter(f -> f != null).mapToInt(FieldLoad::waiting).sum();
  }

  private static double ownPressure(CounterLoad counter, Map<String, FieldLoad> fields) {
    return counter.primary().stream().map(fields::get).filter(f -> f != null)
        .mapToDouble(FieldLoad::pressure).max().orElse(0);
  }

  private static Optional<CounterLoad> paused(FieldLoad field, List<CounterLoad> counters, Set<String> named,
                                              Advice last) {
    String lastCounter = last != null && last.kind() == Advice.Kind.OPEN_COUNTER ? last.counter() : null;
    return counters.stream()
        .filter(c -> !c.open() && c.mayServe(field.code()) && !named.contains(c.id()))
        .min(Comparator.<CounterLoad, Boolean>comparing(c -> !c.primary().contains(field.code()))
            .thenComparing(c -> !c.id().equals(lastCounter))
            .thenComparingInt(counters::indexOf));
  }

  private static Advice advice(Advice.Kind kind, FieldLoad field, CounterLoad counter, boolean backup) {
    return new Advice(kind, field.code(), field.name(), counter == null ? null : counter.id(),
        counter == null ? null : counter.name(), backup, minutesUp(field.predictedMillis()),
        (int) (field.targetMillis() / MINUTE), field.waiting());
  }

  /** Whole minutes, rounded up: 30 min 1 s is over a 30-minute target and reads as 31. */
  public static int minutesUp(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, (millis + MINUTE - 1) / MINUTE);
  }
}
