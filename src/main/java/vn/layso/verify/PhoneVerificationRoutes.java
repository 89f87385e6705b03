package vn.layso.verify;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;

/** A hold's phone verification: send a code (202), confirm it (200). */
public final class PhoneVerificationRoutes {

  private final PhoneVerificationService verification;

  public PhoneVerificationRoutes(PhoneVerificationService verification) {
    this.verification = verification;
  }

  /** {@code anonymousLimit}: the per-address rate limit of anonymous writes (as for booking). */
  public void mount(Router router, Handler<RoutingContext> anonymousLimit) {
    router.post("/api/v1/offices/:office/holds/:hold/verification").handler(anonymousLimit).respond(this::send);
    router.post("/api/v1/offices/:office/holds/:hold/verification/confirm").handler(anonymousLimit)
        .respond(this::confirm);
  }

  private Future<JsonObject> send(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    return verification.send(ctx.pathParam("office"), ctx.pathParam("hold"), body.requiredString("phone", 30))
        .map(sent -> {
          ctx.response().setStatusCode(202);
          return new JsonObject().put("channel", sent.channel()).put("expiresAt", sent.expiresAt().toString())
              .put("resendAfter", sent.resendAfter().toString()).put("phone", sent.maskedPhone());
        }).recover(t -> retryAfter(ctx, t));
  }

  private Future<JsonObject> confirm(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    return verification.confirm(ctx.pathParam("office"), ctx.pathParam("hold"), body.requiredString("code", 12))
        .map(done -> new JsonObject().put("verified", true).put("phone", done.maskedPhone())
            .put("expiresAt", done.expiresAt().toString()));
  }

  /** 429 otp_resend_wait says when, also as Retry-After. */
  private static Future<JsonObject> retryAfter(RoutingContext ctx, Throwable t) {
    if (t instanceof ApiException e && e.details().get("retryAfter") instanceof Number seconds) {
      ctx.response().putHeader("Retry-After", Long.toString(seconds.longValue()));
    }
    return Future.failedFuture(t);
  }
}
