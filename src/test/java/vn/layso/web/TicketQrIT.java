package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.layso.testing.ApiErrors.assertError;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.layso.testing.Api;
import vn.layso.testing.TestApp;

/** The QR under a ticket decodes to that ticket's page, on PUBLIC_URL or on the origin the kiosk used. */
class TicketQrIT {

  private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
  private static TestApp app;
  private static TestApp behindProxy;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start();
    behindProxy = TestApp.start(env -> env.put("PUBLIC_URL", "https://layso.badinh.gov.vn/"));
  }

  @AfterAll
  static void stop() {
    app.close();
    behindProxy.close();
  }

  /** Reads the SVG as XML (it must be well-formed), rasterises its module runs and decodes the QR. */
  static String decode(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    String[] box = doc.getDocumentElement().getAttribute("viewBox").split(" ");
    int size = Integer.parseInt(box[2]);
    assertThat(Integer.parseInt(box[3])).isEqualTo(size);
    // a QR symbol has 21 + 4k modules a side, here with a quiet zone of 4 on each side
    assertThat((size - 8 - 21) % 4).as("module count %d", size - 8).isZero();
    String path = doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue();
    int scale = 4;
    int[] pixels = new int[size * scale * size * scale];
    java.util.Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher run = RUN.matcher(path);
    int runs = 0;
    while (run.find()) {
      runs++;
      int x0 = Integer.parseInt(run.group(1));
      int y0 = Integer.parseInt(run.group(2));
      int width = Integer.parseInt(run.group(3));
      for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
        for (int x = x0 * scale; x < (x0 + width) * scale; x++) {
          pixels[y * size * scale + x] = 0xFF000000;
        }
      }
    }
    assertThat(runs).isGreaterThan(50);
    var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
    // the image is a clean symbol drawn from the SVG: read it as one (the detector's finder-pattern
    // heuristics, meant for photos, missed a valid symbol once in a full run)
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
  }

  @Test
  void theQrOpensTheTicketsPageOnTheOriginTheKioskUsed() throws Exception {
    String id = app.issue("demo", "ho-tich").getString("id");
    Api.Response r = app.api().get("/api/v1/tickets/" + id + "/qr.svg");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).startsWith("private"));
    assertThat(decode(r.body())).isEqualTo(app.api().base() + "/t/" + id);
    assertThat(app.api().get("/t/" + id).status()).isEqualTo(200);
    // every ticket's code reads back, whatever its random id makes of the symbol
    for (int i = 0; i < 40; i++) {
      String another = app.issue("demo", "chung-thuc").getString("id");
      assertThat(decode(app.api().get("/api/v1/tickets/" + another + "/qr.svg").body()))
          .isEqualTo(app.api().base() + "/t/" + another);
    }
  }

  @Test
  void behindAProxyTheQrUsesPublicUrl() throws Exception {
    String id = behindProxy.issue("demo", "dat-dai").getString("id");
    String svg = behindProxy.api().get("/api/v1/tickets/" + id + "/qr.svg").body();
    assertThat(decode(svg)).isEqualTo("https://layso.badinh.gov.vn/t/" + id);
  }

  @Test
  void unknownTicketsAre404() {
    assertError(app.api().get("/api/v1/tickets/demo.0000000000ab/qr.svg"), 404, "ticket_not_found");
    assertError(app.api().get("/api/v1/tickets/nothing/qr.svg"), 404, "ticket_not_found");
    assertError(app.api().get("/api/v1/tickets/nowhere.0000000000ab/qr.svg"), 404, "ticket_not_found");
  }

  @Test
  void aGarbageHostIsNeverPutIntoTheCode() throws Exception {
    String id = app.issue("demo", "ho-tich").getString("id");
    for (String host : new String[] {"evil.example/phish", "a\"b", "x y"}) {
      String answer = raw(app.port(), "GET /api/v1/tickets/" + id + "/qr.svg HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(host).startsWith("HTTP/1.1 400");
      assertThat(answer).doesNotContain("<svg");
    }
  }

  private static String raw(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
