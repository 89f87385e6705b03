package vn.layso.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.layso.queue.domain.CallReason;

class TicketCodecTest {

  @Test
  void aCallsReasonReadsFromTheStringCallNextWritesAndFromTheObjectOfTheFirstRelease() {
    CallReason expected = new CallReason(CallReason.Rule.OVER_TARGET, "dat-dai", 2_710, 2, 2_700, 0, 3);
    assertThat(TicketCodec.why("OVER_TARGET 2710 2 2700 0 3", "dat-dai")).isEqualTo(expected);
    assertThat(TicketCodec.why(new JsonObject().put("rule", "OVER_TARGET").put("waited", 2710).put("weight", 2)
        .put("target", 2700).put("row", 0).put("n", 3), "dat-dai")).isEqualTo(expected);
  }

  @Test
  void aMalformedOrUnknownReasonIsNone() {
    assertThat(TicketCodec.why(null, "dat-dai")).isNull();
    assertThat(TicketCodec.why("OVER_TARGET 2710 2 2700 0", "dat-dai")).isNull();
    assertThat(TicketCodec.why("OVER_TARGET 27x0 2 2700 0 3", "dat-dai")).isNull();
    assertThat(TicketCodec.why("SOME_FUTURE_RULE 1 1 1 0 1", "dat-dai")).isNull();
    assertThat(TicketCodec.why(new JsonObject().put("rule", "SOME_FUTURE_RULE"), "dat-dai")).isNull();
    assertThat(TicketCodec.why(42, "dat-dai")).isNull();
  }

  @Test
  void aTicketStoredByTheFirstReleaseReadsWithItsReasonObject() {
    String stored = "{\"id\":\"demo.x\",\"office\":\"demo\",\"number\":\"A007\",\"service\":\"dat-dai\","
        + "\"status\":\"CALLED\",\"issuedAt\":1764552600000,\"serviceDate\":\"20261201\",\"seq\":7,"
        + "\"recalls\":0,\"counter\":\"1\",\"calledAt\":1764554400000,\"unknown\":{\"a\":[1,2]},"
        + "\"steps\":[{\"act\":\"ISSUE\",\"at\":1764552600000,\"by\":\"kiosk\",\"service\":\"dat-dai\"},"
        + "{\"act\":\"CALL\",\"at\":1764554400000,\"by\":\"admin\",\"counter\":\"1\",\"service\":\"dat-dai\","
        + "\"why\":{\"rule\":\"OVER_TARGET\",\"waited\":1800,\"weight\":2,\"target\":1500,\"row\":0,\"n\":3}}]}";
    var t = TicketCodec.read(stored);
    assertThat(t.number()).isEqualTo("A007");
    assertThat(t.serviceDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
    assertThat(t.calledAt()).isEqualTo(java.time.Instant.ofEpochMilli(1764554400000L));
    assertThat(t.steps()).hasSize(2);
    assertThat(t.steps().get(0).why()).isNull();
    assertThat(t.steps().get(1).why())
        .isEqualTo(new CallReason(CallReason.Rule.OVER_TARGET, "dat-dai", 1800, 2, 1500, 0, 3));
    // an empty Lua table is written {}: no steps
    assertThat(TicketCodec.read(stored.substring(0, stored.indexOf(",\"steps\"")) + ",\"steps\":{}}").steps()).isEmpty();
  }
}
