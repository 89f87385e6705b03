package vn.layso.account;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.layso.auth.AuthStore.Account;

/** An account as answers and the audit log show it: never its password hash. */
final class AccountJson {

  private AccountJson() {
  }

  static JsonObject of(Account a) {
    return new JsonObject().put("username", a.username()).put("fullName", a.displayName())
        .put("role", a.role().name()).put("offices", new JsonArray(a.offices()))
        .put("disabled", a.disabled()).put("mustChangePassword", a.mustChangePassword());
  }
}
