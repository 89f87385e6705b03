package vn.layso.account;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.audit.AuditLog;
import vn.layso.auth.AccountService;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthStore.AccountChange;
import vn.layso.auth.AuthStore.Reach;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.RateLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/**
 * An office's people: its managers (and the admins) list, create, change, disable, reset and delete
 * the accounts of its staff and managers; everyone changes their own password. A manager reaches only
 * accounts all of whose offices it manages, never an admin's, and gives only offices it manages.
 */
public final class AccountRoutes {

  private static final int MAX_OFFICES = 20;
  private static final List<String> MANAGERS = List.of("ADMIN", "MANAGER");
  private static final String[] BAD_BODY = {"body_required", "invalid_encoding", "invalid_json", "field_required",
      "field_not_text", "field_too_long", "field_invalid_characters"};

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/auth/password", "changePassword", "auth").roles(List.of("ADMIN", "MANAGER", "STAFF"))
          .body(PasswordChange.class).answer(204, null)
          .errors(400, concat(BAD_BODY, "password_too_short", "password_too_long", "password_unchanged"))
          .errors(401, "login_required", "invalid_token").errors(403, "wrong_current_password", "forbidden")
          .limited("rate_limited").build(),
      ApiOperation.get("/api/v1/offices/{office}/accounts", "listOfficeAccounts", "accounts").roles(MANAGERS)
          .params("office").answerList(200, AccountJson.OfficeAccount.class)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden", "password_change_required")
          .errors(404, "office_not_found").build(),
      ApiOperation.post("/api/v1/offices/{office}/accounts", "createOfficeAccount", "accounts").roles(MANAGERS)
          .params("office").body(NewOfficeAccount.class).answer(201, AccountJson.OfficeAccount.class)
          .errors(400, concat(BAD_BODY, "invalid_username", "invalid_person_role", "invalid_full_name",
              "invalid_offices", "password_too_short", "password_too_long"))
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").errors(404, "office_not_found")
          .errors(409, "username_taken").build(),
      ApiOperation.patch("/api/v1/offices/{office}/accounts/{username}", "updateOfficeAccount", "accounts")
          .roles(MANAGERS).params("office").path(UserPath.class).body(AccountPatch.class)
          .answer(200, AccountJson.OfficeAccount.class)
          .errors(400, concat(BAD_BODY, "invalid_person_role", "invalid_full_name", "invalid_offices",
              "field_not_boolean"))
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "user_not_found").errors(409, "cannot_change_self").build(),
      ApiOperation.delete("/api/v1/offices/{office}/accounts/{username}", "deleteOfficeAccount", "accounts")
          .roles(MANAGERS).params("office").path(UserPath.class).answer(204, null)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "user_not_found").errors(409, "cannot_delete_self").build(),
      ApiOperation.post("/api/v1/offices/{office}/accounts/{username}/reset-password", "resetOfficeAccountPassword",
              "accounts").roles(MANAGERS).params("office").path(UserPath.class).answer(200, OneTimePassword.class)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "user_not_found").errors(409, "cannot_change_self").build());

  private static String[] concat(String[] first, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
        .toArray(String[]::new);
  }

  record UserPath(String username) {
  }

  /** One's own password change: the current password and the new one. */
  public record PasswordChange(@ApiShape.Required @ApiShape.MaxLength(200) String current,
                               @ApiShape.Required @ApiShape.MaxLength(200) @ApiShape.Name("new") String next)
      implements ApiShape.Request {
  }

  /** A new person's account of the office. */
  public record NewOfficeAccount(@ApiShape.Required @ApiShape.MaxLength(40)
                                 @ApiShape.Pattern("^[a-zA-Z0-9][a-zA-Z0-9._-]{1,39}$") String username,
                                 @ApiShape.Required @ApiShape.MaxLength(200) String password,
                                 @ApiShape.Required @ApiShape.MaxLength(10) String role,
                                 @ApiShape.Required @ApiShape.MaxLength(200) String fullName,
                                 @ApiShape.MaxItems(MAX_OFFICES) @ApiShape.InvalidAs("invalid_offices")
                                 List<String> offices,
                                 Boolean mustChangePassword) implements ApiShape.Request {
  }

  /** A change to an account: only what is given changes. */
  public record AccountPatch(@ApiShape.MaxLength(200) String fullName, @ApiShape.MaxLength(10) String role,
                             @ApiShape.MaxItems(MAX_OFFICES) @ApiShape.InvalidAs("invalid_offices")
                             List<String> offices,
                             @ApiShape.InvalidAs("field_not_boolean") Boolean disabled) implements ApiShape.Request {
  }

  /** A reset's answer: the one-time password, shown this once. */
  public record OneTimePassword(@ApiShape.Required String username, @ApiShape.Required String oneTimePassword) {
  }

  private final AccountService accounts;
  private final OfficeRegistry offices;
  private final AccountAudit audit;
  private final RateLimiter limiter;

  public AccountRoutes(AccountService accounts, OfficeRegistry offices, AuditLog log, Clock clock,
                       RateLimiter limiter) {
    this.accounts = accounts;
    this.limiter = limiter;
    this.offices = offices;
    this.audit = new AccountAudit(log, offices, clock);
  }

  /**
   * Password changes share the log-in attempts' limit ({@code attemptsPerMinute} per address, the
   * {@code login} bucket): only changes that did not succeed use it up.
   */
  public void mount(Router router, int attemptsPerMinute) {
    router.post("/api/v1/auth/password").handler(limiter.perMinute("login", attemptsPerMinute, ctx -> false))
        .respond(this::changePassword);
    router.get("/api/v1/offices/:office/accounts").respond(this::list);
    router.post("/api/v1/offices/:office/accounts").respond(this::create);
    router.patch("/api/v1/offices/:office/accounts/:username").respond(this::update);
    router.post("/api/v1/offices/:office/accounts/:username/reset-password").respond(this::resetPassword);
    router.delete("/api/v1/offices/:office/accounts/:username").respond(this::delete);
  }

  private Future<Void> changePassword(RoutingContext ctx) {
    Principal caller = Auth.requireLogin(ctx);
    PasswordChange body = ApiInput.read(ctx.body().buffer(), PasswordChange.class);
    String current = body.current();
    String next = body.next();
    ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store");
    return accounts.changePassword(caller, current, next)
        .compose(v -> limiter.refund(ctx).otherwiseEmpty())
        .compose(v -> audit.record(caller, "account.change_password", caller.offices())
            .otherwiseEmpty());
  }

  private Future<Buffer> list(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    return accounts.of(office.id()).map(all -> ApiJson.answer(ctx, all.stream().map(AccountJson::of).toList()));
  }

  private Future<Buffer> create(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    NewOfficeAccount body = ApiInput.read(ctx.body().buffer(), NewOfficeAccount.class);
    String username = body.username().toLowerCase(Locale.ROOT);
    String password = body.password();
    Role role = personRole(body.role(), caller);
    String fullName = fullName(body.fullName());
    List<String> given = officeList(body.offices(), caller);
    List<String> list = given == null ? List.of(office.id()) : given;
    if (!list.contains(office.id())) {
      throw ApiException.invalid("invalid_offices", MAX_OFFICES);
    }
    boolean mustChange = Boolean.TRUE.equals(body.mustChangePassword());
    return accounts.create(new AccountService.Draft(username, role, list, fullName, mustChange), password)
        .compose(account -> audit.record(caller, "account.create", username, null, account).otherwiseEmpty()
            .map(v -> {
              ctx.response().setStatusCode(201);
              return ApiJson.answer(ctx, AccountJson.of(account));
            }));
  }

  private Future<Buffer> update(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    AccountPatch body = ApiInput.read(ctx.body().buffer(), AccountPatch.class);
    String fullName = body.fullName();
    String role = body.role();
    AccountChange change = new AccountChange(fullName == null ? null : fullName(fullName),
        role == null ? null : personRole(role, caller), officeList(body.offices(), caller),
        body.disabled(), null, null);
    if (username.equals(caller.username()) && (change.role() != null || change.offices() != null
        || Boolean.TRUE.equals(change.disabled()))) {
      throw ApiException.conflict("cannot_change_self");
    }
    return accounts.update(username, reach(office, caller), change).compose(changed -> {
      String action = change.disabled() == null || changed.before().disabled() == changed.after().disabled()
          ? "account.update" : changed.after().disabled() ? "account.disable" : "account.enable";
      return audit.record(caller, action, username, changed.before(), changed.after()).otherwiseEmpty()
          .map(v -> ApiJson.answer(ctx, AccountJson.of(changed.after())));
    });
  }

  private Future<Buffer> resetPassword(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    if (username.equals(caller.username())) {
      throw ApiException.conflict("cannot_change_self");
    }
    return accounts.resetPassword(username, reach(office, caller)).compose(reset ->
        audit.record(caller, "account.reset_password", username, reset.changed().before(), reset.changed().after())
            .otherwiseEmpty()
            .map(v -> ApiJson.answer(ctx, new OneTimePassword(username, reset.oneTimePassword()))));
  }

  private Future<Void> delete(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    if (username.equals(caller.username())) {
      throw ApiException.conflict("cannot_delete_self");
    }
    return accounts.delete(username, reach(office, caller))
        .compose(before -> audit.record(caller, "account.delete", username, before, null).otherwiseEmpty())
        .onSuccess(v -> ctx.response().setStatusCode(204));
  }

  /** The accounts of the office; a manager's reach ends at its own offices. */
  private static Reach reach(Office office, Principal caller) {
    return new Reach(office.id(), caller.isAdmin() ? null : caller.offices());
  }

  /** staff or manager (any case); an admin account is never made here: 403 for a manager, 400 for an admin. */
  private static Role personRole(String value, Principal caller) {
    String role = value.toUpperCase(Locale.ROOT);
    if (role.equals("ADMIN") && !caller.isAdmin()) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
    }
    if (!role.equals("STAFF") && !role.equals("MANAGER")) {
      throw ApiException.invalid("invalid_person_role");
    }
    return Role.valueOf(role);
  }

  private static String fullName(String value) {
    String name = Credentials.fullName(value);
    if (name == null) {
      throw ApiException.invalid("invalid_full_name", Credentials.MAX_FULL_NAME);
    }
    return name;
  }

  /**
   * The offices given (null when none given; ApiInput has refused a value that is not a list of at most
   * MAX_OFFICES texts): 1 to MAX_OFFICES known office ids, each one the caller
   * manages (403 otherwise: a manager gives only its own offices).
   */
  private List<String> officeList(List<String> given, Principal caller) {
    if (given == null) {
      return null;
    }
    if (given.isEmpty()) {
      throw ApiException.invalid("invalid_offices", MAX_OFFICES);
    }
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(given.stream().map(id -> offices.require(id).id()).toList()));
    for (String id : ids) {
      if (!caller.mayManage(id)) {
        throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
      }
    }
    return ids;
  }
}
