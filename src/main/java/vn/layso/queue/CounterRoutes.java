package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.Auth;
import vn.layso.common.JsonInput;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.common.ApiException;
import vn.layso.office.domain.Counter;
import vn.layso.queue.QueueStore.PauseRequest;
import vn.layso.queue.domain.PauseReason;
import vn.layso.queue.domain.TicketAction;
import vn.layso.queue.domain.TicketStatus;

/**
 * What counter staff press: next, recall, start, complete, no-show, transfer, pause, resume, open
 * and close (the counter's session); and the counter's state as its console shows it.
 */
public final class CounterRoutes {

  private static final String COUNTER = "/api/v1/offices/:office/counters/:counter";
  private static final String BASE = COUNTER + "/";

  private final QueueService queue;
  private final OfficeRegistry offices;

  public CounterRoutes(QueueService queue, OfficeRegistry offices) {
    this.queue = queue;
    this.offices = offices;
  }

  public void mount(Router router) {
    router.get(COUNTER).respond(this::view);
    router.post(BASE + "call-next").respond(this::callNext);
    router.post(BASE + "recall").respond(ctx -> act(ctx, TicketAction.RECALL));
    router.post(BASE + "start").respond(ctx -> act(ctx, TicketAction.START));
    router.post(BASE + "complete").respond(ctx -> act(ctx, TicketAction.COMPLETE));
    router.post(BASE + "no-show").respond(ctx -> act(ctx, TicketAction.NO_SHOW));
    router.post(BASE + "transfer").respond(this::transfer);
    router.post(BASE + "pause").respond(ctx -> pause(ctx, true));
    router.post(BASE + "resume").respond(ctx -> pause(ctx, false));
    router.post(BASE + "open").respond(ctx -> session(ctx, true));
    router.post(BASE + "close").respond(ctx -> session(ctx, false));
  }

  /** Who presses a counter button, with the press's Idempotency-Key: staff of the office or an admin. */
  private record Presser(Office office, String by, String key) {
  }

  private Presser presser(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    String by = Auth.requireStaff(ctx, office.id()).source();
    return new Presser(office, by, TicketRoutes.idempotencyKey(ctx.request().getHeader("Idempotency-Key")));
  }

  private static void markReplay(RoutingContext ctx, boolean replayed) {
    if (replayed) {
      ctx.response().putHeader("Idempotent-Replayed", "true");
    }
  }

  private Future<JsonObject> callNext(RoutingContext ctx) {
    Presser p = presser(ctx);
    Office office = p.office();
    return queue.callNext(office.id(), ctx.pathParam("counter"), p.by(), p.key()).map(called -> {
      markReplay(ctx, called.replayed());
      if (called.ticket() == null) {
        ctx.response().setStatusCode(204);
        return null;
      }
      JsonObject body = new JsonObject().put("ticket", TicketJson.of(office, called.ticket(), null));
      // why this ticket: the reason the call kept in the ticket's history, for the staff who pressed
      if (called.ticket().lastCall() != null) {
        body.put("why", TicketJson.why(office, called.ticket().lastCall()));
      }
      // the ticket the press ended first: completed (its service had started) or skipped (a no-show)
      if (called.closed() != null) {
        body.put(called.closed().status() == TicketStatus.DONE ? "completed" : "skipped",
            TicketJson.of(office, called.closed(), null));
      }
      return body;
    });
  }

  private Future<JsonObject> act(RoutingContext ctx, TicketAction action) {
    Presser p = presser(ctx);
    return queue.act(p.office().id(), ctx.pathParam("counter"), action, p.by(), p.key())
        .map(placed -> ticket(ctx, p.office(), placed));
  }

  private Future<JsonObject> transfer(RoutingContext ctx) {
    Presser p = presser(ctx);
    String service = JsonInput.parse(ctx.body().buffer()).requiredString("service", 32);
    return queue.transfer(p.office().id(), ctx.pathParam("counter"), service, p.by(), p.key())
        .map(placed -> ticket(ctx, p.office(), placed));
  }

  private Future<JsonObject> pause(RoutingContext ctx, boolean paused) {
    Presser p = presser(ctx);
    String counter = ctx.pathParam("counter");
    return queue.pause(p.office().id(), counter, paused, paused ? pauseRequest(ctx) : PauseRequest.NONE, p.by(), p.key())
        .map(state -> {
          markReplay(ctx, state.replayed());
          return CounterViewJson.pause(p.office(), new JsonObject().put("counter", counter), state);
        });
  }

  private Future<JsonObject> session(RoutingContext ctx, boolean open) {
    Presser p = presser(ctx);
    String counter = ctx.pathParam("counter");
    return queue.session(p.office().id(), counter, open, p.by(), p.key()).map(session -> {
      markReplay(ctx, session.replayed());
      ctx.response().putHeader("Cache-Control", "no-store");
      return CounterViewJson.session(p.office(), new JsonObject().put("counter", counter), session, null);
    });
  }

  /** The optional body of a pause: {"reason": "<code>", "note": "<at most 100 characters>"}. */
  private static PauseRequest pauseRequest(RoutingContext ctx) {
    if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      return PauseRequest.NONE;
    }
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String note = body.optionalString("note", PauseReason.MAX_NOTE);
    return new PauseRequest(body.optionalString("reason", 32), note == null || note.isEmpty() ? null : note);
  }

  private Future<JsonObject> view(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    Auth.requireStaff(ctx, office.id());
    Counter counter = office.counter(ctx.pathParam("counter"))
        .orElseThrow(() -> ApiException.notFound("counter_not_found", OfficeRegistry.safe(ctx.pathParam("counter"))));
    return queue.counterView(office.id(), counter.id()).map(view -> CounterViewJson.of(office, counter, view));
  }

  private static JsonObject ticket(RoutingContext ctx, Office office, QueueStore.Placed placed) {
    markReplay(ctx, placed.replayed());
    return new JsonObject().put("ticket", TicketJson.of(office, placed));
  }
}
