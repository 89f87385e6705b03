package vn.layso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.TestApp;

/** The exports read back: CSV with its BOM, the Excel workbook with fastexcel-reader. */
class ReportExportIT {

  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void csvIsUtf8WithABomAndVietnameseHeaders() throws Exception {
    app = ReportFixture.start();
    ReportFixture.day(app);
    HttpResponse<byte[]> r = get("/api/v1/offices/demo/reports?from=2026-11-23&to=2026-11-23&by=field&format=csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("text/csv; charset=utf-8");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .contains("attachment; filename=\"bao-cao-demo-field-2026-11-23-2026-11-23.csv\"");
    byte[] body = r.body();
    assertThat(body[0] & 0xff).isEqualTo(0xEF);
    assertThat(body[1] & 0xff).isEqualTo(0xBB);
    assertThat(body[2] & 0xff).isEqualTo(0xBF);
    List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header).startsWith("Mã lĩnh vực", "Tên", "Số phiếu đã cấp", "Đã phục vụ", "Vắng mặt")
        .contains("Chờ trung vị (phút)", "Gọi trong thời gian chờ mục tiêu (%)", "Rất hài lòng (%)", "Lịch hẹn đã đặt");
    String hoTich = lines.stream().filter(l -> l.startsWith("ho-tich,")).findFirst().orElseThrow();
    List<String> cells = List.of(hoTich.split(",", -1));
    assertThat(cells.get(1)).isEqualTo("Hộ tịch");
    assertThat(cells.get(header.indexOf("Số phiếu đã cấp"))).isEqualTo("2");
    assertThat(cells.get(header.indexOf("Chờ trung bình (phút)"))).isEqualTo("13.5");
    assertThat(cells.get(header.indexOf("Rất hài lòng (%)"))).isEqualTo("66.7");
    assertThat(lines.get(lines.size() - 1)).startsWith("Tổng cộng,");
  }

  @Test
  void excelHasATitleVietnameseHeadersNumbersAndDates() throws Exception {
    app = ReportFixture.start();
    ReportFixture.day(app);
    HttpResponse<byte[]> r = get("/api/v1/offices/demo/reports?from=2026-11-23&to=2026-11-23&by=day&format=xlsx");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).endsWith(".xlsx\""));
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()), new ReadingOptions(true, false))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).contains("Trung tâm").contains("theo ngày").contains("23/11/2026");
      // empty rows are not listed: the title is row 1, the headers row 3 (Excel's numbering)
      assertThat(rows.get(1).getRowNum()).isEqualTo(3);
      Row header = rows.get(1);
      assertThat(header.getCellText(0)).isEqualTo("Ngày");
      assertThat(header.getCellText(1)).isEqualTo("Số phiếu đã cấp");
      assertThat(header.getCellText(3)).isEqualTo("Vắng mặt");
      Row day = rows.get(2);
      assertThat(day.getCell(0).getType()).isEqualTo(CellType.NUMBER);
      assertThat(day.getCell(0).getDataFormatString()).isEqualTo("dd/mm/yyyy");
      assertThat(day.getCellAsDate(0)).hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 23)));
      assertThat(day.getCell(1).getType()).isEqualTo(CellType.NUMBER);
      assertThat(day.getCellAsNumber(1)).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(2));
      Row total = rows.get(rows.size() - 1);
      assertThat(total.getCellText(0)).isEqualTo("Tổng cộng");
    }
    // the province view exports too, one row per office
    HttpResponse<byte[]> province = get("/api/v1/reports?from=2026-11-23&to=2026-11-23&format=xlsx");
    assertThat(province.statusCode()).isEqualTo(200);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(province.body()))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows.get(1).getCellText(0)).isEqualTo("Mã đơn vị");
      assertThat(rows.stream().map(x -> x.getCellText(0)).toList()).contains("demo", "other", "Tổng cộng");
    }
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.api().base() + path))
        .header("Authorization", "Bearer " + app.adminToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
