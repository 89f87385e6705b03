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
}
