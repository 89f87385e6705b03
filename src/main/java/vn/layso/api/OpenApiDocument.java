package vn.layso.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.layso.common.Messages;

/**
 * The OpenAPI 3.1 document, generated: paths from the route table ({@link ApiOperation}), schemas
 * from the records ({@link SchemaBuilder}), error examples from the server's messages, words from
 * the prose resource; then the residue (the hand-written part not yet converted) merged in, where
 * a name defined twice stops the build.
 */
public final class OpenApiDocument {

  private static final String SCHEMAS = "#/components/schemas/";

  /** The shared answers every operation may get, by component name: status and error code. */
  private static final Map<String, Object[]> SHARED_ANSWERS = Map.of(
      "InvalidToken", new Object[] {401, "invalid_token"},
      "BodyTooLarge", new Object[] {413, "body_too_large"},
      "UriTooLong", new Object[] {414, "uri_too_long"},
      "HeadersTooLarge", new Object[] {431, "headers_too_large"},
      "InternalError", new Object[] {500, "internal_error"},
      "StoreUnavailable", new Object[] {503, "store_unavailable"});

  private final JsonObject prose;
  private final SchemaBuilder schemas;
  private final Set<String> errorCodes;

  /**
   * {@code prose}: the words (info, tags, operations, schemas, components, errorArgs);
   * {@code errorCodes}: every code the server's messages know.
   */
  public OpenApiDocument(JsonObject prose, Collection<String> errorCodes) {
    this.prose = prose;
    this.schemas = new SchemaBuilder(prose.getJsonObject("schemas", new JsonObject()));
    this.errorCodes = new TreeSet<>(errorCodes);
  }

  /** The whole document: the operations and extra shapes (used only by events or the residue), then the residue. */
  public JsonObject build(List<ApiOperation> operations, List<Class<?>> shapes, JsonObject residue) {
    schemas.ref(ErrorView.class);
    JsonObject paths = new JsonObject();
    for (ApiOperation op : operations) {
      JsonObject item = paths.getJsonObject(op.path());
      if (item == null) {
        item = new JsonObject();
        paths.put(op.path(), item);
      }
      if (item.containsKey(op.method())) {
        throw new IllegalStateException("two operations for " + op.method() + " " + op.path());
      }
      item.put(op.method(), operation(op));
    }
    shapes.forEach(schemas::ref);
    JsonObject schemaMap = new JsonObject();
    schemas.schemas().forEach(schemaMap::put);
    schemaMap.getJsonObject("Error").getJsonObject("properties").getJsonObject("code")
        .put("examples", new JsonArray(List.copyOf(errorCodes)));
    JsonObject words = prose.getJsonObject("components", new JsonObject());
    JsonObject components = new JsonObject()
        .put("schemas", schemaMap)
        .put("securitySchemes", new JsonObject().put("bearerAuth", new JsonObject().put("type", "http")
            .put("scheme", "bearer").put("description", words.getJsonObject("bearerAuth").getString("description"))))
        .put("parameters", ApiParameters.components(words.getJsonObject("parameters", new JsonObject())))
        .put("headers", ApiParameters.headers(words.getJsonObject("headers", new JsonObject())))
        .put("responses", sharedAnswers(words.getJsonObject("responses", new JsonObject())));
    JsonObject doc = new JsonObject().put("openapi", "3.1.0").put("info", prose.getJsonObject("info"))
        .put("servers", prose.getJsonArray("servers")).put("tags", prose.getJsonArray("tags"))
        .put("paths", paths).put("components", components);
    return merge(doc, residue);
  }

