package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.notify.domain.RatingMessages;
import vn.layso.notify.domain.ZaloSignature;
import vn.layso.rating.RatingService;
import vn.layso.rating.domain.RatingScale;

/**
 * The Zalo OA webhook: events signed with the OA secret key (401 {@code invalid_signature}
 * otherwise). A {@code user_feedback} event answering one of our rating messages (its tracking id
 * {@code rate:<token>}) becomes that ticket's rating, channel zalo. Other events, and answers that
 * come too late or after another channel, are acknowledged (200, {@code recorded:false}) so that
 * Zalo does not send them again.
 */
public final class ZaloWebhookRoutes {

  private final ZaloSettings zalo;
  private final RatingService ratings;

  public ZaloWebhookRoutes(ZaloSettings zalo, RatingService ratings) {
    this.zalo = zalo;
    this.ratings = ratings;
  }

  public void mount(Router router) {
    router.post("/api/v1/zalo/webhook").respond(this::event);
  }

  private Future<JsonObject> event(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    JsonObject event = JsonInput.parse(raw).raw();
    Object timestamp = event.getValue("timestamp");
    if (!zalo.enabled() || !zalo.appId().equals(String.valueOf(event.getValue("app_id")))
        || !ZaloSignature.valid(ctx.request().getHeader("X-ZEvent-Signature"), zalo.appId(), raw.getBytes(),
            timestamp == null ? null : String.valueOf(timestamp), zalo.oaSecretKey())) {
      throw new ApiException(ApiException.Kind.UNAUTHORIZED, "invalid_signature");
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    if (!"user_feedback".equals(event.getString("event_name"))) {
      return Future.succeededFuture(new JsonObject().put("recorded", false));
    }
    JsonObject message = event.getValue("message") instanceof JsonObject m ? m : new JsonObject();
    String token = RatingMessages.tokenOf(message.getValue("tracking_id") instanceof String s ? s : null);
    Integer stars = stars(message.getValue("rate"));
    if (token == null || stars == null) {
      return Future.succeededFuture(notRecorded("not_rateable"));
    }
    String note = note(message);
    return ratings.invited(token).compose(target -> target == null
        ? Future.succeededFuture(notRecorded("not_rateable"))
        : ratings.rateStars(target[0], target[1], stars, note)
            .map(r -> new JsonObject().put("recorded", true).put("level", r.level()).put("levels", r.levels()))
            .recover(t -> t instanceof ApiException e && e.kind() != ApiException.Kind.INVALID
                ? Future.succeededFuture(notRecorded(e.code())) : Future.failedFuture(t)));
  }

  /** Zalo's 1..5 stars, sent as a number (or, in some payloads, as its digits); null otherwise. */
  private static Integer stars(Object rate) {
    if (rate instanceof Integer n) {
      return n;
    }
    return rate instanceof String text && text.matches("[1-5]") ? Integer.valueOf(text) : null;
  }

  /** The citizen's chosen phrases and note as one text of at most 500 characters. */
  private static String note(JsonObject message) {
    List<String> parts = new ArrayList<>();
    if (message.getValue("feedbacks") instanceof JsonArray chosen) {
      chosen.forEach(f -> {
        if (f instanceof String s && !s.isBlank()) {
          parts.add(s.strip());
        }
      });
    }
    if (message.getValue("note") instanceof String n && !n.isBlank()) {
      parts.add(n.strip());
    }
    if (parts.isEmpty()) {
      return null;
    }
    String text = JsonInput.cleanText("note", String.join("; ", parts).replaceAll("[\\p{Cc}]", " "), 4 * RatingScale.MAX_NOTE);
    return text.codePointCount(0, text.length()) <= RatingScale.MAX_NOTE ? text
        : text.substring(0, text.offsetByCodePoints(0, RatingScale.MAX_NOTE));
  }

  private static JsonObject notRecorded(String code) {
    return new JsonObject().put("recorded", false).put("code", code);
  }
}
