package vn.layso.app;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.layso.office.OfficeJson;
import vn.layso.office.domain.Office;

/**
 * OFFICES_FILE: a JSON array of offices, read and checked before anything starts. Every problem
 * is one line that names the file, the office and what is wrong with it.
 */
final class OfficesFile {

  private OfficesFile() {
  }

  /** The offices listed in {@code file} (none when it is null); IllegalArgumentException when unusable. */
  static List<Office> read(Path file) {
    if (file == null) {
      return List.of();
    }
    JsonArray entries = parse(file, text(file));
    List<Office> offices = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Office office = office(file, entries.getValue(i), i + 1);
      if (!ids.add(office.id())) {
        throw problem(file, "office '" + office.id() + "' is listed twice");
      }
      offices.add(office);
    }
    return offices;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException missing) {
      throw problem(file, "no such file");
    } catch (CharacterCodingException notUtf8) {
      throw problem(file, "not UTF-8 text");
    } catch (IOException unreadable) {
      throw problem(file, "cannot be read (" + oneLine(unreadable.getMessage()) + ")");
    }
  }

  private static JsonArray parse(Path file, String text) {
    Object json;
    try {
      json = Json.decodeValue(text);
    } catch (DecodeException notJson) {
      throw problem(file, "not valid JSON (" + oneLine(notJson.getMessage()) + ")");
    }
    if (!(json instanceof JsonArray array)) {
      throw problem(file, "must be a JSON array of offices, like [{\"id\":\"phuong-1\",...}]");
    }
    return array;
  }

  private static Office office(Path file, Object entry, int position) {
    if (!(entry instanceof JsonObject json)) {
      throw problem(file, "entry " + position + " is not a JSON object");
    }
    Object id = json.getValue("id");
    String which = id instanceof String s ? "office '" + s + "' (entry " + position + ")" : "entry " + position;
    try {
      return OfficeJson.read(json);
    } catch (RuntimeException invalid) {
      throw problem(file, which + " is invalid: " + oneLine(invalid.getMessage()));
    }
  }

  private static IllegalArgumentException problem(Path file, String what) {
    return new IllegalArgumentException("OFFICES_FILE " + file + ": " + what);
  }

  /** The first line of a library's message, without its Java class names, cut to a sane length. */
  private static String oneLine(String message) {
    if (message == null) {
      return "unknown reason";
    }
    String line = message.lines().findFirst().orElse("").replaceFirst("^malformed office configuration: ", "")
        .replaceAll(" \\(.* are in module .*\\)", "").replaceFirst("^Failed to decode:", "")
        .replaceAll("\\[Source: [^;]*; (line: \\d+, column: \\d+)\\]", "$1").strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
