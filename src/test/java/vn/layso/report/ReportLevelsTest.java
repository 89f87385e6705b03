package vn.layso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.history.domain.Tally;
import vn.layso.report.domain.ReportRow;

/** A report shows the office's rating levels, and any level above them that the period holds. */
class ReportLevelsTest {

  @Test
  void theOfficesLevelsEvenWithoutAnyRating() {
    assertThat(ReportJson.levels(5, Map.of())).isEqualTo(5);
    assertThat(ReportJson.levels(3, Map.of())).isEqualTo(3);
    assertThat(ReportJson.levels(5, Map.of(1, 2L, 3, 4L))).isEqualTo(5);
  }

  @Test
  void aLevelGivenBeforeTheOfficeWentToThreeLevelsStaysVisible() {
    assertThat(ReportJson.levels(3, Map.of(3, 10L, 4, 1L))).isEqualTo(5);
    assertThat(ReportJson.levels(3, Map.of(5, 1L))).isEqualTo(5);
    assertThat(ReportJson.levels(3, Map.of(1, 1L, 2, 1L, 3, 1L))).isEqualTo(3);

    var row = ApiJson.json(ReportJson.row("total", null, new ReportRow("total", new Tally(), Map.of(3, 3L, 5, 1L),
        ReportRow.Appointments.NONE, null), ReportJson.levels(3, Map.of(3, 3L, 5, 1L))));
    assertThat(row.getJsonObject("ratings").getJsonObject("levels").fieldNames()).containsExactly("5", "4", "3", "2", "1");
    assertThat(row.getJsonObject("ratings").getJsonObject("levels").getLong("5")).isEqualTo(1L);
    assertThat(row.getJsonObject("ratings").getJsonObject("percent").getDouble("5")).isEqualTo(25.0);
  }
}
