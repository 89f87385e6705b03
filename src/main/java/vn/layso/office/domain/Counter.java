package vn.layso.office.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A service counter (quầy) and the fields it serves, each with a weight: how strongly this
 * counter leans towards that field when several have citizens waiting (see CallNextPolicy). Its
 * backup fields it serves only for citizens who waited past their field's target; they do not
 * count as counters serving the field (wait estimates, booking capacity, transfers).
 */
public record Counter(String id, String name, Map<String, Integer> weights, Set<String> backup) {

  /** A counter without backup fields. */
  public Counter(String id, String name, Map<String, Integer> weights) {
    this(id, name, weights, Set.of());
  }

  public static final int MAX_WEIGHT = 100;

  public Counter {
    OfficeRules.requireCode(id, "counter id");
    Objects.requireNonNull(name, "counter name");
    if (weights == null || weights.isEmpty()) {
      throw new IllegalArgumentException("counter " + id + " must serve at least one service");
    }
    weights.forEach((service, weight) -> {
      if (weight == null || weight < 1 || weight > MAX_WEIGHT) {
        throw new IllegalArgumentException("counter " + id + ": weight of " + service + " must be 1.." + MAX_WEIGHT);
      }
    });
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    backup = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNullElse(backup, Set.of())));
    for (String service : backup) {
      if (weights.containsKey(service)) {
        throw new IllegalArgumentException("counter " + id + ": " + service + " is both a main and a backup field");
      }
    }
  }

  /** Every field this counter may serve: its main fields, then its backup fields. */
  public List<String> fields() {
    var all = new ArrayList<>(weights.keySet());
    all.addAll(backup);
    return List.copyOf(all);
  }

  /** A main or a backup field of this counter. */
  public boolean mayServe(String service) {
    return weights.containsKey(service) || backup.contains(service);
  }

  public boolean serves(String service) {
    return weights.containsKey(service);
  }
}
