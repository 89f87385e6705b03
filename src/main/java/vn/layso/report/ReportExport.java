package vn.layso.report;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** A report table as CSV (UTF-8 with a BOM, so Excel shows the diacritics) or as an Excel workbook. */
public final class ReportExport {

  private static final String BOM = "\uFEFF";

  private ReportExport() {
  }

  /** Comma-separated, CRLF lines, a header line then one line per row; dates yyyy-MM-dd, decimals with a dot. */
  public static Buffer csv(ReportTable table) {
    StringBuilder out = new StringBuilder(BOM);
    List<ReportTable.Column> cols = table.columns();
    for (int c = 0; c < cols.size(); c++) {
      out.append(c == 0 ? "" : ",").append(quote(cols.get(c).header()));
    }
    out.append("\r\n");
    for (var row : table.rows()) {
      for (int c = 0; c < cols.size(); c++) {
        Object v = cols.get(c).cell().apply(row);
        out.append(c == 0 ? "" : ",").append(v == null ? "" : v instanceof Number ? number((Number) v) : quote(v.toString()));
      }
      out.append("\r\n");
    }
    return Buffer.buffer(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** One sheet: the title (centre and period) on the first row, headers on the third, numbers as numbers, dates as dates. */
  public static Buffer xlsx(ReportTable table) {
    var bytes = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(bytes, "layso", "1.0");
      Worksheet ws = wb.newWorksheet("Báo cáo");
      List<ReportTable.Column> cols = table.columns();
      ws.value(0, 0, table.title());
      ws.style(0, 0).bold().fontSize(14).set();
      for (int c = 0; c < cols.size(); c++) {
        ws.value(2, c, cols.get(c).header());
        ws.width(c, c == 0 ? 14 : Math.min(30, Math.max(10, cols.get(c).header().length() * 0.9)));
      }
      ws.range(2, 0, 2, cols.size() - 1).style().bold().wrapText(true).fillColor("DDE7F0").set();
      int r = 3;
      for (var row : table.rows()) {
        for (int c = 0; c < cols.size(); c++) {
          Object v = cols.get(c).cell().apply(row);
          if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("dd/mm/yyyy").set();
          } else if (v instanceof Number n) {
            ws.value(r, c, n);
          } else if (v != null) {
            ws.value(r, c, v.toString());
          }
        }
        r++;
      }
      ws.range(r - 1, 0, r - 1, cols.size() - 1).style().bold().set();
      ws.freezePane(1, 3);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(bytes.toByteArray());
  }

  private static String number(Number n) {
    if (n instanceof Double d) {
      return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }
    return n.toString();
  }

  private static String quote(String s) {
    if (s.isEmpty()) {
      return "";
    }
    boolean needs = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        || "=+-@".indexOf(s.charAt(0)) >= 0;
    String safe = "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
