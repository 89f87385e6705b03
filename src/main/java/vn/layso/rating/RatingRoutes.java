package vn.layso.rating;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.DeviceKind;
import vn.layso.auth.domain.Principal;
import vn.layso.common.ApiException;
import vn.layso.common.JsonInput;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.TicketIds;
import vn.layso.rating.domain.RatingScale;

/**
 * Satisfaction ratings: the citizen's own (by the ticket id, the holder's secret) and the counter's
 * rating tablet's (a paired rating device of that counter; it never learns a ticket id).
 */
public final class RatingRoutes {

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

  private Future<JsonObject> state(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return ratings.state(ctx.pathParam("id")).map(s -> {
      int levels = RatingSection.of(s.office()).levels();
      return new JsonObject().put("open", s.open())
          .put("closesAt", s.closesAt() == null ? null : RatingJson.time(s.closesAt(), s.office().timezone()))
          .put("rating", s.rating() == null ? null : RatingJson.answer(s.rating(), s.office().timezone()))
          .put("levels", RatingJson.levels(levels)).put("reasons", RatingJson.reasons());
    });
  }

  private Future<JsonObject> rate(RoutingContext ctx) {
    Choice c = Choice.read(ctx);
    return ratings.rate(ctx.pathParam("id"), c.level(), c.reasonCode(), c.reason())
        .map(r -> {
          ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
          return RatingJson.answer(r, offices.require(TicketIds.officeOf(ctx.pathParam("id"))).timezone());
        });
  }

  private Future<JsonObject> prompt(RoutingContext ctx) {
    Office office = tablet(ctx);
    String counter = ctx.pathParam("counter");
    return ratings.prompt(office.id(), counter).map(p -> new JsonObject()
        .put("officer", p.officer())
        .put("counter", new JsonObject().put("id", counter).put("name", office.counter(counter).orElseThrow().name()))
        .put("levels", RatingJson.levels(RatingSection.of(office).levels()))
        .put("reasons", RatingJson.reasons())
        .put("ticket", p.ticket() == null ? null : new JsonObject().put("number", p.ticket().number())
            .put("field", office.service(p.ticket().service()).map(f -> f.name()).orElse(p.ticket().service()))));
  }

  private Future<JsonObject> rateAtCounter(RoutingContext ctx) {
    Office office = tablet(ctx);
    Choice c = Choice.read(ctx);
    return ratings.rateAtCounter(office.id(), ctx.pathParam("counter"), c.level(), c.reasonCode(), c.reason())
        .map(r -> {
          ctx.response().setStatusCode(201);
          return RatingJson.answer(r, office.timezone());
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

  /** The body {level, reasonCode?, reason?}: level a whole number, the reason at most 500 characters. */
  private record Choice(int level, String reasonCode, String reason) {
    static Choice read(RoutingContext ctx) {
      JsonInput body = JsonInput.parse(ctx.body().buffer());
      Object level = body.raw().getValue("level");
      if (!(level instanceof Integer n)) {
        throw ApiException.invalid("invalid_level");
      }
      return new Choice(n, body.optionalString("reasonCode", 32), body.optionalString("reason", RatingScale.MAX_NOTE));
    }
  }
}
