package vn.layso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.app.ApiCatalog;
import vn.layso.app.OpenApiGenerator;

/** The document generated from the route table and the records, without a server. */
class OpenApiDocumentTest {

  private static final List<String> CODES = List.of("invalid_token", "body_too_large", "uri_too_long",
      "headers_too_large", "internal_error", "store_unavailable", "no_current_ticket");

  private static JsonObject doc;

  @BeforeAll
  static void generate() throws Exception {
    doc = OpenApiGenerator.document();
  }

  @Test
  void theBuildServesTheDocumentTheCodeGeneratesNow() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/openapi.json")) {
      assertThat(in).as("written by the build (exec-maven-plugin, compile)").isNotNull();
      assertThat(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo(doc);
    }
  }

  @Test
  void everyOperationOfTheRouteTableIsInTheDocumentWithASchemaForEachRecordItAnswers() {
    for (ApiOperation op : ApiCatalog.operations()) {
      JsonObject operation = doc.getJsonObject("paths").getJsonObject(op.path()).getJsonObject(op.method());
      assertThat(operation).as(op.id()).isNotNull();
      assertThat(operation.getString("operationId")).isEqualTo(op.id());
      assertThat(operation.getString("summary")).as("prose of " + op.id()).isNotBlank();
      for (ApiOperation.Answer answer : op.answers()) {
        JsonObject response = operation.getJsonObject("responses").getJsonObject(Integer.toString(answer.status()));
        assertThat(response).as(op.id() + " " + answer.status()).isNotNull();
        if (answer.body() != null) {
          assertThat(schemas().getJsonObject(SchemaBuilder.name(answer.body()))).as(answer.body().getName()).isNotNull();
        }
      }
    }
  }

  @Test
  void everyReferenceResolvesAcrossTheGeneratedPartAndTheResidue() {
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      Object target = doc;
      for (String part : ref.substring(2).split("/")) {
        target = ((JsonObject) target).getValue(part.replace("~1", "/").replace("~0", "~"));
      }
      assertThat(target).as(ref).isInstanceOf(JsonObject.class);
    }
  }

  @Test
  void theTicketSchemaFollowsItsRecord() {
    JsonObject ticket = schemas().getJsonObject("Ticket");
    assertThat(ticket.getJsonArray("required")).containsExactly("id", "office", "number", "service", "status",
        "priority", "issuedAt", "serviceDate", "recalls");
    JsonObject properties = ticket.getJsonObject("properties");
    assertThat(properties.getJsonObject("priority").getJsonArray("type")).containsExactly("string", "null");
    assertThat(properties.getJsonObject("status").getString("$ref")).isEqualTo("#/components/schemas/TicketStatus");
    assertThat(properties.getJsonObject("issuedAt").getString("format")).isEqualTo("date-time");
    assertThat(properties.getJsonObject("estimatedWait").getString("$ref")).isEqualTo("#/components/schemas/WaitEstimate");
    assertThat(properties.getJsonObject("number").getString("description")).as("prose").isNotBlank();
    assertThat(schemas().getJsonObject("TicketStatus").getJsonArray("enum")).contains("WAITING", "EXPIRED");
    assertThat(schemas().getJsonObject("LiveTicket").getBoolean("additionalProperties")).isFalse();
    JsonObject record = schemas().getJsonObject("TicketRecord");
    assertThat(record.getJsonArray("required")).contains("id", "priority", "source", "history");
    assertThat(record.getJsonObject("properties").getJsonObject("history").getJsonObject("items").getString("$ref"))
        .isEqualTo("#/components/schemas/TicketStep");
  }

  @Test
  void aRequestRecordRequiresOnlyWhatItMarksRequired() {
    JsonObject issue = schemas().getJsonObject("IssueRequest");
    assertThat(issue.getJsonArray("required")).containsExactly("service");
    assertThat(issue.getJsonObject("properties").getJsonObject("priority").getJsonArray("type"))
        .containsExactly("string", "null");
    assertThat(issue.getJsonObject("properties").getJsonObject("citizenCard").getInteger("maxLength")).isEqualTo(512);
  }

  @Test
  void errorExamplesAreTheServersMessagesAndEveryCodeIsListed() {
    JsonObject conflict = doc.getJsonObject("paths").getJsonObject("/api/v1/offices/{office}/counters/{counter}/recall")
        .getJsonObject("post").getJsonObject("responses").getJsonObject("409").getJsonObject("content")
        .getJsonObject("application/json").getJsonObject("examples").getJsonObject("no_current_ticket");
    assertThat(conflict.getJsonObject("value").getString("message"))
        .isEqualTo(vn.layso.common.Messages.text(vn.layso.common.Messages.VIETNAMESE, "no_current_ticket"));
    assertThat(schemas().getJsonObject("Error").getJsonObject("properties").getJsonObject("code")
        .getJsonArray("examples")).contains("no_current_ticket", "store_unavailable");
  }

  @Test
  void aShapeDefinedInBothTheCodeAndTheResidueStopsTheBuild() {
    OpenApiDocument generator = new OpenApiDocument(prose(), CODES);
    JsonObject residue = new JsonObject().put("components", new JsonObject().put("schemas",
        new JsonObject().put("Ticket", new JsonObject().put("type", "object"))));
    assertThatThrownBy(() -> generator.build(List.of(), List.of(vn.layso.queue.TicketView.class), residue))
        .hasMessageContaining("components/schemas/Ticket");
    JsonObject op = new JsonObject().put("paths", new JsonObject().put("/x", new JsonObject().put("get", new JsonObject())));
    ApiOperation x = ApiOperation.get("/x", "x", "system").withoutStore().build();
    assertThatThrownBy(() -> new OpenApiDocument(prose(), CODES).build(List.of(x), List.of(), op))
        .hasMessageContaining("get /x");
  }

  @Test
  void otherMediaTypesOfAStatusJoinItsRecordAnswerAndAStatusTwiceIsRefused() {
    ApiOperation report = ApiOperation.get("/x", "x", "system").withoutStore()
        .answer(200, vn.layso.queue.TicketView.class).answerMedia(200, "text/csv")
        .answerMedia(200, "application/vnd.ms-excel").build();
    JsonObject content = new OpenApiDocument(prose(), CODES).build(List.of(report), List.of(), new JsonObject())
        .getJsonObject("paths").getJsonObject("/x").getJsonObject("get").getJsonObject("responses")
        .getJsonObject("200").getJsonObject("content");
    assertThat(content.fieldNames()).containsExactly("application/json", "text/csv", "application/vnd.ms-excel");
    assertThat(content.getJsonObject("text/csv").getJsonObject("schema").containsKey("format")).isFalse();
    assertThat(content.getJsonObject("application/vnd.ms-excel").getJsonObject("schema").getString("format"))
        .isEqualTo("binary");
    ApiOperation twice = ApiOperation.get("/x", "x", "system").withoutStore().answerMedia(200, "text/csv")
        .answerMedia(200, "text/csv").build();
    assertThatThrownBy(() -> new OpenApiDocument(prose(), CODES).build(List.of(twice), List.of(), new JsonObject()))
        .hasMessageContaining("text/csv given twice");
    ApiOperation errorsTwice = ApiOperation.get("/x", "x", "system").withoutStore().errors(404, "invalid_token")
        .errors(404, "no_current_ticket").build();
    assertThatThrownBy(() -> new OpenApiDocument(prose(), CODES)
        .build(List.of(errorsTwice), List.of(), new JsonObject())).hasMessageContaining("404 given twice");
  }

  @Test
  void anErrorCodeWithoutAMessageOrAShapeThatIsNoRecordIsRefused() {
    ApiOperation unknown = ApiOperation.get("/x", "x", "system").errors(409, "no_such_code").build();
    assertThatThrownBy(() -> new OpenApiDocument(prose(), CODES)
        .build(List.of(unknown), List.of(), new JsonObject())).hasMessageContaining("no_such_code");
    assertThatThrownBy(() -> new SchemaBuilder(new JsonObject()).ref(String.class)).hasMessageContaining("not a record");
    assertThatThrownBy(() -> ApiOperation.get("/x/{id}", "x", "system").build()).hasMessageContaining("id");
  }

  @Test
  void everyDetailAnErrorCarriesIsAComponentOfTheErrorRecord() throws Exception {
    // the failure handler writes an ApiException's details as they are: each must be in ErrorView,
    // whose schema (additionalProperties: false) is the one clients read
    Set<String> components = new TreeSet<>();
    for (var c : ErrorView.class.getRecordComponents()) {
      components.add(c.getName());
    }
    java.util.regex.Pattern with = java.util.regex.Pattern.compile("\\.with\\(\"([A-Za-z]+)\"");
    Set<String> details = new TreeSet<>();
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        java.util.regex.Matcher m = with.matcher(java.nio.file.Files.readString(file));
        while (m.find()) {
          details.add(m.group(1));
        }
      }
    }
    assertThat(details).contains("opensAt", "limit", "ticket");
    assertThat(components).containsAll(details);
  }

  private static JsonObject prose() {
    return new JsonObject().put("info", new JsonObject().put("title", "t").put("version", "v1"))
        .put("servers", new JsonArray()).put("tags", new JsonArray())
        .put("components", new JsonObject().put("bearerAuth", new JsonObject().put("description", "token")));
  }

  private static JsonObject schemas() {
    return doc.getJsonObject("components").getJsonObject("schemas");
  }

  private static void collectRefs(Object node, Set<String> refs) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref) {
        refs.add(ref);
      }
      object.forEach(e -> collectRefs(e.getValue(), refs));
    } else if (node instanceof JsonArray array) {
      array.forEach(v -> collectRefs(v, refs));
    }
  }
}
