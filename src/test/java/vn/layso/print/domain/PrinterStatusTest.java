package vn.layso.print.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.layso.print.domain.PrintResult.Reason;

class PrinterStatusTest {

  static java.util.Optional<Reason> of(int printer, int cause, int paper) {
    return PrinterStatus.problem((byte) printer, (byte) cause, (byte) paper);
  }

  @Test
  void allWellIs0x12ThreeTimes() {
    assertThat(of(0x12, 0x12, 0x12)).isEmpty();
    assertThat(PrinterStatus.REQUEST).containsExactly(0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04);
  }

  @Test
  void paperNearTheEndStillPrints() {
    assertThat(of(0x12, 0x12, 0x1E)).isEmpty();
  }

  @Test
  void paperOutFromTheRollSensorOrTheOfflineCause() {
    assertThat(of(0x12, 0x12, 0x72)).contains(Reason.PAPER_OUT);
    assertThat(of(0x1A, 0x32, 0x12)).contains(Reason.PAPER_OUT);
  }

  @Test
  void coverOpen() {
    assertThat(of(0x1A, 0x16, 0x12)).contains(Reason.COVER_OPEN);
  }

  @Test
  void offlineOrInError() {
    assertThat(of(0x1A, 0x12, 0x12)).contains(Reason.OFFLINE);
    assertThat(of(0x12, 0x52, 0x12)).contains(Reason.OFFLINE);
  }

  @Test
  void aByteThatIsNoStatusIsAnError() {
    assertThat(of(0x00, 0x12, 0x12)).contains(Reason.ERROR);
    assertThat(of(0x12, 0xFF, 0x12)).contains(Reason.ERROR);
  }
}
