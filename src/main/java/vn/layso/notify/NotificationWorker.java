package vn.layso.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.common.Redact;
import vn.layso.notify.NotificationStore.Claimed;
import vn.layso.notify.NotificationStore.Outcome;
import vn.layso.notify.domain.Phones;
import vn.layso.notify.domain.TemplateKey;
import vn.layso.notify.domain.ZnsOutcome;
import vn.layso.notify.domain.ZnsTemplate;

/**
 * Sends what the outbox has due, on every server: every poll it claims a batch with a lease (so no
 * other server sends the same ones), sends each to Zalo, and records the outcome. A token error is
 * refreshed once and retried once; Zalo or the network down means a retry with backoff, until the
 * last attempt dead-letters it; -118 goes to the SMS fallback and is not retried.
 */
public final class NotificationWorker {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);
  private static final int BATCH = 20;

  private final Vertx vertx;
  private final NotificationStore store;
  private final ZnsClient client;
  private final ZaloTokens tokens;
  private final SmsFallback sms;
  private final ZaloSettings settings;
  private final Clock clock;
  private final String owner;
  private boolean busy;
  private long timer = -1;

  public NotificationWorker(Vertx vertx, NotificationStore store, ZnsClient client, ZaloTokens tokens,
                            SmsFallback sms, ZaloSettings settings, Clock clock, String owner) {
    this.vertx = vertx;
    this.store = store;
    this.client = client;
    this.tokens = tokens;
    this.sms = sms;
    this.settings = settings;
    this.clock = clock;
    this.owner = owner;
  }

  public void start() {
    timer = vertx.setPeriodic(settings.poll().toMillis(), id -> poll());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One round: claim what is due and send it; a round still running makes the next tick wait. */
  void poll() {
    if (busy) {
      return;
    }
    busy = true;
    Instant now = clock.instant();
    store.claim(owner, now, now.plus(settings.lease()), BATCH)
        .compose(batch -> Future.join(batch.stream().map(this::deliver).toList()))
        .onComplete(done -> {
          busy = false;
          if (done.failed()) {
            LOG.atWarn().addKeyValue("error", Redact.error(done.cause())).log("notification round failed");
          }
        });
  }

  private Future<Void> deliver(Claimed c) {
    JsonObject message;
    try {
      message = message(c);
    } catch (RuntimeException bad) {
      return finish(c, Outcome.FAILED, "invalid: " + bad.getMessage(), null);
    }
    return tokens.access()
        .compose(token -> client.send(token, message).compose(reply ->
            ZnsOutcome.of(reply.status(), reply.error()) != ZnsOutcome.TOKEN
                ? Future.succeededFuture(reply)
                : tokens.refreshAfter(token).compose(fresh -> client.send(fresh, message))))
        .transform(ar -> ar.succeeded() ? outcome(c, ar.result())
            : retryOrFail(c, "unreachable: " + ar.cause().getClass().getSimpleName()));
  }

  private JsonObject message(Claimed c) {
    ZnsTemplate template = settings.templates().get(TemplateKey.of(c.template()));
    JsonObject data = new JsonObject();
    template.fit(c.data()).forEach(data::put);
    JsonObject message = new JsonObject().put("phone", Phones.forZalo(c.phone())).put("template_id", template.id())
        .put("template_data", data).put("tracking_id", c.trackingId());
    return settings.development() ? message.put("mode", "development") : message;
  }

  private Future<Void> outcome(Claimed c, ZnsClient.Reply reply) {
    String error = "http " + reply.status() + (reply.error() == null ? "" : " error " + reply.error());
    return switch (ZnsOutcome.of(reply.status(), reply.error())) {
      case SENT -> finish(c, Outcome.SENT, null, reply.msgId());
      case NO_ZALO -> finish(c, Outcome.NO_ZALO, error, null)
          .compose(v -> sms.send(c.trackingId(), c.phone(), c.template(), c.data()))
          .recover(t -> {
            LOG.atWarn().addKeyValue("trackingId", Redact.trackingId(c.trackingId())).addKeyValue("error", Redact.error(t))
                .log("sms fallback failed");
            return Future.succeededFuture();
          });
      case TOKEN, RETRY -> retryOrFail(c, error);
      case PERMANENT -> finish(c, Outcome.FAILED, error, null);
    };
  }

  private Future<Void> retryOrFail(Claimed c, String error) {
    if (settings.backoff().exhausted(c.attempts())) {
      return finish(c, Outcome.FAILED, error, null);
    }
    Instant next = clock.instant().plus(settings.backoff().after(c.attempts(), ThreadLocalRandom.current().nextDouble()));
    return finish(c, Outcome.RETRY, error, null, next);
  }

  private Future<Void> finish(Claimed c, Outcome outcome, String error, String msgId) {
    return finish(c, outcome, error, msgId, null);
  }

  private Future<Void> finish(Claimed c, Outcome outcome, String error, String msgId, Instant next) {
    var log = outcome == Outcome.SENT ? LOG.atInfo() : LOG.atWarn();
    log.addKeyValue("trackingId", Redact.trackingId(c.trackingId())).addKeyValue("phone", Phones.mask(c.phone()))
        .addKeyValue("attempt", c.attempts()).addKeyValue("outcome", outcome).addKeyValue("error", Redact.text(error))
        .log("notification");
    return store.complete(c.trackingId(), owner, outcome, clock.instant(), next, error, msgId).map(recorded -> {
      if (!recorded) {
        LOG.atWarn().addKeyValue("trackingId", Redact.trackingId(c.trackingId())).log("notification lease lost before its outcome was recorded");
      }
      return null;
    });
  }
}
