package vn.layso.print;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.auth.domain.Principal;
import vn.layso.auth.domain.Role;
import vn.layso.common.ApiException;
import vn.layso.common.Redact;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.Printer;
import vn.layso.office.domain.ServiceDef;
import vn.layso.print.domain.PrintResult;
import vn.layso.print.domain.PrinterProfile;
import vn.layso.print.domain.TicketFacts;
import vn.layso.print.domain.TicketLines;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.QueueService;
import vn.layso.queue.QueueStore.Placed;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;

/**
 * Prints an issued ticket: picks the printer (a kiosk's linked one, or the one staff name), renders
 * the ticket off the event loop, sends it and records the outcome with the ticket. Printing is its
 * own call after issuing, so a dead printer never holds a number back; every call answers within
 * the job timeout, PRINTED or FAILED with a reason.
 */
public final class PrintService {

  private static final Logger LOG = LoggerFactory.getLogger(PrintService.class);

  /** Which printer printed (or failed to), how it ended, and whether this answer replays a double tap. */
  public record Outcome(String printer, PrintResult result, String number, boolean replayed) {
  }

  /** Who may print where, and how long a kiosk's repeated request for the same ticket is answered from memory. */
  public record Settings(String publicUrl, Duration jobTimeout, Duration repeatWindow) {
  }

  private final Vertx vertx;
  private final OfficeRegistry offices;
  private final QueueService queue;
  private final PrinterConfig config;
  private final NetworkPrinter network;
  private final PrintStore store;
  private final Clock clock;
  private final Settings settings;
  /** Kiosk jobs by office/ticket/device, kept for the repeat window after they end (per server). */
  private final Map<String, Future<Outcome>> recent = new ConcurrentHashMap<>();

  public PrintService(Vertx vertx, OfficeRegistry offices, QueueService queue, PrinterConfig config,
                      NetworkPrinter network, PrintStore store, Clock clock, Settings settings) {
    this.vertx = vertx;
    this.offices = offices;
    this.queue = queue;
    this.config = config;
    this.network = network;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
  }

  /** Prints the ticket for {@code caller}; {@code requested}: the printer a staff member chose, or null. */
  public Future<Outcome> print(String ticketId, Principal caller, String requested) {
    return queue.find(ticketId).compose(placed -> {
      Ticket ticket = placed.ticket();
      Office office = offices.require(ticket.office());
      if (caller.role() == Role.DEVICE) {
        if (!caller.actsFor(office.id())) {
          throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
        }
        if (requested != null) {
          throw ApiException.invalid("printer_not_allowed");
        }
        requirePrintable(ticket);
        Printer printer = office.printerOf(caller.username()).orElseThrow(() -> ApiException.conflict("no_printer"));
        return once(office.id() + "/" + ticket.id() + "/" + caller.username(),
            () -> run(office, placed, printer, caller.source()));
      }
      if (!caller.mayServe(office.id())) {
        throw new ApiException(ApiException.Kind.FORBIDDEN, "forbidden");
      }
      requirePrintable(ticket);
      return chosenPrinter(office, ticket, requested).compose(printer -> run(office, placed, printer, caller.source()));
    });
  }

  public Future<List<PrintStore.Failure>> failures(Office office, int limit) {
    return store.failures(office.id(), queue.today(office), limit);
  }

  public Future<Map<String, PrintStore.PrinterState>> printerStates(Office office) {
    return store.printerStates(office.id());
  }

  public PrinterProfile profileOf(Printer printer) {
    return config.profile(printer.profile()).orElseThrow();
  }

  /** A finished ticket has nothing left to queue for: printing it again would only confuse. */
  private static void requirePrintable(Ticket ticket) {
    if (ticket.status() != TicketStatus.WAITING && ticket.status() != TicketStatus.CALLED
        && ticket.status() != TicketStatus.SERVING) {
      throw ApiException.conflict("ticket_not_printable", ticket.status().name());
    }
  }

