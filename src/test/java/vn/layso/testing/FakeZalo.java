package vn.layso.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zalo's OA token and ZNS endpoints for tests, on a random port of 127.0.0.1, checking every request
 * as the real ones do (DOMAIN.md "Zalo: the request shapes"): the access_token header (not
 * Authorization) naming a live token, phone 84…, a known template id, its exact parameters within
 * their limits and 400 characters in all, a tracking_id; the refresh form with secret_key, app_id
 * and a refresh token that is single-use and rotates (a reuse is -14020). A request that breaks a
 * rule is refused and recorded in {@link #violations()}. Failures to script: -118 for a number,
 * the access token expiring (-124), Zalo down (HTTP 500), no answer (timeouts).
 */
public final class FakeZalo implements AutoCloseable {

  public static final String APP_ID = "4321987650";
  public static final String SECRET = "fake-oa-secret-key";
  public static final String SMS_TOKEN = "fake-sms-gateway-token";

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final Map<String, Map<String, Integer>> templates = new ConcurrentHashMap<>();
  private final Set<String> liveAccess = ConcurrentHashMap.newKeySet();
  private final Set<String> usedRefresh = ConcurrentHashMap.newKeySet();
  private volatile String refresh = "refresh-0";
  private final AtomicInteger rotation = new AtomicInteger();
  private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
  private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  private final List<JsonObject> smsMessages = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Set<String> noZalo = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sendRequests = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger refreshReuses = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> hangs = new ConcurrentLinkedQueue<>();
  private volatile boolean down;

  public FakeZalo() throws Exception {
    Map<String, Integer> appointment = Map.of("customer_name", 30, "booking_code", 30, "office_name", 100,
        "service_name", 100, "schedule_date", 10, "schedule_time", 5);
    templates.put("1001", appointment);
    templates.put("1002", appointment);
    Map<String, Integer> soon = new java.util.HashMap<>(appointment);
    soon.remove("service_name");
    templates.put("1003", Map.copyOf(soon));
    templates.put("1004", Map.of("customer_name", 30, "booking_code", 30, "office_name", 100,
        "ticket_number", 10, "places_ahead", 3));
    templates.put("1005", Map.of("office_name", 100, "service_name", 100, "ticket_number", 10, "schedule_date", 10));
    // a ZNS template of the OTP type: its one parameter is the code
    templates.put("1006", Map.of("otp", 6));
    server = vertx.createHttpServer().requestHandler(this::handle);
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The ZALO_* variables that point a layso server at this fake, with fast polling and retries. */
  public void configure(Map<String, String> env) {
    String base = "http://127.0.0.1:" + server.actualPort();
    env.put("ZALO_API_BASE", base);
    env.put("ZALO_OAUTH_BASE", base);
    env.put("ZALO_APP_ID", APP_ID);
    env.put("ZALO_SECRET_KEY", SECRET);
    env.put("ZALO_REFRESH_TOKEN", "refresh-0");
    env.put("ZALO_TEMPLATE_IDS", "confirmation=1001,reminder_day_before=1002,reminder_soon=1003,turn_near=1004");
    env.put("ZALO_POLL_MS", "50");
    env.put("ZALO_RETRY_BASE_MS", "1000");
    env.put("ZALO_TIMEOUT_MS", "1000");
  }

  /** Also the ZNS OTP template (otp=1006) and this fake's SMS gateway hook (SMS_GATEWAY_URL, {@link #sms()}). */
  public void configureOtp(Map<String, String> env) {
    env.put("ZALO_TEMPLATE_IDS", env.get("ZALO_TEMPLATE_IDS") + ",otp=1006");
    env.put("SMS_GATEWAY_URL", "http://127.0.0.1:" + server.actualPort() + "/sms");
    env.put("SMS_GATEWAY_TOKEN", SMS_TOKEN);
  }

  /** The last code the ZNS OTP template carried to this number (84…), or null. */
  public String lastOtp(String phone84) {
    String code = null;
    for (JsonObject m : messages) {
      if ("1006".equals(String.valueOf(m.getValue("template_id"))) && phone84.equals(m.getString("phone"))) {
        code = m.getJsonObject("template_data").getString("otp");
      }
    }
    return code;
  }

  /** What the SMS gateway hook received: {"phone","text"} each. */
  public List<JsonObject> sms() {
    return smsMessages;
  }

  /**
   * A {@code user_feedback} webhook event as the OA sends it when a citizen answers a rating
   * message: {@code stars} 1..5, the chosen phrases and a note, for the message's tracking id.
   */
  public static String userFeedback(String trackingId, int stars, String note, long timestamp) {
    return new JsonObject().put("app_id", APP_ID).put("oa_id", "579745863508352884")
        .put("user_id_by_app", "552177279717587730").put("event_name", "user_feedback")
        .put("timestamp", Long.toString(timestamp))
        .put("message", new JsonObject().put("note", note).put("rate", stars)
            .put("submit_time", Long.toString(timestamp)).put("msg_id", "msg-fb-" + timestamp)
            .put("feedbacks", new io.vertx.core.json.JsonArray().add("Thủ tục rườm rà"))
            .put("tracking_id", trackingId))
        .encode();
  }

  /** The X-ZEvent-Signature of an event body: SHA-256 hex of app id + body + timestamp + OA secret key. */
  public static String signature(String body, long timestamp) {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((APP_ID + body + timestamp + SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "mac=" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Zalo (and the fake SMS gateway) answer HTTP 500 to every message while down. */
  public void down(boolean down) {
    this.down = down;
  }

  /** Messages to this number get -118 (no Zalo account). */
  public void noZaloAccount(String phone84) {
    noZalo.add(phone84);
  }

  /** Every access token issued so far stops working (-124), as after its 25 hours. */
  public void expireAccessTokens() {
    liveAccess.clear();
  }

  /** The next {@code n} messages get no answer at all. */
  public void hangNext(int n) {
    for (int i = 0; i < n; i++) {
      hangs.add("hang");
    }
  }

  private void handle(HttpServerRequest req) {
    if (req.method().name().equals("POST") && req.path().equals("/message/template")) {
      req.body().onSuccess(body -> message(req, body.toString()));
    } else if (req.method().name().equals("POST") && req.path().equals("/sms")) {
      req.body().onSuccess(body -> {
        if (down) {
          req.response().setStatusCode(500).end();
          return;
        }
        if (!("Bearer " + SMS_TOKEN).equals(req.getHeader("Authorization"))) {
          violations.add("sms without its token");
          req.response().setStatusCode(401).end();
          return;
        }
        smsMessages.add(new JsonObject(body.toString()));
        answer(req, new JsonObject().put("ok", true));
      });
    } else if (req.method().name().equals("POST") && req.path().equals("/v4/oa/access_token")) {
      req.setExpectMultipart(true);
      req.end().onSuccess(v -> token(req));
    } else {
      violations.add("unexpected " + req.method() + " " + req.path());
      req.response().setStatusCode(404).end();
    }
  }

  private void message(HttpServerRequest req, String raw) {
    sendRequests.incrementAndGet();
    if (hangs.poll() != null) {
      return;
    }
    if (down) {
      req.response().setStatusCode(500).end("Internal Server Error");
      return;
    }
    if (req.getHeader("Authorization") != null) {
      violations.add("Authorization header sent");
    }
    String token = req.getHeader("access_token");
    if (token == null || !liveAccess.contains(token)) {
      answer(req, new JsonObject().put("error", -124).put("message", "Access token is invalid"));
      return;
    }
    JsonObject m;
    try {
      m = new JsonObject(raw);
    } catch (RuntimeException e) {
      refuse(req, "body is not JSON");
      return;
    }
    String problem = problem(m, req.getHeader("Content-Type"));
    if (problem != null) {
      refuse(req, problem);
      return;
    }
    if (noZalo.contains(m.getString("phone"))) {
      answer(req, new JsonObject().put("error", -118).put("message", "Zalo account not existed"));
      return;
    }
    messages.add(m);
    delivered.computeIfAbsent(m.getString("tracking_id"), k -> new AtomicInteger()).incrementAndGet();
    answer(req, new JsonObject().put("error", 0).put("message", "Success").put("data", new JsonObject()
        .put("msg_id", "msg-" + messages.size()).put("sent_time", Long.toString(System.currentTimeMillis()))
        .put("quota", new JsonObject().put("dailyQuota", "500").put("remainingQuota", "499"))));
  }

  private String problem(JsonObject m, String contentType) {
    if (contentType == null || !contentType.startsWith("application/json")) {
      return "content type " + contentType;
    }
    if (!(m.getValue("phone") instanceof String phone) || !phone.matches("84\\d{9}")) {
      return "phone " + m.getValue("phone");
    }
    Map<String, Integer> fields = templates.get(String.valueOf(m.getValue("template_id")));
    if (fields == null) {
      return "unknown template " + m.getValue("template_id");
    }
    if (!(m.getValue("tracking_id") instanceof String id) || id.isBlank() || id.length() > 48) {
      return "tracking_id " + m.getValue("tracking_id");
    }
    if (!(m.getValue("template_data") instanceof JsonObject data) || !data.fieldNames().equals(fields.keySet())) {
      return "template_data fields " + m.getValue("template_data");
    }
    int total = 0;
    for (String name : data.fieldNames()) {
      if (!(data.getValue(name) instanceof String v) || v.isEmpty() || v.length() > fields.get(name)) {
        return "template_data." + name + " = " + data.getValue(name);
      }
      if (!v.equals(java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFC))) {
        return "template_data." + name + " not NFC";
      }
      total += v.length();
    }
    if (total > 400) {
      return "template_data longer than 400";
    }
    if (m.containsKey("mode") && !"development".equals(m.getValue("mode"))) {
      return "mode " + m.getValue("mode");
    }
    return null;
  }

  private synchronized void token(HttpServerRequest req) {
    var form = req.formAttributes();
    if (!SECRET.equals(req.getHeader("secret_key")) || !APP_ID.equals(form.get("app_id"))
        || !"refresh_token".equals(form.get("grant_type"))
        || !String.valueOf(req.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
      violations.add("token request " + req.headers().names() + " " + form.names());
      answer(req, new JsonObject().put("error", -14002).put("error_name", "Invalid app"));
      return;
    }
    String presented = form.get("refresh_token");
    if (presented != null && usedRefresh.contains(presented)) {
      refreshReuses.incrementAndGet();
      answer(req, new JsonObject().put("error", -14020).put("error_name", "Refresh token has been used"));
      return;
    }
    if (presented == null || !presented.equals(refresh)) {
      violations.add("unknown refresh token");
      answer(req, new JsonObject().put("error", -14014).put("error_name", "Invalid refresh token"));
      return;
    }
    refreshes.incrementAndGet();
    usedRefresh.add(presented);
    int n = rotation.incrementAndGet();
    refresh = "refresh-" + n;
    String access = "access-" + n;
    liveAccess.add(access);
    answer(req, new JsonObject().put("access_token", access).put("refresh_token", refresh).put("expires_in", "90000"));
  }

  private void refuse(HttpServerRequest req, String problem) {
    violations.add(problem);
    answer(req, new JsonObject().put("error", -100).put("message", "Invalid parameter: " + problem));
  }

  private static void answer(HttpServerRequest req, JsonObject body) {
    req.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** How many times Zalo accepted a message with this tracking id. */
  public int deliveredCount(String trackingId) {
    AtomicInteger n = delivered.get(trackingId);
    return n == null ? 0 : n.get();
  }

  public Map<String, AtomicInteger> delivered() {
    return delivered;
  }

  public List<JsonObject> messages() {
    return messages;
  }

  public List<String> violations() {
    return violations;
  }

  public int sendRequests() {
    return sendRequests.get();
  }

  public int refreshes() {
    return refreshes.get();
  }

  public int refreshReuses() {
    return refreshReuses.get();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
