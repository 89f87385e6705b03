package vn.layso.account;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.audit.AuditLog;
import vn.layso.auth.AccountService;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthService;
import vn.layso.auth.AuthStore;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;

/**
 * The first account API, for admins across every office ({@code /api/v1/admin/users}): kept for
 * the clients that use it, and audited like the office accounts API (an admin account lands in the
 * province-wide log).
 */
public final class AdminUserRoutes {

  private static final List<String> ADMIN = List.of("ADMIN");

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/admin/users", "listAccounts", "admin").roles(ADMIN).answerList(200, Account.class)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").build(),
      ApiOperation.post("/api/v1/admin/users", "createAccount", "admin").roles(ADMIN).body(NewAccount.class)
          .answer(201, Account.class)
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "field_required", "field_not_text",
              "field_too_long", "field_invalid_characters", "invalid_role", "invalid_username", "password_too_short",
              "password_too_long")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .errors(409, "username_taken").build(),
      ApiOperation.delete("/api/v1/admin/users/{username}", "deleteAccount", "admin").roles(ADMIN)
          .path(UserPath.class).answer(204, null).errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "user_not_found").errors(409, "cannot_delete_self").build());

  record UserPath(String username) {
  }

  /** An account of any role, as this API answers it (never its password hash). */
  public record Account(@ApiShape.Required String username, @ApiShape.Required Role role,
                        @ApiShape.Nullable String office, @ApiShape.Required List<String> offices,
                        @ApiShape.Required String fullName, boolean disabled, boolean mustChangePassword) {

    static Account of(AuthStore.Account a) {
      return new Account(a.username(), a.role(), a.office(), List.copyOf(a.offices()), a.displayName(), a.disabled(),
          a.mustChangePassword());
    }
  }

  /** A new account's body: STAFF, MANAGER and DEVICE accounts need an office. */
  public record NewAccount(@ApiShape.Required @ApiShape.MaxLength(40)
                           @ApiShape.Pattern("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,39}$") String username,
                           @ApiShape.Required @ApiShape.MaxLength(200) String password,
                           @ApiShape.Required @ApiShape.MaxLength(10) String role,
                           @ApiShape.Nullable @ApiShape.MaxLength(32) String office,
                           @ApiShape.MaxLength(200) String fullName) implements ApiShape.Request {
  }

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

  private Future<Buffer> list(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    return auth.accounts().map(all -> ApiJson.answer(ctx, all.stream().map(Account::of).toList()));
  }

  private Future<Buffer> create(RoutingContext ctx) {
    Principal admin = Auth.requireAdmin(ctx);
    NewAccount body = ApiInput.read(ctx.body().buffer(), NewAccount.class);
    String username = body.username().toLowerCase(Locale.ROOT);
    String password = body.password();
    Role role = role(body.role());
    String office = body.office();
    String fullName = body.fullName();
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
              return ApiJson.answer(ctx, Account.of(account));
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
}
