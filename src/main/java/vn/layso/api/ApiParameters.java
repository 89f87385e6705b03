package vn.layso.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters and headers operations share, defined once: where each goes and its schema. Their
 * descriptions and examples are prose.
 */
public final class ApiParameters {

  /** The longest Idempotency-Key (TicketRoutes checks the same). */
  public static final int MAX_IDEMPOTENCY_KEY = 100;

  private static final Map<String, JsonObject> PARAMETERS = new LinkedHashMap<>();
  private static final Map<String, JsonObject> HEADERS = new LinkedHashMap<>();

  static {
    PARAMETERS.put("Accept-Language", header("Accept-Language", new JsonObject().put("type", "string").put("default", "vi")));
    PARAMETERS.put("Idempotency-Key", header("Idempotency-Key", new JsonObject().put("type", "string").put("minLength", 1)
        .put("maxLength", MAX_IDEMPOTENCY_KEY).put("pattern", "^[\\x21-\\x7E]+$")));
    PARAMETERS.put("office", path("office"));
    PARAMETERS.put("counter", path("counter"));
    // a ticket id, as TicketIds.officeOf recognises one
    PARAMETERS.put("id", path("id").put("schema", new JsonObject().put("type", "string")
        .put("pattern", "^[a-z0-9][a-z0-9-]{0,31}\\.[0-9a-hjkmnp-tv-z]{12}$")));
    HEADERS.put("Retry-After", new JsonObject().put("schema", new JsonObject().put("type", "integer")
        .put("minimum", 1).put("maximum", 60)));
    HEADERS.put("X-Layso-Token", new JsonObject().put("schema", new JsonObject().put("type", "string").put("minLength", 40)));
    HEADERS.put("Idempotent-Replayed", new JsonObject().put("schema", new JsonObject().put("type", "string")
        .put("enum", new JsonArray().add("true"))));
  }

  private ApiParameters() {
  }

  private static JsonObject header(String name, JsonObject schema) {
    return new JsonObject().put("name", name).put("in", "header").put("required", false).put("schema", schema);
  }

  private static JsonObject path(String name) {
    return new JsonObject().put("name", name).put("in", "path").put("required", true)
        .put("schema", new JsonObject().put("type", "string"));
  }

  static JsonObject ref(String name) {
    if (!PARAMETERS.containsKey(name)) {
      throw new IllegalArgumentException("unknown parameter " + name);
    }
    return new JsonObject().put("$ref", "#/components/parameters/" + name);
  }

  static JsonObject components(JsonObject words) {
    return withWords(PARAMETERS, words);
  }

  static JsonObject headers(JsonObject words) {
    return withWords(HEADERS, words);
  }

  private static JsonObject withWords(Map<String, JsonObject> shapes, JsonObject words) {
    JsonObject out = new JsonObject();
    shapes.forEach((name, shape) -> {
      JsonObject json = new JsonObject();
      JsonObject w = words.getJsonObject(name, new JsonObject());
      shape.forEach(e -> {
        json.put(e.getKey(), e.getValue());
        if (e.getKey().equals("required") && w.containsKey("description")) {
          json.put("description", w.getString("description"));
        }
      });
      if (!json.containsKey("description") && w.containsKey("description")) {
        json.put("description", w.getString("description"));
      }
      for (String key : new String[] {"example", "examples"}) {
        if (w.containsKey(key)) {
          json.put(key, w.getValue(key));
        }
      }
      out.put(name, json);
    });
    return out;
  }
}