  private JsonObject operation(ApiOperation op) {
    JsonObject words = prose.getJsonObject("operations", new JsonObject()).getJsonObject(op.id(), new JsonObject());
    JsonObject json = new JsonObject().put("operationId", op.id()).put("tags", new JsonArray().add(op.tag()));
    copy(words, json, "summary", "description");
    json.put("security", op.roles().isEmpty()
        ? new JsonArray().add(new JsonObject()).add(new JsonObject().put("bearerAuth", new JsonArray()))
        : new JsonArray().add(new JsonObject().put("bearerAuth", new JsonArray())));
    if (!op.roles().isEmpty()) {
      json.put("x-roles", new JsonArray(op.roles()));
    }
    JsonArray params = new JsonArray();
    op.parameters().forEach(name -> params.add(ApiParameters.ref(name)));
    JsonObject paramWords = words.getJsonObject("parameters", new JsonObject());
    if (op.pathParams() != null) {
      schemas.parameters(op.pathParams(), "path", paramWords).forEach(params::add);
    }
    if (op.query() != null) {
      schemas.parameters(op.query(), "query", paramWords).forEach(params::add);
    }
    if (!op.path().equals("/health")) {
      params.add(ApiParameters.ref("Accept-Language"));
    }
    json.put("parameters", params);
    if (op.request() != null) {
      JsonObject media = new JsonObject().put("schema", schemas.ref(op.request()));
      JsonObject body = words.getJsonObject("requestBody", new JsonObject());
      copy(body, media, "example", "examples");
      json.put("requestBody", new JsonObject().put("required", op.requestRequired())
          .put("content", new JsonObject().put("application/json", media)));
    }
    JsonObject responses = new JsonObject();
    JsonObject answerWords = words.getJsonObject("responses", new JsonObject());
    for (ApiOperation.Answer answer : op.answers()) {
      String status = Integer.toString(answer.status());
      JsonObject given = answer(answer, answerWords.getJsonObject(status, new JsonObject()));
      JsonObject before = responses.getJsonObject(status);
      if (before != null) {
        // the same status in other media types (a report as JSON, CSV or Excel): one content
        if (!before.containsKey("content") || !given.containsKey("content") || !answer.errors().isEmpty()) {
          throw new IllegalStateException(op.id() + ": status " + status + " given twice");
        }
        given.getJsonObject("content").forEach(media -> {
          if (before.getJsonObject("content").containsKey(media.getKey())) {
            throw new IllegalStateException(op.id() + ": " + status + " " + media.getKey() + " given twice");
          }
          before.getJsonObject("content").put(media.getKey(), media.getValue());
        });
        continue;
      }
      responses.put(status, given);
    }
    if (op.roles().isEmpty() && op.path().startsWith("/api/") && !responses.containsKey("401")) {
      responses.put("401", sharedRef("InvalidToken"));
    }
    if (!op.method().equals("get")) {
      responses.put("413", sharedRef("BodyTooLarge"));
    }
    responses.put("414", sharedRef("UriTooLong")).put("431", sharedRef("HeadersTooLarge"))
        .put("500", sharedRef("InternalError"));
    if (op.usesStore() && !responses.containsKey("503")) {
      responses.put("503", sharedRef("StoreUnavailable"));
    }
    json.put("responses", sorted(responses));
    return json;
  }

  private JsonObject answer(ApiOperation.Answer answer, JsonObject words) {
    JsonObject json = new JsonObject();
    String description = words.getString("description");
    if (!answer.errors().isEmpty()) {
      json.put("description", description != null ? description
          : reason(answer.status()) + ": " + String.join(", ", answer.errors().stream().map(c -> "`" + c + "`").toList()));
      JsonObject examples = new JsonObject();
      for (String code : answer.errors()) {
        examples.put(code, new JsonObject().put("value", example(answer.status(), code)));
      }
      json.put("content", new JsonObject().put("application/json", new JsonObject()
          .put("schema", new JsonObject().put("$ref", SCHEMAS + "Error")).put("examples", examples)));
    } else {
      json.put("description", description != null ? description : reason(answer.status()));
      if (answer.media() != null) {
        JsonObject string = new JsonObject().put("type", "string");
        // a file that is not text (an Excel workbook) is bytes
        if (!answer.media().startsWith("text/") && !answer.media().endsWith("+xml")) {
          string.put("format", "binary");
        }
        JsonObject media = new JsonObject().put("schema", string);
        copy(words, media, "example", "examples");
        json.put("content", new JsonObject().put(answer.media(), media));
      } else if (answer.body() != null) {
        JsonObject schema = schemas.ref(answer.body());
        JsonObject media = new JsonObject().put("schema", answer.list()
            ? new JsonObject().put("type", "array").put("items", schema) : schema);
        copy(words, media, "example", "examples");
        json.put("content", new JsonObject().put("application/json", media));
      }
    }
    if (!answer.headers().isEmpty()) {
      JsonObject headers = new JsonObject();
      answer.headers().forEach(h -> headers.put(h, new JsonObject().put("$ref", "#/components/headers/" + h)));
      json.put("headers", headers);
    }
    return json;
  }

