package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

class TicketCodecTest {

  @Test
  void aCallsReasonReadsFromTheStringCallNextWrites() {
    CallReason expected = new CallReason(CallReason.Rule.OVER_TARGET, "dat-dai", 2_710, 2, 2_700, 0, 3);
    assertThat(TicketCodec.why("OVER_TARGET 2710 2 2700 0 3", "dat-dai")).isEqualTo(expected);
  }

  @Test
  void aMalformedOrUnknownReasonIsNone() {
    assertThat(TicketCodec.why(null, "dat-dai")).isNull();
    assertThat(TicketCodec.why("OVER_TARGET 2710 2 2700 0", "dat-dai")).isNull();
    assertThat(TicketCodec.why("OVER_TARGET 27x0 2 2700 0 3", "dat-dai")).isNull();
    assertThat(TicketCodec.why("SOME_FUTURE_RULE 1 1 1 0 1", "dat-dai")).isNull();
  }

  @Test
  void aStepEntryReadsBackAsWrittenAndItsActorMayHoldTheSeparator() {
    TicketStep call = new TicketStep("CALL", Instant.ofEpochMilli(1764554400000L), "staff:lan", "3", "dat-dai", null,
        new CallReason(CallReason.Rule.OVER_TARGET, "dat-dai", 1800, 2, 1500, 0, 3));
    assertThat(TicketCodec.entry(call)).isEqualTo("CALL|1764554400000|3|dat-dai||OVER_TARGET 1800 2 1500 0 3|staff:lan");
    assertThat(TicketCodec.step(TicketCodec.entry(call))).isEqualTo(call);
    TicketStep odd = new TicketStep("PRINT", Instant.ofEpochMilli(5), "device:quầy|1", null, "ho-tich", null);
    assertThat(TicketCodec.step(TicketCodec.entry(odd))).isEqualTo(odd);
    assertThat(TicketCodec.step("ISSUE|1")).isNull();
    assertThat(TicketCodec.step("|1|||||x")).isNull();
  }

  @Test
  void aTicketReadsFromItsHashAndSteps() {
    Map<String, String> hash = Map.of("number", "A007", "service", "ho-tich", "status", "CALLED",
        "issuedAt", "1764552600000", "serviceDate", "20261201", "seq", "7", "counter", "1",
        "calledAt", "1764554400000", "why", "OVER_TARGET 1800 2 1500 0 3", "transferredFrom", "dat-dai");
    var t = TicketCodec.fromHash("demo", "x", hash, List.of("ISSUE|1764552600000||dat-dai|||kiosk",
        "TRANSFER|1764553000000|2|ho-tich|dat-dai||staff:lan"));
    assertThat(t.id()).isEqualTo("x");
    assertThat(t.office()).isEqualTo("demo");
    assertThat(t.status()).isEqualTo(TicketStatus.CALLED);
    assertThat(t.serviceDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(t.calledAt()).isEqualTo(Instant.ofEpochMilli(1764554400000L));
    assertThat(t.recalls()).isZero();
    assertThat(t.steps()).hasSize(2);
    assertThat(t.transferredFrom()).isEqualTo("dat-dai");
    assertThat(t.lastCall()).isEqualTo(new CallReason(CallReason.Rule.OVER_TARGET, "ho-tich", 1800, 2, 1500, 0, 3));
    assertThat(TicketCodec.fromHash("demo", "x", Map.of(), List.of())).isNull();
  }

  @Test
  void anAnswerCarriesFlatTicketsWithStringsOrNumbers() {
    var a = TicketCodec.answer("demo", "{\"ticket\":{\"id\":\"y\",\"number\":\"B001\",\"service\":\"s\","
        + "\"status\":\"CALLED\",\"issuedAt\":1764552600000,\"serviceDate\":\"20261201\",\"recalls\":\"2\","
        + "\"steps\":{}},\"closed\":{\"id\":\"z\",\"number\":\"B000\",\"service\":\"s\",\"status\":\"DONE\","
        + "\"issuedAt\":\"1764552500000\",\"serviceDate\":\"20261201\",\"finishedAt\":1.7645526e12},\"position\":3}");
    assertThat(a.ticket().id()).isEqualTo("y");
    assertThat(a.ticket().issuedAt()).isEqualTo(Instant.ofEpochMilli(1764552600000L));
    assertThat(a.ticket().recalls()).isEqualTo(2);
    // steps read (cjson writes an empty list as {}): the step only, made from the hash
    assertThat(a.ticket().steps()).extracting(TicketStep::action).containsExactly("ISSUE");
    assertThat(a.closed().steps()).isEmpty();
    assertThat(a.closed().status()).isEqualTo(TicketStatus.DONE);
    assertThat(a.closed().finishedAt()).isEqualTo(Instant.ofEpochMilli(1764552600000L));
    assertThat(a.position()).isEqualTo(3);
  }
}
