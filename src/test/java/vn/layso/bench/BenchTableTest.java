package vn.layso.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's validity rules, ratios, table and targets, on made-up runs. */
class BenchTableTest {

  private static PhaseRun run(long requests, double seconds) {
    return new PhaseRun(requests, seconds, 1.5, 9.0, 0, 0, 0, 50 * requests, 20 * requests, 10 * requests,
        100 * requests, CommandStats.NONE);
  }

  private static PhaseRun issue(long requests, double seconds) {
    return new PhaseRun(requests, seconds, 8.0, 30.0, 0, 0, 0, 90 * requests, 70 * requests, 20 * requests,
        200 * requests, new CommandStats(Map.of("evalsha", new CommandStats.Usage(requests, 25 * requests),
        "zadd", new CommandStats.Usage(requests, requests), "hset", new CommandStats.Usage(2 * requests, requests))));
  }

  @Test
  void aPhaseWithAnyBadRoundIsInvalidAndGivesNoFigureNorRatio() {
    BenchTable table = new BenchTable();
    table.add("loops=2", "ceiling", run(70_000, 1));
    table.add("loops=2", "ceiling", run(60_000, 1));
    table.add("loops=2", "call-next-64", run(10_000, 1));
    table.add("loops=2", "call-next-64", new PhaseRun(9_000, 1, 5, 20, 0, 0, 12, 0, 0, 0, 0, CommandStats.NONE));
    table.add("loops=2", "issue", new PhaseRun(9_000, 1, 5, 20, 3, 40, 0, 0, 0, 0, 0, CommandStats.NONE));

    assertThat(table.invalid("loops=2", "ceiling")).isEmpty();
    assertThat(table.invalid("loops=2", "call-next-64")).contains(" the queue ran dry (12 answers 204);");
    assertThat(table.invalid("loops=2", "issue")).contains(" 3 socket errors or timeouts; 40 answers not 2xx;");
    assertThat(table.vsCeiling("loops=2", "call-next-64")).isEmpty();
    assertThat(table.table())
        .contains("| loops=2    | call-next-64  | INVALID: the queue ran dry (12 answers 204); |")
        .contains("| loops=2    | issue         | INVALID: 3 socket errors or timeouts; 40 answers not 2xx; |")
        .doesNotContain("9000");
    assertThat(table.targets("loops=2", 2, 2)).containsExactly(
        "FAIL issuing >= 0.50x the ceiling (issue): no figure (INVALID 3 socket errors or timeouts; 40 answers not 2xx;)",
        "FAIL call-next >= 0.35x the ceiling (call-next-64): no figure (INVALID the queue ran dry (12 answers 204);)",
        "FAIL call-next >= 0.35x the ceiling (call-next-20): no figure (INVALID not run;)");
  }

  @Test
  void ratiosAreTakenWithinARoundThenTheMedian() {
    BenchTable table = new BenchTable();
    // the machine slows down in round 2: the raw medians would give 12,000 / 60,000 = 0.20
    table.add("loops=2", "ceiling", run(80_000, 1));
    table.add("loops=2", "ceiling", run(40_000, 1));
    table.add("loops=2", "ceiling", run(60_000, 1));
    table.add("loops=2", "issue", issue(24_000, 1));
    table.add("loops=2", "issue", issue(12_000, 1));
    table.add("loops=2", "issue", issue(6_000, 1));

    assertThat(table.vsCeiling("loops=2", "issue")).hasValueSatisfying(r -> assertThat(r).isEqualTo(0.3));
    assertThat(table.targets("loops=2", 2, 2).get(0)).isEqualTo("FAIL issuing >= 0.50x the ceiling (issue): 0.30");
    assertThat(table.targets("loops=1", 1, 2).get(0))
        .isEqualTo("NOT CHECKED issuing >= 0.50x the ceiling (issue): EVENT_LOOPS=1, not its default 2");
  }

  @Test
  void theTableShowsMediansCpuAndWhatRedisRanPerRequest() {
    BenchTable table = new BenchTable();
    table.add("loops=2", "ceiling", run(40_000, 2));
    table.add("loops=2", "issue", issue(10_000, 1));
    table.add("loops=2", "call-next-64", run(8_000, 1));

    String[] lines = table.table().split("\n");
    assertThat(lines[0]).startsWith("| server     | phase         | requests/s |  p50 ms |  p99 ms | vs ceiling |");
    assertThat(lines).hasSize(5);
    // 10,000/s against 20,000/s; CPU 90 70 20 and other 200 - 180 = 20 µs; one script of 25 µs,
    // and 3 other commands, per request
    assertThat(lines[3]).isEqualTo("| loops=2    | issue         |      10000 |    8.00 |   30.00 |       0.50 |"
        + "   90    70   20    20          | evalsha 25.00    | 1.00   25.0   3.0        |");
    assertThat(table.targets("loops=2", 2, 2)).containsExactly(
        "PASS issuing >= 0.50x the ceiling (issue): 0.50",
        "PASS call-next >= 0.35x the ceiling (call-next-64): 0.40",
        "FAIL call-next >= 0.35x the ceiling (call-next-20): no figure (INVALID not run;)");
    assertThat(table.commandsPerRequest()).contains("loops=2    issue         "
        + "hset 2.00 (1.0 µs), evalsha 1.00 (25.0 µs), zadd 1.00 (1.0 µs)");
  }

