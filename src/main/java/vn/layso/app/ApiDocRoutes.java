package vn.layso.app;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * GET /api/v1/openapi.json: the project's OpenAPI document, generated from the code at build time
 * ({@link OpenApiGenerator}) and read (and checked to be JSON) once at start. Classes compiled
 * without Maven (an IDE) have no generated file: the document is then generated here, the same way.
 */
final class ApiDocRoutes {

  static final String RESOURCE = "openapi/openapi.json";

  private final Buffer document;

  ApiDocRoutes() {
    try {
      String text = ApiDocRoutes.class.getClassLoader().getResource(RESOURCE) != null
          ? LaysoServer.resource(RESOURCE) : OpenApiGenerator.document().encodePrettily();
      new JsonObject(text); // a broken document stops the start rather than being served
      this.document = Buffer.buffer(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mount(Router router) {
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=300")
        .end(document));
  }
}
