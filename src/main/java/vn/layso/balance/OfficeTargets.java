package vn.layso.balance;

import java.util.Set;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.ServiceDef;

/**
 * The office settings the advice reads that the office configuration is gaining (a field's
 * service-level target, a counter's backup fields): one place to read them from.
 */
final class OfficeTargets {

  /** The target when the office sets none. */
  static final int DEFAULT_TARGET_MINUTES = 30;

  private OfficeTargets() {
  }

  static int targetMinutes(ServiceDef service) {
    return DEFAULT_TARGET_MINUTES;
  }

  static Set<String> backup(Counter counter) {
    return Set.of();
  }
}
