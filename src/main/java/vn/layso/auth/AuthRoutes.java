package vn.layso.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.RateLimiter;

/**
 * Log-in, log-out and who-am-I for everyone (accounts are managed in the account package: the
 * offices' {@code /api/v1/offices/{office}/accounts} and the admins' older {@code /api/v1/admin/users}).
 */
public final class AuthRoutes {

  private static final String LOGIN_ATTEMPTS = "login";

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/auth/login", "login", "auth").body(LoginRequest.class)
          .answer(200, LoginResponse.class)
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "field_required", "field_not_text",
              "field_too_long", "field_invalid_characters", "password_too_long")
          .errors(401, "bad_credentials", "invalid_token").errors(403, "account_disabled")
          .limited("rate_limited").errors(503, "store_unavailable", "auth_busy").build(),
      ApiOperation.post("/api/v1/auth/logout", "logout", "auth").roles(ApiOperation.ANY_LOGIN)
          .answer(204, null, "X-Layso-Token").errors(401, "login_required", "invalid_token").build(),
      ApiOperation.get("/api/v1/auth/me", "me", "auth").roles(ApiOperation.ANY_LOGIN)
          .answer(200, Me.class, "X-Layso-Token").errors(401, "login_required", "invalid_token").build());

  /** A log-in's body. */
  public record LoginRequest(@ApiShape.Required @ApiShape.MaxLength(40) String username,
                             @ApiShape.Required @ApiShape.MaxLength(200) String password) implements ApiShape.Request {
  }

  /** Who the caller is: role, offices, full name, whether a password change is due, when the token expires. */
  public record Me(@ApiShape.Required String username, @ApiShape.Required Role role, @ApiShape.Nullable String office,
                   @ApiShape.Required List<String> offices, @ApiShape.Required String fullName,
                   boolean mustChangePassword, @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) {
  }

  /** A log-in's answer: who, and the token. */
  public record LoginResponse(@ApiShape.Inline Me me, @ApiShape.Required String token) {
  }

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

  private Future<Buffer> login(RoutingContext ctx) {
    LoginRequest body = ApiInput.read(ctx.body().buffer(), LoginRequest.class);
    String username = body.username().toLowerCase(Locale.ROOT);
    String password = body.password();
    return auth.login(username, password)
        .compose(login -> limiter.refund(ctx).otherwiseEmpty().map(login))
        .compose(login -> auth.account(login.principal().username())
            .map(account -> ApiJson.answer(ctx, new LoginResponse(whoami(login.principal(), account), login.token()))));
  }

  /** What log-in and me answer about the caller: role, offices, full name, whether a password change is due. */
  private static Me whoami(Principal p, AuthStore.Account account) {
    return new Me(p.username(), p.role(), p.office(), List.copyOf(p.offices()),
        account == null ? p.username() : account.displayName(), p.mustChangePassword(), p.expiresAt().toString());
  }

  private Future<Void> logout(RoutingContext ctx) {
    Principal principal = Auth.requireLogin(ctx);
    ctx.response().setStatusCode(204);
    return auth.logout(Auth.token(ctx), principal);
  }

  private Future<Buffer> me(RoutingContext ctx) {
    Principal p = Auth.requireLogin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
    return auth.account(p.username()).map(account -> ApiJson.answer(ctx, whoami(p, account)));
  }
}
