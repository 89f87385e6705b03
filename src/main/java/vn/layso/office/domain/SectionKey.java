package vn.layso.office.domain;

import java.util.Objects;

/**
 * Names one feature's section of an office's settings ({@code "booking"}, {@code "callPolicy"}, ...)
 * with the type of its parsed value and the value an office without that section has. The feature
 * that owns the section declares its key; the office only stores what is filed under it.
 */
public record SectionKey<T>(String name, Class<T> type, T defaults) {

  public SectionKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaults, "defaults");
    if (!type.isInstance(defaults)) {
      throw new IllegalArgumentException("section " + name + ": defaults are not a " + type.getSimpleName());
    }
  }
}
