package vn.layso.queue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import vn.layso.common.ApiException;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.QueueStore.Called;
import vn.layso.queue.QueueStore.Placed;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketAction;
import vn.layso.queue.domain.TicketIds;

/** Walk-in tickets and counter work: validates against the office model, then one store step. */
public final class QueueService {

  private final QueueStore store;
  private final OfficeRegistry offices;
  private final Clock clock;

  public QueueService(QueueStore store, OfficeRegistry offices, Clock clock) {
    this.store = store;
    this.offices = offices;
    this.clock = clock;
  }

  public record IssueRequest(String office, String service, String priority, String source,
                             String idempotencyKey) {
  }

  public Future<Placed> issue(IssueRequest r) {
    Office office = offices.require(r.office());
    ServiceDef service = service(office, r.service());
    if (r.priority() != null && office.priorityGroup(r.priority()).isEmpty()) {
      throw ApiException.invalid("unknown_priority_group", OfficeRegistry.safe(r.priority()));
    }
    return store.issue(new QueueStore.NewTicket(office, service, TicketIds.next(office.id()), r.priority(),
        clock.instant(), today(office), r.source(), r.idempotencyKey()));
  }

  public Future<Placed> find(String ticketId) {
    String office = TicketIds.officeOf(ticketId);
    if (office == null || offices.find(office).isEmpty()) {
      return Future.failedFuture(ApiException.notFound("ticket_not_found"));
    }
    return store.find(office, ticketId);
  }

  public Future<Called> callNext(String officeId, String counterId) {
    Office office = offices.require(officeId);
    return store.callNext(office, counter(office, counterId), clock.instant(), today(office));
  }

  public Future<Ticket> act(String officeId, String counterId, TicketAction action) {
    Office office = offices.require(officeId);
    return store.transition(office, counter(office, counterId), action, clock.instant());
  }

  public Future<Placed> transfer(String officeId, String counterId, String targetService) {
    Office office = offices.require(officeId);
    Counter counter = counter(office, counterId);
    return store.transfer(office, counter, service(office, targetService), clock.instant(), today(office));
  }

  public Future<Boolean> pause(String officeId, String counterId, boolean paused) {
    Office office = offices.require(officeId);
    return store.setPaused(office, counter(office, counterId), paused, clock.instant());
  }

  public Future<JsonObject> snapshot(Office office) {
    return store.snapshot(office, today(office));
  }

  public LocalDate today(Office office) {
    return ServiceDay.of(clock, office.timezone());
  }

  private static ServiceDef service(Office office, String code) {
    return office.service(code).orElseThrow(() -> ApiException.invalid("unknown_service", OfficeRegistry.safe(code)));
  }

  private static Counter counter(Office office, String id) {
    return office.counter(id).orElseThrow(() -> ApiException.notFound("counter_not_found", OfficeRegistry.safe(id)));
  }
}