  /** Staff's choice, else the printer that last tried this ticket, else the office's only printer. */
  private Future<Printer> chosenPrinter(Office office, Ticket ticket, String requested) {
    if (requested != null) {
      return Future.succeededFuture(office.printer(requested)
          .orElseThrow(() -> ApiException.invalid("unknown_printer", OfficeRegistry.safe(requested))));
    }
    return store.lastPrinter(office.id(), ticket.id()).map(last -> {
      if (last != null && office.printer(last).isPresent()) {
        return office.printer(last).get();
      }
      if (office.printers().size() == 1) {
        return office.printers().get(0);
      }
      throw ApiException.conflict("no_printer");
    });
  }

  /** A kiosk's double tap joins the job in flight, or gets its answer for a few seconds after. */
  private Future<Outcome> once(String key, java.util.function.Supplier<Future<Outcome>> job) {
    Promise<Outcome> mine = Promise.promise();
    Future<Outcome> earlier = recent.putIfAbsent(key, mine.future());
    if (earlier != null) {
      return earlier.map(o -> new Outcome(o.printer(), o.result(), o.number(), true));
    }
    mine.future().onComplete(done -> vertx.setTimer(settings.repeatWindow().toMillis(),
        id -> recent.remove(key, mine.future())));
    job.get().onComplete(mine);
    return mine.future();
  }

  private Future<Outcome> run(Office office, Placed placed, Printer printer, String by) {
    long deadline = System.nanoTime() + settings.jobTimeout().toNanos();
    Ticket ticket = placed.ticket();
    PrinterProfile profile = profileOf(printer);
    return queue.forecast(office, ticket, placed.position()).compose(wait -> vertx.executeBlocking(
            () -> TicketRenderer.render(profile, TicketLines.of(config.layoutOf(profile),
                facts(office, placed, printer, wait))).bytes(), false))
        .compose(bytes -> network.print(new NetworkPrinter.Target(office.id() + "/" + printer.id(), printer.host(),
            printer.port(), profile.readStatus()), bytes, deadline))
        .recover(renderFailed -> {
          LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("printer", printer.id())
              .addKeyValue("error", Redact.error(renderFailed)).log("ticket could not be rendered");
          return Future.succeededFuture(PrintResult.failed(PrintResult.Reason.ERROR));
        })
        .compose(result -> {
          if (!result.printed()) {
            LOG.atWarn().addKeyValue("office", office.id()).addKeyValue("printer", printer.id())
                .addKeyValue("host", printer.host()).addKeyValue("port", printer.port())
                .addKeyValue("reason", result.reason().code()).log("ticket print failed");
          }
          Outcome outcome = new Outcome(printer.id(), result, ticket.number(), false);
          return store.record(new PrintStore.Attempt(office.id(), ticket.id(), ticket.serviceDate(), printer.id(),
                  result, clock.instant(), by)).map(outcome)
              // the answer matters more than its record: the kiosk must still tell the citizen
              .recover(notRecorded -> Future.succeededFuture(outcome));
        });
  }

  /** What the ticket prints; {@code estimate}: its predicted wait (the median is printed), null if not waiting. */
  private TicketFacts facts(Office office, Placed placed, Printer printer, Estimate estimate) {
    Ticket t = placed.ticket();
    ServiceDef service = office.service(t.service()).orElse(null);
    Integer position = placed.position();
    Integer wait = position == null || service == null || estimate == null ? null : estimate.p50Minutes();
    // "about 0 minutes" helps no one: the line is left out
    wait = wait != null && wait == 0 ? null : wait;
    String base = settings.publicUrl() != null ? settings.publicUrl() : printer.baseUrl();
    String url = base == null ? null : base.replaceAll("/+$", "") + "/t/" + t.id();
    return new TicketFacts(office.name(), t.number(), service == null ? t.service() : service.name(), t.issuedAt(),
        office.timezone(), position == null ? null : position - 1, wait, url);
  }
}
