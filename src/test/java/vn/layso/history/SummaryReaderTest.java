package vn.layso.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.layso.history.domain.DayFigures;
import vn.layso.history.domain.DaySummary;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.StaffTimeCalculator;
import vn.layso.history.domain.Tally;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/** The streaming reader gives exactly the figures of the JsonObject reader, for every schema. */
class SummaryReaderTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
  private static final List<String> FIELDS = List.of("dat-dai", "ho-tich", "chung-thuc");

  @Test
  void aBusyDayReadsBackAsTheTreeReaderReadsIt() throws IOException {
    String json = SummaryJson.of(day(new Random(7), 400)).encode();

    DayFigures streamed = read(json);

    assertThat(render(streamed)).isEqualTo(render(SummaryJson.figures(new JsonObject(json))));
    assertThat(streamed.all().issuedCount()).isEqualTo(400);
    assertThat(streamed.byField()).containsOnlyKeys(FIELDS);
    assertThat(streamed.byCounter()).hasSize(5);
    assertThat(streamed.staffTime()).hasSize(5);
    assertThat(streamed.all().waits().count()).isPositive();
  }

  @Test
  void anEmptyDayReadsBackEmpty() throws IOException {
    String json = SummaryJson.of(day(new Random(1), 0)).encode();

    assertThat(render(read(json))).isEqualTo(render(SummaryJson.figures(new JsonObject(json))));
  }

  @Test
  void schemaOneTakesTheDayFromItsTicketsAndDistributions() throws IOException {
    String json = """
        {"schemaVersion":1,"office":"demo","date":"2026-11-23","extra":[1,{"a":null}],
         "tickets":{"issued":9,"served":6,"noShow":1,"expired":2,"cancelled":0,"transferred":1,"priority":3},
         "wait":{"count":7,"sumSeconds":4200,"minSeconds":60,"maxSeconds":1500,"p50Seconds":570,
                 "buckets":{"1":1,"9":3,"20":2,"25":1}},
         "service":{"count":6,"sumSeconds":3600,"minSeconds":300,"maxSeconds":900,"buckets":{"5":2,"10":3,"15":1}},
         "byField":{"dat-dai":{"issued":9,"served":6,"noShow":1,"expired":2,
                    "wait":{"count":7,"sumSeconds":4200,"minSeconds":60,"maxSeconds":1500,"buckets":{"1":1,"9":3,"20":2,"25":1}},
                    "service":null}},
         "byHour":{},"byCounter":null}
        """;

    DayFigures streamed = read(json);

    assertThat(render(streamed)).isEqualTo(render(SummaryJson.figures(new JsonObject(json))));
    assertThat(streamed.all().issuedCount()).isEqualTo(9);
    assertThat(streamed.all().transferredCount()).isZero();
    assertThat(streamed.all().waits().percentile(0.5)).isEqualTo(SummaryJson.figures(new JsonObject(json)).all().waits().percentile(0.5));
  }

  @Test
  void aSummaryWithoutItsDateIsRefused() {
    assertThatThrownBy(() -> read("{\"all\":{}}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("[1]")).isInstanceOf(IOException.class);
  }

  private static DayFigures read(String json) throws IOException {
    return SummaryReader.figures(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every figure of the day, bucket by bucket, as text: two readings are equal when these are. */
  private static String render(DayFigures d) {
    StringBuilder out = new StringBuilder(d.date().toString()).append('\n');
    render(out, "all", d.all());
    for (var groups : List.of(d.byField(), d.byCounter(), d.byStaff(), d.byHour())) {
      new TreeMap<>(groups).forEach((k, t) -> render(out, k, t));
      out.append("--\n");
    }
    new TreeMap<>(d.staffTime()).forEach((k, s) -> out.append(k).append(' ').append(s.sessionSeconds()).append(' ')
        .append(s.servingSeconds()).append(' ').append(s.idleWhileWaitingSeconds()).append(' ')
        .append(new TreeMap<>(s.pausedSeconds())).append('\n'));
    return out.toString();
  }

  private static void render(StringBuilder out, String key, Tally t) {
    out.append(key).append(": ").append(t.issuedCount()).append(' ').append(t.servedCount()).append(' ')
        .append(t.noShowCount()).append(' ').append(t.skippedCount()).append(' ').append(t.cancelledCount()).append(' ')
        .append(t.expiredCount()).append(' ').append(t.transferredCount()).append(' ').append(t.withinTargetCount());
    render(out, t.waits());
    render(out, t.services());
    out.append('\n');
  }

  private static void render(StringBuilder out, Distribution d) {
    out.append(" [").append(d.count()).append(' ').append(d.sum()).append(' ').append(d.min()).append(' ').append(d.max());
    for (int i = 0; i < Distribution.BUCKETS; i++) {
      out.append(i == 0 ? ' ' : ',').append(d.bucketCount(i));
    }
    out.append(']');
  }

  /** A day of {@code n} tickets drawn at random (waits up to hours, no-shows, skips), with staff time. */
  private static DaySummary day(Random rnd, int n) {
    DaySummary summary = new DaySummary("demo", DAY, ZONE, Map.of("dat-dai", 900L, "ho-tich", 600L, "chung-thuc", 1200L));
    Instant open = DAY.atTime(7, 30).atZone(ZONE).toInstant();
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String field = FIELDS.get(rnd.nextInt(FIELDS.size()));
      String counter = Integer.toString(1 + rnd.nextInt(5));
      String staff = "staff:cb" + counter;
      Instant issued = open.plusSeconds(rnd.nextInt(8 * 3600));
      Instant call = issued.plusSeconds((long) (-Math.log(1 - rnd.nextDouble()) * 40 * 60));
      Instant start = call.plusSeconds(rnd.nextInt(120));
      List<TicketStep> steps = new ArrayList<>(List.of(new TicketStep("ISSUE", issued, "public", null, field, null),
          new TicketStep("CALL", call, staff, counter, field, null)));
      double outcome = rnd.nextDouble();
      TicketStatus status = TicketStatus.DONE;
      String reason = null;
      if (outcome < 0.1) {
        steps.add(new TicketStep("NO_SHOW", start, staff, counter, field, null));
        status = TicketStatus.NO_SHOW;
      } else if (outcome < 0.2) {
        steps.add(new TicketStep("SKIP", start, staff, counter, field, null));
        status = TicketStatus.NO_SHOW;
        reason = "skipped";
      } else {
        steps.add(new TicketStep("START", start, staff, counter, field, null));
        steps.add(new TicketStep("COMPLETE", start.plusSeconds(60 + rnd.nextInt(3600)), staff, counter, field, null));
      }
      Ticket t = new Ticket("demo.t" + i, "demo", "A" + i, field, status, null, issued, DAY, counter, call, start, null, 0,
          "public", reason, steps);
      tickets.add(t);
      summary.add(t);
    }
    List<StaffTimeCalculator.LogEntry> log = new ArrayList<>();
    Map<String, Set<String>> fields = new TreeMap<>();
    for (int c = 1; c <= 5; c++) {
      String id = Integer.toString(c);
      fields.put(id, Set.copyOf(FIELDS));
      log.add(new StaffTimeCalculator.LogEntry(id, "OPEN", open, "staff:cb" + id, null));
      log.add(new StaffTimeCalculator.LogEntry(id, "PAUSE", open.plusSeconds(3600 * c), "staff:cb" + id, c % 2 == 0 ? "" : "hop"));
      log.add(new StaffTimeCalculator.LogEntry(id, "RESUME", open.plusSeconds(3600 * c + 600), "staff:cb" + id, null));
    }
    summary.staffTime(StaffTimeCalculator.compute(log, tickets, fields, DAY.plusDays(1).atStartOfDay(ZONE).toInstant()));
    return summary;
  }
}
