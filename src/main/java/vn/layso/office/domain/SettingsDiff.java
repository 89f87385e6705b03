package vn.layso.office.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The paths at which two settings documents differ, for the audit log: objects are compared key by
 * key, lists element by element ({@code services[2].prefix}); a value present on one side only is
 * null on the other. Values are plain Java (Map, List, String, Number, Boolean, null).
 */
public final class SettingsDiff {

  /** One changed path with its value before and after (null where absent). */
  public record Change(String path, Object before, Object after) {
  }

  private SettingsDiff() {
  }

  public static List<Change> between(Object before, Object after) {
    List<Change> changes = new ArrayList<>();
    walk("", before, after, changes);
    return changes;
  }

  private static void walk(String path, Object before, Object after, List<Change> out) {
    if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
      Set<Object> keys = new LinkedHashSet<>(b.keySet());
      keys.addAll(a.keySet());
      for (Object key : keys) {
        walk(path.isEmpty() ? String.valueOf(key) : path + "." + key, b.get(key), a.get(key), out);
      }
    } else if (before instanceof List<?> b && after instanceof List<?> a) {
      for (int i = 0; i < Math.max(b.size(), a.size()); i++) {
        walk(path + "[" + i + "]", i < b.size() ? b.get(i) : null, i < a.size() ? a.get(i) : null, out);
      }
    } else if (!same(before, after)) {
      out.add(new Change(path, before, after));
    }
  }

  /** Numbers compare by value (1 and 1L are the same setting). */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return Objects.equals(a, b);
  }
}
