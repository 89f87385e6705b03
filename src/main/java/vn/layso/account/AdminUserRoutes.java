package vn.layso.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import vn.layso.audit.AuditLog;
import vn.layso.auth.AccountService;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthService;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.office.OfficeRegistry;

/**
 * The first account API, for admins across every office ({@code /api/v1/admin/users}): kept for
 * the clients that use it, and audited like the office accounts API (an admin account lands in the
 * province-wide log).
 */
public final class AdminUserRoutes {

  private final AuthService auth;
  private final AccountService accounts;
  private final OfficeRegistry offices;
  private final AccountAudit audit;

  public AdminUserRoutes(AuthService auth, AccountService accounts, OfficeRegistry offices, AuditLog log, Clock clock) {
    this.auth = auth;
    this.accounts = accounts;
    this.offices = offices;
    this.audit = new AccountAudit(log, offices, clock);
  }

  public void mount(Router router) {
    router.get("/api/v1/admin/users").respond(this::list);
    router.post("/api/v1/admin/users").respond(this::create);
    router.delete("/api/v1/admin/users/:username").respond(this::delete);
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    return auth.accounts().map(all -> new JsonArray(all.stream().map(AdminUserRoutes::view).toList()));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    Principal admin = Auth.requireAdmin(ctx);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String username = body.requiredString("username", 40).toLowerCase(Locale.ROOT);
    String password = body.requiredString("password", 200);
    Role role = role(body.requiredString("role", 10));
    String office = body.optionalString("office", 32);
    String fullName = body.optionalString("fullName", 200);
    if (role != Role.ADMIN) {
      if (office == null) {
        throw ApiException.invalid("field_required", "office");
      }
      offices.require(office);
    }
    String name = fullName == null ? null : Credentials.fullName(fullName);
    if (fullName != null && name == null) {
      throw ApiException.invalid("invalid_full_name", Credentials.MAX_FULL_NAME);
    }
    return accounts.create(new AccountService.Draft(username, role, office == null ? List.of() : List.of(office),
            name, false), password)
        .compose(account -> audit.record(admin, "account.create", username, null, account).otherwiseEmpty()
            .map(v -> {
              ctx.response().setStatusCode(201);
              return view(account);
            }));
  }

  private Future<Void> delete(RoutingContext ctx) {
    Principal admin = Auth.requireAdmin(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    if (admin.username().equals(username)) {
      throw ApiException.conflict("cannot_delete_self");
    }
    return accounts.delete(username, AuthStore.Reach.OWN)
        .compose(before -> audit.record(admin, "account.delete", username, before, null).otherwiseEmpty())
        .onSuccess(v -> ctx.response().setStatusCode(204));
  }

  private static Role role(String value) {
    try {
      return Role.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ApiException.invalid("invalid_role");
    }
  }

  private static JsonObject view(AuthStore.Account a) {
    return new JsonObject().put("username", a.username()).put("role", a.role().name()).put("office", a.office())
        .put("offices", new JsonArray(a.offices())).put("fullName", a.displayName())
        .put("disabled", a.disabled()).put("mustChangePassword", a.mustChangePassword());
  }
}
