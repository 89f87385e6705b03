package vn.layso.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads a request body as a JSON object, refusing anything that is not valid UTF-8 or not an
 * object, and reads its fields with type, length and character checks. Strings come back in NFC.
 */
public final class JsonInput {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\x{FFFD}]");

  private final JsonObject json;

  private JsonInput(JsonObject json) {
    this.json = json;
  }

  public static JsonInput parse(Buffer body) {
    if (body == null || body.length() == 0) {
      throw ApiException.invalid("body_required");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw ApiException.invalid("invalid_encoding");
    }
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      throw ApiException.invalid("invalid_json");
    }
    try {
      return new JsonInput(new JsonObject(trimmed));
    } catch (DecodeException | ClassCastException malformed) {
      throw ApiException.invalid("invalid_json");
    }
  }

  public String requiredString(String field, int maxLength) {
    String value = optionalString(field, maxLength);
    if (value == null || value.isEmpty()) {
      throw ApiException.invalid("field_required", field);
    }
    return value;
  }

  public String optionalString(String field, int maxLength) {
    Object raw = json.getValue(field);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      throw ApiException.invalid("field_not_text", field);
    }
    return cleanText(field, s, maxLength);
  }

  /** Validates free text: no control characters, no lone surrogates, at most maxLength, NFC. */
  public static String cleanText(String field, String raw, int maxLength) {
    if (raw.length() > maxLength * 4) {
      throw ApiException.invalid("field_too_long", field, maxLength);
    }
    if (CONTROL.matcher(raw).find()) {
      throw ApiException.invalid("field_invalid_characters", field);
    }
    String value = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    if (value.codePointCount(0, value.length()) > maxLength) {
      throw ApiException.invalid("field_too_long", field, maxLength);
    }
    return value;
  }

  public JsonObject raw() {
    return json;
  }
}
