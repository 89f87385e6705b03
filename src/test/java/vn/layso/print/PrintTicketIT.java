package vn.layso.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.layso.testing.Api;
import vn.layso.testing.FakePrinter;
import vn.layso.testing.TestApp;
import vn.layso.testing.TestOffices;

/** Printing issued tickets on fake network printers: what reaches the paper, and every way it fails. */
class PrintTicketIT {

  static final String OFFICE = "inpho";
  static final String PUBLIC_URL = "https://layso.example.gov.vn";

  static FakePrinter ready;
  static FakePrinter slow;
  static FakePrinter paperOut;
  static int closedPort;
  static TestApp app;
  static String kiosk;
  static String textKiosk;
  static String deadKiosk;
  static String slowKiosk;
  static String paperKiosk;
  static String unlinkedKiosk;
  static String staff;

  @BeforeAll
  static void start() throws Exception {
    ready = new FakePrinter(FakePrinter.Behaviour.READY);
    slow = new FakePrinter(FakePrinter.Behaviour.SLOW);
    paperOut = new FakePrinter(FakePrinter.Behaviour.PAPER_OUT);
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    JsonObject office = TestOffices.uniform(OFFICE, 2, List.of("dat-dai", "ho-tich"), 3)
        .put("name", "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm")
        .put("issuingHours", "always")
        .put("printers", new JsonArray()
            .add(printer("sanh-1", "80mm-raster", ready.port(), "kiosk-sanh-1"))
            .add(printer("sanh-2", "80mm-text-cp1258", ready.port(), "kiosk-sanh-2"))
            .add(printer("hong", "58mm-raster", closedPort, "kiosk-hong"))
            .add(printer("cham", "80mm-raster", slow.port(), "kiosk-cham"))
            .add(printer("het-giay", "80mm-raster", paperOut.port(), "kiosk-het-giay")));
    JsonObject other = TestOffices.uniform("khac", 1, List.of("dat-dai"), 3).put("issuingHours", "always");
    var file = TestOffices.write(office, other);
    app = TestApp.start(env -> {
      env.put("OFFICES_FILE", file.toString());
      env.put("PUBLIC_URL", PUBLIC_URL);
    });
    kiosk = app.tokenFor("kiosk-sanh-1", "DEVICE", OFFICE);
    textKiosk = app.tokenFor("kiosk-sanh-2", "DEVICE", OFFICE);
    deadKiosk = app.tokenFor("kiosk-hong", "DEVICE", OFFICE);
    slowKiosk = app.tokenFor("kiosk-cham", "DEVICE", OFFICE);
    paperKiosk = app.tokenFor("kiosk-het-giay", "DEVICE", OFFICE);
    unlinkedKiosk = app.tokenFor("kiosk-le", "DEVICE", OFFICE);
    staff = app.tokenFor("can-bo", "STAFF", OFFICE);
  }

  static JsonObject printer(String id, String profile, int port, String kiosk) {
    return new JsonObject().put("id", id).put("name", "Máy in " + id).put("profile", profile)
        .put("host", "127.0.0.1").put("port", port).put("kiosks", new JsonArray().add(kiosk));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    ready.close();
    slow.close();
    paperOut.close();
  }

  @BeforeEach
  void clear() {
    ready.reset();
    paperOut.reset();
  }

  static JsonObject issue(String token) {
    Api.Response r = app.api().post("/api/v1/offices/" + OFFICE + "/tickets",
        new JsonObject().put("service", "dat-dai").encode(), "token", token);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  static Api.Response print(String ticketId, String body, String... headers) {
    return app.api().post("/api/v1/tickets/" + ticketId + "/print", body, headers);
  }

  static JsonArray failures() {
    Api.Response r = app.api().get("/api/v1/offices/" + OFFICE + "/print-failures", "token", staff);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.array();
  }

  static boolean listed(String id) {
    return failures().stream().anyMatch(f -> ((JsonObject) f).getString("id").equals(id));
  }

  @Test
  void aKioskPrintsAFreshTicketAsOneRasterImageWithQrAndCut() throws Exception {
    JsonObject ticket = issue(kiosk);
    Api.Response r = print(ticket.getString("id"), null, "token", kiosk);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(new JsonObject().put("status", "PRINTED").put("printer", "sanh-1"));

    await().atMost(Duration.ofSeconds(5)).until(() -> ready.jobs().size() == 1);
    EscPosBytes job = new EscPosBytes(ready.jobs().get(0));
    assertThat(job.startsWithInit()).isTrue();
    assertThat(job.rasterCount()).isEqualTo(1);
    EscPosBytes.Raster raster = job.raster().orElseThrow();
    assertThat(raster.widthDots()).isEqualTo(576);
    assertThat(EscPosBytes.blackShare(raster.image())).isBetween(0.03, 0.5);
    javax.imageio.ImageIO.write(raster.image(), "png", java.nio.file.Files.createDirectories(
        java.nio.file.Path.of("target/screenshots")).resolve("ticket-printed-80mm.png").toFile());
    assertThat(TicketRendererTest.decodeQr(raster.image())).isEqualTo(PUBLIC_URL + "/t/" + ticket.getString("id"));
    assertThat(job.cut()).isEqualTo(EscPosBytes.Cut.PARTIAL);
    assertThat(ready.statusRequests()).isEqualTo(1);

    JsonObject record = app.api().get("/api/v1/offices/" + OFFICE + "/history/days/2026-11-23/tickets", "token", staff)
        .json().getJsonArray("tickets").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("id").equals(ticket.getString("id"))).findFirst().orElseThrow();
    assertThat(record.getJsonArray("history").stream().map(s -> ((JsonObject) s).getString("action")).toList())
        .containsExactly("ISSUE", "PRINT");
  }