  /** An error's example: its Vietnamese message, with the example arguments the prose gives for its code. */
  private JsonObject example(int status, String code) {
    if (!errorCodes.contains(code)) {
      throw new IllegalStateException("error code " + code + " has no message in i18n/messages.properties");
    }
    JsonArray args = prose.getJsonObject("errorArgs", new JsonObject()).getJsonArray(code, new JsonArray());
    JsonObject example = new JsonObject().put("status", status).put("code", code)
        .put("message", Messages.text(Messages.VIETNAMESE, code, args.getList().toArray()));
    prose.getJsonObject("errorDetails", new JsonObject()).getJsonObject(code, new JsonObject()).forEach(detail ->
        example.put(detail.getKey(), detail.getValue()));
    return example;
  }

  private JsonObject sharedAnswers(JsonObject words) {
    JsonObject out = new JsonObject();
    for (String name : List.of("InvalidToken", "BodyTooLarge", "UriTooLong", "HeadersTooLarge", "InternalError",
        "StoreUnavailable")) {
      Object[] shape = SHARED_ANSWERS.get(name);
      int status = (Integer) shape[0];
      String code = (String) shape[1];
      out.put(name, answer(new ApiOperation.Answer(status, null, false, List.of(), List.of(code)),
          words.getJsonObject(name, new JsonObject())));
    }
    return out;
  }

  private static JsonObject sharedRef(String name) {
    return new JsonObject().put("$ref", "#/components/responses/" + name);
  }

  private static JsonObject sorted(JsonObject responses) {
    JsonObject out = new JsonObject();
    new TreeSet<>(responses.fieldNames()).forEach(status -> out.put(status, responses.getValue(status)));
    return out;
  }

  private static void copy(JsonObject from, JsonObject to, String... keys) {
    for (String key : keys) {
      if (from.containsKey(key)) {
        to.put(key, from.getValue(key));
      }
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No content";
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 412 -> "Precondition failed";
      case 413 -> "Payload too large";
      case 414 -> "URI too long";
      case 415 -> "Unsupported media type";
      case 428 -> "Precondition required";
      case 429 -> "Too many requests";
      case 431 -> "Request header fields too large";
      case 500 -> "Internal error";
      case 503 -> "Service unavailable";
      default -> "Status " + status;
    };
  }

  /**
   * The residue's paths and schemas added to the generated ones; the same path and method, or the
   * same schema name, in both is an error: a shape is defined in one place.
   */
  static JsonObject merge(JsonObject generated, JsonObject residue) {
    JsonObject paths = generated.getJsonObject("paths");
    residue.getJsonObject("paths", new JsonObject()).forEach(entry -> {
      JsonObject item = paths.getJsonObject(entry.getKey());
      JsonObject more = (JsonObject) entry.getValue();
      if (item == null) {
        paths.put(entry.getKey(), more.copy());
        return;
      }
      more.forEach(op -> {
        if (item.containsKey(op.getKey())) {
          throw new IllegalStateException("residue redefines " + op.getKey() + " " + entry.getKey());
        }
        item.put(op.getKey(), op.getValue());
      });
    });
    JsonObject components = generated.getJsonObject("components");
    residue.getJsonObject("components", new JsonObject()).forEach(section -> {
      JsonObject target = components.getJsonObject(section.getKey());
      if (target == null) {
        target = new JsonObject();
        components.put(section.getKey(), target);
      }
      for (Map.Entry<String, Object> e : (JsonObject) section.getValue()) {
        if (target.containsKey(e.getKey())) {
          throw new IllegalStateException("residue redefines components/" + section.getKey() + "/" + e.getKey());
        }
        target.put(e.getKey(), e.getValue());
      }
    });
    return generated;
  }
}
