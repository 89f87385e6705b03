package vn.layso.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import vn.layso.auth.domain.Principal;
import vn.layso.common.JsonInput;
import vn.layso.common.RateLimiter;

/**
 * Log-in, log-out and who-am-I for everyone (accounts are managed in the account package: the
 * offices' {@code /api/v1/offices/{office}/accounts} and the admins' older {@code /api/v1/admin/users}).
 */
public final class AuthRoutes {

  private static final String LOGIN_ATTEMPTS = "login";

  private final AuthService auth;
  private final RateLimiter limiter;
  private final int maxAttemptsPerMinute;

  /**
   * {@code maxAttemptsPerMinute}: log-in attempts per client and minute. Each attempt is counted
   * before its password is checked, and a successful one gives its count back, so only attempts
   * that did not succeed use up the budget (a centre's staff share one address).
   */
  public AuthRoutes(AuthService auth, RateLimiter limiter, int maxAttemptsPerMinute) {
    this.auth = auth;
    this.limiter = limiter;
    this.maxAttemptsPerMinute = maxAttemptsPerMinute;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/login").handler(limiter.perMinute(LOGIN_ATTEMPTS, maxAttemptsPerMinute, ctx -> false))
        .respond(this::login);
    router.post("/api/v1/auth/logout").respond(this::logout);
    router.get("/api/v1/auth/me").respond(this::me);
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
}
