package vn.layso.balance;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.auth.Auth;
import vn.layso.office.OfficeRegistry;

/** The balancing advice for managers: staff of the office and admins. */
public final class BalanceRoutes {

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/balance", "getBalance", "balance").roles(ApiOperation.STAFF)
          .params("office").answer(200, BalanceView.class).errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "office_not_found").build());

  private final BalanceService balance;
  private final OfficeRegistry offices;

  public BalanceRoutes(BalanceService balance, OfficeRegistry offices) {
    this.balance = balance;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/balance").respond(this::view);
  }

  private Future<Buffer> view(RoutingContext ctx) {
    return balance.view(Auth.staffOffice(ctx, offices)).map(view -> ApiJson.answer(ctx, view));
  }
}
