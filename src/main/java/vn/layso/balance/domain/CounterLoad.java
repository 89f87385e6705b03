package vn.layso.balance.domain;

import java.util.Objects;
import java.util.Set;

/**
 * One counter as the advisor sees it: open (not paused), idle (open with no current ticket), the
 * fields it serves as its own ({@code primary}) and those it serves only when they are over target
 * ({@code backup}).
 */
public record CounterLoad(String id, String name, boolean open, boolean idle, Set<String> primary,
                          Set<String> backup) {

  public CounterLoad {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    primary = Set.copyOf(primary);
    backup = Set.copyOf(backup);
    if (idle && !open) {
      throw new IllegalArgumentException("counter " + id + ": a paused counter is not idle");
    }
  }

  boolean mayServe(String field) {
    return primary.contains(field) || backup.contains(field);
  }
}
