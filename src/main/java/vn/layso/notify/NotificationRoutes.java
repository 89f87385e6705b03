package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import vn.layso.auth.Auth;
import vn.layso.common.ApiException;
import vn.layso.notify.domain.Phones;

/** Admins see the dead letters (and the numbers without Zalo) and can send a dead letter again. */
public final class NotificationRoutes {

  private static final String BASE = "/api/v1/admin/notifications";
  private static final int MAX_LIMIT = 500;

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

  private Future<JsonObject> list(RoutingContext ctx) {
    admin(ctx);
    String status = ctx.queryParams().get("status") == null ? "failed" : ctx.queryParams().get("status");
    if (!status.equals("failed") && !status.equals("no_zalo")) {
      throw ApiException.invalid("invalid_notification_status");
    }
    int limit = limit(ctx.queryParams().get("limit"));
    return store.list(status.toUpperCase(java.util.Locale.ROOT), limit).map(entries -> {
      JsonArray out = new JsonArray();
      entries.forEach(e -> out.add(json(e)));
      return new JsonObject().put("notifications", out);
    });
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    admin(ctx);
    return store.find(trackingId(ctx)).map(e -> {
      if (e == null) {
        throw ApiException.notFound("notification_not_found");
      }
      return json(e);
    });
  }

  private Future<JsonObject> retry(RoutingContext ctx) {
    admin(ctx);
    String id = trackingId(ctx);
    return store.retry(id, clock.instant()).map(v -> new JsonObject().put("trackingId", id).put("status", "PENDING"));
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

  private static JsonObject json(NotificationStore.Entry e) {
    return new JsonObject().put("trackingId", e.trackingId()).put("group", e.group())
        .put("phone", Phones.mask(e.phone())).put("template", e.template()).put("status", e.status())
        .put("attempts", e.attempts()).put("notBefore", iso(e.notBefore())).put("createdAt", iso(e.createdAt()))
        .put("updatedAt", iso(e.updatedAt())).put("lastError", e.lastError()).put("msgId", e.msgId());
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
