package vn.layso.notify;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import vn.layso.notify.domain.Notification;
import vn.layso.notify.domain.ZnsTemplate;

/** Queues notifications in the outbox, their data fitted to the template's limits first. */
public final class OutboxNotifier implements Notifier {

  private final NotificationStore store;
  private final ZaloSettings settings;
  private final Clock clock;

  public OutboxNotifier(NotificationStore store, ZaloSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Future<Boolean> enqueue(Notification n) {
    ZnsTemplate template = settings.templates().get(n.template());
    Map<String, String> data;
    try {
      data = template.fit(n.data());
    } catch (IllegalArgumentException bad) {
      return Future.failedFuture(bad);
    }
    return store.enqueue(n, data, clock.instant(), settings.retentionDays() * 86_400L);
  }

  @Override
  public Future<Integer> cancelGroup(String group) {
    return store.cancelGroup(group, clock.instant());
  }
}
