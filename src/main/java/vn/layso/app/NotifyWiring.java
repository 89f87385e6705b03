package vn.layso.app;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.notify.AppointmentNotifications;
import vn.layso.notify.NotificationRoutes;
import vn.layso.notify.NotificationWorker;
import vn.layso.notify.Notifier;
import vn.layso.notify.OtpMessages;
import vn.layso.notify.OutboxNotifier;
import vn.layso.notify.SmsFallback;
import vn.layso.notify.SmsGateway;
import vn.layso.notify.SmsGatewaySettings;
import vn.layso.notify.ZaloSettings;
import vn.layso.notify.ZaloTokens;
import vn.layso.notify.ZnsClient;
import vn.layso.notify.domain.TemplateKey;
import vn.layso.booking.PersonalData;
import vn.layso.store.redis.RedisNotificationStore;
import vn.layso.store.redis.RedisStore;
import vn.layso.store.redis.RedisZaloTokenStore;
import vn.layso.verify.OtpChannel;

/**
 * The notification feature, assembled: with Zalo configured, the outbox notifier and this server's
 * worker; without, {@link Notifier#DISABLED} (an INFO line says so). The admin routes read the
 * outbox either way.
 */
record NotifyWiring(Notifier notifier, NotificationRoutes routes, NotificationWorker worker, ZnsClient client,
                    AppointmentNotifications appointments, OtpChannel otp, SmsGateway sms) {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyWiring.class);

  /** Blocks briefly (seeding the refresh token): call at start-up, off the event loops. */
  static NotifyWiring start(Vertx vertx, RedisStore redis, ZaloSettings zalo, SmsGatewaySettings smsSettings,
                            Clock clock, String host, PersonalData personal) throws Exception {
    var store = new RedisNotificationStore(redis, personal);
    var routes = new NotificationRoutes(store, clock);
    SmsGateway sms = smsSettings.enabled() ? new SmsGateway(vertx, smsSettings) : null;
    if (!zalo.enabled()) {
      LOG.info("zalo notifications are off: set ZALO_APP_ID, ZALO_SECRET_KEY, ZALO_REFRESH_TOKEN and ZALO_TEMPLATE_IDS to send them");
      return new NotifyWiring(Notifier.DISABLED, routes, null, null, null, otp(null, null, zalo, sms), sms);
    }
    String owner = host + ":" + UUID.randomUUID();
    var client = new ZnsClient(vertx, zalo);
    var tokens = new ZaloTokens(vertx, new RedisZaloTokenStore(redis), client, clock, owner);
    tokens.seed(zalo.refreshToken()).toCompletionStage().toCompletableFuture()
        .get(30, java.util.concurrent.TimeUnit.SECONDS);
    var worker = new NotificationWorker(vertx, store, client, tokens, SmsFallback.LOGGING, zalo, clock, owner);
    worker.start();
    LOG.atInfo().addKeyValue("zalo", zalo).log("zalo notifications are on");
    var notifier = new OutboxNotifier(store, zalo, clock);
    return new NotifyWiring(notifier, routes, worker, client,
        new AppointmentNotifications(notifier, zalo.reminders(), zalo.turnNearPlaces(), clock),
        otp(client, tokens, zalo, sms), sms);
  }

  /** Phone verification codes: ZNS's OTP template, else the SMS hook; null (503) with neither. */
  private static OtpChannel otp(ZnsClient client, ZaloTokens tokens, ZaloSettings zalo, SmsGateway sms) {
    var template = client == null ? null : zalo.templates().get(TemplateKey.OTP);
    if (template == null && sms == null) {
      LOG.info("phone verification codes cannot be sent: set the ZNS OTP template (ZALO_TEMPLATE_IDS otp=...) or SMS_GATEWAY_URL");
      return null;
    }
    return new OtpMessages(client, tokens, template, zalo.development(), sms);
  }

  void stop() {
    if (worker != null) {
      worker.stop();
      client.close();
    }
    if (sms != null) {
      sms.close();
    }
  }
}
