package vn.layso.notify;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.layso.notify.domain.Backoff;
import vn.layso.notify.domain.ReminderPlan;
import vn.layso.notify.domain.TemplateKey;
import vn.layso.notify.domain.ZnsTemplate;

/**
 * Zalo ZNS settings from the ZALO_* environment variables. Notifications are on when ZALO_APP_ID,
 * ZALO_SECRET_KEY and ZALO_REFRESH_TOKEN are set (all three or none) and every template has an id
 * (ZALO_TEMPLATE_IDS; the rating and OTP templates are optional). {@code oaSecretKey} signs the OA's webhook
 * events (ZALO_OA_SECRET_KEY, else ZALO_SECRET_KEY). The secrets and the token never reach {@link #toString()}.
 */
public record ZaloSettings(boolean enabled, URI apiBase, URI oauthBase, String appId, String secretKey,
                           String refreshToken, Map<TemplateKey, ZnsTemplate> templates, boolean development,
                           Backoff backoff, Duration timeout, Duration poll, Duration lease, ReminderPlan reminders,
                           int turnNearPlaces, int retentionDays, String oaSecretKey) {

  public static ZaloSettings fromEnvironment(Map<String, String> env) {
    String appId = value(env, "ZALO_APP_ID");
    String secret = value(env, "ZALO_SECRET_KEY");
    String refresh = value(env, "ZALO_REFRESH_TOKEN");
    int set = (appId == null ? 0 : 1) + (secret == null ? 0 : 1) + (refresh == null ? 0 : 1);
    if (set != 0 && set != 3) {
      throw new IllegalArgumentException("ZALO_APP_ID, ZALO_SECRET_KEY and ZALO_REFRESH_TOKEN go together: set all three or none");
    }
    if (appId != null && !appId.matches("\\d{1,30}")) {
      throw new IllegalArgumentException("ZALO_APP_ID must be the Zalo app's numeric id");
    }
    boolean enabled = set == 3;
    Map<TemplateKey, ZnsTemplate> templates = enabled ? templates(env) : Map.of();
    String mode = env.getOrDefault("ZALO_MODE", "production").strip();
    if (!mode.equals("production") && !mode.equals("development")) {
      throw new IllegalArgumentException("ZALO_MODE must be production or development");
    }
    Duration soon = Duration.ofMinutes(integer(env, "ZALO_REMINDER_SOON_MINUTES", 60, 1, 720));
    LocalTime dayBefore;
    try {
      dayBefore = LocalTime.parse(env.getOrDefault("ZALO_REMINDER_DAY_BEFORE_AT", "18:00").strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("ZALO_REMINDER_DAY_BEFORE_AT must be a time HH:mm");
    }
    return new ZaloSettings(enabled,
        url(env, "ZALO_API_BASE", "https://business.openapi.zalo.me"),
        url(env, "ZALO_OAUTH_BASE", "https://oauth.zaloapp.com"),
        appId, secret, refresh, templates, mode.equals("development"),
        new Backoff(Duration.ofMillis(integer(env, "ZALO_RETRY_BASE_MS", 30_000, 10, 3_600_000)),
            Duration.ofMillis(integer(env, "ZALO_RETRY_MAX_MS", 3_600_000, 10, 86_400_000)),
            integer(env, "ZALO_MAX_ATTEMPTS", 8, 1, 100)),
        Duration.ofMillis(integer(env, "ZALO_TIMEOUT_MS", 10_000, 100, 120_000)),
        Duration.ofMillis(integer(env, "ZALO_POLL_MS", 1_000, 10, 60_000)),
        Duration.ofMillis(integer(env, "ZALO_LEASE_MS", 60_000, 1_000, 3_600_000)),
        new ReminderPlan(dayBefore, soon),
        integer(env, "ZALO_TURN_NEAR_PLACES", 3, 1, 50),
        integer(env, "ZALO_RETENTION_DAYS", 30, 1, 3650),
        enabled ? java.util.Objects.requireNonNullElse(value(env, "ZALO_OA_SECRET_KEY"), secret) : null);
  }

  /**
   * The catalogue (notify/zns-templates.json, or ZALO_TEMPLATES_FILE in the same shape) with the ids
   * of ZALO_TEMPLATE_IDS ("confirmation=123,reminder_day_before=124,...") or the file's "id".
   */
  private static Map<TemplateKey, ZnsTemplate> templates(Map<String, String> env) {
    String file = value(env, "ZALO_TEMPLATES_FILE");
    JsonObject catalogue;
    try {
      catalogue = new JsonObject(file == null ? resource() : Files.readString(Path.of(file)));
    } catch (IOException e) {
      throw new IllegalArgumentException("ZALO_TEMPLATES_FILE cannot be read: " + file);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("ZALO_TEMPLATES_FILE is not valid JSON");
    }
    Map<String, String> ids = new LinkedHashMap<>();
    String list = env.getOrDefault("ZALO_TEMPLATE_IDS", "");
    for (String pair : list.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("ZALO_TEMPLATE_IDS is a list of key=id, such as confirmation=123");
      }
      ids.put(TemplateKey.of(kv[0].strip()).key(), kv[1].strip());
    }
    Map<TemplateKey, ZnsTemplate> out = new EnumMap<>(TemplateKey.class);
    for (TemplateKey key : TemplateKey.values()) {
      JsonObject t = catalogue.getJsonObject(key.key());
      if (t == null && !key.required() && !ids.containsKey(key.key())) {
        continue;
      }
      if (t == null || t.getJsonObject("fields") == null) {
        throw new IllegalArgumentException("the ZNS template catalogue has no fields for " + key.key());
      }
      String id = ids.getOrDefault(key.key(), t.getString("id"));
      if (id == null && !key.required()) {
        continue;
      }
      if (id == null) {
        throw new IllegalArgumentException("ZALO_TEMPLATE_IDS has no id for " + key.key());
      }
      Map<String, ZnsTemplate.Field> fields = new LinkedHashMap<>();
      t.getJsonObject("fields").forEach(e -> {
        JsonObject f = (JsonObject) e.getValue();
        fields.put(e.getKey(), new ZnsTemplate.Field(f.getInteger("max", 30), f.getBoolean("exact", false)));
      });
      out.put(key, new ZnsTemplate(key, id, fields));
    }
    return Map.copyOf(out);
  }

  private static String resource() {
    try (InputStream in = ZaloSettings.class.getClassLoader().getResourceAsStream("notify/zns-templates.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URI url(Map<String, String> env, String name, String fallback) {
    String v = value(env, name);
    String url = v == null ? fallback : v.replaceAll("/+$", "");
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw new IllegalArgumentException(name + " must be an http(s) URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(name + " must be an http(s) URL");
    }
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max);
    }
    return n;
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  @Override
  public String toString() {
    return "Zalo[enabled=" + enabled + ", api=" + apiBase + ", oauth=" + oauthBase + ", appId=" + appId
        + ", development=" + development + ", maxAttempts=" + backoff.maxAttempts() + "]";
  }
}
