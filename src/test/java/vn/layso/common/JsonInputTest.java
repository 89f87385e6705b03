package vn.layso.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInputTest {

  private static JsonInput parse(String text) {
    return JsonInput.parse(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertCode(ThrowingCallable call, String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.kind()).isEqualTo(ApiException.Kind.INVALID);
    });
  }

  @Test
  void anObjectIsReadAndItsStringsComeBackStrippedAndInNfc() {
    String decomposed = "Hoa\u0300 Kie\u0302\u0301m";
    JsonInput in = parse("{\"name\":\"  " + decomposed + " \",\"n\":null}");

    assertThat(in.requiredString("name", 40)).isEqualTo("Hoà Kiếm");
    assertThat(in.optionalString("n", 10)).isNull();
    assertThat(in.optionalString("absent", 10)).isNull();
  }

  @Test
  void aMissingOrEmptyBodyIsRequired() {
    assertCode(() -> JsonInput.parse(null), "body_required");
    assertCode(() -> JsonInput.parse(Buffer.buffer()), "body_required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "true", "{", "{\"a\":}", "{'a':1}", "   ",
      "{\"a\":1} trailing", "\uFEFF{\"a\":1}", "{\"a\":1}{\"b\":2}"})
  void anythingButOneJsonObjectIsInvalidJson(String body) {
    assertCode(() -> parse(body), "invalid_json");
  }

  @Test
  void deeplyNestedJsonIsRefusedNotOverflowed() {
    String deep = "{\"a\":" + "[".repeat(8000) + "]".repeat(8000) + "}";
    assertCode(() -> parse(deep), "invalid_json");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[][] bodies = {
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
    };
    for (byte[] body : bodies) {
      assertCode(() -> JsonInput.parse(Buffer.buffer(body)), "invalid_encoding");
    }
  }

  @Test
  void requiredFieldsMustBePresentNotNullAndNotBlank() {
    JsonInput in = parse("{\"nil\":null,\"empty\":\"\",\"blank\":\"   \"}");
    for (String field : new String[] {"missing", "nil", "empty", "blank"}) {
      assertThatThrownBy(() -> in.requiredString(field, 10)).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.code()).isEqualTo("field_required");
        assertThat(e.args()).containsExactly(field);
      });
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "1.5", "true", "[\"a\"]", "{\"b\":\"c\"}"})
  void nonTextValuesAreRefused(String value) {
    JsonInput in = parse("{\"service\":" + value + "}");
    assertCode(() -> in.optionalString("service", 32), "field_not_text");
  }

  @Test
  void lengthIsCountedInCharactersNotUtf16Units() {
    String emoji = "😀".repeat(5);
    assertThat(parse("{\"a\":\"" + emoji + "\"}").requiredString("a", 5)).isEqualTo(emoji);
    assertCode(() -> parse("{\"a\":\"" + emoji + "x\"}").requiredString("a", 5), "field_too_long");
    assertCode(() -> parse("{\"a\":\"" + "x".repeat(33) + "\"}").requiredString("a", 32), "field_too_long");
    assertThat(parse("{\"a\":\"" + "ư".repeat(32) + "\"}").requiredString("a", 32)).hasSize(32);
  }

  @Test
  void decomposedVietnameseWithinTheLimitIsNotTooLong() {
    String decomposed = "u\u031B\u0300".repeat(10);
    assertThat(parse("{\"a\":\"" + decomposed + "\"}").requiredString("a", 10)).isEqualTo("ừ".repeat(10));
  }

  @Test
  void hugeStringsAreRefusedAsTooLong() {
    assertThatThrownBy(() -> JsonInput.cleanText("a", "x".repeat(100_000), 32))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("field_too_long");
          assertThat(e.args()).containsExactly("a", 32);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0000", "\\u0007", "a\\nb", "\\t", "\\u001b[31m", "\\u007f", "\\u0085",
      "\\ud800", "\\udfff", "x\\ud83dy", "\\ufffd"})
  void controlCharactersLoneSurrogatesAndReplacementCharsAreRefused(String escaped) {
    JsonInput in = parse("{\"a\":\"" + escaped + "\"}");
    assertCode(() -> in.requiredString("a", 32), "field_invalid_characters");
  }

  @Test
  void aValidSurrogatePairIsAccepted() {
    assertThat(parse("{\"a\":\"\\ud83d\\ude00\"}").requiredString("a", 1)).isEqualTo("😀");
  }
}
