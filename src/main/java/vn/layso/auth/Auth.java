package vn.layso.auth;

import io.vertx.core.Handler;
import java.util.Set;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;

/**
 * Reads the bearer token of every request (if any) into the context, and answers the questions
 * handlers ask: who is this, may they serve this office, are they an admin.
 */
public final class Auth implements Handler<RoutingContext> {

  private static final String PRINCIPAL = "layso.principal";
  private static final String TOKEN = "layso.token";
  /** The response header that carries a device's fresh token after a rotation (assets/api.js keeps it). */
  public static final String FRESH_TOKEN_HEADER = "X-Layso-Token";

  /** All that the token of an account whose password was reset may call until it is changed. */
  private static final Set<String> PASSWORD_CHANGE_PATHS =
      Set.of("/api/v1/auth/password", "/api/v1/auth/me", "/api/v1/auth/logout");

  private final AuthService service;

  public Auth(AuthService service) {
    this.service = service;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      ctx.next();
      return;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(new ApiException(ApiException.Kind.UNAUTHORIZED, "invalid_token"));
      return;
    }
    String token = header.substring(7).strip();
    service.authenticate(token).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
        return;
      }
      Principal p = result.result();
      if (p.mustChangePassword() && !PASSWORD_CHANGE_PATHS.contains(ctx.normalizedPath())) {
        ctx.fail(new ApiException(ApiException.Kind.FORBIDDEN, "password_change_required"));
        return;
      }
      service.seen(p);
      ctx.put(PRINCIPAL, p);
      ctx.put(TOKEN, token);
      if (p.role() != Role.DEVICE) {
        ctx.next();
        return;
      }
      // a device's token rotates on use: the fresh one rides on this answer, never cached
      service.rotateIfDue(token, p).onComplete(fresh -> {
        if (fresh.succeeded() && fresh.result() != null) {
          ctx.response().putHeader(FRESH_TOKEN_HEADER, fresh.result()).putHeader("Cache-Control", "no-store");
        }
        ctx.next();
      });
    });
  }

  /** The caller, or null for an anonymous request. */
  public static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  public static String token(RoutingContext ctx) {
    return ctx.get(TOKEN);
  }

  public static Principal requireLogin(RoutingContext ctx) {
    Principal p = principal(ctx);
    if (p == null) {
      throw new ApiException(ApiException.Kind.UNAUTHORIZED, "login_required");
    }
    return p;
  }

  public static Principal requireStaff(RoutingContext ctx, String office) {
    Principal p = requireLogin(ctx);
    if (!p.mayServe(office)) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
    }
    return p;
  }

  /**
   * The office of the path's {@code :office} for a staff read: 404 for an unknown office, 401/403
   * unless the caller may serve it; the answer is marked no-store (staff data, never cached).
   */
  public static Office staffOffice(RoutingContext ctx, OfficeRegistry offices) {
    Office office = offices.require(ctx.pathParam("office"));
    requireStaff(ctx, office.id());
    ctx.response().putHeader("Cache-Control", "no-store");
    return office;
  }

  /**
   * The caller, when it may run the office (settings, accounts, devices, reports, ratings): an
   * admin, or a manager of it; 401 without a token, 403 {@code forbidden} otherwise.
   */
  public static Principal requireManager(RoutingContext ctx, String office) {
    Principal p = requireLogin(ctx);
    if (!p.mayManage(office)) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
    }
    return p;
  }

  /**
   * The office of the path's {@code :office} for a manager's read or write: 404 for an unknown
   * office, 401/403 unless the caller may run it; the answer is marked no-store.
   */
  public static Office managedOffice(RoutingContext ctx, OfficeRegistry offices) {
    Office office = offices.require(ctx.pathParam("office"));
    requireManager(ctx, office.id());
    ctx.response().putHeader("Cache-Control", "no-store");
    return office;
  }

  /** True when the caller's token speaks for the office (see {@link Principal#actsFor}). */
  public static boolean actsFor(RoutingContext ctx, String office) {
    Principal p = principal(ctx);
    return p != null && p.actsFor(office);
  }

  /**
   * Choosing a priority group (disability, pregnancy, old age) is for the office's kiosk or staff,
   * who see the citizen, or an admin: anyone else gets 403 {@code priority_requires_token}.
   */
  public static void requirePriorityGrant(RoutingContext ctx, String office) {
    if (!actsFor(ctx, office)) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "priority_requires_token");
    }
  }

  /**
   * A device may do only its own job: a lobby display's or rating tablet's token gets 403
   * {@code device_not_allowed} for what a kiosk does (issuing, check-in). A kiosk of another office
   * is taken as any anonymous caller there (a plain number, no priority); people pass (the route
   * decides for them).
   */
  public static void refuseOtherDevices(RoutingContext ctx, String office) {
    Principal p = principal(ctx);
    if (p != null && p.role() == Role.DEVICE && p.deviceKind() != DeviceKind.KIOSK) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "device_not_allowed");
    }
  }

  public static Principal requireAdmin(RoutingContext ctx) {
    Principal p = requireLogin(ctx);
    if (!p.isAdmin()) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
    }
    return p;
  }
}
