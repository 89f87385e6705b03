package vn.layso.office.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service counter (quầy) and the fields it may serve, each with a weight: how strongly this
 * counter leans towards that field when several have citizens waiting (see CallNextPolicy).
 */
public record Counter(String id, String name, Map<String, Integer> weights) {

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
  }

  public boolean serves(String service) {
    return weights.containsKey(service);
  }
}
