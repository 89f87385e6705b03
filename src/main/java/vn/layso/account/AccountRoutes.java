package vn.layso.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import vn.layso.audit.AuditLog;
import vn.layso.auth.AccountService;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthStore.AccountChange;
import vn.layso.auth.AuthStore.Reach;
import vn.layso.auth.domain.Credentials;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
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
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String current = body.requiredString("current", 200);
    String next = body.requiredString("new", 200);
    ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store");
    return accounts.changePassword(caller, current, next)
        .compose(v -> limiter.refund(ctx).otherwiseEmpty())
        .compose(v -> audit.record(caller, "account.change_password", caller.offices())
            .otherwiseEmpty());
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    return accounts.of(office.id()).map(all -> new JsonArray(all.stream().map(AccountJson::of).toList()));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String username = body.requiredString("username", 40).toLowerCase(Locale.ROOT);
    String password = body.requiredString("password", 200);
    Role role = personRole(body.requiredString("role", 10), caller);
    String fullName = fullName(body.requiredString("fullName", 200));
    List<String> given = officeList(body.raw().getValue("offices"), caller);
    List<String> list = given == null ? List.of(office.id()) : given;
    if (!list.contains(office.id())) {
      throw ApiException.invalid("invalid_offices", MAX_OFFICES);
    }
    boolean mustChange = Boolean.TRUE.equals(body.raw().getValue("mustChangePassword"));
    return accounts.create(new AccountService.Draft(username, role, list, fullName, mustChange), password)
        .compose(account -> audit.record(caller, "account.create", username, null, account).otherwiseEmpty()
            .map(v -> {
              ctx.response().setStatusCode(201);
              return AccountJson.of(account);
            }));
  }

  private Future<JsonObject> update(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String fullName = body.optionalString("fullName", 200);
    String role = body.optionalString("role", 10);
    Object disabled = body.raw().getValue("disabled");
    if (disabled != null && !(disabled instanceof Boolean)) {
      throw ApiException.invalid("field_not_boolean", "disabled");
    }
    AccountChange change = new AccountChange(fullName == null ? null : fullName(fullName),
        role == null ? null : personRole(role, caller), officeList(body.raw().getValue("offices"), caller),
        (Boolean) disabled, null, null);
    if (username.equals(caller.username()) && (change.role() != null || change.offices() != null
        || Boolean.TRUE.equals(change.disabled()))) {
      throw ApiException.conflict("cannot_change_self");
    }
    return accounts.update(username, reach(office, caller), change).compose(changed -> {
      String action = change.disabled() == null || changed.before().disabled() == changed.after().disabled()
          ? "account.update" : changed.after().disabled() ? "account.disable" : "account.enable";
      return audit.record(caller, action, username, changed.before(), changed.after()).otherwiseEmpty()
          .map(v -> AccountJson.of(changed.after()));
    });
  }

  private Future<JsonObject> resetPassword(RoutingContext ctx) {
    Office office = Auth.managedOffice(ctx, offices);
    Principal caller = Auth.principal(ctx);
    String username = ctx.pathParam("username").toLowerCase(Locale.ROOT);
    if (username.equals(caller.username())) {
      throw ApiException.conflict("cannot_change_self");
    }
    return accounts.resetPassword(username, reach(office, caller)).compose(reset ->
        audit.record(caller, "account.reset_password", username, reset.changed().before(), reset.changed().after())
            .otherwiseEmpty()
            .map(v -> new JsonObject().put("username", username).put("oneTimePassword", reset.oneTimePassword())));
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
   * The offices given (null when none given): 1 to MAX_OFFICES known office ids, each one the caller
   * manages (403 otherwise: a manager gives only its own offices).
   */
  private List<String> officeList(Object raw, Principal caller) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_OFFICES) {
      throw ApiException.invalid("invalid_offices", MAX_OFFICES);
    }
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(array.getList().stream().map(o -> {
      if (!(o instanceof String id)) {
        throw ApiException.invalid("invalid_offices", MAX_OFFICES);
      }
      return offices.require(id).id();
    }).toList()));
    for (String id : ids) {
      if (!caller.mayManage(id)) {
        throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
      }
    }
    return ids;
  }
}
