package vn.layso.office;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import vn.layso.api.ApiJson;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;
import vn.layso.office.domain.Office;

/** Read-only office routes: the list, and one office with its fields and counters. */
public final class OfficeRoutes {

  /**
   * The routes as the OpenAPI document shows them: the list. One office's answer is the office
   * configuration's public part (OfficeJson, with each feature's section from its codec), still
   * described by the residue's Office schema.
   */
  public static final List<ApiOperation> API = List.of(
      ApiOperation.get("/api/v1/offices", "listOffices", "offices").answerList(200, OfficeSummary.class, "X-Layso-Token")
          .build());

  /** An office in the list: its id and name. */
  public record OfficeSummary(@ApiShape.Required String id, @ApiShape.Required String name) {
  }

  private final OfficeRegistry registry;

  public OfficeRoutes(OfficeRegistry registry) {
    this.registry = registry;
  }

  public void mount(Router router) {
    router.get("/api/v1/offices").respond(this::list);
    router.get("/api/v1/offices/:office").respond(this::one);
  }

  private Future<Buffer> list(RoutingContext ctx) {
    return Future.succeededFuture(ApiJson.answer(ctx, registry.all().stream()
        .map(o -> new OfficeSummary(o.id(), o.name())).toList()));
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    Office office = registry.require(ctx.pathParam("office"));
    return Future.succeededFuture(OfficeJson.publicView(office));
  }
}
