package vn.layso.history;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.layso.history.domain.DaySummary;
import vn.layso.office.domain.Office;
import vn.layso.queue.DayCloser;
import vn.layso.api.ApiJson;
import vn.layso.queue.TicketView;
import vn.layso.queue.domain.Ticket;

/**
 * What follows a closed day (the day closer's afterClose): the day's summary, stored for good,
 * and the day's archive file, {@code DATA_DIR/archive/<office>/<yyyy-MM-dd>.jsonl.gz}, one line per
 * ticket in the staff record form ({@link TicketView#record}, as the history API answers). The
 * tickets are read through the day index, {@link #BATCH} at a time.
 *
 * <p>Exactly once in effect, however often it is called and by however many servers: a day whose
 * mark is set (only after both the summary and the file exist) is skipped; otherwise a server
 * first claims the day for {@link #CLAIM}, and a server that finds the claim taken fails, so the
 * closer keeps the day open and asks again later. Every write replaces the same thing with the
 * same content, so a server that died half way leaves nothing that a retry cannot simply redo.
 */
public final class DayArchiver {

  private static final Logger LOG = LoggerFactory.getLogger(DayArchiver.class);
  private static final int BATCH = 500;
  private static final Duration CLAIM = Duration.ofMinutes(2);

  private final Vertx vertx;
  private final HistoryStore store;
  private final ArchiveFiles files;
  private final Clock clock;
  private final String host;
  private final String owner = UUID.randomUUID().toString();

  /** @param host this server's name, recorded with the mark to say which machine holds the file */
  public DayArchiver(Vertx vertx, HistoryStore store, ArchiveFiles files, Clock clock, String host) {
    this.vertx = vertx;
    this.store = store;
    this.files = files;
    this.clock = clock;
    this.host = host;
  }

  /** Summarises and archives a closed day, unless that is done already; fails while another server does it. */
  public Future<Void> archive(Office office, LocalDate day) {
    return store.archived(office.id(), day)
        .compose(done -> done ? Future.succeededFuture() : claimAndWrite(office, day));
  }

  private Future<Void> claimAndWrite(Office office, LocalDate day) {
    return store.claim(office.id(), day, owner, CLAIM).compose(claimed -> {
      if (!claimed) {
        return Future.failedFuture(new DayCloser.Busy("another server is archiving " + office.id() + " " + day));
      }
      // a server that held the claim until a moment ago may have finished the day
      return store.archived(office.id(), day).compose(done -> done ? Future.succeededFuture() : write(office, day));
    });
  }

  private Future<Void> write(Office office, LocalDate day) {
    DaySummary summary = DaySummaries.start(office, day);
    List<Ticket> tickets = new ArrayList<>();
    return vertx.executeBlocking(() -> files.open(office.id(), day)).compose(writer ->
        copy(office, day, 0, summary, writer, tickets)
            .compose(v -> store.counterLog(office.id(), day))
            .compose(log -> {
              DaySummaries.finish(summary, office, log, tickets,
                  day.plusDays(1).atStartOfDay(office.timezone()).toInstant());
              return vertx.executeBlocking(writer::commit);
            })
            .onFailure(t -> vertx.executeBlocking(() -> {
              writer.abort();
              return null;
            }))
            .compose(path -> store.saveSummary(office.id(), day, SummaryJson.of(summary).encode()).map(path))
            .compose(path -> store.markArchived(office.id(), day, clock.instant(), host + ":" + path.toAbsolutePath())
                .onSuccess(v -> logArchived(office, day, summary, path))));
  }

  /** Reads the day a page at a time: each ticket goes into the summary and, as a line, into the file. */
  private Future<Void> copy(Office office, LocalDate day, long offset, DaySummary summary, ArchiveFiles.Writer writer,
                            List<Ticket> tickets) {
    return store.dayTickets(office.id(), day, offset, BATCH).compose(page -> {
      List<String> lines = new ArrayList<>(page.tickets().size());
      for (Ticket t : page.tickets()) {
        summary.add(t);
        tickets.add(t);
        lines.add(ApiJson.encode(TicketView.record(office, t)));
      }
      Future<Void> written = vertx.executeBlocking(() -> {
        writer.write(lines);
        return null;
      });
      return offset + BATCH >= page.total() ? written
          : written.compose(v -> copy(office, day, offset + BATCH, summary, writer, tickets));
    });
  }

  private static void logArchived(Office office, LocalDate day, DaySummary summary, Path path) {
    LOG.atInfo().addKeyValue("office", office.id()).addKeyValue("day", day)
        .addKeyValue("tickets", summary.issued()).addKeyValue("file", path).log("service day archived");
  }
}
