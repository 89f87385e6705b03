package vn.layso.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.common.RateLimiter;
import vn.layso.office.OfficeRegistry;

/**
 * Log-in and log-out for everyone; the province-wide account list for admins (the older
 * {@code /api/v1/admin/users}; offices' managers use {@code /api/v1/offices/{office}/accounts}).
 */
public final class AuthRoutes {

  private static final String LOGIN_ATTEMPTS = "login";

  private final AuthService auth;
  private final AccountService accounts;
  private final OfficeRegistry offices;
  private final RateLimiter limiter;
  private final int maxAttemptsPerMinute;

  /**
   * {@code maxAttemptsPerMinute}: log-in attempts per client and minute. Each attempt is counted
   * before its password is checked, and a successful one gives its count back, so only attempts
   * that did not succeed use up the budget (a centre's staff share one address).
   */
  public AuthRoutes(AuthService auth, AccountService accounts, OfficeRegistry offices, RateLimiter limiter,
                    int maxAttemptsPerMinute) {
    this.auth = auth;
    this.accounts = accounts;
    this.offices = offices;
    this.limiter = limiter;
    this.maxAttemptsPerMinute = maxAttemptsPerMinute;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/login").handler(limiter.perMinute(LOGIN_ATTEMPTS, maxAttemptsPerMinute, ctx -> false))
        .respond(this::login);
    router.post("/api/v1/auth/logout").respond(this::logout);
    router.get("/api/v1/auth/me").respond(this::me);
    router.get("/api/v1/admin/users").respond(this::list);
    router.post("/api/v1/admin/users").respond(this::create);
    router.delete("/api/v1/admin/users/:username").respond(this::delete);
  }

  private Future<JsonObject> login(RoutingContext ctx) {
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String username = body.requiredString("username", 40).toLowerCase(Locale.ROOT);
    String password = body.requiredString("password", 200);
    return auth.login(username, password)
        .compose(login -> limiter.refund(ctx).otherwiseEmpty().map(login))
        .compose(login -> auth.account(login.principal().username())
            .map(account -> whoami(login.principal(), account).put("token", login.token())));
  }

  /** What log-in and me answer about the caller: role, offices, full name, whether a password change is due. */
  private static JsonObject whoami(Principal p, AuthStore.Account account) {
    return new JsonObject()
        .put("username", p.username())
        .put("role", p.role().name())
        .put("office", p.office())
        .put("offices", new JsonArray(p.offices()))
        .put("fullName", account == null ? p.username() : account.displayName())
        .put("mustChangePassword", p.mustChangePassword())
        .put("expiresAt", p.expiresAt().toString());
  }

  private Future<Void> logout(RoutingContext ctx) {
    Principal principal = Auth.requireLogin(ctx);
    ctx.response().setStatusCode(204);
    return auth.logout(Auth.token(ctx), principal);
  }

  private Future<JsonObject> me(RoutingContext ctx) {
    Principal p = Auth.requireLogin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
    return auth.account(p.username()).map(account -> whoami(p, account));
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    return auth.accounts().map(all -> new JsonArray(all.stream().map(AuthRoutes::view).toList()));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
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
    ctx.response().setStatusCode(201);
    return accounts.create(new AccountService.Draft(username, role, office == null ? List.of() : List.of(office),
        name, false), password).map(AuthRoutes::view);
  }

  private Future<Void> delete(RoutingContext ctx) {
    Principal admin = Auth.requireAdmin(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    if (admin.username().equals(username)) {
      throw ApiException.conflict("cannot_delete_self");
    }
    ctx.response().setStatusCode(204);
    return auth.deleteAccount(username);
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
