package vn.layso.announce;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.layso.announce.domain.Announcement;
import vn.layso.announce.domain.Dialect;
import vn.layso.announce.domain.DisplaySettings;
import vn.layso.announce.domain.NumberReading;
import vn.layso.office.SectionCodec;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.SectionKey;
import vn.layso.office.domain.SettingsProblems;

/**
 * The office document's {@code "display"} section: how its lobby screens look and speak. Every key is
 * optional (see DisplaySettings.DEFAULTS); {@code counterNames} may name only the office's counters.
 */
public final class DisplaySection implements SectionCodec<DisplaySettings> {

  public static final SectionKey<DisplaySettings> KEY =
      new SectionKey<>("display", DisplaySettings.class, DisplaySettings.DEFAULTS);
  public static final DisplaySection CODEC = new DisplaySection();

  private DisplaySection() {
  }

  /** An office's lobby screens' ticker and voice. */
  public static DisplaySettings of(Office office) {
    return office.section(KEY);
  }

  /**
   * What the lobby says when a counter calls (or recalls) a ticket number: a counter without a
   * numeric id is said by its name in {@code display.counterNames}, else by its display name.
   */
  public static Announcement announcement(Office office, String number, String counterId, boolean recall) {
    DisplaySettings display = of(office);
    String name = display.counterNames().getOrDefault(counterId,
        office.counter(counterId).map(Counter::name).orElse(counterId));
    return display.announcer().announce(number, counterId, name, recall);
  }

  @Override
  public SectionKey<DisplaySettings> key() {
    return KEY;
  }

  @Override
  public DisplaySettings read(JsonObject json) {
    DisplaySettings d = DisplaySettings.DEFAULTS;
    Map<String, String> names = new LinkedHashMap<>();
    JsonObject counterNames = json.getJsonObject("counterNames", new JsonObject());
    counterNames.fieldNames().forEach(id -> names.put(id, text(counterNames, id, "display.counterNames." + id)));
    return new DisplaySettings(textOr(json, "ticker", d.ticker()),
        choice("display.numberReading", text(json, "numberReading", "display.numberReading"), NumberReading.class,
            d.numberReading()),
        choice("display.dialect", text(json, "dialect", "display.dialect"), Dialect.class, d.dialect()),
        choice("display.voice", text(json, "voice", "display.voice"), DisplaySettings.Voice.class, d.voice()),
        textOr(json, "voicePack", d.voicePack()), names);
  }

  @Override
  public JsonObject write(DisplaySettings d) {
    return new JsonObject().put("ticker", d.ticker())
        .put("numberReading", d.numberReading().name().toLowerCase(Locale.ROOT))
        .put("dialect", d.dialect().name().toLowerCase(Locale.ROOT))
        .put("voice", d.voice().name().toLowerCase(Locale.ROOT))
        .put("voicePack", d.voicePack())
        .put("counterNames", new JsonObject(new LinkedHashMap<>(d.counterNames())));
  }

  @Override
  public void crossCheck(DisplaySettings value, Office office) {
    for (String counter : value.counterNames().keySet()) {
      if (office.counter(counter).isEmpty()) {
        throw new IllegalArgumentException("display.counterNames names unknown counter " + counter);
      }
    }
  }

  @Override
  public void check(JsonObject d, Context context) {
    var read = context.read();
    SettingsProblems problems = context.problems();
    int before = problems.size();
    String ticker = read.string(d, "ticker", "display.ticker", false);
    if (ticker != null && ticker.strip().length() > DisplaySettings.MAX_TICKER) {
      problems.add("display.ticker", "invalid_length", 0, DisplaySettings.MAX_TICKER);
    }
    read.choice(d, "numberReading", "display.numberReading", NumberReading.class);
    read.choice(d, "dialect", "display.dialect", Dialect.class);
    read.choice(d, "voice", "display.voice", DisplaySettings.Voice.class);
    read.string(d, "voicePack", "display.voicePack", false);
    JsonObject names = read.object(d, "counterNames", "display.counterNames");
    for (String counter : names == null ? Set.<String>of() : names.fieldNames()) {
      String at = "display.counterNames." + counter;
      if (!context.counterIds().contains(counter)) {
        problems.add(at, "unknown_counter", counter);
      }
      String name = read.string(names, counter, at, true);
      if (name != null && (name.isBlank() || name.length() > DisplaySettings.MAX_COUNTER_NAME)) {
        problems.add(at, "invalid_length", 1, DisplaySettings.MAX_COUNTER_NAME);
      }
    }
    if (problems.size() == before) {
      read.rule("display", () -> read(d));
    }
  }

  /** A string value or null; anything else (a number, a list) is refused rather than turned into text. */
  private static String text(JsonObject json, String key, String field) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return (String) value;
  }

  private static String textOr(JsonObject json, String key, String fallback) {
    String value = text(json, key, "display." + key);
    return value == null ? fallback : value;
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback) {
    if (value == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(field + ": '" + value + "' is not one of "
        + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
  }
}
