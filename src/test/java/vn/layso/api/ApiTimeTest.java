package vn.layso.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApiTimeTest {

  /** What TicketView wrote before ApiTime: the ISO formatter on the moment truncated to the millisecond. */
  private static String iso(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)
        .withNano(instant.atZone(zone).getNano() / 1_000_000 * 1_000_000));
  }

  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Ho_Chi_Minh"), ZoneId.of("UTC"),
      ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"), ZoneId.of("Europe/Paris"),
      ZoneId.of("Africa/Monrovia"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Los_Angeles"));

  @Test
  void writesWhatTheIsoFormatterWritesToTheMillisecond() {
    Random random = new Random(16);
    for (int i = 0; i < 200_000; i++) {
      // 1900 to 2100, and the fractions the formatter shortens (.5, .12, .007, none)
      long second = -2_208_988_800L + (long) (random.nextDouble() * 6_311_433_600L);
      int nano = switch (i % 5) {
        case 0 -> 0;
        case 1 -> random.nextInt(10) * 100_000_000;
        case 2 -> random.nextInt(100) * 10_000_000 + random.nextInt(1_000_000);
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(second, nano);
      ZoneId zone = ZONES.get(i % ZONES.size());
      assertThat(ApiTime.format(instant, zone)).as("%s in %s", instant, zone).isEqualTo(iso(instant, zone));
    }
  }

  @Test
  void edgesAndNull() {
    ZoneId hcm = ZoneId.of("Asia/Ho_Chi_Minh");
    for (Instant instant : List.of(Instant.EPOCH, Instant.parse("2026-12-31T16:59:59.999Z"),
        Instant.parse("2026-12-31T17:00:00Z"), Instant.parse("0000-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T16:59:59.001Z"), Instant.parse("9999-12-31T17:00:00.010Z"),
        Instant.parse("-0001-06-01T12:00:00Z"), Instant.parse("+12345-06-01T12:00:00Z"))) {
      assertThat(ApiTime.format(instant, hcm)).isEqualTo(iso(instant, hcm));
      assertThat(ApiTime.format(instant, ZoneId.of("UTC"))).isEqualTo(iso(instant, ZoneId.of("UTC")));
    }
    assertThat(ApiTime.format(Instant.parse("2026-12-07T01:30:05.120Z"), hcm)).isEqualTo("2026-12-07T08:30:05.12+07:00");
    assertThat(ApiTime.format(null, hcm)).isNull();
  }
}
