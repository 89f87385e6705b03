package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.auth.Auth;
import vn.layso.auth.domain.Principal;
import vn.layso.common.ApiException;
import vn.layso.common.ClientAddress;
import vn.layso.common.JsonInput;
import vn.layso.common.RateLimiter;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.WalkInIssuing;

/** Taking a walk-in number and following a ticket. */
public final class TicketRoutes {

  private static final int MAX_IDEMPOTENCY_KEY = 100;

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

  private Future<JsonObject> issue(RoutingContext ctx) {
    String officeId = ctx.pathParam("office");
    var office = offices.require(officeId);
    JsonInput body = JsonInput.parse(ctx.body().buffer());
    String service = body.requiredString("service", 32);
    String priority = body.optionalString("priority", 32);
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
          return TicketJson.of(office, placed, wait);
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

  private Future<JsonObject> find(RoutingContext ctx) {
    return queue.find(ctx.pathParam("id")).compose(placed -> {
      var office = offices.require(placed.ticket().office());
      return queue.forecast(office, placed.ticket(), placed.position())
          .map(wait -> TicketJson.of(office, placed, wait));
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
