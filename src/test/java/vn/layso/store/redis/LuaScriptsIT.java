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
 * Every Lua script, with lib.lua and the feature libraries it names in front as RedisStore sends
 * it, compiles in the real Redis: a script that only one rare path runs (or a library broken by a
 * merge, or a helper moved out of a library a script still needs) fails here, not in a centre.
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
    List<Path> scripts;
    try (Stream<Path> files = Files.list(LUA)) {
      scripts = files.filter(p -> p.toString().endsWith(".lua") && !p.getFileName().toString().startsWith("lib"))
          .sorted().toList();
    }
    assertThat(scripts).hasSizeGreaterThan(30);
    String uri = app.config().redisUri() != null ? app.config().redisUri() : app.server().embeddedRedis().uri();
    List<String> broken = new ArrayList<>();
    for (Path script : scripts) {
      String name = script.getFileName().toString().replace(".lua", "");
      try {
        String source = RedisStore.source(name, resource -> read(Path.of("src", "main", "resources", resource)));
        RedisAdmin.sync(uri, c -> c.scriptLoad(source));
      } catch (RuntimeException e) {
        broken.add(script.getFileName() + ": " + e.getMessage());
      }
    }
    assertThat(broken).as("scripts Redis cannot compile").isEmpty();
  }

  /** A script that calls a feature library's helper names that library (Redis finds a missing one only when the call runs). */
  @Test
  void everyScriptNamesTheFeatureLibrariesWhoseHelpersItCalls() throws IOException {
    java.util.regex.Pattern helper = java.util.regex.Pattern.compile("^local function ([a-z_]+)\\(", java.util.regex.Pattern.MULTILINE);
    List<String> missing = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> all = Files.list(LUA)) {
      files = all.sorted().toList();
    }
    for (Path lib : files.stream().filter(p -> p.getFileName().toString().startsWith("lib_")).toList()) {
      String feature = lib.getFileName().toString().replace("lib_", "").replace(".lua", "");
      var names = helper.matcher(read(lib)).results().map(m -> m.group(1)).toList();
      assertThat(names).as(lib.toString()).isNotEmpty();
      for (Path script : files.stream().filter(p -> !p.getFileName().toString().startsWith("lib")).toList()) {
        String text = read(script);
        boolean calls = names.stream().anyMatch(n -> text.matches("(?s).*\\b" + n + "\\(.*"));
        if (calls && !text.startsWith("-- lib: " + feature) && !text.contains("\n-- lib: " + feature + "\n")) {
          missing.add(script.getFileName() + " calls lib_" + feature + " without naming it");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
