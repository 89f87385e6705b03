package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.notify.domain.Phones;
import vn.layso.notify.domain.ZnsOutcome;
import vn.layso.notify.domain.ZnsTemplate;
import vn.layso.verify.OtpChannel;

/**
 * Sends phone verification codes at once, not through the outbox (the code must never be stored):
 * the ZNS template of the OTP type ({@code template_data: {"otp": "123456"}}) when Zalo and that
 * template are configured, else, or when Zalo does not deliver to this number (-118, Zalo down, a
 * refusal), the SMS gateway hook when configured. Log lines name the outcome only, never the
 * phone or the code.
 */
public final class OtpMessages implements OtpChannel {

  private static final Logger LOG = LoggerFactory.getLogger(OtpMessages.class);

  private final ZnsClient client;
  private final ZaloTokens tokens;
  private final ZnsTemplate template;
  private final boolean development;
  private final SmsGateway sms;
  private final SecureRandom random = new SecureRandom();

  /** {@code template} null: no ZNS (then {@code client} and {@code tokens} may be null); {@code sms} null: no SMS. */
  public OtpMessages(ZnsClient client, ZaloTokens tokens, ZnsTemplate template, boolean development, SmsGateway sms) {
    if (template == null && sms == null) {
      throw new IllegalArgumentException("an OTP channel needs the ZNS OTP template or the SMS gateway");
    }
    this.client = client;
    this.tokens = tokens;
    this.template = template;
    this.development = development;
    this.sms = sms;
  }

  @Override
  public Future<String> send(String phone, String code) {
    Future<String> zalo = template == null ? Future.failedFuture(new IllegalStateException("no ZNS OTP template"))
        : zalo(phone, code);
    return zalo.recover(failed -> {
      if (sms == null) {
        return Future.failedFuture(failed);
      }
      return sms.send(phone, sms.otpText(code)).map("sms");
    });
  }

  private Future<String> zalo(String phone, String code) {
    JsonObject data = new JsonObject();
    template.fit(Map.of("otp", code)).forEach(data::put);
    JsonObject message = new JsonObject().put("phone", Phones.forZalo(phone)).put("template_id", template.id())
        .put("template_data", data).put("tracking_id", "otp-" + trackingId());
    if (development) {
      message.put("mode", "development");
    }
    return tokens.access()
        .compose(token -> client.send(token, message).compose(reply ->
            ZnsOutcome.of(reply.status(), reply.error()) != ZnsOutcome.TOKEN
                ? Future.succeededFuture(reply)
                : tokens.refreshAfter(token).compose(fresh -> client.send(fresh, message))))
        .compose(reply -> {
          ZnsOutcome outcome = ZnsOutcome.of(reply.status(), reply.error());
          if (outcome == ZnsOutcome.SENT) {
            return Future.succeededFuture("zalo");
          }
          LOG.atWarn().addKeyValue("outcome", outcome).addKeyValue("status", reply.status())
              .addKeyValue("error", reply.error()).log("verification code not delivered by zalo");
          return Future.failedFuture(new IllegalStateException("zns " + outcome));
        });
  }

  private String trackingId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
