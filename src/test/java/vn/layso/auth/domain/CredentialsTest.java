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
    assertThat(new Principal("a", Role.ADMIN, null, later).actsFor("demo")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).actsFor("demo")).isTrue();
    assertThat(new Principal("k", Role.DEVICE, "demo", later).actsFor("demo")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "north", later).actsFor("demo")).isFalse();
    assertThat(new Principal("k", Role.DEVICE, "north", later).actsFor("demo")).isFalse();
  }

  @Test
  void whoMayServeWhere() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");
    assertThat(new Principal("a", Role.ADMIN, null, later).mayServe("any")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).mayServe("demo")).isTrue();
    assertThat(new Principal("s", Role.STAFF, "demo", later).mayServe("other")).isFalse();
    assertThat(new Principal("k", Role.DEVICE, "demo", later).mayServe("demo")).isFalse();
    assertThat(new Principal("k", Role.DEVICE, "demo", later).source()).isEqualTo("device:k");
  }
}
