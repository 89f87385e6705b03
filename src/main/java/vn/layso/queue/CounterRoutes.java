package vn.layso.queue;

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

  /** A pause's optional body: why (a PauseReason code) and a note. */
  @ApiShape.Name("PauseRequest")
  public record PauseBody(@ApiShape.ValuesOf(PauseReason.class) @ApiShape.MaxLength(32) String reason,
                          @ApiShape.MaxLength(PauseReason.MAX_NOTE) String note) implements ApiShape.Request {
  }

  /** A transfer's body: the field the ticket goes to. */
  public record TransferRequest(@ApiShape.Required @ApiShape.MaxLength(32) String service) implements ApiShape.Request {
  }

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/counters/{counter}", "getCounter", "counters")
          .roles(ApiOperation.STAFF).params("office", "counter").answer(200, CounterConsole.class)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found", "counter_not_found").build(),
      press("call-next", "callNext")
          .answer(200, TicketView.Called.class, "Idempotent-Replayed").answer(204, null, "Idempotent-Replayed")
          .errors(409, "counter_paused", "idempotency_key_reused").build(),
      press("recall", "recall")
          .answer(200, TicketView.Answer.class, "Idempotent-Replayed")
          .errors(409, "no_current_ticket", "invalid_transition", "idempotency_key_reused").build(),
      press("start", "start")
          .answer(200, TicketView.Answer.class, "Idempotent-Replayed")
          .errors(409, "no_current_ticket", "invalid_transition", "idempotency_key_reused").build(),
      press("complete", "complete")
          .answer(200, TicketView.Answer.class, "Idempotent-Replayed")
          .errors(409, "no_current_ticket", "invalid_transition", "idempotency_key_reused").build(),
      press("no-show", "noShow")
          .answer(200, TicketView.Answer.class, "Idempotent-Replayed")
          .errors(409, "no_current_ticket", "invalid_transition", "idempotency_key_reused").build(),
      press("transfer", "transfer")
          .body(TransferRequest.class).answer(200, TicketView.Answer.class, "Idempotent-Replayed")
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "field_required", "field_not_text",
              "field_too_long", "field_invalid_characters", "unknown_service")
          .errors(409, "no_current_ticket", "invalid_transition", "same_service", "idempotency_key_reused").build(),
      press("pause", "pause").optionalBody(PauseBody.class)
          .answer(200, CounterConsole.State.class, "Idempotent-Replayed")
          .errors(400, "invalid_encoding", "invalid_json", "field_not_text", "field_too_long",
              "field_invalid_characters", "unknown_pause_reason")
          .errors(409, "idempotency_key_reused").build(),
      press("resume", "resume").answer(200, CounterConsole.State.class, "Idempotent-Replayed")
          .errors(409, "idempotency_key_reused").build(),
      press("open", "openCounter").answer(200, CounterConsole.SessionState.class, "Idempotent-Replayed")
          .errors(409, "idempotency_key_reused").build(),
      press("close", "closeCounter").answer(200, CounterConsole.SessionState.class, "Idempotent-Replayed")
          .errors(409, "idempotency_key_reused", "counter_has_ticket").build());

  private static ApiOperation.Builder press(String action, String id) {
    return ApiOperation.post("/api/v1/offices/{office}/counters/{counter}/" + action, id, "counters")
        .roles(ApiOperation.STAFF).params("office", "counter", "Idempotency-Key")
        .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
        .errors(404, "office_not_found", "counter_not_found");
  }

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

  private Future<Buffer> callNext(RoutingContext ctx) {
    Presser p = presser(ctx);
    Office office = p.office();
    return queue.callNext(office.id(), ctx.pathParam("counter"), p.by(), p.key()).map(called -> {
      markReplay(ctx, called.replayed());
      if (called.ticket() == null) {
        ctx.response().setStatusCode(204);
        return null;
      }
      // why this ticket (the reason the call kept in its history), and the ticket the press ended
      // first: completed (its service had started) or skipped (a no-show)
      TicketView closed = called.closed() == null ? null : TicketView.of(office, called.closed());
      boolean done = called.closed() != null && called.closed().status() == TicketStatus.DONE;
      return ApiJson.answer(ctx, new TicketView.Called(TicketView.of(office, called.ticket()),
          TicketView.lastWhy(office, called.ticket()), done ? closed : null, done ? null : closed));
    });
  }

  private Future<Buffer> act(RoutingContext ctx, TicketAction action) {
    Presser p = presser(ctx);
    return queue.act(p.office().id(), ctx.pathParam("counter"), action, p.by(), p.key())
        .map(placed -> ticket(ctx, p.office(), placed));
  }

  private Future<Buffer> transfer(RoutingContext ctx) {
    Presser p = presser(ctx);
    String service = ApiInput.read(ctx.body().buffer(), TransferRequest.class).service();
    return queue.transfer(p.office().id(), ctx.pathParam("counter"), service, p.by(), p.key())
        .map(placed -> ticket(ctx, p.office(), placed));
  }

  private Future<Buffer> pause(RoutingContext ctx, boolean paused) {
    Presser p = presser(ctx);
    String counter = ctx.pathParam("counter");
    return queue.pause(p.office().id(), counter, paused, paused ? pauseRequest(ctx) : PauseRequest.NONE, p.by(), p.key())
        .map(state -> {
          markReplay(ctx, state.replayed());
          return ApiJson.answer(ctx, CounterConsole.state(p.office(), counter, state));
        });
  }

  private Future<Buffer> session(RoutingContext ctx, boolean open) {
    Presser p = presser(ctx);
    String counter = ctx.pathParam("counter");
    return queue.session(p.office().id(), counter, open, p.by(), p.key()).map(session -> {
      markReplay(ctx, session.replayed());
      ctx.response().putHeader("Cache-Control", "no-store");
      return ApiJson.answer(ctx, CounterConsole.sessionState(p.office(), counter, session));
    });
  }

  /** The optional body of a pause: {"reason": "<code>", "note": "<at most 100 characters>"}. */
  private static PauseRequest pauseRequest(RoutingContext ctx) {
    if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
      return PauseRequest.NONE;
    }
    PauseBody body = ApiInput.read(ctx.body().buffer(), PauseBody.class);
    String note = body.note();
    return new PauseRequest(body.reason(), note == null || note.isEmpty() ? null : note);
  }

  private Future<Buffer> view(RoutingContext ctx) {
    Office office = offices.require(ctx.pathParam("office"));
    Auth.requireStaff(ctx, office.id());
    Counter counter = office.counter(ctx.pathParam("counter"))
        .orElseThrow(() -> ApiException.notFound("counter_not_found", OfficeRegistry.safe(ctx.pathParam("counter"))));
    return queue.counterView(office.id(), counter.id())
        .map(view -> ApiJson.answer(ctx, CounterConsole.of(office, counter, view)));
  }

  private static Buffer ticket(RoutingContext ctx, Office office, QueueStore.Placed placed) {
    markReplay(ctx, placed.replayed());
    return ApiJson.answer(ctx, new TicketView.Answer(TicketView.of(office, placed)));
  }
}
