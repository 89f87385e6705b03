package vn.layso.simulate.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may serve what (the counter x field matrix), built from each counter's main field:
 * <ul>
 *   <li>{@link #DEDICATED}: one field per counter;</li>
 *   <li>{@link #CHAIN}: two fields per counter in a chain (the counters of the i-th field are
 *       also trained for the (i+1)-th, and the last field's for the first), so every field has its
 *       own counters and those of the field before it;</li>
 *   <li>{@link #FULL}: every counter may serve every field.</li>
 * </ul>
 * A cross-trained field becomes either a primary field of weight 1 beside the main field's
 * weight {@link #MAIN_WEIGHT} ({@link CrossAs#PRIMARY}) or a backup field, served only over its
 * target ({@link CrossAs#BACKUP}).
 */
public enum Staffing {
  DEDICATED, CHAIN, FULL;

  /** The main field's weight when a counter has other primary fields (they weigh 1). */
  public static final int MAIN_WEIGHT = 2;

  public enum CrossAs { PRIMARY, BACKUP }

  public List<CounterSpec> apply(Scenario scenario, CrossAs crossAs) {
    return apply(scenario, crossAs, MAIN_WEIGHT);
  }

  /** With the main field weighing {@code mainWeight} beside cross-trained primary fields of weight 1. */
  public List<CounterSpec> apply(Scenario scenario, CrossAs crossAs, int mainWeight) {
    List<String> codes = scenario.fields().stream().map(FieldSpec::code).toList();
    List<CounterSpec> out = new ArrayList<>();
    for (CounterSpec c : scenario.counters()) {
      Set<String> extra = new LinkedHashSet<>();
      int i = codes.indexOf(c.main());
      switch (this) {
        case DEDICATED -> { }
        case CHAIN -> extra.add(codes.get((i + 1) % codes.size()));
        case FULL -> extra.addAll(codes);
      }
      extra.remove(c.main());
      Map<String, Integer> weights = new LinkedHashMap<>();
      Set<String> backup = new LinkedHashSet<>();
      if (extra.isEmpty() || crossAs == CrossAs.BACKUP) {
        weights.put(c.main(), 1);
        backup.addAll(extra);
      } else {
        weights.put(c.main(), mainWeight);
        extra.forEach(f -> weights.put(f, 1));
      }
      out.add(c.withDesk(weights, backup));
    }
    return out;
  }

  public static Staffing parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
