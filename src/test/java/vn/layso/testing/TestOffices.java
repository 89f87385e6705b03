package vn.layso.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Office configurations written to an OFFICES_FILE for tests that need a shape the demo lacks. */
public final class TestOffices {

  private TestOffices() {
  }

  /**
   * An office whose counters "1".."counters" each serve every one of the given services, weight 1;
   * open to anonymous walk-in issuing like the demo office ({@code walkInIssuing: open}: the tests
   * take numbers without a token), where a real office that does not say issues from its kiosks only.
   */
  public static JsonObject uniform(String id, int counters, List<String> services, int maxPriorityInRow) {
    JsonArray serviceArray = new JsonArray();
    char prefix = 'A';
    for (String code : services) {
      serviceArray.add(new JsonObject().put("code", code).put("name", "Lĩnh vực " + code)
          .put("prefix", String.valueOf(prefix++)).put("numberStart", 1).put("numberEnd", 9999)
          .put("avgServiceMinutes", 10));
    }
    JsonArray counterArray = new JsonArray();
    for (int i = 1; i <= counters; i++) {
      JsonArray served = new JsonArray();
      services.forEach(code -> served.add(new JsonObject().put("code", code).put("weight", 1)));
      counterArray.add(new JsonObject().put("id", Integer.toString(i)).put("name", "Quầy " + i)
          .put("services", served));
    }
    return new JsonObject().put("id", id).put("name", "Văn phòng thử " + id)
        .put("timezone", "Asia/Ho_Chi_Minh").put("services", serviceArray).put("counters", counterArray)
        .put("priorityGroups", new JsonArray().add(new JsonObject().put("code", "nguoi-cao-tuoi")
            .put("name", "Người cao tuổi")))
        .put("maxPriorityInRow", maxPriorityInRow).put("walkInIssuing", "open").put("openingHours", new JsonObject());
  }

  public static Path write(JsonObject... offices) throws IOException {
    Path file = Files.createTempFile("layso-offices", ".json");
    file.toFile().deleteOnExit();
    Files.writeString(file, new JsonArray(List.of((Object[]) offices)).encodePrettily());
    return file;
  }
}
