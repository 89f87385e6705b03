package vn.layso.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.office.OfficeJson;
import vn.layso.office.domain.Office;
import vn.layso.queue.domain.CallReason;
import vn.layso.queue.domain.Estimate;
import vn.layso.queue.domain.Ticket;
import vn.layso.queue.domain.TicketStatus;
import vn.layso.queue.domain.TicketStep;

/**
 * A ticket's JSON comes from TicketView alone, byte for byte what the API answered before the
 * records (the strings below were written by the hand-built TicketJson it replaced): field order,
 * null priority written, other nulls left out, times in the office's zone to the millisecond.
 */
class TicketViewTest {

  private static final Instant T0 = Instant.parse("2026-11-23T02:00:00.123456Z");
  private static final CallReason WHY = new CallReason(CallReason.Rule.OVER_TARGET, "ho-tich", 725, 1, 600, 0, 2);
  private static final List<TicketStep> STEPS = List.of(new TicketStep("ISSUE", T0, "public", null, "dat-dai", null),
      new TicketStep("TRANSFER", T0.plusSeconds(60), "staff:lan", "3", "ho-tich", "dat-dai"),
      new TicketStep("CALL", T0.plusSeconds(725), "staff:lan", "3", "ho-tich", null, WHY));
  private static final Ticket WAITING = new Ticket("demo.7k2m9q4xv1ab", "demo", "B012", "ho-tich", TicketStatus.WAITING,
      null, T0, LocalDate.parse("2026-11-23"), null, null, null, null, 0, "public", null, STEPS.subList(0, 2));
  private static final Ticket CALLED = new Ticket("demo.7k2m9q4xv1ac", "demo", "B013", "ho-tich", TicketStatus.CALLED,
      "nguoi-cao-tuoi", T0, LocalDate.parse("2026-11-23"), "3", T0.plusSeconds(725), null, null, 1, "device:kiosk-1",
      null, STEPS);
  private static final Ticket SKIPPED = new Ticket("demo.7k2m9q4xv1ad", "demo", "H001", "ho-tich", TicketStatus.NO_SHOW,
      null, T0, LocalDate.parse("2026-11-23"), "3", T0.plusSeconds(725), null, T0.plusSeconds(900), 0, "public",
      "skipped", STEPS, "09:30");
  private static final Estimate WAIT = new Estimate(14 * 60_000L, 27 * 60_000L, 2, 0, 0);

  private static final String HEAD = "{\"id\":\"demo.7k2m9q4xv1ab\",\"office\":\"demo\",\"number\":\"B012\",\"service\":\"ho-tich\","
      + "\"status\":\"WAITING\",\"priority\":null,\"issuedAt\":\"2026-11-23T09:00:00.123+07:00\",\"serviceDate\":\"2026-11-23\","
      + "\"recalls\":0,\"transferredFrom\":\"dat-dai\"";
  private static final String CALL_STEP = "{\"action\":\"CALL\",\"at\":\"2026-11-23T09:12:05.123+07:00\",\"by\":\"staff:lan\","
      + "\"service\":\"ho-tich\",\"counter\":\"3\",\"why\":{\"rule\":\"OVER_TARGET\",\"waitedMinutes\":12,\"weight\":1,"
      + "\"targetMinutes\":10,\"row\":0,\"candidates\":2,\"text\":\"Hộ tịch đã chờ 12 phút, quá mục tiêu 10 phút: được gọi trước.\","
      + "\"textEn\":\"Hộ tịch waited 12 min, past its 10-minute target: taken first.\"}}";

  private static Office office;

