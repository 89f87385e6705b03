package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

  /** The issuing-surge alerts: the field, what it issued in the window, its rate, its normal, how many times. */
  private static JsonArray surges(Office office, List<IssuingSurge.Surge> surges) {
    return new JsonArray(surges.stream().map(s -> new JsonObject().put("service", s.service())
        .put("name", office.service(s.service()).map(d -> d.name()).orElse(s.service()))
        .put("issued", s.issued()).put("windowMinutes", IssuingSurge.WINDOW_MINUTES)
        .put("perHour", Math.round(s.perHour())).put("normalPerHour", Math.round(s.normalPerHour() * 10) / 10.0)
        .put("times", s.times())).toList());
  }

  private Future<JsonObject> board(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    Future<List<IssuingSurge.Surge>> surges = queue.surges(office);
    return Future.all(queue.fieldWaits(office), surges).map(both -> both.<List<FieldWait>>resultAt(0)).map(fields -> {
      Instant now = clock.instant();
      JsonArray rows = new JsonArray();
      JsonArray alerts = new JsonArray();
      for (FieldWait f : fields) {
        JsonObject row = new JsonObject().put("service", f.service())
            .put("name", office.service(f.service()).map(s -> s.name()).orElse(f.service()))
            .put("waiting", f.waiting()).put("targetWaitMinutes", f.targetWaitMinutes())
            .put("overTarget", f.overTarget(now));
        if (f.oldestArrival() != null && f.waiting() > 0) {
          row.put("oldestArrivalAt", f.oldestArrival().toString())
              .put("oldestWaitMinutes", f.oldestWait(now).orElseThrow().toMinutes());
        }
        if (f.overTarget(now)) {
          alerts.add(f.service());
        }
        rows.add(row);
      }
      return new JsonObject().put("office", office.id()).put("at", now.toString()).put("fields", rows)
          .put("overTarget", alerts).put("surges", surges(office, surges.result()));
    });
  }
}
