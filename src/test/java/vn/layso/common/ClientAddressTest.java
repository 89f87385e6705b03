package vn.layso.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

  private final ClientAddress proxies = ClientAddress.trusting(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8, ::1, 172.16.0.0/12");

  @Test
  void ipv4RangesAndSingleAddressesAreTrusted() {
    assertThat(proxies.isTrusted("10.0.0.1")).isTrue();
    assertThat(proxies.isTrusted("10.255.255.255")).isTrue();
    assertThat(proxies.isTrusted("11.0.0.0")).isFalse();
    assertThat(proxies.isTrusted("192.168.1.7")).isTrue();
    assertThat(proxies.isTrusted("192.168.1.8")).isFalse();
  }

  @Test
  void prefixesThatDoNotEndOnAByteBoundaryAreRespected() {
    assertThat(proxies.isTrusted("172.16.0.1")).isTrue();
    assertThat(proxies.isTrusted("172.31.255.254")).isTrue();
    assertThat(proxies.isTrusted("172.32.0.1")).isFalse();
    assertThat(proxies.isTrusted("172.15.255.255")).isFalse();
    var v6 = ClientAddress.trusting("2001:db8::/33");
    assertThat(v6.isTrusted("2001:db8:7fff::1")).isTrue();
    assertThat(v6.isTrusted("2001:db8:8000::1")).isFalse();
  }

  @Test
  void ipv6RangesAndLoopbackInAnySpellingAreTrusted() {
    assertThat(proxies.isTrusted("fd12:3456::1")).isTrue();
    assertThat(proxies.isTrusted("fe80::1")).isFalse();
    assertThat(proxies.isTrusted("::1")).isTrue();
    assertThat(proxies.isTrusted("0:0:0:0:0:0:0:1")).as("how Vert.x spells the IPv6 loopback").isTrue();
    assertThat(proxies.isTrusted("[::1]")).isTrue();
    assertThat(proxies.isTrusted("::2")).isFalse();
  }

  @Test
  void familiesDoNotMixExceptIpv4MappedAddresses() {
    assertThat(ClientAddress.trusting("0.0.0.0/0").isTrusted("2001:db8::1")).isFalse();
    assertThat(ClientAddress.trusting("::/0").isTrusted("10.0.0.1")).isFalse();
    assertThat(proxies.isTrusted("::ffff:10.0.0.1")).isTrue();
  }

  @Test
  void everythingIsTrustedWithAZeroPrefix() {
    assertThat(ClientAddress.trusting("0.0.0.0/0").isTrusted("203.0.113.9")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "example.com", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::1/129",
      "10.0.0", "1.2.3.4.5", "300.1.1.1", "10.0.0.0/", "/8", "1.2.3.4/8/9"})
  void malformedEntriesAreRefusedAtStart(String entry) {
    assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.1," + entry))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyListTrustsNobody() {
    assertThat(ClientAddress.trusting("").isTrusted("127.0.0.1")).isFalse();
    assertThat(ClientAddress.trusting(null).isTrusted("127.0.0.1")).isFalse();
    assertThat(ClientAddress.trusting(" , ").isTrusted("127.0.0.1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "1.2.3.256", "999.999.999.999",
      "1.2.3.4:80", "fe80::1%eth0", "::1:2:3:4:5:6:7:8:9", "0x7f.0.0.1", "2130706433", "1.2.3.4 ", "[1.2.3.4"})
  void onlyIpLiteralsAreAddresses(String text) {
    assertThat(ClientAddress.literal(text)).as(text).satisfiesAnyOf(
        bytes -> assertThat(bytes).isNull(),
        bytes -> assertThat(text.strip()).isEqualTo("1.2.3.4"));
  }

  @Test
  void aPeerThatIsNotATrustedProxyCannotSpoofItsAddress() {
    assertThat(proxies.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    assertThat(proxies.resolve("203.0.113.9", "10.0.0.1")).isEqualTo("203.0.113.9");
    assertThat(ClientAddress.trusting("").resolve("127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    assertThat(proxies.resolve("10.0.0.2", "198.51.100.1")).isEqualTo("198.51.100.1");
    assertThat(proxies.resolve("10.0.0.2", "6.6.6.6, 198.51.100.1")).as("the left part is the client's to forge")
        .isEqualTo("198.51.100.1");
    assertThat(proxies.resolve("10.0.0.2", "6.6.6.6,198.51.100.1 , 10.1.1.1,192.168.1.7"))
        .as("proxy hops are skipped").isEqualTo("198.51.100.1");
    assertThat(proxies.resolve("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8::5");
  }

  @Test
  void withoutAnUntrustedHopThePeerIsTheClient() {
    assertThat(proxies.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
    assertThat(proxies.resolve("10.0.0.2", "10.0.0.3, 10.0.0.4")).isEqualTo("10.0.0.2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "garbage", "198.51.100.1, not-an-ip", "198.51.100.1, ,10.0.0.1", "1.2.3.4:5678",
      "198.51.100.1, 10.0.0.1, <script>"})
  void aGarbledHeaderFallsBackToThePeerRatherThanToAnyForgedValue(String header) {
    assertThat(proxies.resolve("10.0.0.2", header)).isEqualTo("10.0.0.2");
  }

  @Test
  void aHugeHeaderFallsBackToThePeer() {
    assertThat(proxies.resolve("10.0.0.2", "a".repeat(5000))).isEqualTo("10.0.0.2");
    assertThat(proxies.resolve("10.0.0.2", "1.1.1.1,".repeat(2000) + "x")).isEqualTo("10.0.0.2");
  }

  @Test
  void anIpv4AddressIsItsOwnRateBucket() {
    assertThat(ClientAddress.rateBucket("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(ClientAddress.rateBucket("198.51.100.8")).isEqualTo("198.51.100.8");
    assertThat(ClientAddress.rateBucket("::ffff:198.51.100.7")).as("IPv4-mapped").isEqualTo("198.51.100.7");
  }

  @Test
  void everyAddressOfAnIpv6Slash64SharesOneRateBucket() {
    String bucket = ClientAddress.rateBucket("2001:db8:1:2::1");
    assertThat(bucket).isEqualTo("2001:db8:1:2::/64");
    for (String sameNetwork : List.of("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:0db8:0001:0002:abcd::9",
        "[2001:db8:1:2::77]", "2001:DB8:1:2:0:0:0:1")) {
      assertThat(ClientAddress.rateBucket(sameNetwork)).as(sameNetwork).isEqualTo(bucket);
    }
    for (String otherNetwork : List.of("2001:db8:1:3::1", "2001:db8:1:1:ffff:ffff:ffff:ffff", "2001:db9:1:2::1",
        "::1")) {
      assertThat(ClientAddress.rateBucket(otherNetwork)).as(otherNetwork).isNotEqualTo(bucket);
    }
    assertThat(ClientAddress.rateBucket("0:0:0:0:0:0:0:1")).isEqualTo(ClientAddress.rateBucket("::1"))
        .isEqualTo("0:0:0:0::/64");
  }

  @Test
  void whatIsNotAnIpLiteralIsItsOwnRateBucket() {
    assertThat(ClientAddress.rateBucket("not-an-address")).isEqualTo("not-an-address");
  }
}
