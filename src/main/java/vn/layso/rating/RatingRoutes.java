package vn.layso.rating;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.TicketIds;
import vn.layso.rating.domain.RatingScale;

/**
 * Satisfaction ratings: the citizen's own (by the ticket id, the holder's secret) and the counter's
 * rating tablet's (a paired rating device of that counter; it never learns a ticket id).
 */
public final class RatingRoutes {

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/tickets/{id}/rating", "getTicketRating", "ratings").params("id")
          .answer(200, RatingView.State.class).errors(404, "ticket_not_found").build(),
      ApiOperation.post("/api/v1/tickets/{id}/rating", "rateTicket", "ratings").params("id")
          .body(RatingRequest.class).answer(201, RatingView.class)
          .errors(400, "invalid_encoding", "invalid_json", "body_required", "field_not_text", "field_too_long",
          "field_invalid_characters", "invalid_level", "reason_required", "unknown_reason")
          .errors(404, "ticket_not_found").errors(409, "already_rated", "not_rateable").build(),
      ApiOperation.get("/api/v1/offices/{office}/counters/{counter}/rating-prompt", "getRatingPrompt", "ratings")
          .roles(List.of("DEVICE")).params("office", "counter").answer(200, RatingView.Prompt.class, "X-Layso-Token")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "counter_not_found").build(),
      ApiOperation.post("/api/v1/offices/{office}/counters/{counter}/rating", "rateAtCounter", "ratings")
          .roles(List.of("DEVICE")).params("office", "counter").body(RatingRequest.class)
          .answer(201, RatingView.class, "X-Layso-Token")
          .errors(400, "invalid_encoding", "invalid_json", "body_required", "field_not_text", "field_too_long",
          "field_invalid_characters", "invalid_level", "reason_required", "unknown_reason")
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "counter_not_found").errors(409, "already_rated", "not_rateable").build());

  /** A rating's body: the level, and for the lowest one a reason code or a reason (at most 500 characters). */
  public record RatingRequest(@ApiShape.Required @ApiShape.InvalidAs("invalid_level") Integer level,
                              @ApiShape.MaxLength(32) String reasonCode,
                              @ApiShape.MaxLength(RatingScale.MAX_NOTE) String reason) implements ApiShape.Request {
  }

  private final RatingService ratings;
  private final OfficeRegistry offices;

  public RatingRoutes(RatingService ratings, OfficeRegistry offices) {
    this.ratings = ratings;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get("/api/v1/tickets/:id/rating").respond(this::state);
    router.post("/api/v1/tickets/:id/rating").respond(this::rate);
    router.get("/api/v1/offices/:office/counters/:counter/rating-prompt").respond(this::prompt);
    router.post("/api/v1/offices/:office/counters/:counter/rating").respond(this::rateAtCounter);
  }

  private Future<Buffer> state(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return ratings.state(ctx.pathParam("id")).map(s -> {
      int levels = RatingSection.of(s.office()).levels();
      return ApiJson.answer(ctx, new RatingView.State(s.open(),
          s.closesAt() == null ? null : RatingView.time(s.closesAt(), s.office().timezone()),
          s.rating() == null ? null : RatingView.of(s.rating(), s.office().timezone()),
          RatingView.levels(levels), RatingView.reasons()));
    });
  }

  private Future<Buffer> rate(RoutingContext ctx) {
    RatingRequest c = ApiInput.read(ctx.body().buffer(), RatingRequest.class);
    return ratings.rate(ctx.pathParam("id"), c.level(), c.reasonCode(), c.reason())
        .map(r -> {
          ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
          return ApiJson.answer(ctx, RatingView.of(r, offices.require(TicketIds.officeOf(ctx.pathParam("id"))).timezone()));
        });
  }

  private Future<Buffer> prompt(RoutingContext ctx) {
    Office office = tablet(ctx);
    String counter = ctx.pathParam("counter");
    return ratings.prompt(office.id(), counter).map(p -> ApiJson.answer(ctx, new RatingView.Prompt(p.officer(),
        new RatingView.CounterName(counter, office.counter(counter).orElseThrow().name()),
        RatingView.levels(RatingSection.of(office).levels()), RatingView.reasons(),
        p.ticket() == null ? null : new RatingView.PromptTicket(p.ticket().number(),
            office.service(p.ticket().service()).map(f -> f.name()).orElse(p.ticket().service())))));
  }

  private Future<Buffer> rateAtCounter(RoutingContext ctx) {
    Office office = tablet(ctx);
    RatingRequest c = ApiInput.read(ctx.body().buffer(), RatingRequest.class);
    return ratings.rateAtCounter(office.id(), ctx.pathParam("counter"), c.level(), c.reasonCode(), c.reason())
        .map(r -> {
          ctx.response().setStatusCode(201);
          return ApiJson.answer(ctx, RatingView.of(r, office.timezone()));
        });
  }

  /** The office, when the caller is a rating tablet paired to this counter: 401 without a token, 403 otherwise. */
  private Office tablet(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    String counter = ctx.pathParam("counter");
    if (office.counter(counter).isEmpty()) {
      throw ApiException.notFound("counter_not_found", OfficeRegistry.safe(counter));
    }
    Principal p = Auth.requireLogin(ctx);
    if (!p.isDevice(DeviceKind.RATING, office.id()) || !counter.equals(p.counter())) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    return office;
  }
}
