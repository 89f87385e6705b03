package vn.layso.balance;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.Auth;
import vn.layso.office.OfficeRegistry;

/** The balancing advice for managers: staff of the office and admins. */
public final class BalanceRoutes {

  private final BalanceService balance;
  private final OfficeRegistry offices;

  public BalanceRoutes(BalanceService balance, OfficeRegistry offices) {
    this.balance = balance;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/balance").respond(this::view);
  }

  private Future<JsonObject> view(RoutingContext ctx) {
    return balance.view(Auth.staffOffice(ctx, offices));
  }
}
