package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.notify.domain.Phones;

/** Admins see the dead letters (and the numbers without Zalo) and can send a dead letter again. */
public final class NotificationRoutes {

  private static final String BASE = "/api/v1/admin/notifications";
  private static final int MAX_LIMIT = 500;

  private static final List<String> ADMIN = List.of("ADMIN");

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get(BASE, "listNotifications", "admin").roles(ADMIN).query(ListQuery.class)
          .answer(200, Notifications.class).errors(400, "invalid_notification_status", "invalid_number")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden").build(),
      ApiOperation.get(BASE + "/{trackingId}", "getNotification", "admin").roles(ADMIN).path(TrackingPath.class)
          .answer(200, Notification.class).errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "notification_not_found").build(),
      ApiOperation.post(BASE + "/{trackingId}/retry", "retryNotification", "admin").roles(ADMIN)
          .path(TrackingPath.class).answer(200, Retried.class).errors(401, "login_required", "invalid_token")
          .errors(403, "forbidden").errors(404, "notification_not_found").errors(409, "notification_not_failed")
          .build());

  record TrackingPath(@ApiShape.MaxLength(48) String trackingId) {
  }

  record ListQuery(@ApiShape.Values({"failed", "no_zalo"}) String status,
                   @ApiShape.Min(1) @ApiShape.Max(MAX_LIMIT) Integer limit) {
  }

  /** A notification in the Zalo ZNS outbox, as an admin sees it (phone masked). */
  public record Notification(@ApiShape.Required String trackingId, @ApiShape.Nullable String group,
                             @ApiShape.Required String phone,
                             @ApiShape.Values({"confirmation", "reminder_day_before", "reminder_soon", "turn_near"})
                             String template,
                             @ApiShape.Values({"PENDING", "SENDING", "SENT", "FAILED", "NO_ZALO", "CANCELLED"})
                             String status,
                             int attempts, @ApiShape.Nullable @ApiShape.Format("date-time") String notBefore,
                             @ApiShape.Nullable @ApiShape.Format("date-time") String createdAt,
                             @ApiShape.Nullable @ApiShape.Format("date-time") String updatedAt,
                             @ApiShape.Nullable String lastError, @ApiShape.Nullable String msgId) {

    static Notification of(NotificationStore.Entry e) {
      return new Notification(e.trackingId(), e.group(), Phones.mask(e.phone()), e.template(), e.status(),
          e.attempts(), iso(e.notBefore()), iso(e.createdAt()), iso(e.updatedAt()), e.lastError(), e.msgId());
    }
  }

  /** The dead letters (or the numbers without Zalo), newest first. */
  public record Notifications(@ApiShape.Required List<Notification> notifications) {
  }

  /** A retry's answer: the notification is queued again. */
  @ApiShape.Name("NotificationRetried")
  public record Retried(@ApiShape.Required String trackingId, @ApiShape.Required @ApiShape.Values({"PENDING"}) String status) {
  }

  private final NotificationStore store;
  private final Clock clock;

  public NotificationRoutes(NotificationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get(BASE).respond(this::list);
    router.get(BASE + "/:trackingId").respond(this::one);
    router.post(BASE + "/:trackingId/retry").respond(this::retry);
  }

  private Future<Buffer> list(RoutingContext ctx) {
    admin(ctx);
    String status = ctx.queryParams().get("status") == null ? "failed" : ctx.queryParams().get("status");
    if (!status.equals("failed") && !status.equals("no_zalo")) {
      throw ApiException.invalid("invalid_notification_status");
    }
    int limit = limit(ctx.queryParams().get("limit"));
    return store.list(status.toUpperCase(java.util.Locale.ROOT), limit).map(entries ->
        ApiJson.answer(ctx, new Notifications(entries.stream().map(Notification::of).toList())));
  }

  private Future<Buffer> one(RoutingContext ctx) {
    admin(ctx);
    return store.find(trackingId(ctx)).map(e -> {
      if (e == null) {
        throw ApiException.notFound("notification_not_found");
      }
      return ApiJson.answer(ctx, Notification.of(e));
    });
  }

  private Future<Buffer> retry(RoutingContext ctx) {
    admin(ctx);
    String id = trackingId(ctx);
    return store.retry(id, clock.instant()).map(v -> ApiJson.answer(ctx, new Retried(id, "PENDING")));
  }

  private static void admin(RoutingContext ctx) {
    Auth.requireAdmin(ctx);
    ctx.response().putHeader("Cache-Control", "no-store");
  }

  private static String trackingId(RoutingContext ctx) {
    String id = ctx.pathParam("trackingId");
    if (id == null || id.length() > 48 || !id.matches("[A-Za-z0-9][A-Za-z0-9:._-]*")) {
      throw ApiException.notFound("notification_not_found");
    }
    return id;
  }

  private static int limit(String value) {
    if (value == null) {
      return 100;
    }
    int n = value.matches("\\d{1,4}") ? Integer.parseInt(value) : -1;
    if (n < 1 || n > MAX_LIMIT) {
      throw ApiException.invalid("invalid_number", "limit", "1", Integer.toString(MAX_LIMIT));
    }
    return n;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
