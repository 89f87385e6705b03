package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketAction;

/** The queue's storage: every method is one atomic step that also publishes its live event. */
public interface QueueStore {

  record NewTicket(Office office, ServiceDef service, String ticketId, String priority, Instant now,
                   LocalDate serviceDate, String source, String idempotencyKey) {
  }

  /** A ticket and, while it waits, its 1-based place in line. */
  record Placed(Ticket ticket, Integer position, boolean replayed) {
  }

  /** The ticket now called (null when none waits) and the one call-next completed first, if any. */
  record Called(Ticket ticket, Ticket closed) {
  }

  Future<Placed> issue(NewTicket request);

  Future<Called> callNext(Office office, Counter counter, Instant now, LocalDate serviceDate);

  Future<Ticket> transition(Office office, Counter counter, TicketAction action, Instant now);

  Future<Placed> transfer(Office office, Counter counter, ServiceDef target, Instant now, LocalDate serviceDate);

  Future<Boolean> setPaused(Office office, Counter counter, boolean paused, Instant now);

  Future<Placed> find(String office, String ticketId);

  /** The live state as the lobby screen's first message: epoch, version, counters, queues, recent calls. */
  Future<JsonObject> snapshot(Office office, LocalDate serviceDate);
}
