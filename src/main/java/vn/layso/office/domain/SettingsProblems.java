package vn.layso.office.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects every problem of a settings document instead of stopping at the first, so a manager
 * sees the whole list at once. Kept in the order found (document order).
 */
public final class SettingsProblems {

  /** Past this many, the rest are not listed: one broken list can yield thousands. */
  public static final int MAX = 100;

  private final List<SettingsProblem> problems = new ArrayList<>();

  public void add(String path, String code, Object... args) {
    if (problems.size() < MAX) {
      problems.add(new SettingsProblem(path, code, Arrays.stream(args).map(String::valueOf).toList()));
    }
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  /** True when a problem was found at {@code path} or inside it. */
  public boolean has(String path) {
    return problems.stream().anyMatch(p -> p.path().equals(path) || p.path().startsWith(path + ".")
        || p.path().startsWith(path + "["));
  }

  public List<SettingsProblem> list() {
    return List.copyOf(problems);
  }
}
