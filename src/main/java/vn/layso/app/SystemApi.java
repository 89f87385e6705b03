package vn.layso.app;

import io.vertx.core.json.JsonObject;
import java.util.List;
import vn.layso.api.ApiOperation;
import vn.layso.api.ApiShape;

/** The server's own routes, /health and the OpenAPI document, as the document shows them. */
final class SystemApi {

  static final List<ApiOperation> API = List.of(
      ApiOperation.get("/health", "health", "system").answer(200, Health.class).answer(503, Health.class)
          .withoutStore().build(),
      ApiOperation.get("/api/v1/openapi.json", "openApiDocument", "system").answer(200, Document.class, "X-Layso-Token")
          .build());

  private SystemApi() {
  }

  /** The health answer: UP when Redis answers (200), DOWN otherwise (503). */
  record Health(@ApiShape.Required @ApiShape.Values({"UP", "DOWN"}) String status,
                @ApiShape.Required @ApiShape.Values({"UP", "DOWN"}) String redis,
                int offices, int liveSockets, long liveQueuedBytes) {
  }

  /** The top of an OpenAPI 3.1 document (the shape of this very answer; its parts are OpenAPI's own). */
  @ApiShape.Name("OpenApiDocument")
  record Document(@ApiShape.Required String openapi, @ApiShape.Required JsonObject info,
                  @ApiShape.Required JsonObject paths) {
  }
}
