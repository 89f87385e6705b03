package vn.layso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.history.domain.Distribution;
import vn.layso.history.domain.StaffTime;
import vn.layso.history.domain.Tally;
import vn.layso.report.domain.ReportRow;

/** A report row's JSON, byte for byte as ReportJson built it by hand before the records. */
class ReportViewTest {

  static ReportRow full() {
    Distribution waits = new Distribution();
    waits.add(125);
    waits.add(600);
    waits.add(1800);
    Distribution services = new Distribution();
    services.add(300);
    Tally t = Tally.restore(new int[] {7, 5, 1, 1, 0, 0, 1, 2}, waits, services);
    return new ReportRow("2026-11-23", t, Map.of(1, 1L, 3, 2L, 5, 1L), new ReportRow.Appointments(3, 2, 1),
        new StaffTime(3600, 1500, 420, Map.of("", 120L, "an-trua", 1800L)));
  }

  static ReportRow empty() {
    return new ReportRow("total", new Tally(), Map.of(), ReportRow.Appointments.NONE, null);
  }

  /** Written by the hand-built ReportJson before the records (commit c8a3464), kept as they were. */
  static final String FULL = "{\"key\":\"2026-11-23\",\"label\":\"Hộ tịch\",\"issued\":7,\"served\":5,\"noShow\":1,\"skipped\":1,\"cancelled\":0,\"transferred\":1,\"expired\":0,\"waitMinutes\":{\"mean\":14.0,\"p50\":10.5,\"p90\":30.0},\"serviceMinutes\":{\"mean\":5.0,\"p50\":5.0,\"p90\":5.0},\"withinTargetPct\":66.7,\"ratings\":{\"count\":4,\"levels\":{\"5\":1,\"4\":0,\"3\":2,\"2\":0,\"1\":1},\"percent\":{\"5\":25.0,\"4\":0.0,\"3\":50.0,\"2\":0.0,\"1\":25.0}},\"appointments\":{\"booked\":3,\"checkedIn\":2,\"noShow\":1},\"staffTime\":{\"sessionMinutes\":60.0,\"servingMinutes\":25.0,\"idleWhileWaitingMinutes\":7.0,\"pausedMinutes\":{\"an-trua\":30.0,\"khac\":2.0}}}";
  static final String EMPTY = "{\"key\":\"total\",\"issued\":0,\"served\":0,\"noShow\":0,\"skipped\":0,\"cancelled\":0,\"transferred\":0,\"expired\":0,\"waitMinutes\":{\"mean\":null,\"p50\":null,\"p90\":null},\"serviceMinutes\":{\"mean\":null,\"p50\":null,\"p90\":null},\"withinTargetPct\":null,\"ratings\":{\"count\":0,\"levels\":{\"3\":0,\"2\":0,\"1\":0},\"percent\":{\"3\":null,\"2\":null,\"1\":null}},\"appointments\":{\"booked\":0,\"checkedIn\":0,\"noShow\":0}}";

  @Test
  void aRowWithEverythingIsTheSameBytes() {
    assertThat(ApiJson.encode(ReportJson.row("2026-11-23", "Hộ tịch", full(), 5))).isEqualTo(FULL);
  }

  @Test
  void aRowWithNothingWritesItsNullsAndLeavesOutLabelAndStaffTime() {
    assertThat(ApiJson.encode(ReportJson.row("total", null, empty(), 3))).isEqualTo(EMPTY);
  }

  @Test
  void anOfficesReportAndTheProvinceViewKeepTheirFieldsAndOrder() {
    ReportView.Row full = ReportJson.row("2026-11-23", "Hộ tịch", full(), 5);
    ReportView.Row total = ReportJson.row("total", null, empty(), 5);
    assertThat(ApiJson.encode(new ReportView("demo", "Trung tâm", "2026-11-23", "2026-11-23", "day", 5,
        "2026-11-23T08:00:00Z", 1, 0, List.of(full), total)))
        .isEqualTo("{\"office\":\"demo\",\"officeName\":\"Trung tâm\",\"from\":\"2026-11-23\",\"to\":\"2026-11-23\","
            + "\"by\":\"day\",\"levels\":5,\"generatedAt\":\"2026-11-23T08:00:00Z\",\"closedDays\":1,\"liveDays\":0,"
            + "\"rows\":[" + FULL + "],\"total\":" + ApiJson.encode(total) + "}");
    assertThat(ApiJson.encode(new ReportView(null, null, "2026-11-23", "2026-11-24", "office", 3,
        "2026-11-23T08:00:00Z", null, null, List.of(), total)))
        .isEqualTo("{\"from\":\"2026-11-23\",\"to\":\"2026-11-24\",\"by\":\"office\",\"levels\":3,"
            + "\"generatedAt\":\"2026-11-23T08:00:00Z\",\"rows\":[],\"total\":" + ApiJson.encode(total) + "}");
  }
}
