package vn.layso.common;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {"status","code","message"} with a human message in the caller's
 * language. Unexpected errors are logged with their stack and answered 500 without any detail.
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ApiException error = toApi(failure, ctx.statusCode());
    if (error == null) {
      LOG.atError().setCause(Redact.throwable(failure)).addKeyValue("method", ctx.request().method().name())
          .addKeyValue("route", route(ctx)).log("unexpected failure");
      error = new ApiException(ApiException.Kind.INTERNAL, "internal_error");
    }
    send(ctx, error.kind().status, error);
  }

  static ApiException toApi(Throwable failure, int statusCode) {
    if (failure instanceof ApiException api) {
      return api;
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : statusCode;
    return switch (status) {
      case 400 -> ApiException.invalid("bad_request");
      case 401 -> new ApiException(ApiException.Kind.UNAUTHORIZED, "login_required");
      case 403 -> new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
      case 404 -> ApiException.notFound("not_found");
      case 405 -> new ApiException(ApiException.Kind.METHOD_NOT_ALLOWED, "method_not_allowed");
      case 413 -> new ApiException(ApiException.Kind.TOO_LARGE, "body_too_large");
      case 415 -> new ApiException(ApiException.Kind.UNSUPPORTED_MEDIA, "unsupported_media_type");
      case 429 -> new ApiException(ApiException.Kind.TOO_MANY, "rate_limited");
      case 503 -> new ApiException(ApiException.Kind.UNAVAILABLE, "store_unavailable");
      default -> failure instanceof IllegalArgumentException ? ApiException.invalid("bad_request") : null;
    };
  }

  public static void send(RoutingContext ctx, int status, ApiException error) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Locale locale = Messages.fromAcceptLanguage(ctx.request().getHeader("Accept-Language"));
    JsonObject body = new JsonObject()
        .put("status", status)
        .put("code", error.code())
        .put("message", Messages.text(locale, error.code(), error.args()));
    error.details().forEach(body::put);
    if (ctx.response().headWritten()) {
      ctx.response().end();
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  /**
   * Where the failure happened, never the path itself: a path may carry a secret (a ticket id, a
   * booking code, a pairing secret) that must not reach a log. A route-level failure handler sees
   * the route's pattern (/api/v1/tickets/:id); the router's, which is the failing route's no more,
   * gives the path with its id-like segments masked (/api/v1/tickets/{id}) and without its query.
   */
  private static String route(RoutingContext ctx) {
    var route = ctx.currentRoute();
    return route != null && route.getPath() != null ? route.getPath() : Redact.path(ctx.normalizedPath());
  }
}
