package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * Every Lua script, with lib.lua in front as RedisStore sends it, compiles in the real Redis: a
 * script that only one rare path runs (or a lib.lua broken by a merge) fails here, not in a centre.
 */
class LuaScriptsIT {

  private static final Path LUA = Path.of("src", "main", "resources", "lua");
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyScriptCompilesWithTheSharedLibrary() throws IOException {
    String lib = Files.readString(LUA.resolve("lib.lua"), StandardCharsets.UTF_8);
    List<Path> scripts;
    try (Stream<Path> files = Files.list(LUA)) {
      scripts = files.filter(p -> p.toString().endsWith(".lua") && !p.getFileName().toString().equals("lib.lua"))
          .sorted().toList();
    }
    assertThat(scripts).hasSizeGreaterThan(30);
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    List<String> broken = new ArrayList<>();
    for (Path script : scripts) {
      String source = lib + "\n" + Files.readString(script, StandardCharsets.UTF_8);
      try {
        RedisAdmin.sync(uri, c -> c.scriptLoad(source));
      } catch (RuntimeException e) {
        broken.add(script.getFileName() + ": " + e.getMessage());
      }
    }
    assertThat(broken).as("scripts Redis cannot compile").isEmpty();
  }
}
