package vn.layso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import vn.layso.common.ApiException;

/** A request body read into its record with the limits its schema shows. */
class ApiInputTest {

  record Body(@ApiShape.Required @ApiShape.MaxLength(5) String service, @ApiShape.Nullable String priority)
      implements ApiShape.Request {
  }

  private static Body read(String json) {
    return ApiInput.read(Buffer.buffer(json), Body.class);
  }

  @Test
  void readsTheComponentsStrippedAndInNfc() {
    assertThat(read("{\"service\":\" ho \",\"priority\":null}")).isEqualTo(new Body("ho", null));
    assertThat(read("{\"service\":\"Ho\u0300\",\"priority\":\"x\"}").service()).isEqualTo("H\u00f2");
  }

  @Test
  void refusesWhatTheSchemaRefuses() {
    assertThat(code("{}")).isEqualTo("field_required");
    assertThat(code("{\"service\":\"\"}")).isEqualTo("field_required");
    assertThat(code("{\"service\":\"abcdef\"}")).isEqualTo("field_too_long");
    assertThat(code("{\"service\":7}")).isEqualTo("field_not_text");
    assertThat(code("{\"service\":\"a\",\"priority\":{}}")).isEqualTo("field_not_text");
    assertThat(code("[1]")).isEqualTo("invalid_json");
    assertThat(code("")).isEqualTo("body_required");
  }

  private static String code(String json) {
    try {
      read(json);
    } catch (ApiException refused) {
      assertThat(refused.kind()).isEqualTo(ApiException.Kind.INVALID);
      return refused.code();
    }
    throw new AssertionError("accepted " + json);
  }

  record Rated(@ApiShape.Required @ApiShape.InvalidAs("invalid_level") Integer level, String reason)
      implements ApiShape.Request {
  }

  @Test
  void aWholeNumberIsReadOrRefusedWithTheCodeItNames() {
    assertThat(ApiInput.read(Buffer.buffer("{\"level\":3}"), Rated.class)).isEqualTo(new Rated(3, null));
    for (String bad : new String[] {"{}", "{\"level\":\"3\"}", "{\"level\":3.5}", "{\"level\":null}"}) {
      assertThatThrownBy(() -> ApiInput.read(Buffer.buffer(bad), Rated.class)).as(bad)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_level"));
    }
  }

  @Test
  void aRecordWithAComponentItCannotReadIsAProgrammingError() {
    record Counted(int count) implements ApiShape.Request {
    }
    assertThatThrownBy(() -> ApiInput.read(Buffer.buffer("{\"count\":1}"), Counted.class))
        .isInstanceOf(IllegalStateException.class);
  }

  record Patch(@ApiShape.Name("new") String next, @ApiShape.MaxItems(2) @ApiShape.InvalidAs("invalid_offices")
               java.util.List<String> offices, @ApiShape.InvalidAs("field_not_boolean") Boolean disabled,
               Boolean lenient) implements ApiShape.Request {
  }

  private static Patch patch(String json) {
    return ApiInput.read(Buffer.buffer(json), Patch.class);
  }

  @Test
  void readsBooleansListsOfTextAndFieldsNamedOtherThanTheirComponent() {
    assertThat(patch("{\"new\":\"x\",\"offices\":[\"a\",\"b\"],\"disabled\":true,\"lenient\":false}"))
        .isEqualTo(new Patch("x", java.util.List.of("a", "b"), true, false));
    assertThat(patch("{\"next\":\"x\",\"offices\":null,\"lenient\":\"yes\"}"))
        .as("the Java name is not read; a boolean without a code reads another type as left out")
        .isEqualTo(new Patch(null, null, null, null));
  }

  @Test
  void refusesAListOrABooleanWithItsCodeAndArgument() {
    for (String bad : new String[] {"{\"offices\":\"a\"}", "{\"offices\":[\"a\",1]}", "{\"offices\":[\"a\",\"b\",\"c\"]}"}) {
      assertThatThrownBy(() -> patch(bad)).as(bad).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.code()).isEqualTo("invalid_offices");
        assertThat(e.args()).containsExactly(2);
      });
    }
    assertThatThrownBy(() -> patch("{\"disabled\":\"true\"}")).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo("field_not_boolean");
      assertThat(e.args()).containsExactly("disabled");
    });
  }

  @Test
  void aNamedComponentIsWrittenAndDocumentedUnderItsName() {
    assertThat(ApiJson.encode(new Patch("x", null, true, null))).isEqualTo("{\"new\":\"x\",\"disabled\":true}");
    SchemaBuilder schemas = new SchemaBuilder(new io.vertx.core.json.JsonObject());
    schemas.ref(Patch.class);
    assertThat(schemas.schemas().get("Patch").getJsonObject("properties").fieldNames())
        .containsExactly("new", "offices", "disabled", "lenient");
    assertThat(schemas.schemas().get("Patch").getJsonObject("properties").getJsonObject("offices").getInteger("maxItems"))
        .isEqualTo(2);
  }
}
