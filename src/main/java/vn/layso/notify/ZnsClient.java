package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;

/**
 * Zalo's two HTTP calls, as DOMAIN.md describes them: the ZNS template message (header
 * access_token, JSON body) and the OA token refresh (form-encoded, header secret_key). Answers are
 * returned as they came; what they mean is decided by {@link vn.layso.notify.domain.ZnsOutcome}.
 * Network failures and timeouts fail the future.
 */
public final class ZnsClient {

  /** A ZNS answer: HTTP status, the body's error (null when absent), its message, data.msg_id. */
  public record Reply(int status, Integer error, String message, String msgId) {
  }

  /** A token answer: the new pair and its lifetime, or Zalo's error. Never logged whole. */
  public record TokenReply(int status, Integer error, String access, String refresh, long expiresInSeconds) {
    public boolean ok() {
      return status == 200 && (error == null || error == 0) && access != null && refresh != null;
    }

    @Override
    public String toString() {
      return "TokenReply[status=" + status + ", error=" + error + "]";
    }
  }

  private final WebClient client;
  private final ZaloSettings settings;

  public ZnsClient(Vertx vertx, ZaloSettings settings) {
    this.settings = settings;
    Duration timeout = settings.timeout();
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) timeout.toMillis()).setIdleTimeout((int) timeout.toSeconds() + 1)
        .setUserAgent("layso").setKeepAlive(true));
  }

  public Future<Reply> send(String accessToken, JsonObject message) {
    return client.postAbs(settings.apiBase() + "/message/template")
        .putHeader("access_token", accessToken)
        .putHeader("Content-Type", "application/json")
        .timeout(settings.timeout().toMillis())
        .sendBuffer(Buffer.buffer(message.encode()))
        .map(ZnsClient::reply);
  }

  public Future<TokenReply> refresh(String refreshToken) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", "refresh_token").add("refresh_token", refreshToken).add("app_id", settings.appId());
    return client.postAbs(settings.oauthBase() + "/v4/oa/access_token")
        .putHeader("secret_key", settings.secretKey())
        .timeout(settings.timeout().toMillis())
        .sendForm(form)
        .map(ZnsClient::tokenReply);
  }

  private static Reply reply(HttpResponse<Buffer> response) {
    JsonObject body = json(response);
    Integer error = body == null ? null : integer(body.getValue("error"));
    JsonObject data = body == null ? null : body.getJsonObject("data");
    return new Reply(response.statusCode(), error, body == null ? null : body.getString("message"),
        data == null || data.getValue("msg_id") == null ? null : String.valueOf(data.getValue("msg_id")));
  }

  private static TokenReply tokenReply(HttpResponse<Buffer> response) {
    JsonObject body = json(response);
    if (body == null) {
      return new TokenReply(response.statusCode(), null, null, null, 0);
    }
    Integer expires = integer(body.getValue("expires_in"));
    return new TokenReply(response.statusCode(), integer(body.getValue("error")), body.getString("access_token"),
        body.getString("refresh_token"), expires == null ? 0 : expires);
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    try {
      return response.body() == null ? null : response.bodyAsJsonObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** Zalo writes some numbers as strings ("expires_in": "90000"). */
  private static Integer integer(Object v) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s && s.matches("-?\\d{1,9}")) {
      return Integer.parseInt(s);
    }
    return null;
  }

  public void close() {
    client.close();
  }
}
