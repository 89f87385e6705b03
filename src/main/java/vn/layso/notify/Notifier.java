package vn.layso.notify;

import io.vertx.core.Future;
import vn.layso.notify.domain.Notification;

/**
 * What other features call when a citizen should be told something. Enqueueing is durable (the
 * outbox in Redis) and idempotent per tracking id; the sending happens later, on any server.
 */
public interface Notifier {

  /** True when queued, false when this tracking id was queued before (or notifications are off). */
  Future<Boolean> enqueue(Notification notification);

  /** Cancels the group's notifications that are still waiting; returns how many. */
  Future<Integer> cancelGroup(String group);

  /** Notifications off (Zalo not configured): nothing is stored or sent. */
  Notifier DISABLED = new Notifier() {
    @Override
    public Future<Boolean> enqueue(Notification notification) {
      return Future.succeededFuture(false);
    }

    @Override
    public Future<Integer> cancelGroup(String group) {
      return Future.succeededFuture(0);
    }
  };
}
