package vn.layso.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactTest {

  @Test
  void aCodeKeepsTwoCharactersAndAStableDigest() {
    assertThat(Redact.code("K7RM-4XQ9")).startsWith("K7…#").doesNotContain("RM").hasSize(10)
        .isEqualTo(Redact.code("K7RM-4XQ9")).isNotEqualTo(Redact.code("K7RM-4XQA"));
  }

  @Test
  void aTicketIdKeepsItsOfficeOnly() {
    assertThat(Redact.ticket("demo.7k2m9q4xv1ab")).startsWith("demo.#").doesNotContain("7k2m");
  }

  @Test
  void aTrackingIdKeepsItsKindAndEvent() {
    assertThat(Redact.trackingId("appt:K7RM-4XQ9:remind-day:202611241430"))
        .startsWith("appt:#").endsWith(":remind-day:202611241430").doesNotContain("K7RM");
    assertThat(Redact.trackingId("rate:abcdefghijklmnop")).startsWith("rate:#").doesNotContain("abcdef");
  }

  @Test
  void anAddressLosesItsLastPart() {
    assertThat(Redact.address("198.51.100.77")).isEqualTo("198.51.100.*");
    assertThat(Redact.address("2001:db8:1:2::")).isEqualTo("2001:db8:1:*");
  }

  @Test
  void aPathLosesItsIdsAndItsQuery() {
    assertThat(Redact.path("/api/v1/appointments/K7RM-4XQ9?phone=0912345678")).isEqualTo("/api/v1/appointments/{id}");
    assertThat(Redact.path("/api/v1/appointments/ACDE-FGHJ.ics")).isEqualTo("/api/v1/appointments/{id}");
    assertThat(Redact.path("/api/v1/tickets/demo.7k2m9q4xv1ab")).isEqualTo("/api/v1/tickets/{id}");
    assertThat(Redact.path("/api/v1/devices/pairing-codes/QwErTyUiOpAsDfGhJkLzXc"))
        .isEqualTo("/api/v1/devices/pairing-codes/{id}");
    assertThat(Redact.path("/api/v1/offices/demo/holidays/2026")).isEqualTo("/api/v1/offices/demo/holidays/2026");
  }

  @Test
  void freeTextLosesCodesIdsPhonesAndCitizenIds() {
    String text = Redact.text("no appointment K7RM-4XQ9 (k7rm4xq9) for layso:{demo}:ticket:demo.7k2m9q4xv1ab,"
        + " phone 0912 345 678 / +84912345678, CCCD 001203012345, at 2026-11-24 08:00");
    assertThat(text).doesNotContain("K7RM", "k7rm", "7k2m9q4xv1ab", "345 678", "912345678", "001203012345")
        .contains("no appointment <code>", "ticket:demo.#", "2026-11-24 08:00");
  }

  @Test
  void aLoggedFailureKeepsItsStackAndCausesButNotTheirSecrets() {
    var cause = new IllegalStateException("WRONGTYPE at layso:{demo}:appt:K7RM-4XQ9");
    var failure = new RuntimeException("look-up of 0912345678 failed", cause);
    Throwable scrubbed = Redact.throwable(failure);
    StringWriter printed = new StringWriter();
    scrubbed.printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString()).contains("java.lang.RuntimeException: look-up of <number> failed",
        "java.lang.IllegalStateException: WRONGTYPE at layso:{demo}:appt:<code>", "RedactTest")
        .doesNotContain("K7RM", "0912345678");
    assertThat(scrubbed.getStackTrace()).isEqualTo(failure.getStackTrace());
  }
}