  @Test
  void aComparisonGivesRawAndCeilingRatiosAndSaysWhyAFigureIsMissing() {
    BenchTable table = new BenchTable();
    table.add("loops=2", "ceiling", run(60_000, 1));
    table.add("abc1234", "ceiling", run(40_000, 1));
    table.add("loops=2", "issue", issue(15_000, 1));
    table.add("abc1234", "issue", issue(5_000, 1));
    table.add("abc1234", "call-next-64", new PhaseRun(5, 1, 5, 20, 0, 7, 0, 0, 0, 0, 0, CommandStats.NONE));
    table.add("loops=2", "call-next-64", run(9_000, 1));

    assertThat(table.compare("Before/after", "loops=2", "abc1234", List.of("ceiling", "issue", "call-next-64"), true))
        .isEqualTo("""
            Before/after
              ceiling          60000 /    40000 = 1.50
              issue            15000 /     5000 = 3.00;  vs ceiling 2.00;  in Redis µs/req 25.0 / 25.0 = 1.00
              call-next-64  no figure: INVALID 7 answers not 2xx;
            """);
  }

  @Test
  void insideRedisEachPhaseIsCheckedAgainstHalfTheBaselinesTime() {
    BenchTable table = new BenchTable();
    table.add("loops=2", "ceiling", run(60_000, 1));
    table.add("abc1234", "ceiling", run(60_000, 1));
    table.add("loops=2", "issue", issue(15_000, 1)); // 25 µs of scripts a request
    table.add("abc1234", "issue", new PhaseRun(10_000, 1, 5, 20, 0, 0, 0, 0, 0, 0, 0, new CommandStats(Map.of(
        "evalsha", new CommandStats.Usage(20_000, 500_000)))));
    table.add("loops=2", "call-next-64", new PhaseRun(8_000, 1, 5, 20, 0, 0, 0, 0, 0, 0, 0, new CommandStats(Map.of(
        "evalsha", new CommandStats.Usage(8_000, 480_000)))));
    table.add("abc1234", "call-next-64", new PhaseRun(8_000, 1, 5, 20, 0, 0, 0, 0, 0, 0, 0, new CommandStats(Map.of(
        "evalsha", new CommandStats.Usage(8_000, 800_000)))));

    assertThat(table.redisTargets("loops=2", "abc1234")).containsExactly(
        "PASS issuing inside Redis <= 0.50x abc1234's (timed; scripts/lua-cost counts): 0.50",
        "FAIL call-next-64 inside Redis <= 0.50x abc1234's (timed; scripts/lua-cost counts): 0.60",
        "FAIL call-next-20 inside Redis <= 0.50x abc1234's (timed; scripts/lua-cost counts): no figure (INVALID not run;)");
  }

  @Test
  void commandStatsAreTheDifferenceLeavingOutTheBenchsOwnCommands() {
    CommandStats before = CommandStats.parse("""
        # Commandstats\r
        cmdstat_evalsha:calls=10,usec=300,usec_per_call=30.00,rejected_calls=0,failed_calls=0\r
        cmdstat_info:calls=4,usec=90,usec_per_call=22.50\r
        """);
    CommandStats after = CommandStats.parse("""
        # Commandstats\r
        cmdstat_evalsha:calls=110,usec=2300,usec_per_call=20.91,rejected_calls=0,failed_calls=0\r
        cmdstat_hset:calls=200,usec=100,usec_per_call=0.50,rejected_calls=0,failed_calls=0\r
        cmdstat_info:calls=5,usec=120,usec_per_call=24.00\r
        cmdstat_config:calls=2,usec=20,usec_per_call=10.00\r
        """);
    CommandStats ran = after.since(before);

    assertThat(ran.commands()).containsOnlyKeys("evalsha", "hset");
    assertThat(ran.scripts()).isEqualTo(new CommandStats.Usage(100, 2000));
    assertThat(ran.others()).isEqualTo(new CommandStats.Usage(200, 100));
    assertThat(ran.perRequest(100)).isEqualTo("hset 2.00 (1.0 µs), evalsha 1.00 (20.0 µs)");
  }

