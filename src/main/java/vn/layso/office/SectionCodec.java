package vn.layso.office;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;
import vn.layso.office.domain.SettingsProblems;

/**
 * How a feature reads, writes and checks its own section of the office document (the value under
 * {@code key().name()}). The feature declares it; {@code vn.layso.app} registers it in
 * {@link OfficeSections}, so the office package names no feature.
 */
public interface SectionCodec<T> {

  SectionKey<T> key();

  /** The section's value from its JSON object; a malformed part throws IllegalArgumentException with a reason. */
  T read(JsonObject json);

  /** The stored form, readable back by {@link #read}. */
  JsonObject write(T value);

  /**
   * The section's references to the office's core (field codes, counter ids), which the office cannot
   * check itself: a dangling one throws IllegalArgumentException naming its path.
   */
  default void crossCheck(T value, Office office) {
  }

  /**
   * Lists every problem of the section's JSON object, each at its path ({@code booking.fieldHours.x}),
   * instead of stopping at the first as {@link #read} does.
   */
  void check(JsonObject json, Context context);

  /**
   * What a section's check is given: typed reads that report into {@code problems}, and the office's
   * valid field codes and counter ids for cross-references.
   */
  record Context(SettingsReader read, SettingsProblems problems, Set<String> fields, Set<String> counterIds) {

    public Context {
      fields = Set.copyOf(fields);
      counterIds = Set.copyOf(counterIds);
    }
  }
}
