package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.List;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.api.ApiInput;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiParameters;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.ApiException;
import vn.layso.common.ClientAddress;
import vn.layso.common.RateLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.WalkInIssuing;

/** Taking a walk-in number and following a ticket. */
public final class TicketRoutes {

  private static final int MAX_IDEMPOTENCY_KEY = ApiParameters.MAX_IDEMPOTENCY_KEY;

  /**
   * A walk-in issuing's body. {@code citizenCard} (the raw text of the CCCD card's QR code) is read
   * and checked by the card feature before this route; it is part of the same body.
   */
  public record IssueRequest(@ApiShape.Required @ApiShape.MaxLength(32) String service,
                             @ApiShape.Nullable @ApiShape.MaxLength(32) String priority,
                             @ApiShape.MaxLength(512) String citizenCard) implements ApiShape.Request {
  }

  /** The routes as the OpenAPI document shows them. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.post("/api/v1/offices/{office}/tickets", "issueTicket", "tickets")
          .params("office", "Idempotency-Key").body(IssueRequest.class)
          .answer(201, TicketView.class, "Idempotent-Replayed", "X-Layso-Token")
          .errors(400, "body_required", "invalid_encoding", "invalid_json", "field_required", "field_not_text", "field_too_long",
          "field_invalid_characters", "unknown_service", "unknown_priority_group", "invalid_idempotency_key",
              "invalid_citizen_card", "citizen_card_required")
          .errors(403, "priority_requires_token", "device_not_allowed", "card_needs_kiosk", "kiosk_only")
          .errors(404, "office_not_found")
          .errors(409, "numbers_exhausted", "idempotency_key_reused", "office_closed", "service_closed",
              "office_closed_indefinitely", "service_closed_indefinitely", "limit_reached")
          .limited("rate_limited", "too_many_open_tickets").build(),
      ApiOperation.get("/api/v1/tickets/{id}", "getTicket", "tickets").params("id")
          .answer(200, TicketView.class, "X-Layso-Token")
          .errors(404, "ticket_not_found").build());

  private final QueueService queue;
  private final OfficeRegistry offices;
  private final ClientAddress addresses;

  public TicketRoutes(QueueService queue, OfficeRegistry offices, ClientAddress addresses) {
    this.queue = queue;
    this.offices = offices;
    this.addresses = addresses;
  }

  public void mount(Router router, Handler<RoutingContext> anonymousLimit) {
    router.post("/api/v1/offices/:office/tickets").handler(this::walkInIssuing).handler(anonymousLimit)
        .respond(this::issue);
    router.get("/api/v1/tickets/:id").respond(this::find);
  }

  private Future<Buffer> issue(RoutingContext ctx) {
    String officeId = ctx.pathParam("office");
    var office = offices.require(officeId);
    IssueRequest body = ApiInput.read(ctx.body().buffer(), IssueRequest.class);
    String service = body.service();
    String priority = body.priority();
    if (priority != null) {
      Auth.requirePriorityGrant(ctx, officeId);
    }
    Principal principal = Auth.principal(ctx);
    String by = principal == null ? "public" : principal.source();
    boolean staff = principal != null && principal.mayServe(officeId);
    var request = new QueueService.IssueRequest(officeId, service, priority, by, staff, scope(ctx, principal),
        idempotencyKey(ctx.request().getHeader("Idempotency-Key")), RateLimiter.countedClient(ctx));
    // set by the card feature's check when the kiosk read the citizen's CCCD card (CitizenCardRoutes)
    QueueStore.CitizenCount citizen = ctx.get(QueueStore.CitizenCount.CONTEXT);
    return queue.issue(request, citizen).compose(placed -> queue.shownWait(office, placed.ticket(), placed.position(),
        placed.replayed(), placed.given()).map(wait -> {
          ctx.response().setStatusCode(201);
          if (placed.replayed()) {
            ctx.response().putHeader("Idempotent-Replayed", "true");
          }
          return ApiJson.answer(ctx, TicketView.of(office, placed.ticket(), placed.position(), wait));
        }));
  }

  /**
   * Who may take a walk-in number here, decided before the anonymous limit counts the request: at an
   * office that issues from its kiosks only ({@code walkInIssuing: kiosk}), only its kiosks and its
   * staff, managers and admins; anyone else gets 403 {@code kiosk_only}. Another device's token gets
   * {@code device_not_allowed} as before; an unknown office goes on to its 404.
   */
  private void walkInIssuing(RoutingContext ctx) {
    String officeId = ctx.pathParam("office");
    Auth.refuseOtherDevices(ctx, officeId);
    var office = offices.find(officeId);
    if (office.isPresent() && office.get().walkInIssuing() == WalkInIssuing.KIOSK && !Auth.actsFor(ctx, officeId)) {
      throw new ApiException(ApiException.Kind.FORBIDDEN, "kiosk_only");
    }
    ctx.next();
  }

  private Future<Buffer> find(RoutingContext ctx) {
    return queue.find(ctx.pathParam("id")).compose(placed -> {
      var office = offices.require(placed.ticket().office());
      return queue.forecast(office, placed.ticket(), placed.position())
          .map(wait -> ApiJson.answer(ctx, TicketView.of(office, placed.ticket(), placed.position(), wait)
              .withLive(placed.live())));
    });
  }

  /** Whom an Idempotency-Key belongs to: the account, or an anonymous caller's address. */
  private String scope(RoutingContext ctx, Principal principal) {
    if (principal != null) {
      return principal.source();
    }
    return "anon:" + addresses.resolve(ctx.request().remoteAddress().hostAddress(),
        ctx.request().getHeader("X-Forwarded-For"));
  }

  public static String idempotencyKey(String header) {
    if (header == null) {
      return null;
    }
    String key = header.strip();
    if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.matches("[\\x21-\\x7E]+")) {
      throw ApiException.invalid("invalid_idempotency_key", MAX_IDEMPOTENCY_KEY);
    }
    return key;
  }
}
