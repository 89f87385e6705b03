package vn.layso.app;

import io.vertx.core.Future;
import java.util.List;
import vn.layso.auth.AuthService;
import vn.layso.balance.BalanceService;
import vn.layso.live.StaffAccess;
import vn.layso.office.domain.Office;

/**
 * The live socket's staff channel: a token of staff of the office (staff, manager, or an admin;
 * not one whose password must change first) opens it, and the staff-only state it is told first is
 * the office's current balancing advice.
 */
record StaffLive(AuthService auth, BalanceService balance) implements StaffAccess {

  @Override
  public Future<Boolean> mayServe(String token, String office) {
    return auth.authenticate(token).map(p -> !p.mustChangePassword() && p.mayServe(office));
  }

  @Override
  public Future<List<String>> state(Office office) {
    return balance.currentEvent(office).map(event -> List.of(event.encode()));
  }
}
