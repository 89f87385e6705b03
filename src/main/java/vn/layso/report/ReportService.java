package vn.layso.report;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.layso.history.DaySummaries;
import vn.layso.history.HistoryStore;
import vn.layso.history.SummaryReader;
import vn.layso.history.domain.DayFigures;
import vn.layso.history.domain.Tally;
import vn.layso.office.OfficeRegistry;
import vn.layso.office.domain.Counter;
import vn.layso.office.domain.Office;
import vn.layso.office.domain.ServiceDef;
import vn.layso.queue.domain.ServiceDay;
import vn.layso.rating.RatingSection;
import vn.layso.report.domain.ReportBuilder;
import vn.layso.report.domain.ReportBy;
import vn.layso.report.domain.ReportRow;

/**
 * Reports of a period: closed days from their stored summaries (kept in memory once read: a
 * closed day's summary never changes), days not closed yet (today) computed live from their
 * tickets and counter log, ratings and appointments from their per-day counts (always read
 * fresh: a rating may come in after its day closed). Nothing comes from logs or memory alone, so
 * the figures are the same after a restart.
 */
public final class ReportService {

  /**
   * Closed days kept parsed in memory; beyond this many the cache starts over. A provincial
   * centre's day (30 counters and accounts, 8 fields) takes about 150 KB parsed.
   */
  private static final int CACHE_DAYS = 2_000;
  /** Days back from yesterday that {@link #warmUp} reads per office: a year's report. */
  private static final int WARM_DAYS = 366;
  /** The days {@link #warmUp} reads first: a month's report. */
  private static final int WARM_FIRST = 31;
  /** The warm-up of each office while it runs. */
  private final Map<String, List<Warm>> warming = new ConcurrentHashMap<>();

  private final Vertx vertx;
  private final ReportStore store;
  private final HistoryStore history;
  private final OfficeRegistry offices;
  private final Clock clock;
  private final Map<String, DayFigures> closed = new ConcurrentHashMap<>();
  /** The last live figures of each office's open days, valid while the office's version has not moved. */
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  private record Live(long version, Instant at, Future<DayFigures> figures) {
  }

  public ReportService(Vertx vertx, ReportStore store, HistoryStore history, OfficeRegistry offices, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.history = history;
    this.offices = offices;
    this.clock = clock;
  }

  /** One office's report, rows by {@code by}. */
  public Future<ReportView> report(Office office, LocalDate from, LocalDate to, ReportBy by) {
    List<LocalDate> dates = dates(from, to);
    Future<Days> days = figures(office, from, to);
    Future<Map<LocalDate, Map<String, Long>>> ratings = store.ratingCounts(office.id(), dates);
    Future<Map<LocalDate, Map<String, Long>>> appointments = store.appointmentCounts(office.id(), dates);
    return Future.all(days, ratings, appointments).compose(v -> {
      ReportBuilder.Report report = ReportBuilder.build(by, days.result().figures(), ratings.result(), appointments.result());
      return labels(office, by, report).map(labels -> json(office, from, to, by, report, labels, days.result()));
    });
  }

