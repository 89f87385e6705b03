package vn.layso.account;

import java.util.List;
import vn.layso.api.ApiShape;
import vn.layso.auth.AuthStore.Account;

/** An account as answers and the audit log show it: never its password hash. */
final class AccountJson {

  private AccountJson() {
  }

  /** A person's account of an office (never a device's), as the office accounts API answers it. */
  @ApiShape.Name("OfficeAccount")
  record OfficeAccount(@ApiShape.Required String username, @ApiShape.Required String fullName,
                       @ApiShape.Required @ApiShape.Values({"MANAGER", "STAFF"}) String role,
                       @ApiShape.Required List<String> offices, boolean disabled, boolean mustChangePassword) {
  }

  static OfficeAccount of(Account a) {
    return new OfficeAccount(a.username(), a.displayName(), a.role().name(), List.copyOf(a.offices()), a.disabled(),
        a.mustChangePassword());
  }
}
