package vn.layso.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void usernames() {
    assertThat(Credentials.validUsername("can-bo.01")).isTrue();
    assertThat(Credentials.validUsername("a")).isFalse();
    assertThat(Credentials.validUsername("Nguyễn")).isFalse();
    assertThat(Credentials.validUsername("x".repeat(41))).isFalse();
    assertThat(Credentials.validUsername(null)).isFalse();
  }

  @Test
  void passwords() {
    assertThat(Credentials.passwordProblem("short")).isEqualTo("password_too_short");
    assertThat(Credentials.passwordProblem("mật khẩu dài đủ")).isNull();
    assertThat(Credentials.passwordProblem("đ".repeat(40))).as("80 bytes").isEqualTo("password_too_long");
  }

  @Test
  void aPasswordIsTooLongPastBcryptsSeventyTwoBytes() {
    assertThat(Credentials.tooLong("x".repeat(72))).isFalse();
    assertThat(Credentials.tooLong("x".repeat(73))).isTrue();
    assertThat(Credentials.tooLong("đ".repeat(36))).as("72 bytes").isFalse();
    assertThat(Credentials.tooLong("đ".repeat(36) + "x")).as("73 bytes, 37 characters").isTrue();
  }

  @Test
  void onlyTheOfficesOwnKioskOrStaffOrAnAdminActForIt() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(new Principal("a", Role.ADMIN, (String) null, later).actsFor("demo")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).actsFor("demo")).isTrue();
    assertThat(kiosk("demo", DeviceKind.KIOSK, later).actsFor("demo")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "north", later).actsFor("demo")).isFalse();
    assertThat(kiosk("north", DeviceKind.KIOSK, later).actsFor("demo")).isFalse();
    assertThat(kiosk("demo", DeviceKind.DISPLAY, later).actsFor("demo")).as("a display issues nothing").isFalse();
    assertThat(kiosk("demo", DeviceKind.RATING, later).actsFor("demo")).as("a rating tablet issues nothing").isFalse();
  }

  @Test
  void managersRunTheirOfficesOnly() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    Principal manager = new Principal("m", Role.MANAGER, java.util.List.of("demo", "north"), later);
    assertThat(manager.mayManage("demo")).isTrue();
    assertThat(manager.mayManage("north")).isTrue();
    assertThat(manager.mayManage("south")).isFalse();
    assertThat(manager.mayServe("north")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).mayManage("demo")).isFalse();
    assertThat(new Principal("a", Role.ADMIN, (String) null, later).mayManage("south")).isTrue();
    assertThat(kiosk("demo", DeviceKind.KIOSK, later).mayManage("demo")).isFalse();
  }

  private static Principal kiosk(String office, DeviceKind kind, Instant expiresAt) {
    return new Principal("k", Role.DEVICE, java.util.List.of(office), expiresAt, kind, null);
  }

  @Test
  void whoMayServeWhere() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(new Principal("a", Role.ADMIN, (String) null, later).mayServe("any")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).mayServe("demo")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).mayServe("other")).isFalse();
    assertThat(kiosk("demo", DeviceKind.KIOSK, later).mayServe("demo")).isFalse();
    assertThat(kiosk("demo", DeviceKind.KIOSK, later).source()).isEqualTo("device:k");
  }
}
