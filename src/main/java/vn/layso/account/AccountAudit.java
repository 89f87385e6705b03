package vn.layso.account;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.layso.api.ApiJson;
import vn.layso.audit.AuditLog;
import vn.layso.audit.domain.AuditEntry;
import vn.layso.auth.AuthStore.Account;
import vn.layso.auth.domain.Principal;
import vn.layso.office.OfficeRegistry;

/**
 * Writes an account change into the audit log of every office the account belonged to before or
 * after it (an account without offices, an admin's: the province-wide log), target
 * {@code account:<name>}, before and after as {@link AccountJson} (no password hash).
 */
final class AccountAudit {

  private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

  private final AuditLog log;
  private final OfficeRegistry offices;
  private final Clock clock;

  AccountAudit(AuditLog log, OfficeRegistry offices, Clock clock) {
    this.log = log;
    this.offices = offices;
    this.clock = clock;
  }

  Future<Void> record(Principal actor, String action, String username, Account before, Account after) {
    AuditEntry entry = new AuditEntry(clock.instant(), actor.source(), action, "account:" + username,
        before == null ? null : ApiJson.encode(AccountJson.of(before)),
        after == null ? null : ApiJson.encode(AccountJson.of(after)));
    Set<String> where = new LinkedHashSet<>();
    if (before != null) {
      where.addAll(before.offices());
    }
    if (after != null) {
      where.addAll(after.offices());
    }
    return record(where, entry);
  }

  /** A change with nothing to show before and after (one's own new password), in the account's offices. */
  Future<Void> record(Principal actor, String action, List<String> accountOffices) {
    return record(new LinkedHashSet<>(accountOffices), new AuditEntry(clock.instant(), actor.source(), action,
        "account:" + actor.username(), null, null));
  }

  private Future<Void> record(Set<String> where, AuditEntry entry) {
    List<String> known = where.stream().filter(o -> offices.find(o).isPresent()).toList();
    if (known.isEmpty()) {
      return log.record(null, PROVINCE, entry);
    }
    return Future.all(known.stream().map(o -> log.record(o, offices.require(o).timezone(), entry)).toList())
        .mapEmpty();
  }
}