  @Test
  void aTextModePrinterGetsTheCodePageTheTextAndItsOwnQrCommand() {
    JsonObject ticket = issue(textKiosk);
    Api.Response r = print(ticket.getString("id"), "", "token", textKiosk);
    assertThat(r.json().getString("status")).as(r.body()).isEqualTo("PRINTED");
    await().atMost(Duration.ofSeconds(5)).until(() -> ready.jobs().size() == 1);
    EscPosBytes job = new EscPosBytes(ready.jobs().get(0));
    assertThat(job.startsWithInit()).isTrue();
    assertThat(job.rasterCount()).isZero();
    assertThat(job.indexOf(new byte[] {0x1B, 't', 52})).isPositive();
    assertThat(job.indexOf(vn.layso.print.domain.VietText.cp1258("Lĩnh vực dat-dai"))).isPositive();
    assertThat(job.indexOf(ticket.getString("number").getBytes())).isPositive();
    assertThat(job.qrData()).contains(PUBLIC_URL + "/t/" + ticket.getString("id"));
    assertThat(job.cut()).isEqualTo(EscPosBytes.Cut.PARTIAL);
  }

  @Test
  void anUnreachablePrinterFailsQuicklyAndTheTicketStaysIssuedAndListed() {
    JsonObject ticket = issue(deadKiosk);
    long start = System.nanoTime();
    Api.Response r = print(ticket.getString("id"), null, "token", deadKiosk, "Accept-Language", "vi");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("status")).isEqualTo("FAILED");
    assertThat(r.json().getString("reason")).isEqualTo("unreachable");
    assertThat(r.json().getString("printer")).isEqualTo("hong");
    assertThat(r.json().getString("message")).contains(ticket.getString("number")).contains("Không kết nối được máy in");
    assertThat(millis).isLessThan(2500);
    assertThat(app.api().get("/api/v1/tickets/" + ticket.getString("id")).json().getString("status"))
        .isEqualTo("WAITING");
    JsonObject listed = failures().stream().map(JsonObject.class::cast)
        .filter(f -> f.getString("id").equals(ticket.getString("id"))).findFirst().orElseThrow();
    assertThat(listed.getString("number")).isEqualTo(ticket.getString("number"));
    assertThat(listed.getString("printer")).isEqualTo("hong");
    assertThat(listed.getString("reason")).isEqualTo("unreachable");
    assertThat(listed.getString("service")).isEqualTo("dat-dai");
    assertThat(listed.getString("issuedAt")).endsWith("+07:00");
    assertThat(print(ticket.getString("id"), null, "token", deadKiosk, "Accept-Language", "en").json()
        .getString("message")).startsWith("The printer cannot be reached");
  }

  @Test
  void aPrinterThatNeverAnswersTimesOutWithinTheJobTimeout() {
    JsonObject ticket = issue(slowKiosk);
    long start = System.nanoTime();
    Api.Response r = print(ticket.getString("id"), null, "token", slowKiosk);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.json().getString("status")).as(r.body()).isEqualTo("FAILED");
    assertThat(r.json().getString("reason")).isEqualTo("timeout");
    assertThat(millis).isBetween(4_500L, 6_500L);
    assertThat(listed(ticket.getString("id"))).isTrue();
  }

  @Test
  void paperOutIsReportedAndTheJobIsNotSent() {
    JsonObject ticket = issue(paperKiosk);
    Api.Response r = print(ticket.getString("id"), null, "token", paperKiosk);
    assertThat(r.json().getString("status")).as(r.body()).isEqualTo("FAILED");
    assertThat(r.json().getString("reason")).isEqualTo("paper_out");
    assertThat(r.json().getString("message")).contains("hết giấy");
    await().atMost(Duration.ofSeconds(2)).until(() -> paperOut.statusRequests() == 1);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> paperOut.jobs().isEmpty());
    JsonArray printers = app.api().get("/api/v1/offices/" + OFFICE + "/printers", "token", staff).array();
    JsonObject state = printers.stream().map(JsonObject.class::cast).filter(p -> p.getString("id").equals("het-giay"))
        .findFirst().orElseThrow();
    assertThat(state.getJsonObject("lastStatus").getString("status")).isEqualTo("FAILED");
    assertThat(state.getJsonObject("lastStatus").getString("reason")).isEqualTo("paper_out");
    assertThat(state.getString("host")).isEqualTo("127.0.0.1");
    assertThat(state.getJsonArray("kiosks")).containsExactly("kiosk-het-giay");
  }

  @Test
  void aStaffReprintAfterAFailureSucceedsAndClearsTheFailure() {
    JsonObject ticket = issue(deadKiosk);
    String id = ticket.getString("id");
    assertThat(print(id, null, "token", deadKiosk).json().getString("reason")).isEqualTo("unreachable");
    assertThat(listed(id)).isTrue();
    // without a printer named, staff reprint on the printer that last tried: still dead
    Api.Response again = print(id, null, "token", staff);
    assertThat(again.json().getString("printer")).isEqualTo("hong");
    assertThat(again.json().getString("status")).isEqualTo("FAILED");

    Api.Response reprint = print(id, new JsonObject().put("printer", "sanh-1").encode(), "token", staff);
    assertThat(reprint.json()).isEqualTo(new JsonObject().put("status", "PRINTED").put("printer", "sanh-1"));
    assertThat(listed(id)).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> ready.jobs().size() == 1);
    assertThat(new EscPosBytes(ready.jobs().get(0)).raster()).isPresent();
  }

  @Test
  void whoMayPrintWhere() {
    String id = issue(kiosk).getString("id");
    assertThat(print(id, null).status()).isEqualTo(401);
    String foreignKiosk = app.tokenFor("kiosk-khac", "DEVICE", "khac");
    assertThat(print(id, null, "token", foreignKiosk).status()).isEqualTo(403);
    String foreignStaff = app.tokenFor("can-bo-khac", "STAFF", "khac");
    assertThat(print(id, null, "token", foreignStaff).status()).isEqualTo(403);
    Api.Response chosen = print(id, new JsonObject().put("printer", "sanh-2").encode(), "token", kiosk);
    assertThat(chosen.status()).isEqualTo(400);
    assertThat(chosen.code()).isEqualTo("printer_not_allowed");
    Api.Response unlinked = print(id, null, "token", unlinkedKiosk);
    assertThat(unlinked.status()).isEqualTo(409);
    assertThat(unlinked.code()).isEqualTo("no_printer");
    Api.Response unknown = print(id, new JsonObject().put("printer", "khong-co").encode(), "token", staff);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo("unknown_printer");
    assertThat(print(OFFICE + ".NOSUCHTICKET", null, "token", kiosk).status()).isEqualTo(404);
    assertThat(print(id, "{not json", "token", staff).status()).isEqualTo(400);
    assertThat(app.api().get("/api/v1/offices/" + OFFICE + "/print-failures").status()).isEqualTo(401);
    assertThat(app.api().get("/api/v1/offices/" + OFFICE + "/print-failures", "token", kiosk).status()).isEqualTo(403);
    assertThat(app.api().get("/api/v1/offices/" + OFFICE + "/printers", "token", foreignStaff).status()).isEqualTo(403);
    assertThat(ready.jobs()).isEmpty();
  }

  @Test
  void aDoubleTapPrintsOnceButAStaffReprintPrintsAgain() {
    String id = issue(kiosk).getString("id");
    var first = app.api().postAsync("/api/v1/tickets/" + id + "/print", "", "token", kiosk);
    var second = app.api().postAsync("/api/v1/tickets/" + id + "/print", "", "token", kiosk);
    assertThat(first.join().json().getString("status")).isEqualTo("PRINTED");
    assertThat(second.join().json().getString("status")).isEqualTo("PRINTED");
    assertThat(print(id, null, "token", kiosk).headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(print(id, null, "token", staff).json().getString("status")).isEqualTo("PRINTED");
    await().atMost(Duration.ofSeconds(5)).until(() -> ready.jobs().size() == 2);
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> ready.jobs().size() == 2);
  }

  @Test
  void twentyParallelPrintsToOnePrinterAllCompleteOneAfterAnother() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(issue(kiosk).getString("id"));
    }
    List<CompletableFuture<Api.Response>> calls = ids.stream()
        .map(id -> app.api().postAsync("/api/v1/tickets/" + id + "/print", "", "token", kiosk)).toList();
    for (var call : calls) {
      Api.Response r = call.join();
      assertThat(r.json().getString("status")).as(r.body()).isEqualTo("PRINTED");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> ready.jobs().size() == 20);
    assertThat(ready.interleavedJobs()).isZero();
    assertThat(ready.connections()).isEqualTo(20);
    for (byte[] bytes : ready.jobs()) {
      EscPosBytes job = new EscPosBytes(bytes);
      assertThat(job.startsWithInit()).isTrue();
      assertThat(job.rasterCount()).isEqualTo(1);
      assertThat(job.cut()).isEqualTo(EscPosBytes.Cut.PARTIAL);
    }
  }
}