  @Test
  void fanOutStagesAreCheckedAgainstTheIssuesTargets() {
    FanoutTable fanout = new FanoutTable(List.of(
        "FANOUT-RSS sockets=0 rssKb=204800",
        "FANOUT sockets=1000 serverCpuMsPerCall=40.0 serverCpuUsPerFrame=8.00 clientCpuUsPerFrame=5.50 clientGcMs=0"
            + " calls=75 deliveries=75000 missed=0 resyncs=0 p50=30.0 p99=80.0 max=90.0 rssBeforeKb=204800 rssKb=225280",
        "FANOUT sockets=5000 calls=75 deliveries=374000 missed=1000 resyncs=3 p50=60.0 p99=95.0 max=missed rssBeforeKb=225280 rssKb=307200",
        "FANOUT sockets=10000 INVALID 3 of 75 call-next answers were not 200 (first: 503)"));

    assertThat(fanout.targets()).containsExactly(
        "FAIL fan-out to 5,000 sockets, p99 <= 100 ms, none lost: p99 95.0 ms, missed 1000",
        "FAIL fan-out to 10,000 sockets, p99 <= 200 ms, none lost: INVALID 3 of 75 call-next answers were not 200 (first: 503)");
    assertThat(fanout.table())
        .contains("|    1000 |    75 |      75000 |      0 |       0 |    30.0 |    80.0 |    90.0 |    220 |      20.5 |"
            + "                    8.00   5.50 |")
        .contains("|    5000 |    75 |     374000 |   1000 |       3 |    60.0 |    95.0 |  missed |    300 |      20.5 |"
            + "                       -      - |")
        .contains("|   10000 | INVALID: 3 of 75 call-next answers were not 200 (first: 503) |");
    assertThat(fanout.rssBeforeMb()).isEqualTo(200);
  }

  @Test
  void theStockTopsUpToTwiceWhatTheFastestCallNextWouldCall() {
    QueueStock stock = new QueueStock();
    stock.issued(5_000, 1);
    assertThat(stock.shortfall(10)).isZero();
    stock.called(4_000, 0, 2);
    // 2,000 calls a second over 10 s, twice: 40,000; 1,000 waiting
    assertThat(stock.shortfall(10)).isEqualTo(39_000);
    stock.called(1_000, 1_000, 1); // all dry: nothing left the queues
    assertThat(stock.shortfall(10)).isEqualTo(39_000);
  }

  @Test
  void theTicketPagesPassUnderATenthOfARequestPerPagePerCallAndAnInvalidRunFails() {
    assertThat(new FanoutTable(List.of("FANOUT-PHONES pages=2000 calls=278 requests=280 perPagePerCall=0.0005"))
        .targets()).containsExactly("PASS ticket pages cost < 0.1 requests per page per call: 0.0005 (2000 pages)");
    assertThat(new FanoutTable(List.of("FANOUT-PHONES pages=2000 calls=100 requests=40000 perPagePerCall=0.2"))
        .targets()).containsExactly("FAIL ticket pages cost < 0.1 requests per page per call: 0.2 (2000 pages)");
    assertThat(new FanoutTable(List.of("FANOUT-PHONES pages=2000 INVALID 22 of 450 calls answered 503")).targets())
        .singleElement().asString().startsWith("FAIL ").contains("INVALID 22 of 450");
    assertThat(new FanoutTable(List.of("FANOUT-PHONES pages=2000 perPagePerCall=0.0005")).phones())
        .contains("pages=2000 perPagePerCall=0.0005");
  }

  @Test
  void theFloorIsHeldToTheRealServersCeilingAndTheBetterVariantIsTheFloor() {
    BenchTable table = new BenchTable();
    table.floorAgainst("loops=2");
    // round 1: real ceiling 40,000; round 2: 20,000 (the machine got busy): ratios within each round
    table.add("loops=2", "ceiling", run(40_000, 1));
    table.add("loops=2", "ceiling", run(20_000, 1));
    table.add("floor", "floor-ceiling", run(38_000, 1));
    table.add("floor", "floor-ceiling", run(19_000, 1));
    table.add("floor", "floor-issue", issue(16_000, 1));
    table.add("floor", "floor-issue", issue(8_000, 1));
    table.add("floor", "floor-issue-pipe", issue(12_000, 1));
    table.add("floor", "floor-issue-pipe", issue(6_000, 1));
    table.add("floor", "floor-call", run(12_000, 1));
    table.add("floor", "floor-call", run(6_000, 1));
    table.add("floor", "floor-call-pipe", run(16_000, 1));
    table.add("floor", "floor-call-pipe", run(8_000, 1));

    assertThat(table.table()).contains("| floor      | floor-issue   |      12000 |")
        .contains("|       0.40 |   90    70   20    20")
        .contains("| floor      | floor-ceiling |      28500 |")
        .contains("|       0.95 |   50    20   10    20          | -  ");
    assertThat(table.floorLines("floor", "loops=2")).containsExactly(
        "floor: issuing can reach at most 0.40 of the ceiling on this machine with this stack, call-next 0.40",
        "floor: floor-issue 0.40, floor-issue-pipe 0.30; floor-call 0.30, floor-call-pipe 0.40; its own ceiling 0.95"
            + " of the real one",
        // the ceiling 50 + 20 + 10 = 80 µs a request; issue() 90 + 70 + 20 = 180, run() 80
        "floor by CPU per request (jvm + redis + wrk, the real ceiling's over the floor's; less swayed by the load's"
            + " drift than requests/s): issuing 0.44, call-next 1.00",
        "floor: the issuing target 0.50x is above the floor 0.40 (by CPU 0.44): no design on this stack reaches it on"
            + " this machine",
        "floor: the call-next target 0.35x is within the floor 0.40 (by CPU 1.00): a design on this stack could reach it");
  }

