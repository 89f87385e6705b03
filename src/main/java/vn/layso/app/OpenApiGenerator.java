package vn.layso.app;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import vn.layso.api.OpenApiDocument;

/**
 * Writes the OpenAPI document at build time (exec-maven-plugin, compile phase):
 * {@code <classes>/openapi/openapi.json} from the route table ({@link ApiCatalog}), the records, the
 * prose (openapi/prose.json) and the residue still written by hand (openapi/residue.json).
 */
public final class OpenApiGenerator {

  static final String PROSE = "openapi/prose.json";
  static final String RESIDUE = "openapi/residue.json";

  private OpenApiGenerator() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/classes").resolve(ApiDocRoutes.RESOURCE);
    Files.createDirectories(out.getParent());
    Files.writeString(out, document().encodePrettily() + "\n", StandardCharsets.UTF_8);
  }

  /** The document, from the classes and resources on the class path. */
  public static JsonObject document() throws IOException {
    Properties messages = new Properties();
    try (InputStream in = resource("i18n/messages.properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    messages.remove("error");
    JsonObject prose = json(PROSE);
    return new OpenApiDocument(prose, messages.stringPropertyNames())
        .build(ApiCatalog.operations(), ApiCatalog.shapes(), json(RESIDUE));
  }

  private static JsonObject json(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OpenApiGenerator.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return in;
  }
}
