package vn.layso.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.layso.api.ApiJson;
import vn.layso.auth.AuthStore.Account;
import vn.layso.auth.domain.Role;

/** The accounts' answers and audit lines, byte for byte what the hand-built JSON of before gave. */
class AccountShapesTest {

  private static final Account ADMIN = new Account("it-tinh", "$2a$hash", Role.ADMIN, List.of(), null, false, false);
  private static final Account LAN = new Account("lan", "$2a$hash", Role.MANAGER, List.of("demo", "north"),
      "Nguyễn Thị \"Lan\"", true, true);

  @Test
  void anOfficeAccountIsWhatAccountJsonWrote() {
    for (Account a : List.of(ADMIN, LAN)) {
      String before = new JsonObject().put("username", a.username()).put("fullName", a.displayName())
          .put("role", a.role().name()).put("offices", new JsonArray(a.offices()))
          .put("disabled", a.disabled()).put("mustChangePassword", a.mustChangePassword()).encode();
      assertThat(ApiJson.encode(AccountJson.of(a))).isEqualTo(before);
    }
  }

  @Test
  void anAdminsViewOfAnAccountKeepsItsNullOffice() {
    for (Account a : List.of(ADMIN, LAN)) {
      String before = new JsonObject().put("username", a.username()).put("role", a.role().name())
          .put("office", a.office()).put("offices", new JsonArray(a.offices())).put("fullName", a.displayName())
          .put("disabled", a.disabled()).put("mustChangePassword", a.mustChangePassword()).encode();
      assertThat(ApiJson.encode(AdminUserRoutes.Account.of(a))).isEqualTo(before);
    }
    assertThat(ApiJson.encode(AdminUserRoutes.Account.of(ADMIN))).contains("\"office\":null");
  }

  @Test
  void aOneTimePasswordIsTheNameAndThePassword() {
    assertThat(ApiJson.encode(new AccountRoutes.OneTimePassword("lan", "k7pq-4qxm-9tzr")))
        .isEqualTo("{\"username\":\"lan\",\"oneTimePassword\":\"k7pq-4qxm-9tzr\"}");
  }
}
