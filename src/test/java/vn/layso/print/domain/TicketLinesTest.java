package vn.layso.print.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.print.domain.TicketLayout.Align;
import vn.layso.print.domain.TicketLayout.Kind;
import vn.layso.print.domain.TicketLayout.Line;
import vn.layso.print.domain.TicketLayout.Size;

class TicketLinesTest {

  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final TicketLayout LAYOUT = new TicketLayout("t", List.of(
      new Line(Kind.TEXT, "{office}", Size.NORMAL, true, Align.CENTER),
      new Line(Kind.RULE, null, null, false, null),
      new Line(Kind.TEXT, "{number}", Size.HUGE, true, Align.CENTER),
      new Line(Kind.TEXT, "{service}", Size.LARGE, true, Align.CENTER),
      new Line(Kind.TEXT, "Trước bạn: {ahead} người", Size.NORMAL, false, Align.CENTER),
      new Line(Kind.TEXT, "Chờ khoảng {wait} phút", Size.SMALL, false, Align.CENTER),
      new Line(Kind.TEXT, "{time} {date}", Size.SMALL, false, Align.LEFT),
      new Line(Kind.QR, null, Size.LARGE, false, Align.CENTER),
      new Line(Kind.TEXT, "Xin cảm ơn!", Size.SMALL, false, Align.CENTER)));

  static TicketFacts facts(Instant issued, Integer ahead, Integer wait, String url) {
    String office = Normalizer.normalize("Phường Hoàn Kiếm", Normalizer.Form.NFD);
    return new TicketFacts(office, "A012", "Đất đai", issued, HANOI, ahead, wait, url);
  }

  @Test
  void theLinesComeInTheLayoutsOrderFilledIn() {
    List<PrintLine> lines = TicketLines.of(LAYOUT, facts(Instant.parse("2026-11-23T02:05:00Z"), 3, 45,
        "https://x.vn/t/demo.1"));
    assertThat(lines).extracting(PrintLine::kind).containsExactly(Kind.TEXT, Kind.RULE, Kind.TEXT, Kind.TEXT,
        Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.QR, Kind.TEXT);
    assertThat(lines).extracting(PrintLine::text).containsExactly("Phường Hoàn Kiếm", "", "A012", "Đất đai",
        "Trước bạn: 3 người", "Chờ khoảng 45 phút", "09:05 23/11/2026", "https://x.vn/t/demo.1", "Xin cảm ơn!");
    assertThat(lines.get(2).size()).isEqualTo(Size.HUGE);
    assertThat(lines.get(6).align()).isEqualTo(Align.LEFT);
  }

  @Test
  void textIsNfcWhateverItCameAs() {
    PrintLine office = TicketLines.of(LAYOUT, facts(Instant.parse("2026-11-23T02:05:00Z"), 0, 5, null)).get(0);
    assertThat(Normalizer.isNormalized(office.text(), Normalizer.Form.NFC)).isTrue();
    assertThat(office.text()).hasSize("Phường Hoàn Kiếm".length());
  }

  @Test
  void dateAndTimeAreTheOfficesLocalOnesAcrossMidnightUtc() {
    // 17:30 UTC on the 23rd is 00:30 on the 24th in Hà Nội
    List<PrintLine> lines = TicketLines.of(LAYOUT, facts(Instant.parse("2026-11-23T17:30:00Z"), 0, 5, null));
    assertThat(lines).extracting(PrintLine::text).contains("00:30 24/11/2026");
  }

  @Test
  void linesWithoutAValueAreLeftOut() {
    // a called ticket has no one ahead and no wait; a server without a public address prints no QR
    List<PrintLine> lines = TicketLines.of(LAYOUT, facts(Instant.parse("2026-11-23T02:05:00Z"), null, null, null));
    assertThat(lines).extracting(PrintLine::kind).doesNotContain(Kind.QR);
    assertThat(lines).extracting(PrintLine::text).containsExactly("Phường Hoàn Kiếm", "", "A012", "Đất đai",
        "09:05 23/11/2026", "Xin cảm ơn!");
  }

  @Test
  void aLayoutNamesOnlyKnownPlaceholdersAndPrintsTheNumber() {
    assertThatThrownBy(() -> new Line(Kind.TEXT, "{name}", Size.NORMAL, false, Align.CENTER))
        .hasMessageContaining("{name}");
    assertThatThrownBy(() -> new TicketLayout("x", List.of(new Line(Kind.TEXT, "{office}", null, false, null))))
        .hasMessageContaining("{number}");
  }
}
