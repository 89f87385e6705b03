package vn.layso.balance;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;

/**
 * The plain estimate: the citizens waiting times the field's average service minutes, shared by
 * the open counters that serve the field as their own (at least one: with none open the queue
 * still moves no faster than one counter would move it).
 */
public final class SimpleNewcomerWaits implements NewcomerWaits {

  private static final long MINUTE = 60_000;

  @Override
  public Future<Map<String, Long>> medianMillis(Office office, BalanceStore.Load load) {
    Map<String, Long> out = new HashMap<>();
    for (ServiceDef s : office.services()) {
      int waiting = load.waiting().getOrDefault(s.code(), 0);
      long open = office.counters().stream().filter(c -> c.serves(s.code()))
          .map(Counter::id).filter(id -> {
            BalanceStore.CounterNow now = load.counters().get(id);
            return now != null && !now.paused();
          }).count();
      out.put(s.code(), waiting * s.avgServiceMinutes() * MINUTE / Math.max(1, open));
    }
    return Future.succeededFuture(out);
  }
}
