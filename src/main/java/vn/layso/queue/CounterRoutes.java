package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.Auth;
import vn.layso.common.JsonInput;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketAction;

/** What counter staff press: next, recall, start, complete, no-show, transfer, pause, resume. */
public final class CounterRoutes {

  private static final String BASE = "/api/v1/offices/:office/counters/:counter/";

  private final QueueService queue;
  private final OfficeRegistry offices;

  public CounterRoutes(QueueService queue, OfficeRegistry offices) {
    this.queue = queue;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.post(BASE + "call-next").respond(this::callNext);
    router.post(BASE + "recall").respond(ctx -> act(ctx, TicketAction.RECALL));
    router.post(BASE + "start").respond(ctx -> act(ctx, TicketAction.START));
    router.post(BASE + "complete").respond(ctx -> act(ctx, TicketAction.COMPLETE));
    router.post(BASE + "no-show").respond(ctx -> act(ctx, TicketAction.NO_SHOW));
    router.post(BASE + "transfer").respond(this::transfer);
    router.post(BASE + "pause").respond(ctx -> pause(ctx, true));
    router.post(BASE + "resume").respond(ctx -> pause(ctx, false));
  }

  private Office staffOffice(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    Auth.requireStaff(ctx, office.id());
    return office;
  }

  private Future<JsonObject> callNext(RoutingContext ctx) {
    Office office = staffOffice(ctx);
    return queue.callNext(office.id(), ctx.pathParam("counter")).map(called -> {
      if (called.ticket() == null) {
        ctx.response().setStatusCode(204);
        return null;
      }
      JsonObject body = new JsonObject().put("ticket", TicketJson.of(office, called.ticket(), null));
      if (called.closed() != null) {
        body.put("completed", TicketJson.of(office, called.closed(), null));
      }
      return body;
    });
  }

  private Future<JsonObject> act(RoutingContext ctx, TicketAction action) {
    Office office = staffOffice(ctx);
    return queue.act(office.id(), ctx.pathParam("counter"), action).map(t -> wrap(office, t));
  }

  private Future<JsonObject> transfer(RoutingContext ctx) {
    Office office = staffOffice(ctx);
    String service = JsonInput.parse(ctx.body().buffer()).requiredString("service", 32);
    return queue.transfer(office.id(), ctx.pathParam("counter"), service)
        .map(placed -> new JsonObject().put("ticket", TicketJson.of(office, placed)));
  }

  private Future<JsonObject> pause(RoutingContext ctx, boolean paused) {
    Office office = staffOffice(ctx);
    String counter = ctx.pathParam("counter");
    return queue.pause(office.id(), counter, paused)
        .map(state -> new JsonObject().put("counter", counter).put("paused", state));
  }

  private static JsonObject wrap(Office office, Ticket ticket) {
    return new JsonObject().put("ticket", TicketJson.of(office, ticket, null));
  }
}
