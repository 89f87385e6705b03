package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import vn.layso.auth.Auth;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.FieldWait;

/**
 * The console's live board of fields: per field how many wait, how long the longest-waiting has
 * waited and whether that is past the field's target (the alert). Decided here, shown by the page.
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

  private Future<JsonObject> board(RoutingContext ctx) {
    Office office = Auth.staffOffice(ctx, offices);
    return queue.fieldWaits(office).map(fields -> {
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
          .put("overTarget", alerts);
    });
  }
}
