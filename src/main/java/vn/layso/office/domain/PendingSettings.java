package vn.layso.office.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Settings saved but held back until the office's day {@code from} begins (its midnight), because
 * they cannot change safely mid-day: a prefix or number range of a field that already issued
 * numbers today, or the time zone. {@code reasons} says which parts, by path.
 */
public record PendingSettings(LocalDate from, Office office, List<SettingsProblem> reasons) {

  public PendingSettings {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(office, "office");
    reasons = List.copyOf(reasons);
  }

  /** True once {@code today} (in the office's current time zone) has reached {@code from}. */
  public boolean dueOn(LocalDate today) {
    return !today.isBefore(from);
  }
}
