package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.auth.Auth;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.FieldWait;
import vn.layso.queue.domain.IssuingSurge;

/**
 * The console's live board of fields: per field how many wait, how long the longest-waiting has
 * waited and whether that is past the field's target (the alert); and the fields issuing walk-in
 * numbers far faster than normal (the surge alert, see IssuingSurge). Decided here, shown by the page.
 */
public final class BoardRoutes {

  /** The route as the OpenAPI document shows it. */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices/{office}/board", "getFieldBoard", "counters")
          .roles(List.of("ADMIN", "MANAGER", "STAFF")).params("office").answer(200, Board.class)
          .errors(401, "login_required", "invalid_token").errors(403, "forbidden")
          .errors(404, "office_not_found").build());

  /** Today's fields as the console's live board shows them, with the issuing-surge alerts. */
  @ApiShape.Name("FieldBoard")
  public record Board(@ApiShape.Required String office, @ApiShape.Required @ApiShape.Format("date-time") String at,
                      @ApiShape.Required List<Field> fields, @ApiShape.Required List<String> overTarget,
                      @ApiShape.Required List<Surge> surges) {
  }

  /** A field's queue: how many wait, its target, and the longest wait (absent when nobody waits). */
  @ApiShape.Name("BoardField")
  public record Field(@ApiShape.Required String service, @ApiShape.Required String name, @ApiShape.Min(0) int waiting,
                      int targetWaitMinutes, boolean overTarget,
                      @ApiShape.Format("date-time") String oldestArrivalAt, Long oldestWaitMinutes) {
  }

  /** An issuing-surge alert: the field, what it issued in the window, its rate, its normal, how many times. */
  @ApiShape.Name("IssuingSurgeAlert")
  public record Surge(@ApiShape.Required String service, @ApiShape.Required String name, @ApiShape.Min(1) int issued,
                      int windowMinutes, long perHour, double normalPerHour, @ApiShape.Min(2) int times) {
  }

  private final QueueService queue;
  private final OfficeRegistry offices;
  private final Clock clock;

  public BoardRoutes(QueueService queue, OfficeRegistry offices, Clock clock) {
    this.queue = queue;
    this.offices = offices;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices/:office/board").respond(this::board);
  }

  private static List<Surge> surges(Office office, List<IssuingSurge.Surge> surges) {
    return surges.stream().map(s -> new Surge(s.service(), office.service(s.service()).map(d -> d.name()).orElse(s.service()),
        s.issued(), IssuingSurge.WINDOW_MINUTES, Math.round(s.perHour()), Math.round(s.normalPerHour() * 10) / 10.0,
        s.times())).toList();
  }

  private Future<Buffer> board(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    Future<List<IssuingSurge.Surge>> surges = queue.surges(office);
    return Future.all(queue.fieldWaits(office), surges).map(both -> both.<List<FieldWait>>resultAt(0)).map(fields -> {
      Instant now = clock.instant();
      List<Field> rows = new ArrayList<>();
      List<String> alerts = new ArrayList<>();
      for (FieldWait f : fields) {
        boolean waits = f.oldestArrival() != null && f.waiting() > 0;
        rows.add(new Field(f.service(), office.service(f.service()).map(s -> s.name()).orElse(f.service()), f.waiting(),
            f.targetWaitMinutes(), f.overTarget(now), waits ? f.oldestArrival().toString() : null,
            waits ? f.oldestWait(now).orElseThrow().toMinutes() : null));
        if (f.overTarget(now)) {
          alerts.add(f.service());
        }
      }
      return ApiJson.answer(ctx, new Board(office.id(), now.toString(), rows, alerts, surges(office, surges.result())));
    });
  }
}
