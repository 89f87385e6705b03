package vn.layso.app;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import vn.layso.api.ApiJson;
import vn.layso.audit.AuditLog;
import vn.layso.audit.AuditRoutes;
import vn.layso.account.AccountRoutes;
import vn.layso.account.AdminUserRoutes;
import vn.layso.auth.AccountService;
import vn.layso.auth.Auth;
import vn.layso.auth.AuthRoutes;
import vn.layso.auth.AuthService;
import vn.layso.balance.BalanceRoutes;
import vn.layso.booking.BookingDaysRoutes;
import vn.layso.booking.BookingRoutes;
import vn.layso.booking.BookingService;
import vn.layso.booking.HoldRoutes;
import vn.layso.booking.HoldService;
import vn.layso.card.CitizenCardRoutes;
import vn.layso.checkin.CheckInRoutes;
import vn.layso.checkin.CheckInService;
import vn.layso.common.ApiException;
import vn.layso.common.ClientAddress;
import vn.layso.common.FailureHandler;
import vn.layso.common.LookupLimiter;
import vn.layso.common.Messages;
import vn.layso.common.RateLimiter;
import vn.layso.device.DeviceRoutes;
import vn.layso.history.HistoryRoutes;
import vn.layso.history.HistoryService;
import vn.layso.live.LiveHub;
import vn.layso.live.LiveRoutes;
import vn.layso.notify.NotificationRoutes;
import vn.layso.notify.ZaloWebhookRoutes;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.OfficeRoutes;
import vn.layso.predict.PredictionRoutes;
import vn.layso.predict.PredictionService;
import vn.layso.print.PrintRoutes;
import vn.layso.print.PrintService;
import vn.layso.queue.BoardRoutes;
import vn.layso.queue.CounterRoutes;
import vn.layso.queue.QueueService;
import vn.layso.queue.TicketRoutes;
import vn.layso.rating.RatingRoutes;
import vn.layso.rating.RatingService;
import vn.layso.settings.SettingsRoutes;
import vn.layso.settings.SettingsService;
import vn.layso.report.ReportRoutes;
import vn.layso.report.ReportService;
import vn.layso.store.redis.RedisHoldStore;
import vn.layso.store.redis.RedisStore;
import vn.layso.verify.PhoneVerificationRoutes;
import vn.layso.verify.PhoneVerificationService;
import vn.layso.web.BookingLinkRoutes;
import vn.layso.web.PageRoutes;
import vn.layso.web.TicketQrRoutes;

/** The route table: which address goes to which feature, and the handlers every request passes. */
final class Routing {

  private static final int BODY_LIMIT = 16 * 1024;

  /** What the routes are built from. */
  record Features(RedisStore store, OfficeRegistry offices, AuthService auth, QueueService queue, LiveHub hub,
                  RateLimiter limiter, ClientAddress addresses, HistoryService history, PrintService prints,
                  BookingService booking, java.time.Clock clock, CheckInService checkIn,
                  NotificationRoutes notifications, BalanceRoutes balance,
                  PredictionService predictions, AuditLog audit, RatingService ratings,
                  SettingsService settings, ReportService reports, AccountService accounts,
                  PhoneVerificationService verification, LookupLimiter lookups) {
  }

  /**
   * Pairing codes an address may ask for per minute (a device renews its code every 10 minutes);
   * off with the other anonymous limits (RATE_LIMIT_PER_MINUTE=0).
   */
  private static final int PAIRING_CODES_PER_MINUTE = 10;

  private Routing() {
  }

  /**
   * What a kiosk does (issuing, check-in): refused to any other device's token (a lobby display, a
   * rating tablet, another office's kiosk) before it is counted by {@code then}, the anonymous limit.
   */
  private static Handler<RoutingContext> kioskWork(Handler<RoutingContext> then) {
    return ctx -> {
      Auth.refuseOtherDevices(ctx, ctx.pathParam("office"));
      then.handle(ctx);
    };
  }

