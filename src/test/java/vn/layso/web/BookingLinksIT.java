package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Browser;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** Each field's booking link and QR, for the office's staff: the API and the printable page /book/share. */
class BookingLinksIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestApp app;
  private static TestApp behindProxy;

  @BeforeAll
  static void start() throws Exception {
    var offices = TestOffices.write(TestOffices.uniform("other", 1, List.of("x"), 0));
    app = TestApp.start(env -> env.put("OFFICES_FILE", offices.toString()));
    behindProxy = TestApp.start(env -> env.put("PUBLIC_URL", "https://layso.badinh.gov.vn/"));
  }

  @AfterAll
  static void stop() {
    app.close();
    behindProxy.close();
  }

  @Test
  void staffGetEachFieldsLinkWhoseQrOpensTheBookingPageWithBothChosen() throws Exception {
    assertError(app.api().get("/api/v1/offices/demo/booking-links"), 401, "login_required");
    String staff = app.tokenFor("le-tan", "STAFF", "demo");
    var answer = app.api().get("/api/v1/offices/demo/booking-links", "token", staff);
    assertThat(answer.status()).isEqualTo(200);
    var links = answer.json().getJsonArray("links");
    assertThat(links).hasSize(6);
    var land = links.getJsonObject(0);
    assertThat(land.getString("name")).isEqualTo("Đất đai");
    assertThat(land.getString("url")).isEqualTo(app.api().base() + "/book?office=demo&service=dat-dai");
    var svg = app.api().get(land.getString("qr"));
    assertThat(svg.status()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(TicketQrIT.decode(svg.body())).isEqualTo(land.getString("url"));

    String behind = behindProxy.api().get("/api/v1/offices/demo/services/ho-tich/booking-qr.svg").body();
    assertThat(TicketQrIT.decode(behind)).isEqualTo("https://layso.badinh.gov.vn/book?office=demo&service=ho-tich");
    assertError(app.api().get("/api/v1/offices/demo/services/nope/booking-qr.svg"), 404, "unknown_service");
    assertError(app.api().get("/api/v1/offices/nope/services/ho-tich/booking-qr.svg"), 404, "office_not_found");
  }

  @Test
  void staffOfAnotherOfficeAreRefused() {
    String other = app.tokenFor("khac", "STAFF", "other");
    assertError(app.api().get("/api/v1/offices/demo/booking-links", "token", other), 403, "forbidden");
  }

  @Test
  void theSharePageListsEveryFieldWithItsLinkAndQrAfterLogIn() {
    try (Browser browser = Browser.open(1280, 800)) {
      browser.go(app.api().base() + "/book/share?office=demo");
      browser.awaitText("#login", "Đăng nhập cán bộ", WAIT);
      browser.find("#username").sendKeys("admin");
      browser.find("#password").sendKeys(TestApp.ADMIN_PASSWORD);
      browser.find("#login button[type=submit]").click();
      browser.awaitText("#link-list", "Đất đai", WAIT);
      assertThat(browser.findAll("#link-list .link")).hasSize(6);
      assertThat(browser.text("#link-list .link")).contains("/book?office=demo&service=dat-dai");
      browser.await(WAIT, d -> Boolean.TRUE.equals(browser.js(
          "return Array.from(document.querySelectorAll('#link-list img')).every(i => i.complete && i.naturalWidth > 0)")));
      assertThat(browser.text("#print")).isEqualTo("In các mã QR");
      browser.screenshot("book-share-1280x800");
    }
  }
}
