package vn.layso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.layso.testing.Api;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;

/** The reports page in Chromium: log in as admin, see the charts and the table, download CSV and Excel, print. */
class ReportsPageIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anAdminSeesChartsTheTableAndDownloadsBothExports() throws Exception {
    app = ReportFixture.start();
    ReportFixture.day(app);
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(app.api().base() + "/admin/reports?office=demo");
      browser.awaitText("#login", "Đăng nhập quản lý", WAIT);
      browser.find("#username").sendKeys("admin");
      browser.find("#password").sendKeys(TestApp.ADMIN_PASSWORD);
      browser.find("#login button[type=submit]").click();
      browser.awaitText("#office-name", "Trung tâm Phục vụ hành chính công", WAIT);
      // the test clock's day, whatever the browser's own clock says
      browser.find("#from").clear();
      browser.find("#from").sendKeys("01/11/2026");
      browser.find("#to").clear();
      browser.find("#to").sendKeys("30/11/2026");
      browser.find("#range button[type=submit]").click();
      browser.awaitText("#table tbody", "Hộ tịch (ho-tich)", WAIT);
      // shown on paper only
      assertThat(browser.js("return document.getElementById('print-period').textContent"))
          .isEqualTo("Từ ngày 01/11/2026 đến ngày 30/11/2026");
      // three uPlot charts drew on their canvases
      browser.await(WAIT, d -> browser.findAll(".plot canvas").size() == 3 ? Boolean.TRUE : null);
      assertThat(browser.text("#summary")).contains("Số phiếu đã cấp").contains("2");
      assertThat(browser.text("#ratings-legend")).contains("Rất hài lòng: 66,7 %");
      assertThat(browser.text("#chart-waits")).contains("Trung vị");
      assertThat(browser.findAll("#tabs .tab")).extracting(e -> e.getText()).contains("Các đơn vị", "Theo cán bộ");
      browser.screenshot("reports-1366x768");

      // the staff tab shows time at the counters
      browser.find("#tabs .tab[data-by=staff]").click();
      browser.awaitText("#table thead", "Phục vụ (phút)", WAIT);
      assertThat(browser.text("#table tbody")).contains("lan");
      // the province view: every office side by side
      browser.find("#tabs .tab[data-by=office]").click();
      browser.awaitText("#table tbody", "other", WAIT);
      browser.find("#tabs .tab[data-by=field]").click();
      browser.awaitText("#table tbody", "Hộ tịch (ho-tich)", WAIT);

      // the download buttons fetch with the page's token; the same requests, read back here
      browser.find("#csv").click();
      browser.find("#xlsx").click();
      assertThat(browser.find("#report-error").isDisplayed()).isFalse();
      String csv = (String) ((ChromeDriver) browser.driver()).executeAsyncScript(
          "const done = arguments[0]; fetch('/api/v1/offices/demo/reports?from=2026-11-01&to=2026-11-30&by=field&format=csv',"
              + " {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('layso.admin.token')}})"
              + ".then(r => r.arrayBuffer()).then(b => done(btoa(String.fromCharCode(...new Uint8Array(b)))));");
      byte[] csvBytes = Base64.getDecoder().decode(csv);
      assertThat(csvBytes[0] & 0xff).isEqualTo(0xEF);
      String text = new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8);
      assertThat(text).startsWith("Mã lĩnh vực,Tên,Số phiếu đã cấp").contains("ho-tich,Hộ tịch,2,1,1");
      String xlsx = (String) ((ChromeDriver) browser.driver()).executeAsyncScript(
          "const done = arguments[0]; fetch('/api/v1/offices/demo/reports?from=2026-11-01&to=2026-11-30&by=field&format=xlsx',"
              + " {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('layso.admin.token')}})"
              + ".then(r => r.arrayBuffer()).then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
              + " done(btoa(s)); });");
      try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(xlsx)))) {
        List<Row> rows = wb.getFirstSheet().read();
        assertThat(rows.get(0).getCellText(0)).contains("Ba Đình").contains("01/11/2026");
        assertThat(rows.stream().map(r -> r.getCellText(1)).toList()).contains("Hộ tịch");
      }

      // the print view on A4: the centre's name and the period on top, no controls
      ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      browser.js("window.dispatchEvent(new Event('beforeprint'))");
      browser.resizeViewport(1123, 794);
      assertThat(browser.find(".print-title").isDisplayed()).isTrue();
      assertThat(browser.find("#range").isDisplayed()).isFalse();
      assertThat(browser.text(".print-title")).contains("Ba Đình").contains("01/11/2026");
      browser.screenshot("reports-print-a4");
    }
  }

  @Test
  void aManagerWithAOneTimePasswordChoosesANewOneInTheConsoleAndComesBack() throws Exception {
    app = ReportFixture.start();
    Api.Response created = app.api().post("/api/v1/offices/demo/accounts", new io.vertx.core.json.JsonObject()
        .put("username", "thu").put("password", "mot-lan-thoi-1").put("role", "manager")
        .put("fullName", "Trần Thu").put("mustChangePassword", true).encode(), "token", app.adminToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    try (Browser browser = Browser.open(1366, 768)) {
      browser.go(app.api().base() + "/admin/reports?office=demo");
      browser.awaitText("#login", "Đăng nhập quản lý", WAIT);
      browser.find("#username").sendKeys("thu");
      browser.find("#password").sendKeys("mot-lan-thoi-1");
      browser.find("#login button[type=submit]").click();
      // the console asks for the new password first, in the same tab with the same token
      browser.await(WAIT, d -> browser.find("#password-screen").isDisplayed() ? Boolean.TRUE : null);
      assertThat(browser.driver().getCurrentUrl()).contains("/admin?next=");
      browser.find("#pw-current").sendKeys("mot-lan-thoi-1");
      browser.find("#pw-new").sendKeys("mat-khau-rieng-cua-thu");
      browser.find("#pw-again").sendKeys("mat-khau-rieng-cua-thu");
      browser.find("#password-form button[type=submit]").click();
      browser.awaitText("#office-name", "Trung tâm Phục vụ hành chính công", WAIT);
      assertThat(browser.driver().getCurrentUrl()).contains("/admin/reports?office=demo");
    }
    assertThat(app.login("thu", "mat-khau-rieng-cua-thu")).isNotBlank();
  }
}
