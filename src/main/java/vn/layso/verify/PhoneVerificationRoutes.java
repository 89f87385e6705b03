package vn.layso.verify;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.common.ApiException;

/** A hold's phone verification: send a code (202), confirm it (200). */
public final class PhoneVerificationRoutes {

  private static final String[] BODY = {"body_required", "invalid_encoding", "invalid_json", "field_required",
      "field_not_text", "field_too_long", "field_invalid_characters"};

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/offices/{office}/holds/{hold}/verification", "sendVerificationCode", "booking")
          .params("office").path(HoldPath.class).body(VerificationRequest.class).answer(202, VerificationSent.class)
          .errors(400, codes("invalid_phone", "invalid_hold"))
          .errors(404, "office_not_found", "hold_not_found").errors(409, "verification_off")
          .limited("otp_resend_wait", "otp_send_limit", "rate_limited")
          .errors(503, "verification_unavailable", "booking_unavailable", "store_unavailable").build(),
      ApiOperation.post("/api/v1/offices/{office}/holds/{hold}/verification/confirm", "confirmVerificationCode",
          "booking").params("office").path(HoldPath.class).body(VerificationConfirm.class)
          .answer(200, VerificationDone.class)
          .errors(400, codes("otp_wrong", "invalid_otp", "invalid_hold", "slot_not_bookable", "outside_booking_window"))
          .errors(404, "office_not_found", "hold_not_found").errors(409, "otp_locked", "verification_off", "slot_full")
          .errors(410, "otp_expired").limited("rate_limited")
          .errors(503, "verification_unavailable", "booking_unavailable", "store_unavailable").build());

  /** The phone to send a code to. */
  public record VerificationRequest(@ApiShape.Required @ApiShape.MaxLength(30) String phone)
      implements ApiShape.Request {
  }

  /** The code the citizen received. */
  public record VerificationConfirm(@ApiShape.Required @ApiShape.MaxLength(12) @ApiShape.Pattern("^[0-9]{6}$") String code)
      implements ApiShape.Request {
  }

  /** Where the code went, until when it is valid, and when a new one may be asked for. */
  public record VerificationSent(@ApiShape.Required @ApiShape.Values({"zalo", "sms"}) String channel,
                                 @ApiShape.Required @ApiShape.Format("date-time") String expiresAt,
                                 @ApiShape.Required @ApiShape.Format("date-time") String resendAfter,
                                 @ApiShape.Required String phone) {
  }

  /** The hold verified for the (masked) phone, and until when it keeps its place. */
  public record VerificationDone(boolean verified, @ApiShape.Required String phone,
                                 @ApiShape.Required @ApiShape.Format("date-time") String expiresAt) {
  }

  record HoldPath(@ApiShape.Pattern("^[A-Za-z0-9_-]{1,40}$") String hold) {
  }

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

  private Future<Buffer> send(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    VerificationRequest body = ApiInput.read(ctx.body().buffer(), VerificationRequest.class);
    return verification.send(ctx.pathParam("office"), ctx.pathParam("hold"), body.phone())
        .map(sent -> {
          ctx.response().setStatusCode(202);
          return ApiJson.answer(ctx, new VerificationSent(sent.channel(), sent.expiresAt().toString(),
              sent.resendAfter().toString(), sent.maskedPhone()));
        }).recover(t -> retryAfter(ctx, t));
  }

  private Future<Buffer> confirm(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    VerificationConfirm body = ApiInput.read(ctx.body().buffer(), VerificationConfirm.class);
    return verification.confirm(ctx.pathParam("office"), ctx.pathParam("hold"), body.code())
        .map(done -> ApiJson.answer(ctx, new VerificationDone(true, done.maskedPhone(), done.expiresAt().toString())));
  }

  /** 429 otp_resend_wait says when, also as Retry-After. */
  private static Future<Buffer> retryAfter(RoutingContext ctx, Throwable t) {
    if (t instanceof ApiException e && e.details().get("retryAfter") instanceof Number seconds) {
      ctx.response().putHeader("Retry-After", Long.toString(seconds.longValue()));
    }
    return Future.failedFuture(t);
  }

  private static String[] codes(String... own) {
    String[] all = java.util.Arrays.copyOf(BODY, BODY.length + own.length);
    System.arraycopy(own, 0, all, BODY.length, own.length);
    return all;
  }
}
