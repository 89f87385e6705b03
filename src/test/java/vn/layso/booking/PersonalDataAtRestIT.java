package vn.layso.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.VietnamesePhone;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The issue's AOF test: after bookings, their Zalo confirmations and a "your turn is near" message,
 * the embedded Redis's append-only file (and an RDB written with SAVE, uncompressed so a clear
 * value could not hide in LZF) hold no citizen's name and no phone in any form; the API still
 * answers the masked name and phone, and Zalo still gets the real phone.
 */
class PersonalDataAtRestIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private record Citizen(String name, String phone, String cccd) {
    /** The forms a phone may take in a file: as typed, national, international, bare, spaced. */
    List<String> phoneForms() {
      String digits = phone.replaceAll("\\D", "");
      String bare = digits.startsWith("84") && digits.length() == 11 ? digits.substring(2) : digits.substring(1);
      String national = "0" + bare;
      return List.of(national, "84" + bare, "+84" + bare, bare,
          national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7));
    }
  }

  private static final List<Citizen> CITIZENS = List.of(
      new Citizen(nfc("Nguyễn Thị Thuỷ Tiên"), "0912345678", "001199012341"),
      new Citizen(nfc("Trần Văn Đức"), "0987 654 321", "001199012342"),
      new Citizen(nfc("Lê Hoàng Yến"), "+84 903 111 222", "001199012343"),
      new Citizen(nfc("Phạm Quốc Việt"), "0868123456", "001199012344"));

  private static FakeZalo zalo;
  private static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(env -> {
      zalo.configure(env);
      env.put("ZALO_TURN_NEAR_PLACES", "1");
    });
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  @Test
  void noNameOrPhoneInClearInTheAppendOnlyFileOrTheSnapshot() throws Exception {
    Assumptions.assumeTrue(app.server().embeddedRedis() != null, "reads the embedded Redis's files");
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < CITIZENS.size(); i++) {
      Citizen c = CITIZENS.get(i);
      JsonObject body = new JsonObject().put("service", "ho-tich").put("date", "2026-11-24")
          .put("start", i == 0 ? "09:30" : "10:00").put("fullName", c.name()).put("phone", c.phone())
          .put("citizenId", c.cccd());
      Api.Response booked = app.api().post("/api/v1/offices/demo/appointments", body.encode());
      assertThat(booked.status()).as(booked.body()).isEqualTo(201);
      codes.add(booked.json().getString("code"));
    }

    // the API answers the masked name and phone, read back from the sealed record
    for (int i = 0; i < CITIZENS.size(); i++) {
      Api.Response found = app.api().get("/api/v1/appointments/" + codes.get(i));
      assertThat(found.status()).as(found.body()).isEqualTo(200);
      String phone = VietnamesePhone.normalize(CITIZENS.get(i).phone()).orElseThrow();
      assertThat(found.json().getString("fullName")).isEqualTo(PersonName.mask(CITIZENS.get(i).name()));
      assertThat(found.json().getString("phone")).isEqualTo(VietnamesePhone.mask(phone));
    }

    // Zalo gets the real phone and name (the worker opened the sealed outbox record)
    for (int i = 0; i < CITIZENS.size(); i++) {
      String prefix = "appt:" + codes.get(i) + ":confirm";
      await().atMost(WAIT).until(() -> zalo.messages().stream()
          .anyMatch(m -> m.getString("tracking_id", "").startsWith(prefix)));
      JsonObject sent = zalo.messages().stream().filter(m -> m.getString("tracking_id", "").startsWith(prefix))
          .findFirst().orElseThrow();
      assertThat(sent.getString("phone")).isEqualTo(CITIZENS.get(i).phoneForms().get(1));
      assertThat(sent.getJsonObject("template_data").getString("customer_name")).isEqualTo(CITIZENS.get(i).name());
    }

    // the first citizen checks in on the day and is told when their turn is near
    app.clock().set(Instant.parse("2026-11-24T02:15:00Z"));
    app.tokenFor("clerk-pd", "STAFF", "demo");
    app.issue("demo", "ho-tich");
    app.issue("demo", "ho-tich");
    Api.Response checkedIn = app.api().post("/api/v1/offices/demo/check-in",
        new JsonObject().put("code", codes.get(0)).encode());
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(201);
    String clerk = app.login("clerk-pd", "password-of-clerk-pd");
    assertThat(app.counter("demo", "3", "call-next", clerk).status()).isEqualTo(200);
    String near = "appt:" + codes.get(0) + ":near";
    await().atMost(WAIT).until(() -> zalo.deliveredCount(near) == 1);
    assertThat(zalo.messages().stream().filter(m -> near.equals(m.getString("tracking_id"))).findFirst()
        .orElseThrow().getString("phone")).isEqualTo("84912345678");

    // the stored records are sealed
    String uri = app.server().embeddedRedis().uri();
    Map<String, String> record = RedisAdmin.sync(uri, r -> r.hgetall("layso:{demo}:appt:" + codes.get(1)));
    assertThat(record.get("name")).startsWith("pd:1:");
    assertThat(record.get("phone")).startsWith("pd:1:");

    // the append-only file as written (fsync always) and a snapshot written now, uncompressed
    RedisAdmin.sync(uri, r -> {
      r.configSet("rdbcompression", "no");
      return r.save();
    });
    Path dir = app.config().dataDir();
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString();
        return n.contains(".aof") || n.endsWith(".rdb");
      }).toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("layso.aof", "layso.rdb");
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      // the file does hold the bookings (the search below could find them)
      for (String code : codes) {
        assertThat(text).as(file.getFileName() + " holds booking " + code).contains(code);
      }
      assertThat(text).as(file.getFileName() + " holds sealed values").contains("pd:1:");
      for (Citizen c : CITIZENS) {
        for (String name : List.of(c.name(), Normalizer.normalize(c.name(), Normalizer.Form.NFD))) {
          assertThat(contains(bytes, name)).as(file.getFileName() + " holds a name in clear").isFalse();
        }
        for (String phone : c.phoneForms()) {
          assertThat(contains(bytes, phone)).as(file.getFileName() + " holds a phone in clear").isFalse();
        }
      }
    }
  }

  private static boolean contains(byte[] haystack, String needle) throws IOException {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i <= haystack.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
