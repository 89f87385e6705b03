package vn.layso.simulate.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One counter (quầy) of a simulated centre.
 *
 * @param main        the field it is staffed for (its only field when counters are dedicated)
 * @param weights     its primary fields with their call-next weights (the main field among them)
 * @param backup      fields it serves only when their tickets are over target
 * @param speed       how fast its clerk is: a ticket takes its service time divided by this
 * @param lateMinutes how late it opens after each session starts
 * @param breaks      its pauses during the day
 */
public record CounterSpec(String id, String main, Map<String, Integer> weights, Set<String> backup, double speed,
                          int lateMinutes, List<Break> breaks) {

  /** A pause from {@code startMinute} (minutes after midnight) for {@code minutes}. */
  public record Break(int startMinute, int minutes) {
  }

  public CounterSpec {
    weights = new LinkedHashMap<>(weights);
    backup = Set.copyOf(backup);
    breaks = List.copyOf(breaks);
    if (!weights.containsKey(main)) {
      throw new IllegalArgumentException("counter " + id + " must serve its main field " + main);
    }
    if (!(speed > 0.2 && speed < 5) || lateMinutes < 0) {
      throw new IllegalArgumentException("counter " + id + ": speed 0.2..5, late >= 0");
    }
  }

  public static CounterSpec dedicated(String id, String main, double speed, int lateMinutes, List<Break> breaks) {
    return new CounterSpec(id, main, Map.of(main, 1), Set.of(), speed, lateMinutes, breaks);
  }

  public CounterSpec withDesk(Map<String, Integer> newWeights, Set<String> newBackup) {
    return new CounterSpec(id, main, newWeights, newBackup, speed, lateMinutes, breaks);
  }

  public boolean mayServe(String field) {
    return weights.containsKey(field) || backup.contains(field);
  }
}