  @Test
  void anInvalidFloorVariantGivesNoFigureAndNoFloorServerNoLines() {
    BenchTable table = new BenchTable();
    table.floorAgainst("loops=2");
    table.add("loops=2", "ceiling", run(40_000, 1));
    assertThat(table.floorLines("floor", "loops=2")).isEmpty();
    table.add("floor", "floor-ceiling", run(38_000, 1));
    table.add("floor", "floor-issue", new PhaseRun(9_000, 1, 5, 20, 0, 3, 0, 0, 0, 0, 0, CommandStats.NONE));
    table.add("floor", "floor-issue-pipe", issue(6_000, 1));
    table.add("floor", "floor-call", new PhaseRun(9_000, 1, 5, 20, 0, 0, 40, 0, 0, 0, 0, CommandStats.NONE));

    assertThat(table.table()).contains("| floor      | floor-issue   | INVALID: 3 answers not 2xx; |");
    assertThat(table.floorLines("floor", "loops=2")).containsExactly(
        "floor: issuing can reach at most 0.15 of the ceiling on this machine with this stack, call-next no figure",
        "floor: floor-issue INVALID 3 answers not 2xx;, floor-issue-pipe 0.15; floor-call INVALID the queue ran dry"
            + " (40 answers 204);, floor-call-pipe INVALID not run;; its own ceiling 0.95 of the real one",
        "floor by CPU per request (jvm + redis + wrk, the real ceiling's over the floor's; less swayed by the load's"
            + " drift than requests/s): issuing 0.44, call-next no figure",
        "floor: the issuing target 0.50x is above the floor 0.15 (by CPU 0.44): no design on this stack reaches it on"
            + " this machine",
        "floor: the call-next target 0.35x: no floor figure");
  }

  @Test
  void aTargetBetweenTheFloorByRequestsAndByCpuIsNotSettled() {
    BenchTable table = new BenchTable();
    table.floorAgainst("loops=2");
    table.add("loops=2", "ceiling", run(40_000, 1)); // 80 µs of CPU a request
    table.add("floor", "floor-ceiling", run(38_000, 1));
    // 16,000/s: 0.40 of the ceiling by requests/s; 40 + 50 + 10 = 100 µs a request: 0.80 by CPU
    table.add("floor", "floor-issue", new PhaseRun(16_000, 1, 5, 20, 0, 0, 0, 40 * 16_000, 50 * 16_000, 10 * 16_000,
        0, CommandStats.NONE));

    assertThat(table.floorLines("floor", "loops=2")).contains(
        "floor: the issuing target 0.50x lies between the floor 0.40 and the floor by CPU 0.80: not settled by this run");
  }

  @Test
  void floorPhasesRunOnTheFloorServerOnlyAndBenchFloorZeroLeavesThemOut() {
    BenchSettings s = BenchSettings.from(Map.of(), 2, java.nio.file.Path.of("."));
    assertThat(s.runs("floor-issue", BenchSettings.ServerRole.FLOOR)).isTrue();
    assertThat(s.runs("issue", BenchSettings.ServerRole.FLOOR)).isFalse();
    assertThat(s.runs("floor-call", BenchSettings.ServerRole.MAIN)).isFalse();
    assertThat(s.runs("issue-always", BenchSettings.ServerRole.MAIN)).isTrue();
    assertThat(s.connections("floor-call")).isEqualTo(64);
    assertThat(BenchSettings.floor(Map.of())).isTrue();
    assertThat(BenchSettings.floor(Map.of("BENCH_FLOOR", "0"))).isFalse();
    assertThat(BenchSettings.roundPhases(false)).isEqualTo(BenchSettings.PHASES);
    assertThat(BenchSettings.roundPhases(true)).containsAll(BenchSettings.PHASES)
        .containsAll(BenchSettings.FLOOR_PHASES).startsWith("ceiling", "floor-ceiling");
  }
}
