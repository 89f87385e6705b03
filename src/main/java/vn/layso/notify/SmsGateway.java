package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import vn.layso.notify.domain.Phones;

/** The SMS gateway hook (see {@link SmsGatewaySettings}): one POST per message; a non-2xx answer fails. */
public final class SmsGateway {

  private final WebClient client;
  private final SmsGatewaySettings settings;

  public SmsGateway(Vertx vertx, SmsGatewaySettings settings) {
    this.settings = settings;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) settings.timeout().toMillis()).setUserAgent("layso").setKeepAlive(true));
  }

  public Future<Void> send(String phone, String text) {
    var request = client.postAbs(settings.url().toString())
        .putHeader("Content-Type", "application/json")
        .timeout(settings.timeout().toMillis());
    if (settings.token() != null) {
      request.putHeader("Authorization", "Bearer " + settings.token());
    }
    return request.sendBuffer(Buffer.buffer(new JsonObject().put("phone", Phones.forZalo(phone)).put("text", text)
            .encode()))
        .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("sms gateway answered " + response.statusCode())));
  }

  /** The verification message with its code. */
  public String otpText(String code) {
    return settings.otpText().replace("{code}", code);
  }

  public void close() {
    client.close();
  }
}
