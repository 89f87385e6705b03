package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.layso.booking.PersonalData;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.VietnamesePhone;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.FakeZalo;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TestApp;

/**
 * The rotation command against a serving server: bookings (and their Zalo outbox records) sealed
 * under version 1, one older clear-text record, then {@code admin rotate-personal-data-key} while
 * citizens keep booking: every stored value ends at version 2 and still reads; the bookings made
 * during the rotation survive; the server seals new ones with version 2; an interrupted rotation is
 * finished by running the command again.
 */
class PersonalDataRotationIT {

  private static final String[] SERVICES = {"ho-tich", "chung-thuc", "dat-dai", "lao-dong"};
  private static final String[] DATES = {"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"};

  private static FakeZalo zalo;
  private static TestApp app;
  private static String uri;
  private static final List<String[]> PLACES = new ArrayList<>();
  /** code -> {name, normalised phone} */
  private static final Map<String, String[]> BOOKED = new LinkedHashMap<>();
  private static int next;

  @BeforeAll
  static void start() throws Exception {
    zalo = new FakeZalo();
    app = TestApp.start(zalo::configure);
    uri = app.server().embeddedRedis() != null ? app.server().embeddedRedis().uri() : app.config().redisUri();
    for (String date : DATES) {
      for (String service : SERVICES) {
        JsonArray slots = app.api().get("/api/v1/offices/demo/slots?service=" + service + "&date=" + date).array();
        for (Object o : slots) {
          JsonObject slot = (JsonObject) o;
          for (int i = 0; i < slot.getInteger("available"); i++) {
            PLACES.add(new String[] {service, date, slot.getString("start")});
          }
        }
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    zalo.close();
  }

  /** Books the next free place for a new citizen; returns the code. */
  private static String book() {
    int i = next++;
    String[] place = PLACES.get(i);
    String name = "Nguyễn Văn Thử " + letters(i);
    String phone = String.format("09%08d", 10_000_000 + i);
    JsonObject body = new JsonObject().put("service", place[0]).put("date", place[1]).put("start", place[2])
        .put("fullName", name).put("phone", phone).put("citizenId", String.format("0011990%05d", i));
    Api.Response r = app.api().post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String code = r.json().getString("code");
    BOOKED.put(code, new String[] {name, VietnamesePhone.normalize(phone).orElseThrow()});
    return code;
  }

  /** A distinct name part per citizen (names are letters only): 0 -> "Aa", 27 -> "Bb". */
  static String letters(int i) {
    StringBuilder s = new StringBuilder().append((char) ('A' + i / 26 % 26));
    for (int n = i; ; n /= 26) {
      s.append((char) ('a' + n % 26));
      if (n < 26) {
        return s.toString();
      }
    }
  }

  private static Map<String, String> env() {
    return TestApp.environment(app.config().dataDir(), app.config().redisUri());
  }

  @Test
  void rotationReencryptsEverythingWhileCitizensKeepBooking() throws Exception {
    for (int i = 0; i < 12; i++) {
      book();
    }
    // an older record, written before encryption at rest: clear text
    String older = book();
    String olderKey = Keys.appointment("demo", older);
    RedisAdmin.sync(uri, r -> r.hset(olderKey, Map.of("name", "Đỗ Minh Khoa", "phone", "+84911000001")));
    BOOKED.put(older, new String[] {"Đỗ Minh Khoa", "+84911000001"});
    assertAllSealedAt(1, older);
    await().atMost(Duration.ofSeconds(15)).until(() -> notificationKeys().size() >= 13);

    // the rotation runs while citizens book
    CompletableFuture<Integer> rotation = CompletableFuture.supplyAsync(() -> PersonalDataCommand.rotate(env(), false));
    List<String> during = new ArrayList<>();
    while (!rotation.isDone() && next < PLACES.size() - 20) {
      during.add(book());
    }
    rotation.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(rotation.get()).isZero();
    assertThat(during).hasSizeGreaterThanOrEqualTo(3);
    assertThat(RedisAdmin.get(uri, Keys.PD_VERSION)).isEqualTo("2");
    assertThat(RedisAdmin.exists(uri, Keys.PD_ROTATION)).isFalse();
    assertAllSealedAt(2, null);
    assertAllReadable();

    // the server seals with version 2 by itself now
    String after = book();
    String sealedAfter = RedisAdmin.sync(uri, r -> r.hget(Keys.appointment("demo", after), "name"));
    assertThat(sealedAfter).startsWith("pd:2:");

    // an interrupted rotation (to version 3: marked and raised, nothing re-encrypted yet) is finished by a re-run
    RedisAdmin.set(uri, Keys.PD_ROTATION, "3");
    RedisAdmin.set(uri, Keys.PD_VERSION, "3");
    assertThat(PersonalDataCommand.rotate(env(), false)).isZero();
    assertThat(RedisAdmin.get(uri, Keys.PD_VERSION)).isEqualTo("3");
    assertThat(RedisAdmin.exists(uri, Keys.PD_ROTATION)).isFalse();
    assertAllSealedAt(3, null);
    assertAllReadable();

    // the outbox still reaches Zalo with the real phone after the rotation
    String late = book();
    String prefix = "appt:" + late + ":confirm";
    await().atMost(Duration.ofSeconds(15)).until(() -> zalo.messages().stream()
        .anyMatch(m -> m.getString("tracking_id", "").startsWith(prefix)));
    assertThat(zalo.messages().stream().filter(m -> m.getString("tracking_id", "").startsWith(prefix)).findFirst()
        .orElseThrow().getString("phone")).isEqualTo(BOOKED.get(late)[1].substring(1));
  }

  private static List<String> notificationKeys() {
    return RedisAdmin.sync(uri, r -> r.keys(Keys.notificationPrefix() + "*"));
  }

  /** Every name, phone and outbox phone/data is sealed at {@code version} (but {@code clear}, left in clear). */
  private static void assertAllSealedAt(int version, String clear) {
    List<String> appointments = RedisAdmin.sync(uri, r -> r.keys(Keys.APPOINTMENTS_PATTERN));
    assertThat(appointments).hasSize(BOOKED.size());
    for (String key : appointments) {
      Map<String, String> h = RedisAdmin.sync(uri, r -> r.hgetall(key));
      for (String field : List.of("name", "phone")) {
        if (clear != null && key.equals(Keys.appointment("demo", clear))) {
          assertThat(PersonalData.isSealed(h.get(field))).isFalse();
        } else {
          assertThat(PersonalData.versionOf(h.get(field))).as(key + " " + field).isEqualTo(version);
        }
      }
    }
    for (String key : notificationKeys()) {
      Map<String, String> h = RedisAdmin.sync(uri, r -> r.hgetall(key));
      assertThat(PersonalData.versionOf(h.get("phone"))).as(key + " phone").isEqualTo(version);
      assertThat(PersonalData.versionOf(h.get("data"))).as(key + " data").isEqualTo(version);
    }
  }

  private static void assertAllReadable() {
    BOOKED.forEach((code, citizen) -> {
      Api.Response found = app.api().get("/api/v1/appointments/" + code);
      assertThat(found.status()).as(found.body()).isEqualTo(200);
      assertThat(found.json().getString("fullName")).isEqualTo(PersonName.mask(citizen[0]));
      assertThat(found.json().getString("phone")).isEqualTo(VietnamesePhone.mask(citizen[1]));
    });
  }
}
