package vn.layso.audit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change someone made, kept as long as the history: when, who ({@code manager:lan},
 * {@code admin:admin}, {@code device:kiosk-1}), what ({@code settings.update}, {@code account.create},
 * {@code device.pair}, ...), on what ({@code office:demo}, {@code account:lan}, {@code device:kiosk-1}),
 * and the state before and after as JSON text (null where there is none: a creation has no before).
 * Passwords, tokens and personal data never go in one.
 */
public record AuditEntry(Instant at, String actor, String action, String target, String before, String after) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
  }
}
