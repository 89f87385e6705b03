package vn.layso.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.layso.booking.PersonalData;
import vn.layso.booking.PersonalDataKey;
import vn.layso.booking.domain.PersonName;
import vn.layso.booking.domain.VietnamesePhone;
import vn.layso.store.redis.Keys;
import vn.layso.testing.Api;
import vn.layso.testing.RedisAdmin;
import vn.layso.testing.TempFiles;
import vn.layso.testing.TestApp;

/**
 * A leaked PERSONAL_DATA_KEY is replaced: a server with the new key and the old one as
 * PERSONAL_DATA_KEY_PREVIOUS reads the old bookings and seals new ones with the new key; the
 * command with --keep-version re-encrypts everything under the new key, after which the old key
 * opens nothing.
 */
class PersonalDataKeyChangeIT {

  private static final String OLD = "the-old-personal-data-key-that-leaked-0001";
  private static final String NEW = "the-new-personal-data-key-from-the-vault-02";

  @Test
  void theOldKeysValuesAreReencryptedUnderTheNewKey() throws Exception {
    Map<String, String[]> booked = new LinkedHashMap<>();
    Path dir2 = Files.createTempDirectory("layso-test-keychange");
    try (TestApp app = TestApp.start(env -> env.put("PERSONAL_DATA_KEY", OLD))) {
      String uri = app.server().embeddedRedis() != null ? app.server().embeddedRedis().uri() : app.config().redisUri();
      List<String[]> places = places(app.api());
      for (int i = 0; i < 4; i++) {
        book(app.api(), places.get(i), i, booked);
      }
      Map<String, String> env = TestApp.environment(dir2, uri);
      env.put("PERSONAL_DATA_KEY", NEW);
      env.put("PERSONAL_DATA_KEY_PREVIOUS", OLD);
      LaysoServer changing = LaysoServer.start(Config.fromEnvironment(env), app.clock());
      try {
        Api api = new Api(changing.port());
        assertReadable(api, booked);
        for (int i = 4; i < 6; i++) {
          book(api, places.get(i), i, booked);
        }
        // before the rotation, the old bookings' phone hashes are the old key's: the phone does not cancel
        String first = booked.keySet().iterator().next();
        String firstPhone = booked.get(first)[1].replace("+", "%2B");
        assertThat(api.method("DELETE", "/api/v1/appointments/" + first + "?phone=" + firstPhone, null).status())
            .isEqualTo(404);
        assertThat(PersonalDataCommand.rotate(env, true)).isZero();
        assertThat(RedisAdmin.get(uri, Keys.PD_VERSION)).isEqualTo("1");
        assertReadable(api, booked);
        // after it, the phone hash and the citizen's day entry are the new key's: the phone cancels
        String newHash = PersonalDataKey.of(NEW).phone(booked.get(first)[1]);
        String oldHash = PersonalDataKey.of(OLD).phone(booked.get(first)[1]);
        Map<String, String> record = RedisAdmin.sync(uri, r -> r.hgetall(Keys.appointment("demo", first)));
        assertThat(record.get("phoneHash")).isEqualTo(newHash);
        String newDay = Keys.citizenDay("demo", record.get("date"), "p", newHash);
        String oldDay = Keys.citizenDay("demo", record.get("date"), "p", oldHash);
        Boolean movedIn = RedisAdmin.sync(uri, r -> r.hexists(newDay, first));
        Boolean leftOld = RedisAdmin.sync(uri, r -> r.hexists(oldDay, first));
        Long lifetime = RedisAdmin.sync(uri, r -> r.pttl(newDay));
        assertThat(movedIn).isTrue();
        assertThat(leftOld).isFalse();
        assertThat(lifetime).isPositive();
        Api.Response cancelled = api.method("DELETE", "/api/v1/appointments/" + first + "?phone=" + firstPhone, null);
        assertThat(cancelled.status()).as(cancelled.body()).isBetween(200, 204);
      } finally {
        changing.stop();
      }
      PersonalData onlyNew = new PersonalData(PersonalDataKey.of(NEW));
      PersonalData onlyOld = new PersonalData(PersonalDataKey.of(OLD));
      for (String code : booked.keySet()) {
        String key = Keys.appointment("demo", code);
        Map<String, String> h = RedisAdmin.sync(uri, r -> r.hgetall(key));
        assertThat(onlyNew.open(key, "name", h.get("name"))).isEqualTo(booked.get(code)[0]);
        assertThat(onlyNew.open(key, "phone", h.get("phone"))).isEqualTo(booked.get(code)[1]);
        assertThatThrownBy(() -> onlyOld.open(key, "name", h.get("name"))).isInstanceOf(PersonalData.Unreadable.class);
      }
    } finally {
      TempFiles.deleteTree(dir2);
    }
  }

  private static List<String[]> places(Api api) {
    List<String[]> out = new ArrayList<>();
    for (String date : List.of("2026-11-24", "2026-11-25")) {
      JsonArray slots = api.get("/api/v1/offices/demo/slots?service=ho-tich&date=" + date).array();
      for (Object o : slots) {
        JsonObject slot = (JsonObject) o;
        for (int i = 0; i < slot.getInteger("available"); i++) {
          out.add(new String[] {date, slot.getString("start")});
        }
      }
    }
    return out;
  }

  private static void book(Api api, String[] place, int i, Map<String, String[]> booked) {
    String name = "Hoàng Thị " + PersonalDataRotationIT.letters(i);
    String phone = String.format("09%08d", 30_000_000 + i);
    JsonObject body = new JsonObject().put("service", "ho-tich").put("date", place[0]).put("start", place[1])
        .put("fullName", name).put("phone", phone).put("citizenId", String.format("0013000%05d", i));
    Api.Response r = api.post("/api/v1/offices/demo/appointments", body.encode());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    booked.put(r.json().getString("code"), new String[] {name, VietnamesePhone.normalize(phone).orElseThrow()});
  }

  private static void assertReadable(Api api, Map<String, String[]> booked) {
    booked.forEach((code, citizen) -> {
      Api.Response found = api.get("/api/v1/appointments/" + code);
      assertThat(found.status()).as(found.body()).isEqualTo(200);
      assertThat(found.json().getString("fullName")).isEqualTo(PersonName.mask(citizen[0]));
      assertThat(found.json().getString("phone")).isEqualTo(VietnamesePhone.mask(citizen[1]));
    });
  }
}
