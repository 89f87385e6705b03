package vn.layso.settings;

import java.util.List;
import vn.layso.office.domain.SettingsProblem;

/** A settings document refused, with every problem found; the routes turn it into 400 invalid_settings. */
final class InvalidSettings extends RuntimeException {

  private final transient List<SettingsProblem> problems;

  InvalidSettings(List<SettingsProblem> problems) {
    super("invalid_settings", null, false, false);
    this.problems = List.copyOf(problems);
  }

  List<SettingsProblem> problems() {
    return problems;
  }
}