  /** Every office side by side: one row per office (its total), for admins. */
  public Future<ReportView> province(LocalDate from, LocalDate to) {
    List<Office> all = new ArrayList<>(offices.all());
    all.sort(Comparator.comparing(Office::id));
    List<Future<ReportBuilder.Report>> reports = new ArrayList<>();
    for (Office office : all) {
      List<LocalDate> dates = dates(from, to);
      Future<Days> days = figures(office, from, to);
      Future<Map<LocalDate, Map<String, Long>>> ratings = store.ratingCounts(office.id(), dates);
      Future<Map<LocalDate, Map<String, Long>>> appointments = store.appointmentCounts(office.id(), dates);
      reports.add(Future.all(days, ratings, appointments).map(v ->
          ReportBuilder.build(ReportBy.DAY, days.result().figures(), ratings.result(), appointments.result())));
    }
    return Future.all(reports).map(done -> {
      List<ReportRow> rows = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        ReportRow t = done.<ReportBuilder.Report>resultAt(i).total();
        rows.add(new ReportRow(all.get(i).id(), t.tally(), t.ratings(), t.appointments(), null));
      }
      ReportRow total = sum(rows);
      int levels = ReportJson.levels(all.stream().mapToInt(o -> RatingSection.of(o).levels()).max().orElse(3), total.ratings());
      List<ReportView.Row> out = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        out.add(ReportJson.row(all.get(i).id(), all.get(i).name(), rows.get(i), levels));
      }
      return new ReportView(null, null, from.toString(), to.toString(), "office", levels,
          clock.instant().toString(), null, null, out, ReportJson.row("total", null, total, levels));
    });
  }

  private static ReportRow sum(List<ReportRow> rows) {
    var tally = new Tally();
    Map<Integer, Long> ratings = new TreeMap<>();
    ReportRow.Appointments appointments = ReportRow.Appointments.NONE;
    for (ReportRow r : rows) {
      tally.merge(r.tally());
      r.ratings().forEach((l, n) -> ratings.merge(l, n, Long::sum));
      appointments = appointments.plus(r.appointments());
    }
    return new ReportRow("total", tally, ratings, appointments, null);
  }

  /** The period's days with figures, and how many were read closed and how many live. */
  private record Days(List<DayFigures> figures, int closedDays, int liveDays) {
  }

  /**
   * Closed days from the cache or their stored summaries (one MGET, decoded and parsed on worker
   * threads) while the open days are read and summarised (also on a worker): the two overlap.
   */
  private Future<Days> figures(Office office, LocalDate from, LocalDate to) {
    LocalDate today = ServiceDay.of(clock, office.timezone());
    return store.summarisedDays(office.id(), from, to).compose(summarised -> {
      List<LocalDate> missing = new ArrayList<>();
      Map<LocalDate, DayFigures> found = new HashMap<>();
      for (LocalDate d : summarised) {
        DayFigures cached = closed.get(cacheKey(office, d));
        if (cached != null) {
          found.put(d, cached);
        } else {
          missing.add(d);
        }
      }
      Set<LocalDate> done = new HashSet<>(summarised);
      List<LocalDate> open = new ArrayList<>();
      for (LocalDate d : dates(from, to.isAfter(today) ? today : to)) {
        if (!done.contains(d)) {
          open.add(d);
        }
      }
      Future<Map<LocalDate, DayFigures>> read = missing.isEmpty() ? Future.succeededFuture(Map.of())
          : readClosed(office, missing);
      Future<List<DayFigures>> live = open.isEmpty() ? Future.succeededFuture(List.of())
          : store.version(office.id()).compose(version -> {
            List<Future<DayFigures>> days = open.stream().map(d -> liveDay(office, d, version)).toList();
            return Future.all(days).map(v -> days.stream().map(Future::result).filter(ReportService::hasAny).toList());
          });
      return Future.all(read, live).map(v -> {
        found.putAll(read.result());
        List<DayFigures> all = new ArrayList<>(found.values());
        all.addAll(live.result());
        all.sort(Comparator.comparing(DayFigures::date));
        return new Days(all, found.size(), live.result().size());
      });
    });
  }

  /**
   * Closed days not in memory: read and parsed, unless a warm-up reads some of them right now;
   * then, once it is done, only those it did not read (never the same days twice at once).
   */
  private Future<Map<LocalDate, DayFigures>> readClosed(Office office, List<LocalDate> days) {
    for (Warm warm : warming.getOrDefault(office.id(), List.of())) {
      if (!warm.done().isComplete() && days.stream().anyMatch(warm::covers)) {
        return warm.done().transform(done -> readClosed(office, days));
      }
    }
    Map<LocalDate, DayFigures> out = new HashMap<>();
    List<LocalDate> missing = new ArrayList<>();
    for (LocalDate d : days) {
      DayFigures cached = closed.get(cacheKey(office, d));
      if (cached != null) {
        out.put(d, cached);
      } else {
        missing.add(d);
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(out);
    }
    return store.summaries(office.id(), missing).compose(stored -> parseInParallel(office, stored)).map(parsed -> {
      out.putAll(parsed);
      return out;
    });
  }

  private static boolean hasAny(DayFigures day) {
    return day.all().issuedCount() > 0 || day.all().waits().count() > 0 || !day.staffTime().isEmpty();
  }

  /**
   * A day not closed yet, from its tickets and counter log (summarised on a worker thread: 1,500
   * tickets are tens of milliseconds of CPU); the last answer is reused while the office's version
   * (bumped by every ticket and counter event) has not moved and the clock stayed within the same
   * minute (staff time runs on with the clock).
   */
  private Future<DayFigures> liveDay(Office office, LocalDate day, long version) {
    String key = cacheKey(office, day);
    Instant now = clock.instant();
    Live known = live.get(key);
    if (known != null && known.version() == version && known.at().getEpochSecond() / 60 == now.getEpochSecond() / 60) {
      return known.figures(); // done, or under way (a warm-up's, another report's): never computed twice at once
    }
    Future<DayFigures> figures = DaySummaries.read(history, office, day)
        .compose(read -> vertx.executeBlocking(() -> DaySummaries.summarise(office, read, now).figures(), false));
    if (live.size() > CACHE_DAYS) {
      live.clear();
    }
    Live entry = new Live(version, now, figures);
    live.put(key, entry);
    return figures.onFailure(e -> live.remove(key, entry));
  }

  /**
   * Reads the closed days of every office's last year (fewer when many offices would overfill
   * the cache) into memory, the last month first (and today, from its tickets), so that the first
   * reports after a start find them parsed. Called once the server listens: it delays nothing, and a report
   * that needs days being read waits for them instead of reading them a second time.
   */
  public Future<Integer> warmUp() {
    List<Office> all = new ArrayList<>(offices.all());
    int days = Math.max(1, Math.min(WARM_DAYS, CACHE_DAYS / Math.max(1, all.size())));
    List<Future<Integer>> read = all.stream().map(office -> warmUp(office, days)).toList();
    return Future.all(read).map(done -> read.stream().mapToInt(Future::result).sum());
  }

  /**
   * One office: the last month and today, then the older days. Both parts are announced at once,
   * so that a report waits for the part that holds its days, never reading them itself meanwhile.
   */
  private Future<Integer> warmUp(Office office, int days) {
    LocalDate yesterday = ServiceDay.of(clock, office.timezone()).minusDays(1);
    LocalDate monthAgo = yesterday.minusDays(Math.min(days, WARM_FIRST) - 1L);
    Promise<Integer> recent = Promise.promise();
    Promise<Integer> older = Promise.promise();
    List<Warm> plan = List.of(new Warm(monthAgo, yesterday, recent.future()),
        new Warm(yesterday.minusDays(days - 1L), monthAgo.minusDays(1), older.future()));
    warming.put(office.id(), plan);
    Future<DayFigures> today = store.version(office.id()).compose(v -> liveDay(office, yesterday.plusDays(1), v));
    Future<Integer> month = read(office, monthAgo, yesterday);
    Future.all(month, today).map(both -> month.result()).onComplete(recent);
    recent.future().compose(n -> days > WARM_FIRST ? read(office, yesterday.minusDays(days - 1L), monthAgo.minusDays(1))
        : Future.succeededFuture(0)).onComplete(older);
    return Future.all(recent.future(), older.future())
        .map(both -> recent.future().result() + older.future().result())
        .andThen(done -> warming.remove(office.id(), plan));
  }

  /** The closed days from {@code from} to {@code to} not in memory yet, read and parsed. */
  private Future<Integer> read(Office office, LocalDate from, LocalDate to) {
    return store.summarisedDays(office.id(), from, to)
        .compose(summarised -> store.summaries(office.id(),
            summarised.stream().filter(d -> !closed.containsKey(cacheKey(office, d))).toList()))
        .compose(stored -> parseInParallel(office, stored))
        .map(Map::size);
  }

  /** An office's warm-up reading the days from {@code from} to {@code to}. */
  private record Warm(LocalDate from, LocalDate to, Future<Integer> done) {
    boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /** Parses the stored summaries on worker threads, one share per core (a year is some 300 of them). */
  private Future<Map<LocalDate, DayFigures>> parseInParallel(Office office, Map<LocalDate, ReportStore.Stored> jsons) {
    if (jsons.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    int shares = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), jsons.size() / 8 + 1));
    List<Map<LocalDate, ReportStore.Stored>> parts = new ArrayList<>();
    for (int i = 0; i < shares; i++) {
      parts.add(new HashMap<>());
    }
    int i = 0;
    for (var e : jsons.entrySet()) {
      parts.get(i++ % shares).put(e.getKey(), e.getValue());
    }
    List<Future<Map<LocalDate, DayFigures>>> parsed = parts.stream()
        .map(part -> vertx.executeBlocking(() -> parse(office, part), false)).toList();
    return Future.all(parsed).map(done -> {
      Map<LocalDate, DayFigures> out = new HashMap<>();
      parsed.forEach(f -> out.putAll(f.result()));
      return out;
    });
  }

  /** Decodes (base64, gzip) and parses (streaming, no JSON tree) its share of the stored days. */
  private Map<LocalDate, DayFigures> parse(Office office, Map<LocalDate, ReportStore.Stored> stored) throws IOException {
    Map<LocalDate, DayFigures> out = new HashMap<>();
    if (closed.size() > CACHE_DAYS) {
      closed.clear();
    }
    for (var e : stored.entrySet()) {
      DayFigures figures = SummaryReader.figures(e.getValue().open());
      closed.put(cacheKey(office, e.getKey()), figures);
      out.put(e.getKey(), figures);
    }
    return out;
  }

  private static String cacheKey(Office office, LocalDate day) {
    return office.id() + "\n" + day;
  }

  private static List<LocalDate> dates(LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  /** Display names of the rows: field and counter names from the settings, staff full names. */
  private Future<Map<String, String>> labels(Office office, ReportBy by, ReportBuilder.Report report) {
    Map<String, String> out = new HashMap<>();
    switch (by) {
      case FIELD -> office.services().forEach(s -> out.put(s.code(), s.name()));
      case COUNTER -> office.counters().forEach(c -> out.put(c.id(), c.name()));
      case STAFF -> {
        List<String> names = report.rows().stream().map(r -> username(r.key())).toList();
        return store.fullNames(names);
      }
      default -> {
        // days and hours need no label
      }
    }
    return Future.succeededFuture(out);
  }

  private ReportView json(Office office, LocalDate from, LocalDate to, ReportBy by, ReportBuilder.Report report,
                          Map<String, String> labels, Days days) {
    int levels = ReportJson.levels(RatingSection.of(office).levels(), report.total().ratings());
    List<ReportRow> rows = new ArrayList<>(report.rows());
    rows.sort(order(office, by));
    List<ReportView.Row> out = new ArrayList<>();
    for (ReportRow r : rows) {
      String key = by == ReportBy.STAFF ? username(r.key()) : r.key();
      String label = labels.get(key);
      if (by == ReportBy.STAFF && label == null) {
        label = key;
      }
      out.add(ReportJson.row(key, label, r, levels));
    }
    return new ReportView(office.id(), office.name(), from.toString(), to.toString(), by.code(), levels,
        clock.instant().toString(), days.closedDays(), days.liveDays(), out,
        ReportJson.row("total", null, report.total(), levels));
  }

  /** Fields and counters in the office's order (unknown ones after), the rest by key. */
  private static Comparator<ReportRow> order(Office office, ReportBy by) {
    List<String> known = switch (by) {
      case FIELD -> office.services().stream().map(ServiceDef::code).toList();
      case COUNTER -> office.counters().stream().map(Counter::id).toList();
      default -> List.of();
    };
    return Comparator.<ReportRow>comparingInt(r -> {
      int i = known.indexOf(r.key());
      return i < 0 ? Integer.MAX_VALUE : i;
    }).thenComparing(ReportRow::key);
  }

  /** {@code staff:lan} -> {@code lan}. */
  private static String username(String account) {
    int colon = account.indexOf(':');
    return colon < 0 ? account : account.substring(colon + 1);
  }
}
