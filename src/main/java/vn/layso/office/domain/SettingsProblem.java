package vn.layso.office.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with (or held back from) an office's settings: where ({@code services[2].prefix},
 * {@code openingHours.monday[1]}), a stable code whose human text lives in the message files, and
 * that text's arguments.
 */
public record SettingsProblem(String path, String code, List<String> args) {

  public SettingsProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
  }
}