  @BeforeAll
  static void demo() throws Exception {
    try (InputStream in = TicketViewTest.class.getClassLoader().getResourceAsStream("seed/demo-office.json")) {
      office = OfficeJson.read(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void aWaitingTicketCarriesItsPlaceAndItsPredictedWait() {
    assertThat(ApiJson.encode(TicketView.of(office, WAITING, 3, WAIT))).isEqualTo(HEAD
        + ",\"position\":3,\"estimatedWaitMinutes\":14,\"estimatedWait\":{\"p50Minutes\":14,\"p90Minutes\":27,\"ahead\":2}}");
    // without a prediction, the configured averages give the minutes alone
    assertThat(ApiJson.encode(TicketView.of(office, WAITING, 3, null)))
        .isEqualTo(HEAD + ",\"position\":3,\"estimatedWaitMinutes\":10}");
  }

  @Test
  void aCalledTicketNamesItsCounterAndLeavesOutWhatItHasNot() {
    assertThat(ApiJson.encode(TicketView.of(office, CALLED))).isEqualTo("{\"id\":\"demo.7k2m9q4xv1ac\",\"office\":\"demo\","
        + "\"number\":\"B013\",\"service\":\"ho-tich\",\"status\":\"CALLED\",\"priority\":\"nguoi-cao-tuoi\","
        + "\"issuedAt\":\"2026-11-23T09:00:00.123+07:00\",\"serviceDate\":\"2026-11-23\",\"counter\":\"3\","
        + "\"calledAt\":\"2026-11-23T09:12:05.123+07:00\",\"recalls\":1,\"transferredFrom\":\"dat-dai\"}");
  }

  @Test
  void anAppointmentTicketSaysSoWithItsSlotAndALateArrivalIsMarked() {
    String skipped = "{\"id\":\"demo.7k2m9q4xv1ad\",\"office\":\"demo\",\"number\":\"H001\",\"service\":\"ho-tich\","
        + "\"status\":\"NO_SHOW\",\"priority\":null,\"issuedAt\":\"2026-11-23T09:00:00.123+07:00\",\"serviceDate\":\"2026-11-23\","
        + "\"appointment\":true,\"slot\":\"09:30\",\"counter\":\"3\",\"calledAt\":\"2026-11-23T09:12:05.123+07:00\","
        + "\"finishedAt\":\"2026-11-23T09:15:00.123+07:00\",\"recalls\":0,\"endReason\":\"skipped\",\"transferredFrom\":\"dat-dai\"";
    assertThat(ApiJson.encode(TicketView.of(office, SKIPPED))).isEqualTo(skipped + "}");
    assertThat(ApiJson.encode(TicketView.of(office, WAITING, 3, null).markedLate()))
        .isEqualTo(HEAD + ",\"position\":3,\"estimatedWaitMinutes\":10,\"lateArrival\":true}");
  }

  @Test
  void theFullRecordAddsTheSourceAndEveryStepWithWhyItWasCalled() {
    assertThat(ApiJson.encode(TicketView.record(office, WAITING))).isEqualTo(HEAD + ",\"source\":\"public\",\"history\":["
        + "{\"action\":\"ISSUE\",\"at\":\"2026-11-23T09:00:00.123+07:00\",\"by\":\"public\",\"service\":\"dat-dai\"},"
        + "{\"action\":\"TRANSFER\",\"at\":\"2026-11-23T09:01:00.123+07:00\",\"by\":\"staff:lan\",\"service\":\"ho-tich\","
        + "\"counter\":\"3\",\"from\":\"dat-dai\"}]}");
    assertThat(ApiJson.encode(TicketView.record(office, CALLED))).endsWith(",\"source\":\"device:kiosk-1\",\"history\":["
        + "{\"action\":\"ISSUE\",\"at\":\"2026-11-23T09:00:00.123+07:00\",\"by\":\"public\",\"service\":\"dat-dai\"},"
        + "{\"action\":\"TRANSFER\",\"at\":\"2026-11-23T09:01:00.123+07:00\",\"by\":\"staff:lan\",\"service\":\"ho-tich\","
        + "\"counter\":\"3\",\"from\":\"dat-dai\"}," + CALL_STEP + "]}");
  }

  @Test
  void aCallNextAnswerHoldsTheCalledTicketWhyAndTheTicketItEnded() {
    TicketView.Called answer = new TicketView.Called(TicketView.of(office, CALLED), TicketView.lastWhy(office, CALLED),
        null, TicketView.of(office, SKIPPED));
    JsonObject json = new JsonObject(ApiJson.encode(answer));
    assertThat(json.fieldNames()).containsExactly("ticket", "why", "skipped");
    assertThat(json.getJsonObject("why").getString("rule")).isEqualTo("OVER_TARGET");
    assertThat(ApiJson.encode(new TicketView.Answer(TicketView.of(office, CALLED))))
        .isEqualTo("{\"ticket\":" + ApiJson.encode(TicketView.of(office, CALLED)) + "}");
    // the hand-built answers around a ticket get the same fields as a JsonObject
    assertThat(ApiJson.json(TicketView.of(office, WAITING, 3, WAIT)).encode())
        .isEqualTo(ApiJson.encode(TicketView.of(office, WAITING, 3, WAIT)));
  }
}
