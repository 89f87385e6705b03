package vn.layso.notify;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.notify.domain.Phones;

/**
 * Where a message goes when the number has no Zalo account (-118). layso has no SMS gateway yet:
 * the default logs (phone masked) so an operator can see how often it happens; a gateway plugs in
 * here. The outbox has recorded the notification as NO_ZALO before this is called.
 */
public interface SmsFallback {

  Future<Void> send(String trackingId, String phone, String template, java.util.Map<String, String> data);

  /** Logs that an SMS would be sent; sends nothing. */
  SmsFallback LOGGING = new SmsFallback() {
    private final Logger log = LoggerFactory.getLogger(SmsFallback.class);

    @Override
    public Future<Void> send(String trackingId, String phone, String template, java.util.Map<String, String> data) {
      log.atInfo().addKeyValue("trackingId", Redact.trackingId(trackingId)).addKeyValue("phone", Phones.mask(phone))
          .addKeyValue("template", template).log("number has no Zalo: SMS fallback (no gateway configured)");
      return Future.succeededFuture();
    }
  };
}