  static Router router(Vertx vertx, Config config, Features f) {
    Router router = Router.router(vertx);
    router.route().handler(Routing::securityHeaders);
    // the live socket is public and must reach the upgrade before anything reads the request
    new LiveRoutes(f.hub(), f.offices(), ClientAddress.trusting(config.trustedProxies())).mount(router);
    // a settings document may be larger than any other body (the general limit below then lets it
    // pass), but only from a caller with a token; Auth checks the token itself afterwards
    largeBody(router, HttpMethod.PUT, "/api/v1/offices/:office/settings");
    largeBody(router, HttpMethod.POST, "/api/v1/offices");
    router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
        .method(HttpMethod.DELETE).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.route("/api/*").handler(new Auth(f.auth()));
    router.get("/health").handler(ctx -> health(ctx, f));
    new OfficeRoutes(f.offices()).mount(router);
    new SettingsRoutes(f.settings(), f.offices()).mount(router);
    // the CCCD card a kiosk read is checked (and turned into its hash) before the issuing route
    new CitizenCardRoutes(f.booking(), f.queue(), f.offices()).mount(router);
    new TicketRoutes(f.queue(), f.offices(), f.addresses()).mount(router,
        kioskWork(f.limiter().perMinute("issue", config.rateLimitPerMinute(),
            ctx -> Auth.actsFor(ctx, ctx.pathParam("office")))));
    new TicketQrRoutes(f.queue(), config.publicUrl()).mount(router);
    // booking's anonymous writes: counted by the page's hold session when it names a live one, else by address
    Handler<RoutingContext> bookingLimit = f.limiter().perMinute("book", config.rateLimitPerMinute(),
        ctx -> ctx.pathParam("office") != null && Auth.actsFor(ctx, ctx.pathParam("office")), Routing::holdSession);
    new BookingRoutes(f.booking(), f.offices(), f.clock()).mount(router, bookingLimit, f.lookups());
    new HoldRoutes(new HoldService(f.booking(), new RedisHoldStore(f.store()), f.offices(), f.clock()), f.addresses())
        .mount(router, bookingLimit);
    new PhoneVerificationRoutes(f.verification()).mount(router,
        f.limiter().perMinute("book", config.rateLimitPerMinute(), ctx -> false));
    new CheckInRoutes(f.checkIn(), f.offices(), f.queue()).mount(router,
        kioskWork(f.limiter().perMinute("issue", config.rateLimitPerMinute(),
            ctx -> Auth.actsFor(ctx, ctx.pathParam("office")))), f.lookups(), f.booking()::lookupKey);
    new BookingDaysRoutes(f.booking(), f.offices(), f.clock()).mount(router);
    new BookingLinkRoutes(f.offices(), config.publicUrl()).mount(router);
    new CounterRoutes(f.queue(), f.offices()).mount(router);
    new BoardRoutes(f.queue(), f.offices(), f.clock()).mount(router);
    new DeviceRoutes(f.auth(), f.offices(), f.audit(), f.clock()).mount(router,
        f.limiter().perMinute("pairing", config.rateLimitPerMinute() == 0 ? 0 : PAIRING_CODES_PER_MINUTE,
            ctx -> false));
    new AuthRoutes(f.auth(), f.limiter(), config.loginLimitPerMinute()).mount(router);
    new AdminUserRoutes(f.auth(), f.accounts(), f.offices(), f.audit(), f.clock()).mount(router);
    new AccountRoutes(f.accounts(), f.offices(), f.audit(), f.clock(), f.limiter())
        .mount(router, config.loginLimitPerMinute());
    new HistoryRoutes(f.history(), f.offices()).mount(router);
    new AuditRoutes(f.audit(), f.offices(), f.clock()).mount(router);
    new PrintRoutes(f.prints(), f.offices()).mount(router);
    f.notifications().mount(router);
    f.balance().mount(router);
    new PredictionRoutes(f.predictions(), f.offices()).mount(router);
    new RatingRoutes(f.ratings(), f.offices()).mount(router);
    new ZaloWebhookRoutes(config.zalo(), f.ratings()).mount(router);
    new ReportRoutes(vertx, f.reports(), f.offices()).mount(router);
    new ApiDocRoutes().mount(router);
    new PageRoutes(config.voiceDir()).mount(router);
    router.route().failureHandler(new FailureHandler());
    // A path Vert.x cannot decode (a broken %-escape) fails before any route, failure handler included, matches.
    router.errorHandler(400, ctx -> FailureHandler.send(ctx, 400, ApiException.invalid("bad_request")));
    router.errorHandler(404, ctx -> FailureHandler.send(ctx, 404, ApiException.notFound("not_found")));
    router.errorHandler(405, ctx -> FailureHandler.send(ctx, 405,
        new ApiException(ApiException.Kind.METHOD_NOT_ALLOWED, "method_not_allowed")));
    return router;
  }

  /** The hold session a booking write names in its JSON body ({@code "session"}), if it may be one. */
  private static RateLimiter.Session holdSession(RoutingContext ctx) {
    String office = ctx.pathParam("office");
    if (office == null || ctx.body() == null || ctx.body().length() == 0) {
      return null;
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null ? null : RateLimiter.Session.of(office, body.getValue("session"));
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static void largeBody(Router router, HttpMethod method, String path) {
    router.route(path).method(method).handler(ctx -> {
      if (ctx.request().getHeader("Authorization") == null) {
        ctx.fail(401);
      } else {
        ctx.next();
      }
    });
    router.route(path).method(method).handler(BodyHandler.create(false).setBodyLimit(SettingsRoutes.BODY_LIMIT));
  }

  /** 200 UP when Redis answers a PING in time, 503 DOWN otherwise. */
  private static void health(RoutingContext ctx, Features f) {
    f.store().ping().onComplete(result -> {
      boolean up = result.succeeded();
      ctx.response().setStatusCode(up ? 200 : 503)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store")
          .end(ApiJson.buffer(new SystemApi.Health(up ? "UP" : "DOWN", up ? "UP" : "DOWN", f.offices().all().size(),
              f.hub().openSockets(), f.hub().queuedBytes())));
    });
  }

  /** Requests the HTTP decoder itself refused (bad request line, oversize URI or headers) still get JSON. */
  static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = 400;
    String code = "bad_request";
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      code = "uri_too_long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      code = "headers_too_large";
    }
    var locale = Messages.fromAcceptLanguage(request.getHeader("Accept-Language"));
    String body = new JsonObject().put("status", status).put("code", code)
        .put("message", Messages.text(locale, code)).encode();
    request.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Connection", "close")
        .end(body)
        .onComplete(done -> request.connection().close());
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response().putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "SAMEORIGIN");
    ctx.next();
  }
}
