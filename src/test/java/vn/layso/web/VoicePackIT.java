package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.app.Config;
import vn.layso.testing.TempFiles;
import vn.layso.testing.TestApp;

/** Voice packs at /voice/<pack>/: a centre's own from VOICE_DIR first, then the shipped ones. */
class VoicePackIT {

  @Test
  void theShippedPackAndACentresOwnPackAreServed() throws Exception {
    Path voices = Files.createTempDirectory("layso-voices");
    try {
      Files.createDirectories(voices.resolve("ba-dinh"));
      Files.writeString(voices.resolve("ba-dinh/manifest.json"), "{\"name\":\"ba-dinh\",\"clips\":{}}");
      try (TestApp app = TestApp.start(env -> env.put("VOICE_DIR", voices.toString()))) {
        var shipped = app.api().get("/voice/vi-espeak/manifest.json");
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().getJsonObject("clips").getString("chime")).isEqualTo("chime.ogg");
        for (String clip : shipped.json().getJsonObject("clips").getMap().values().stream().map(String::valueOf).toList()) {
          assertThat(app.api().get("/voice/vi-espeak/" + clip).status()).as(clip).isEqualTo(200);
        }
        assertThat(app.api().get("/voice/ba-dinh/manifest.json").json().getString("name")).isEqualTo("ba-dinh");
        assertThat(app.api().get("/voice/nope/manifest.json").status()).isEqualTo(404);
        assertThat(app.api().get("/voice/../../pom.xml").status()).isIn(400, 404);
      }
    } finally {
      TempFiles.deleteTree(voices);
    }
  }

  @Test
  void aVoiceDirThatIsNoFolderStopsTheStart() {
    Map<String, String> env = TestApp.environment(Path.of("target"), null);
    env.put("VOICE_DIR", "/no/such/folder");
    assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageContaining("VOICE_DIR");
  }
}
