package vn.layso.report;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A report as a table for the exports: Vietnamese column headers (documented in the README) and,
 * per row, typed cells: text, numbers (Long or Double, null when empty) and dates (LocalDate).
 */
public final class ReportTable {

  private static final Map<String, String> KEY_HEADERS = Map.of("day", "Ngày", "field", "Mã lĩnh vực",
      "counter", "Quầy", "staff", "Tài khoản", "hour", "Giờ", "office", "Mã đơn vị");
  private static final Map<String, String> BY_NAMES = Map.of("day", "theo ngày", "field", "theo lĩnh vực",
      "counter", "theo quầy", "staff", "theo cán bộ", "hour", "theo giờ", "office", "theo đơn vị");
  private static final Map<Integer, String> LEVELS_3 = Map.of(3, "Rất hài lòng", 2, "Hài lòng", 1, "Không hài lòng");
  private static final Map<Integer, String> LEVELS_5 = Map.of(5, "Rất hài lòng", 4, "Hài lòng", 3, "Bình thường",
      2, "Không hài lòng", 1, "Rất không hài lòng");
  private static final Map<String, String> PAUSES = Map.of("nghi-giai-lao", "Nghỉ giải lao", "hop", "Họp",
      "ho-tro-quay-khac", "Hỗ trợ quầy khác", "su-co-ky-thuat", "Sự cố kỹ thuật", "khac", "Khác");

  /** A column: its header and how a row's JSON gives its cell. */
  public record Column(String header, Function<JsonObject, Object> cell) {
  }

  private final String title;
  private final List<Column> columns;
  private final List<JsonObject> rows;

  private ReportTable(String title, List<Column> columns, List<JsonObject> rows) {
    this.title = title;
    this.columns = columns;
    this.rows = rows;
  }

  /** The table of a report as {@link ReportService} answers it; {@code centre} names the office or the province. */
  public static ReportTable of(JsonObject report, String centre) {
    String by = report.getString("by");
    int levels = report.getInteger("levels", 3);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column(KEY_HEADERS.get(by), r -> key(by, r)));
    if (!by.equals("day") && !by.equals("hour")) {
      cols.add(new Column("Tên", r -> r.getString("label")));
    }
    cols.add(number("Số phiếu đã cấp", r -> r.getValue("issued")));
    cols.add(number("Đã phục vụ", r -> r.getValue("served")));
    cols.add(number("Vắng mặt", r -> r.getValue("noShow")));
    cols.add(number("Bỏ qua khi gọi số tiếp", r -> r.getValue("skipped")));
    cols.add(number("Đã hủy", r -> r.getValue("cancelled")));
    cols.add(number("Chuyển lĩnh vực", r -> r.getValue("transferred")));
    cols.add(number("Hết hạn cuối ngày", r -> r.getValue("expired")));
    cols.add(number("Chờ trung bình (phút)", r -> r.getJsonObject("waitMinutes").getValue("mean")));
    cols.add(number("Chờ trung vị (phút)", r -> r.getJsonObject("waitMinutes").getValue("p50")));
    cols.add(number("Chờ P90 (phút)", r -> r.getJsonObject("waitMinutes").getValue("p90")));
    cols.add(number("Phục vụ trung bình (phút)", r -> r.getJsonObject("serviceMinutes").getValue("mean")));
    cols.add(number("Phục vụ trung vị (phút)", r -> r.getJsonObject("serviceMinutes").getValue("p50")));
    cols.add(number("Phục vụ P90 (phút)", r -> r.getJsonObject("serviceMinutes").getValue("p90")));
    cols.add(number("Gọi trong thời gian chờ mục tiêu (%)", r -> r.getValue("withinTargetPct")));
    cols.add(number("Lịch hẹn đã đặt", r -> r.getJsonObject("appointments").getValue("booked")));
    cols.add(number("Lịch hẹn đã đến", r -> r.getJsonObject("appointments").getValue("checkedIn")));
    cols.add(number("Lịch hẹn vắng", r -> r.getJsonObject("appointments").getValue("noShow")));
    cols.add(number("Số lượt đánh giá", r -> r.getJsonObject("ratings").getValue("count")));
    Map<Integer, String> names = levels == 5 ? LEVELS_5 : LEVELS_3;
    for (int level = levels; level >= 1; level--) {
      String l = Integer.toString(level);
      cols.add(number(names.get(level) + " (lượt)", r -> r.getJsonObject("ratings").getJsonObject("levels").getValue(l)));
      cols.add(number(names.get(level) + " (%)", r -> r.getJsonObject("ratings").getJsonObject("percent").getValue(l)));
    }
    List<JsonObject> rows = new ArrayList<>();
    report.getJsonArray("rows").forEach(r -> rows.add((JsonObject) r));
    JsonObject total = report.getJsonObject("total").copy().put("key", "Tổng cộng").put("label", "");
    rows.add(total);
    if (by.equals("staff")) {
      cols.add(number("Thời gian mở quầy (phút)", r -> staff(r, "sessionMinutes")));
      cols.add(number("Thời gian phục vụ (phút)", r -> staff(r, "servingMinutes")));
      cols.add(number("Rảnh khi có người chờ (phút)", r -> staff(r, "idleWhileWaitingMinutes")));
      TreeSet<String> reasons = new TreeSet<>();
      rows.forEach(r -> {
        JsonObject t = r.getJsonObject("staffTime");
        if (t != null) {
          reasons.addAll(t.getJsonObject("pausedMinutes").fieldNames());
        }
      });
      for (String reason : reasons) {
        cols.add(number("Tạm dừng: " + PAUSES.getOrDefault(reason, reason) + " (phút)", r -> {
          JsonObject t = r.getJsonObject("staffTime");
          return t == null ? null : t.getJsonObject("pausedMinutes").getValue(reason, 0);
        }));
      }
    }
    String title = centre + " - Báo cáo " + BY_NAMES.get(by) + " - từ " + vn(report.getString("from"))
        + " đến " + vn(report.getString("to"));
    return new ReportTable(title, cols, rows);
  }

  private static Object staff(JsonObject r, String name) {
    JsonObject t = r.getJsonObject("staffTime");
    return t == null ? null : t.getValue(name);
  }

  private static Object key(String by, JsonObject r) {
    String key = r.getString("key");
    if (by.equals("day") && key.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(key);
    }
    return key;
  }

  private static Column number(String header, Function<JsonObject, Object> cell) {
    return new Column(header, r -> {
      Object v = cell.apply(r);
      return v instanceof Number n ? n : null;
    });
  }

  private static String vn(String isoDate) {
    LocalDate d = LocalDate.parse(isoDate);
    return String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
  }

  public String title() {
    return title;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<JsonObject> rows() {
    return rows;
  }
}
