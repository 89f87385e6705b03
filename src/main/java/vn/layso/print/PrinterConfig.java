package vn.layso.print;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.Printer;
import vn.layso.print.domain.PrinterProfile;
import vn.layso.print.domain.TicketLayout;

/**
 * The printer profiles and ticket layouts: the ones the jar carries (printer-config/ at the top of
 * the repository, copied to /printer-config/ in the jar), then those of PRINTER_CONFIG_DIR, which
 * add to them or replace them by id. Read and checked once at start: a file that does not parse,
 * or a profile whose layout does not exist, stops the start naming the file.
 */
public final class PrinterConfig {

  private static final String BUILT_IN = "printer-config";

  private final Map<String, PrinterProfile> profiles;
  private final Map<String, TicketLayout> layouts;

  private PrinterConfig(Map<String, PrinterProfile> profiles, Map<String, TicketLayout> layouts) {
    this.profiles = Collections.unmodifiableMap(profiles);
    this.layouts = Collections.unmodifiableMap(layouts);
  }

  /** The jar's profiles and layouts, overridden by those of {@code dir} when it is not null. */
  public static PrinterConfig load(Path dir) throws IOException {
    Map<String, PrinterProfile> profiles = new TreeMap<>();
    Map<String, TicketLayout> layouts = new TreeMap<>();
    withBuiltIn(root -> read(root, profiles, layouts));
    if (dir != null) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("PRINTER_CONFIG_DIR " + dir + " is not a folder");
      }
      read(dir, profiles, layouts);
    }
    for (PrinterProfile p : profiles.values()) {
      if (!layouts.containsKey(p.layout())) {
        throw new IllegalArgumentException("printer profile " + p.id() + " names layout " + p.layout()
            + ", which does not exist (layouts: " + layouts.keySet() + ")");
      }
    }
    return new PrinterConfig(profiles, layouts);
  }

  /** Every printer of the office names a profile that exists; else the office is refused. */
  public void check(Office office) {
    for (Printer printer : office.printers()) {
      if (!profiles.containsKey(printer.profile())) {
        throw new IllegalArgumentException("office " + office.id() + ", printer " + printer.id() + ": profile '"
            + printer.profile() + "' does not exist (profiles: " + profiles.keySet() + ")");
      }
    }
  }

  public Optional<PrinterProfile> profile(String id) {
    return Optional.ofNullable(profiles.get(id));
  }

  public TicketLayout layoutOf(PrinterProfile profile) {
    return layouts.get(profile.layout());
  }

  public Map<String, PrinterProfile> profiles() {
    return profiles;
  }

  private interface Reader {
    void read(Path root) throws IOException;
  }

  /** The jar's folder: a directory when run from classes, a zip file system inside the jar. */
  private static void withBuiltIn(Reader reader) throws IOException {
    URL url = PrinterConfig.class.getClassLoader().getResource(BUILT_IN + "/profiles");
    if (url == null) {
      throw new IOException("the built-in printer-config is missing from the class path");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          reader.read(jar.getPath("/" + BUILT_IN));
        }
      } else {
        reader.read(Path.of(uri).getParent());
      }
    } catch (URISyntaxException bad) {
      throw new IOException("cannot read the built-in printer-config: " + bad.getMessage(), bad);
    }
  }

  private static void read(Path root, Map<String, PrinterProfile> profiles, Map<String, TicketLayout> layouts)
      throws IOException {
    for (Path file : jsonFiles(root.resolve("layouts"))) {
      TicketLayout layout = parse(file, PrinterConfig::layout);
      layouts.put(layout.id(), layout);
    }
    for (Path file : jsonFiles(root.resolve("profiles"))) {
      PrinterProfile profile = parse(file, PrinterConfig::profile);
      profiles.put(profile.id(), profile);
    }
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  private static <T> T parse(Path file, java.util.function.Function<JsonObject, T> reader) throws IOException {
    try {
      return reader.apply(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException bad) {
      throw new IllegalArgumentException("printer-config file " + file + ": " + bad.getMessage(), bad);
    }
  }

  static PrinterProfile profile(JsonObject json) {
    PrinterProfile.Mode mode = enumOf(PrinterProfile.Mode.class, json.getString("mode", "raster"), "mode");
    PrinterProfile.CodePage codePage = enumOf(PrinterProfile.CodePage.class, json.getString("codePage", "ascii"),
        "codePage");
    return new PrinterProfile(json.getString("id"), json.getString("name"), json.getInteger("paperMm", 80),
        json.getInteger("dots", 576), mode, codePage,
        json.getInteger("codeTable", codePage == PrinterProfile.CodePage.CP1258 ? 52 : 0),
        enumOf(PrinterProfile.Cut.class, json.getString("cut", "partial"), "cut"), json.getInteger("feedLines", 4),
        json.getBoolean("readStatus", true), json.getString("layout", "ticket"));
  }

  static TicketLayout layout(JsonObject json) {
    List<TicketLayout.Line> lines = new ArrayList<>();
    for (Object o : json.getJsonArray("lines")) {
      JsonObject line = (JsonObject) o;
      lines.add(new TicketLayout.Line(
          enumOf(TicketLayout.Kind.class, line.getString("type", "text"), "type"),
          line.getString("text"),
          enumOf(TicketLayout.Size.class, line.getString("size", "normal"), "size"),
          line.getBoolean("bold", false),
          enumOf(TicketLayout.Align.class, line.getString("align", "center"), "align")));
    }
    return new TicketLayout(json.getString("id"), lines);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String what) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException(what + ": '" + value + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT));
    }
  }
}
