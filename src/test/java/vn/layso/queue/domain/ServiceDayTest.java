package vn.layso.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ServiceDayTest {

  @Test
  void keysAreTheBasicIsoDateAndReadBack() {
    for (LocalDate day = LocalDate.of(1899, 12, 1); day.isBefore(LocalDate.of(2101, 1, 1)); day = day.plusDays(1)) {
      String key = ServiceDay.key(day);
      assertThat(key).isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE));
      assertThat(ServiceDay.parseKey(key)).isEqualTo(day);
    }
    for (LocalDate day : new LocalDate[] {LocalDate.of(0, 1, 1), LocalDate.of(999, 3, 4), LocalDate.of(9999, 12, 31)}) {
      assertThat(ServiceDay.key(day)).isEqualTo(day.format(DateTimeFormatter.BASIC_ISO_DATE));
      assertThat(ServiceDay.parseKey(ServiceDay.key(day))).isEqualTo(day);
    }
  }

  @Test
  void whatTheFormatterRefusesIsRefused() {
    for (String bad : new String[] {"20261301", "20260230", "20260000", "2026011", "2026-01-01", "2026O101", ""}) {
      assertThatThrownBy(() -> ServiceDay.parseKey(bad)).as(bad).isInstanceOf(DateTimeException.class);
    }
    // the formatter's own extras still read as before
    assertThat(ServiceDay.parseKey("20261123+0700")).isEqualTo(LocalDate.of(2026, 11, 23));
  }
}
