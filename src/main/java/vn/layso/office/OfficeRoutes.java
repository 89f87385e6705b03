package vn.layso.office;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.layso.office.domain.Office;

/** Read-only office routes: the list, and one office with its fields and counters. */
public final class OfficeRoutes {

  private final OfficeRegistry registry;

  public OfficeRoutes(OfficeRegistry registry) {
    this.registry = registry;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices").respond(this::list);
    router.get("/api/v1/offices/:office").respond(this::one);
  }

  private Future<JsonArray> list(RoutingContext ctx) {
    return Future.succeededFuture(new JsonArray(registry.all().stream()
        .map(o -> new JsonObject().put("id", o.id()).put("name", o.name())).toList()));
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    Office office = registry.require(ctx.pathParam("office"));
    return Future.succeededFuture(OfficeJson.publicView(office));
  }
}
