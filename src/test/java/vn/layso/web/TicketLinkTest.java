package vn.layso.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketLinkTest {

  @Test
  void publicUrlWinsAndLosesItsTrailingSlash() {
    assertThat(TicketLink.base("https://layso.example.gov.vn/", "http", "evil.example", 80))
        .isEqualTo("https://layso.example.gov.vn");
    assertThat(TicketLink.of(TicketLink.base("https://x.vn/layso", "http", "h", 1), "demo.abc"))
        .isEqualTo("https://x.vn/layso/t/demo.abc");
  }

  @Test
  void withoutPublicUrlTheRequestsOriginIsUsed() {
    assertThat(TicketLink.base(null, "http", "192.168.1.20", 8080)).isEqualTo("http://192.168.1.20:8080");
    assertThat(TicketLink.base(null, "https", "Layso.UBND.vn", 443)).isEqualTo("https://layso.ubnd.vn");
    assertThat(TicketLink.base(null, "http", "kiosk-server", -1)).isEqualTo("http://kiosk-server");
    assertThat(TicketLink.base(null, "http", "[fe80::1]", 8080)).isEqualTo("http://[fe80::1]:8080");
  }

  @Test
  void aHostThatIsNotAHostIsRefused() {
    for (String host : new String[] {null, "", "evil.com/x", "a b", "<script>", "x\"y", "user@host", "-bad.vn",
        "a".repeat(254), "[not-v6]"}) {
      assertThat(TicketLink.base(null, "http", host, 80)).as(host).isNull();
    }
    assertThat(TicketLink.base(null, "javascript", "host", 80)).isNull();
  }
}
